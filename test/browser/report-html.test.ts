import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { cli } from '../unit/cli/run-cli';

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'report');
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** The only schemes a self-contained page may touch. */
const LOCAL = /^(file|data|about):/;

async function launch(colorScheme: 'light' | 'dark'): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'promptcost-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    colorScheme,
    viewport: { width: 1280, height: 900 },
  });
}

describe('promptcost report --format html in headless Chromium', () => {
  let reportFile: string;

  before(async () => {
    execFileSync('bash', [path.join(ROOT, 'scripts/ensure-chromium.sh')], { stdio: 'inherit' });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    reportFile = path.join(ARTIFACTS, 'examples-report.html');
    const run = await cli(ROOT, 'report', 'examples', '--format', 'html', '--out', reportFile);
    assert.equal(run.code, 0, run.stderr);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`renders the examples' report in ${scheme} mode with charts and links, and no request leaves the page`, async () => {
      const context = await launch(scheme);
      try {
        const requests: string[] = [];
        await context.route('**/*', (route) => {
          const url = route.request().url();
          requests.push(url);
          return LOCAL.test(url) ? route.continue() : route.abort();
        });
        const page = await context.newPage();
        const consoleErrors: string[] = [];
        page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
        await page.goto(`file://${reportFile}`, { waitUntil: 'load' });

        assert.equal(await page.locator('h1').textContent(), 'PromptCost report');
        assert.equal(await page.locator('svg.chart').count(), 3, 'cost by model, top prompts, savings by strategy');
        assert.ok((await page.locator('svg.chart rect.chart-model').count()) > 0);
        const link = page.locator('a.loc').first();
        assert.match((await link.getAttribute('href')) ?? '', /^examples\/.+#L\d+$/);
        assert.match((await link.getAttribute('data-line')) ?? '', /^\d+$/);

        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        assert.equal(background, scheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
        const barFill = await page.evaluate(() => getComputedStyle(document.querySelector('rect.chart-bar')!).fill);
        assert.equal(barFill, scheme === 'dark' ? 'rgb(68, 147, 248)' : 'rgb(9, 105, 218)');

        await page.screenshot({ path: path.join(ARTIFACTS, `report-${scheme}.png`), fullPage: true });
        await page.screenshot({ path: path.join(ARTIFACTS, `report-${scheme}-top.png`) });
        assert.deepEqual(requests.filter((url) => !LOCAL.test(url)), [], 'requests that left the page');
        assert.deepEqual(consoleErrors, [], 'the CSP blocked nothing the page needs');
      } finally {
        await context.close();
      }
    });
  }
});
