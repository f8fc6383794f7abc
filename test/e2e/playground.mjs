// UI test of the playground and the cost report in code-server: a loopback OpenAI fake is set as
// the `openai` provider in the workspace's .promptcost.yaml, the key is stored with "PromptCost:
// Set API Key", the playground opens from the code lens of suggest_replies() in bot.py, and the
// streamed answer, the actual tokens and cost, and a cache hit on the second run are read from
// the panel. Then two rows go through batch mode (the fake's batch API), a held batch is cancelled
// from the panel (the fake must see the cancel for the message to appear), the theme turns dark for
// a second set of screenshots, and the cost report opens and one of its file:line links is followed.
// Screenshots in $SHOTS. Exit code 1 when any step fails.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { launch } from './browser.mjs';

const BASE = process.env.CS_URL;
const WS = process.env.WS;
const SHOTS = process.env.SHOTS;
const ROOT = new URL('../..', import.meta.url).pathname;
const FILE = 'support-bot/bot.py';
const KEY = 'sk-e2e-playground-0123456789';

// The fake, in a child process (it is TypeScript, run with tsx); its stdin closing stops it.
const fake = spawn(`${ROOT}/node_modules/.bin/tsx`, [`${ROOT}/test/e2e/playground-fake.ts`, KEY], { stdio: ['pipe', 'pipe', 'inherit'] });
const { baseUrl } = JSON.parse(await new Promise((resolve, reject) => {
  createInterface({ input: fake.stdout }).once('line', resolve);
  fake.once('exit', (code) => reject(new Error(`the fake exited with ${code}`)));
}));
// The workspace copy (never examples/ itself) sends openai/* to the fake.
const config = `${WS}/.promptcost.yaml`;
const yaml = readFileSync(config, 'utf8');
if (!/^providers:\n/m.test(yaml)) throw new Error('examples/.promptcost.yaml has no providers: block');
writeFileSync(config, yaml.replace(/^providers:\n/m, `providers:\n  openai: { baseUrl: "${baseUrl}" }\n`));

const lines = readFileSync(`${WS}/${FILE}`, 'utf8').split('\n');
const callLine = lines.findIndex((l) => l.includes('def suggest_replies')) + 2;

const { context, page } = await launch();
const results = {};
const step = async (name, fn) => {
  const started = Date.now();
  try {
    results[name] = { ok: true, ...((await fn()) || {}) };
    results[name].ms = Date.now() - started;
    console.log('OK  ', name, JSON.stringify(results[name]));
  } catch (error) {
    results[name] = { ok: false, error: String(error.message || error).split('\n')[0] };
    console.log('FAIL', name, results[name].error);
    await page.screenshot({ path: `${SHOTS}/FAIL-playground-${name}.png` }).catch(() => {});
  }
};
const shot = (name) => page.screenshot({ path: `${SHOTS}/${name}.png` });
const flat = (s) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
const quickInput = page.locator('.quick-input-widget input');

async function command(title) {
  await page.keyboard.press('F1');
  await quickInput.waitFor({ state: 'visible', timeout: 10000 });
  await quickInput.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Enter');
}

const webview = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

await step('p1-open', async () => {
  await page.goto(`${BASE}/?folder=${encodeURIComponent(WS)}`, { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
  await page.keyboard.press('Control+P');
  await quickInput.waitFor({ state: 'visible', timeout: 10000 });
  await quickInput.fill(FILE);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'bot.py' }).first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: 'SupportBot' }).waitFor({ timeout: 30000 });
});

await step('p2-set-key', async () => {
  await command('PromptCost: Set API Key');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'openai' }).first().waitFor({ timeout: 10000 });
  await quickInput.fill('openai');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget', { hasText: 'API key for openai' }).waitFor({ timeout: 10000 });
  if ((await quickInput.getAttribute('type')) !== 'password') throw new Error('the key box is not a password box');
  await quickInput.fill(KEY);
  await page.keyboard.press('Enter');
  await page.locator('.notifications-toasts', { hasText: 'saved the API key for openai' }).waitFor({ timeout: 10000 });
  await shot('p2-key-saved');
});

await step('p3-open-playground-from-lens', async () => {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await quickInput.fill(`:${callLine + 1}:1`);
  await page.keyboard.press('Enter');
  // suggest_replies() holds the last call of the file: its lens is the lowest one on screen.
  // Only lenses on screen: the editor keeps hidden decorations of lines scrolled away.
  const lenses = page.locator('.monaco-editor .codelens-decoration', { hasText: /Open\s+in\s+playground/ }).filter({ visible: true });
  await lenses.first().waitFor({ timeout: 60000 });
  let target;
  for (const lens of await lenses.all()) {
    const box = await lens.boundingBox();
    if (box && (!target || box.y > target.box.y)) target = { lens, box };
  }
  if (!target) throw new Error('no playground lens on screen');
  await target.lens.getByText(/Open\s+in\s+playground/).click();
  await webview().locator('#user').waitFor({ timeout: 30000 });
  const user = await webview().locator('#user').inputValue();
  if (!user.includes('Suggest three short replies')) throw new Error(`the panel has another prompt: ${user.slice(0, 120)}`);
  await webview().locator('#source', { hasText: 'bot.py' }).waitFor({ timeout: 10000 });
  return { user: flat(user).slice(0, 160), source: await webview().locator('#source').innerText() };
});

await step('p4-preview', async () => {
  await webview().locator('#var-last_answer').fill('Your card is on its way.');
  const card = webview().locator('#preview article.card').first();
  await card.locator('tbody tr', { hasText: 'compression' }).waitFor({ timeout: 30000 });
  await shot('p4-preview');
  return { rows: (await card.locator('tbody tr').allInnerTexts()).map(flat) };
});

const runOnce = async (expectCache) => {
  await webview().locator('#run').click();
  // The previous run's table stays until the new run starts: wait for this run's cache outcome.
  const stats = webview().locator('#runs table.stats').first();
  await stats.locator('[data-field="cache"]', { hasText: expectCache }).waitFor({ timeout: 60000 });
  const answer = flat(await webview().locator('#runs pre.answer').first().innerText());
  const field = async (name) => flat(await stats.locator(`[data-field="${name}"]`).innerText());
  const values = { answer, model: await field('model'), input: await field('input'), output: await field('output'), cost: await field('cost'), cache: await field('cache'), route: await field('route') };
  if (!answer.startsWith('Echo:') || !answer.includes('Your card is on its way.')) throw new Error(`unexpected answer: ${answer.slice(0, 200)}`);
  if (!/^\d/.test(values.input) || !/^\d/.test(values.output)) throw new Error(`no tokens: ${JSON.stringify(values)}`);
  if (values.cache !== expectCache) throw new Error(`cache ${values.cache}, expected ${expectCache}`);
  return values;
};

await step('p5-run', async () => {
  const values = await runOnce('miss');
  if (!/^\$\d/.test(values.cost) || values.cost === '$0') throw new Error(`no cost: ${values.cost}`);
  await shot('p5-run');
  return values;
});

await step('p6-run-again-cache-hit', async () => {
  const values = await runOnce('hit');
  await webview().locator('#ledger-today', { hasText: /2 calls, 1 from the cache/ }).waitFor({ timeout: 15000 });
  await webview().locator('#ledger').scrollIntoViewIfNeeded();
  await shot('p6-cache-hit');
  return { ...values, ledgerToday: flat(await webview().locator('#ledger-today').innerText()) };
});

await step('p6b-batch', async () => {
  // Two rows, each the value of the prompt's only placeholder ({last_answer}), as one batch.
  await webview().locator('#batch-rows').fill('Your card is on its way.\nYour refund was sent today.');
  await webview().locator('#batch-submit').click();
  await webview().locator('#batch-status', { hasText: 'Batch done' }).waitFor({ timeout: 60000 });
  const rows = (await webview().locator('#batch-body tr').allInnerTexts()).map(flat);
  if (rows.length !== 2 || !rows.every((row) => row.includes('Echo:'))) throw new Error(`unexpected batch rows: ${JSON.stringify(rows)}`);
  const total = flat(await webview().locator('#batch-totals').innerText());
  if (!/2 of 2 rows(, 1 from the cache)?: \$\d/.test(total) || !/saved \$\d/.test(total)) throw new Error(`unexpected batch totals: ${total}`);
  await webview().locator('#batch').scrollIntoViewIfNeeded();
  await shot('p6b-batch');
  return { rows, total };
});

await step('p6g-batch-cancel', async () => {
  // The fake keeps a batch holding HOLD in progress: Cancel batch must cancel it at the provider.
  await webview().locator('#batch-rows').fill('HOLD this one until it is cancelled.');
  await webview().locator('#batch-submit').click();
  await webview().locator('#batch-status', { hasText: /submitted 1 requests to OpenAI as batch batch_\d+|in_progress/ }).waitFor({ timeout: 30000 });
  await webview().locator('#batch-cancel').click();
  const status = webview().locator('#batch-status', { hasText: /Cancelled batch batch_\d+ at OpenAI/ });
  await status.waitFor({ timeout: 30000 });
  if (await webview().locator('#batch-status .error').count()) throw new Error('a cancelled batch is shown as an error');
  if (!(await webview().locator('#batch-cancel').isDisabled())) throw new Error('Cancel batch stays enabled after the cancel');
  await webview().locator('#batch').scrollIntoViewIfNeeded();
  await shot('p6g-batch-cancelled');
  return { status: flat(await status.innerText()) };
});

await step('p6c-dark-theme', async () => {
  // settings.json lets the workbench follow the browser's colour scheme: switch it to dark.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 15000 });
  await webview().locator('#batch').scrollIntoViewIfNeeded();
  await shot('p6c-dark-batch');
  await webview().locator('#preview').scrollIntoViewIfNeeded();
  await shot('p6d-dark-preview');
  await webview().locator('#runs').scrollIntoViewIfNeeded();
  await shot('p6e-dark-run');
  await webview().locator('#ledger').scrollIntoViewIfNeeded();
  await shot('p6f-dark-ledger');
  return { theme: 'Default Dark Modern' };
});

await step('p7-cost-report', async () => {
  // One webview at a time keeps the frame locator unambiguous.
  await command('View: Close All Editors');
  await command('PromptCost: Show Cost Report');
  const report = webview().locator('h1', { hasText: 'PromptCost report' });
  await report.waitFor({ timeout: 90000 });
  const link = webview().locator('a.loc').first();
  const target = await link.innerText();
  await shot('p7-report');
  await link.click();
  const [path] = target.split('#L');
  const name = path.split('/').pop();
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 20000 });
  await shot('p8-report-link-opened');
  return { link: target };
});

await context.close();
fake.stdin.end();
const summary = `${SHOTS}/results.json`;
let all = {};
try {
  all = JSON.parse(readFileSync(summary, 'utf8'));
} catch {
  all = {};
}
writeFileSync(summary, JSON.stringify({ ...all, ...results }, null, 2));
const failed = Object.entries(results).filter(([, r]) => !r.ok).map(([name]) => name);
console.log(failed.length ? `FAILED: ${failed.join(', ')}` : 'all playground checks passed');
process.exit(failed.length ? 1 : 0);
