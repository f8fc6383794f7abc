/** The playground, API key and cost report commands; what they run is loaded on first use. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { OpenPlaygroundArgs } from '../../server/protocol';
import type { PlaygroundFeatures } from './features';

/** The separate bundle esbuild.js builds from ./features.ts. */
const FEATURES_BUNDLE = 'playground-features.js';

export function registerPlayground(context: vscode.ExtensionContext, output: vscode.OutputChannel): vscode.Disposable[] {
  let features: PlaygroundFeatures | undefined;
  const load = (): PlaygroundFeatures => {
    if (!features) {
      const bundle = require(path.join(__dirname, FEATURES_BUNDLE)) as typeof import('./features');
      features = bundle.createPlaygroundFeatures(context, output);
    }
    return features;
  };
  return [
    { dispose: () => features?.dispose() },
    vscode.commands.registerCommand('promptcost.openPlayground', (args?: OpenPlaygroundArgs) => load().openPlayground(args)),
    vscode.commands.registerCommand('promptcost.setApiKey', () => load().setApiKey()),
    vscode.commands.registerCommand('promptcost.showCostReport', () => load().showCostReport()),
  ];
}
