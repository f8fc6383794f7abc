// UI test of the installed PromptCost VSIX in code-server: opens an example file and reads the
// code lens, the hover, the squiggle and Problems row, applies the quick fix and reads the status
// bar, then opens a file whose LLM call runs through a wrapper function and reads its lenses, with
// a screenshot of each in $SHOTS. Exit code 1 when any step fails.
import { readFileSync, writeFileSync } from 'node:fs';
import { launch } from './browser.mjs';

const BASE = process.env.CS_URL;
const WS = process.env.WS;
const SHOTS = process.env.SHOTS;
// The Python support bot of examples/: reply() sends the whole history and sets no max_tokens;
// suggest_replies() has an f-string prompt.
const FILE = 'support-bot/bot.py';
const PROMPT_TEXT = 'Suggest three short replies';
const BOUND = /max_(completion_)?tokens/;

const source = readFileSync(`${WS}/${FILE}`, 'utf8');
const lines = source.split('\n');
const promptLine = lines.findIndex((l) => l.includes(PROMPT_TEXT));
// The unbounded call: the first `.create(` whose arguments (up to the closing line) set no bound.
const callLine = lines.findIndex((l, i) => {
  if (!l.includes('.create(')) return false;
  const end = lines.findIndex((m, j) => j > i && /^\s*\)\s*$/.test(m));
  return !lines.slice(i, end).some((m) => BOUND.test(m));
});
const callColumn = lines[callLine].indexOf('create(') + 1;

/** Moves the cursor to a 1-based line and column with Go to Line, which also scrolls it into view. */
async function goTo(line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
}

const { context, page } = await launch();
const results = {};
const step = async (name, fn) => {
  const started = Date.now();
  try {
    results[name] = { ok: true, ms: Date.now() - started, ...((await fn()) || {}) };
    results[name].ms = Date.now() - started;
    console.log('OK  ', name, JSON.stringify(results[name]));
  } catch (error) {
    results[name] = { ok: false, error: String(error.message || error).split('\n')[0] };
    console.log('FAIL', name, results[name].error);
    await page.screenshot({ path: `${SHOTS}/FAIL-${name}.png` }).catch(() => {});
  }
};
const shot = (name) => page.screenshot({ path: `${SHOTS}/${name}.png` });
const flat = (s) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

await step('01-open', async () => {
  await page.goto(`${BASE}/?folder=${encodeURIComponent(WS)}`, { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(FILE);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'bot.py' }).first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: 'SupportBot' }).waitFor({ timeout: 30000 });
  await shot('01-editor');
});

await step('02-codelens', async () => {
  const lens = page.locator('.monaco-editor .codelens-decoration', { hasText: /tokens · \$[\d.,]+\/call · \$[\d.,]+\/month/ });
  await lens.first().waitFor({ timeout: 60000 });
  await page.locator('.monaco-editor .codelens-decoration', { hasText: 'Open in playground' }).first().waitFor({ timeout: 10000 });
  await shot('02-codelens');
  return { lenses: (await lens.allInnerTexts()).map(flat) };
});

await step('03-hover', async () => {
  await goTo(promptLine + 1, 1);
  const target = page.locator('.monaco-editor .view-lines span span', { hasText: PROMPT_TEXT }).first();
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: /tokens/ });
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.mouse.move(5, 5);
    await target.hover();
    try {
      await hover.first().waitFor({ timeout: 10000 });
      break;
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
  const text = flat(await hover.first().innerText());
  if (!/\$[\d.,]+/.test(text) || !/\/month|\$\/month/.test(text)) throw new Error(`hover without dollars: ${text.slice(0, 200)}`);
  await shot('03-hover');
  return { text: text.slice(0, 400) };
});

await step('04-diagnostics', async () => {
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30000 });
  const squiggles = await page.locator('.monaco-editor .squiggly-warning').count();
  await page.keyboard.press('Control+Shift+M');
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'unbounded-output' });
  await row.first().waitFor({ timeout: 15000 });
  await shot('04-problems');
  const problems = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map(flat);
  await page.keyboard.press('Control+Shift+M');
  return { squiggles, problems };
});

await step('05-quickfix', async () => {
  await page.locator('.monaco-editor .view-lines').first().click();
  await goTo(callLine + 1, callColumn);
  await page.keyboard.press('Control+.');
  const rows = page.locator('.action-widget .monaco-list-row');
  await rows.filter({ hasText: BOUND }).first().waitFor({ timeout: 15000 });
  await shot('05-quickfix-menu');
  const titles = (await rows.allInnerTexts()).map(flat);
  const index = titles.findIndex((t) => BOUND.test(t));
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  // "Add max_completion_tokens: 400" must leave `max_completion_tokens=400,` in the call.
  const [, parameter, value] = /Add (\w+): (\d+)/.exec(titles[index]);
  const expected = `${parameter}=${value},`;
  if (source.includes(expected)) throw new Error(`${expected} was already in the file`);
  await page.locator('.monaco-editor .view-lines', { hasText: expected }).waitFor({ timeout: 15000 });
  await shot('06-after-fix');
  const text = (await page.locator('.monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
  return { menu: titles, fixedLine: text.split('\n').find((l) => l.includes(expected))?.trim() };
});

await step('07-statusbar', async () => {
  const item = page.locator('.statusbar-item', { hasText: /\$[\d.,]+\/month/ });
  await item.first().waitFor({ timeout: 30000 });
  await shot('07-statusbar');
  return { text: flat(await item.first().innerText()) };
});

await step('08-wrapper-lenses', async () => {
  // support-bot/replies.py sends every draft through draft(): each call of draft() has its own cost
  // lens, and the call inside draft() says it runs through them.
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill('support-bot/replies.py');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'replies.py' }).first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: 'def draft' }).waitFor({ timeout: 30000 });
  const inner = page.locator('.monaco-editor .codelens-decoration', { hasText: /runs through 2 calls of its function/ });
  await inner.first().waitFor({ timeout: 60000 });
  const callers = page.locator('.monaco-editor .codelens-decoration', { hasText: /tokens · \$[\d.,]+\/call · \$[\d.,]+\/month/ });
  await callers.first().waitFor({ timeout: 30000 });
  await shot('08-wrapper-lenses');
  return { inner: flat(await inner.first().innerText()), callers: (await callers.allInnerTexts()).map(flat) };
});

await context.close();
writeFileSync(`${SHOTS}/results.json`, JSON.stringify(results, null, 2));
const failed = Object.entries(results).filter(([, r]) => !r.ok).map(([name]) => name);
console.log(failed.length ? `FAILED: ${failed.join(', ')}` : 'all UI checks passed');
process.exit(failed.length ? 1 : 0);
