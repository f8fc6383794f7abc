/**
 * The real PlaygroundPanel and PlaygroundRuntime in plain Node: a fake `vscode` (./fake-vscode),
 * a workspace whose .promptcost.yaml sends openai/* to a loopback OpenAI fake (streaming), and
 * runs played through the panel's own message handler, as the page sends them. Used by the
 * panel's memory test and by bench/playground-memory.ts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PlaygroundPanel as Panel } from '../../../src/extension/playground/panel';
import type { PlaygroundRuntime as Runtime } from '../../../src/extension/playground/runtime';
import { STEP_SWITCHES, type PlaygroundEvent, type PlaygroundInput, type RunSummary } from '../../../src/shared/webview-messages';
import { startOpenAiFake, type OpenAiFake } from '../../fakes/openai-fake';
import { FakeUri, installFakeVscode, type FakeVscode, type FakeWebviewPanel } from './fake-vscode';

const KEY = 'sk-playground-harness-0123456789';
export const HARNESS_MODEL = 'openai/gpt-4o-mini';
const ROOT = path.resolve(__dirname, '../../..');

/** What the panel and the fakes hold that must not grow with the number of runs. */
export interface Retained {
  panels: number;
  pageListeners: number;
  disposeListeners: number;
  panelSubscriptions: number;
  pendingBuffers: number;
  flushTimer: boolean;
  running: boolean;
  batching: boolean;
}

export interface PlaygroundHarness {
  panel: Panel;
  runtime: Runtime;
  fake: OpenAiFake;
  /** Plays one run of a prompt unique to `n` (a cache miss the first time); resolves with its summary. */
  run(n: number): Promise<RunSummary>;
  retained(): Retained;
  cache(): Promise<{ entries: number; cap: number } | undefined>;
  close(): Promise<void>;
}

/** A user message of some length, so each answer streams in many chunks. */
const USER = `Question {n}: ${'please explain the shipping rules for express parcels to the customer '.repeat(8)}`;

export function runInput(n: number): PlaygroundInput {
  return {
    system: 'You are a terse support assistant.',
    user: USER,
    history: [],
    variables: { n: String(n) },
    models: [HARNESS_MODEL],
    steps: Object.fromEntries(STEP_SWITCHES.map((step) => [step, true])) as PlaygroundInput['steps'],
  };
}

export async function startPlaygroundHarness(options: { maxEntries: number }): Promise<PlaygroundHarness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promptcost-playground-'));
  const workspace = path.join(dir, 'ws');
  fs.mkdirSync(workspace);
  const fake = await startOpenAiFake({ key: KEY });
  fs.writeFileSync(
    path.join(workspace, '.promptcost.yaml'),
    `defaultModel: ${HARNESS_MODEL}\nproviders:\n  openai: { baseUrl: "${fake.baseUrl}" }\ncache:\n  maxEntries: ${options.maxEntries}\n`,
  );
  const vscode: FakeVscode = installFakeVscode(workspace);
  // Loaded after the fake is installed: the panel's `import 'vscode'` gets it.
  const { PlaygroundPanel } = require('../../../src/extension/playground/panel') as typeof import('../../../src/extension/playground/panel');
  const { PlaygroundRuntime } = require('../../../src/extension/playground/runtime') as typeof import('../../../src/extension/playground/runtime');
  const runtime = new PlaygroundRuntime(path.join(dir, 'storage'), { get: async (provider) => (provider === 'openai' ? KEY : undefined), describe: () => 'the harness key' });
  const output = { appendLine: () => undefined } as unknown as import('vscode').OutputChannel;
  const panel = new PlaygroundPanel(FakeUri.file(ROOT) as unknown as import('vscode').Uri, runtime, output);
  await panel.open();
  const view: FakeWebviewPanel = vscode.panels[0];
  view.webview.fromPage.fire({ type: 'ready' });

  const run = (n: number) =>
    new Promise<RunSummary>((resolve, reject) => {
      let summary: RunSummary | undefined;
      let streamed = '';
      const subscription = view.webview.toPage.event((message) => {
        const event = message as PlaygroundEvent;
        if (event.type === 'chunk') streamed += event.text;
        else if (event.type === 'runDone') summary = event.result;
        else if (event.type === 'runFailed') {
          subscription.dispose();
          reject(new Error(event.message));
        } else if (event.type === 'ledger' && summary) {
          // The ledger follows the run's last model: the run is over.
          subscription.dispose();
          // The fake records every request and shares the measured process: forget them.
          fake.http.requests.length = 0;
          if (!summary.cached && streamed !== summary.text) reject(new Error('the streamed chunks are not the answer'));
          else resolve(summary);
        }
      });
      view.webview.fromPage.fire({ type: 'run', input: runInput(n) });
    });

  return {
    panel,
    runtime,
    fake,
    run,
    retained: () => ({
      panels: vscode.panels.length,
      pageListeners: view.webview.fromPage.listenerCount,
      disposeListeners: view.disposed.listenerCount,
      ...panel.retained(),
    }),
    cache: () => runtime.cacheEntries(),
    close: async () => {
      panel.dispose();
      runtime.dispose();
      vscode.uninstall();
      await fake.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
