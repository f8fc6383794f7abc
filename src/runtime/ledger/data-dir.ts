/**
 * Where the CLI keeps its ledger and response cache: PROMPTCOST_HOME, else the XDG data folder
 * (~/.local/share/promptcost). The extension passes its global storage path instead.
 */
import * as os from 'node:os';
import * as path from 'node:path';

export function cliDataDir(env: NodeJS.ProcessEnv): string {
  if (env.PROMPTCOST_HOME) return path.resolve(env.PROMPTCOST_HOME);
  const base = env.XDG_DATA_HOME || path.join(env.HOME || os.homedir(), '.local', 'share');
  return path.join(base, 'promptcost');
}

/** File and folder names inside a data folder (the CLI's, or the extension's global storage). */
export const LEDGER_FILE = 'ledger.jsonl';
export const CACHE_DIR = 'cache';
