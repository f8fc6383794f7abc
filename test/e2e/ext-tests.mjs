// Runs the extension integration tests (exports.run of $EXT_TESTS) inside code-server's extension
// host: code-server takes extensionDevelopmentPath/extensionTestsPath through ?payload= and reports
// the result by calling window.codeAutomationExit(code).
import { launch } from './browser.mjs';

const BASE = process.env.CS_URL;
const host = new URL(BASE).host;
const payload = [
  ['extensionDevelopmentPath', `vscode-remote://${host}${process.env.EXT_DEV}`],
  ['extensionTestsPath', `vscode-remote://${host}${process.env.EXT_TESTS}`],
];
const url = `${BASE}/?folder=${encodeURIComponent(process.env.WS)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

const { context, page } = await launch();
let done;
const exited = new Promise((resolve) => (done = resolve));
await page.exposeFunction('codeAutomationExit', (code) => done(code));
// The extension host's console (mocha's reporter) is forwarded to the page console.
page.on('console', (message) => {
  const text = message.text();
  if (/promptcost-ext|passing|failing|pending|✔|\d+\) |Error|at Context/.test(text)) console.log('[ext]', text.slice(0, 600));
});
const started = Date.now();
await page.goto(url);
const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 240000))]);
console.log(`extension tests: codeAutomationExit(${code}) after ${((Date.now() - started) / 1000).toFixed(1)}s`);
await context.close();
process.exit(code === 0 ? 0 : 1);
