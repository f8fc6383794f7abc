// Headless Debian Chromium through playwright-core, as the code-server recipe launches it.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync } from 'node:fs';

export async function launch() {
  const dir = process.env.CHROME_PROFILES || '/tmp/promptcost-e2e-chrome';
  mkdirSync(dir, { recursive: true });
  const profile = mkdtempSync(`${dir}/p-`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1500, height: 950 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  return { context, page: context.pages()[0] || (await context.newPage()) };
}
