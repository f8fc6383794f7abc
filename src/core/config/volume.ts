import picomatch from 'picomatch';
import type { PromptCostConfig } from './model';

const matchers = new Map<string, (path: string) => boolean>();

/** Calls per month for a workspace-relative path: the first matching glob, else the default. */
export function monthlyVolume(config: PromptCostConfig, relativePath: string): number {
  const path = relativePath.replace(/\\/g, '/');
  for (const { glob, calls } of config.volume.byPath) {
    let match = matchers.get(glob);
    if (!match) {
      match = picomatch(glob, { dot: true });
      matchers.set(glob, match);
    }
    if (match(path)) return calls;
  }
  return config.volume.default;
}
