import type { FileCosts, PricedPrompt } from './model';

/**
 * Prompts that a call in another file sends (through an import). Their cost is inside that call's,
 * so totals must not count them again as prompts no call sends.
 */
export class SentElsewhere {
  private readonly callers = new Map<string, string>();

  constructor(files: Iterable<FileCosts>) {
    for (const costs of files) {
      for (const call of costs.calls) {
        for (const linked of call.linkedPrompts) {
          const k = key(linked.path, linked.site.span.start);
          if (!this.callers.has(k)) this.callers.set(k, costs.path);
        }
      }
    }
  }

  has(costs: FileCosts, prompt: PricedPrompt): boolean {
    return this.callers.has(key(costs.path, prompt.site.span.start));
  }

  /** The path of the (first) file whose call sends the prompt, or null. */
  sender(costs: FileCosts, prompt: PricedPrompt): string | null {
    return this.callers.get(key(costs.path, prompt.site.span.start)) ?? null;
  }
}

const key = (path: string, start: number) => `${path}\u0000${start}`;
