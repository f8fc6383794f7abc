import { formatTokens, formatUsd } from '../../core/analysis/format';
import type { ScanJson } from './scan-report';

type Align = 'left' | 'right';

/** A plain text table: header, a rule, rows; columns padded to their widest cell. */
export function table(header: string[], rows: string[][], align: Align[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const cell = (text: string, i: number) => (align[i] === 'right' ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const line = (cells: string[]) => `  ${cells.map(cell).join('  ')}`.trimEnd();
  return [line(header), `  ${widths.map((w) => '─'.repeat(w)).join('  ')}`.trimEnd(), ...rows.map(line)];
}

/**
 * The readable form of a scan: one table of prompts per file, the calls beneath it, then totals.
 * Monthly figures are per call site at the configured volume.
 */
export function formatScanText(json: ScanJson, options: { color: boolean }): string {
  const bold = (t: string) => (options.color ? `\u001b[1m${t}\u001b[22m` : t);
  const dim = (t: string) => (options.color ? `\u001b[2m${t}\u001b[22m` : t);
  const out: string[] = [];
  const paths = [...new Set([...json.prompts.map((p) => p.path), ...json.calls.map((c) => c.path)])];
  for (const file of paths) {
    out.push(bold(file));
    const prompts = json.prompts.filter((p) => p.path === file);
    if (prompts.length > 0) {
      out.push(
        ...table(
          ['line', 'role', 'tokens', 'model', '$/call', '$/1k calls', 'sent by'],
          prompts.map((p) => [
            p.startLine === p.endLine ? `${p.startLine}` : `${p.startLine}-${p.endLine}`,
            p.role,
            formatTokens(p.tokens, p.estimate) + (p.placeholders.length > 0 ? ` +{${p.placeholders.length}}` : ''),
            p.model ?? 'unknown model',
            p.cost ? formatUsd(p.cost.perCallUsd) : '—',
            p.cost ? formatUsd(p.cost.per1kCallsUsd) : '—',
            p.call
              ? p.call.through
                ? `${p.call.callee}() (line ${p.call.line}) → ${p.call.api} (line ${p.call.through.line})`
                : `${p.call.api} (line ${p.call.line})`
              : p.importedBy.map((i) => `${i.path}:${i.line}`).join(', ') || '—',
          ]),
          ['right', 'left', 'right', 'left', 'right', 'right', 'left'],
        ),
      );
    }
    const calls = json.calls.filter((c) => c.path === file);
    if (calls.length > 0) {
      out.push('');
      out.push(
        ...table(
          ['call', 'api', 'model', 'input', 'output', '$/call', '$/month', ''],
          calls.map((c) => [
            `line ${c.line}`,
            c.api,
            c.model ?? (c.modelAsWritten ? `${c.modelAsWritten} (unknown)` : 'default'),
            formatTokens(c.inputTokens),
            c.outputBound === null ? 'unbounded' : `≤${c.outputBound}`,
            c.cost ? formatUsd(c.cost.perCallUsd) : '—',
            c.cost ? formatUsd(c.cost.perMonthUsd) : '—',
            [
              c.through ? `${c.callee}() → line ${c.through.line}` : '',
              c.relayedBy.length > 0 ? `runs through its callers (line${c.relayedBy.length === 1 ? '' : 's'} ${c.relayedBy.join(', ')})` : '',
              c.inLoop ? 'in a loop' : '',
              ...c.importedPrompts.map((i) => `sends ${i.name} (${i.path})`),
            ]
              .filter(Boolean)
              .join('; '),
          ]),
          ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'left'],
        ),
      );
    }
    out.push('');
  }
  for (const notice of json.notices) {
    out.push(dim(`${notice.path}${notice.line ? `:${notice.line}` : ''}: ${notice.message}`));
  }
  if (json.notices.length > 0) out.push('');
  const monthly = json.calls.reduce((sum, c) => sum + (c.cost?.perMonthUsd ?? 0), 0);
  const estimated = json.prompts.some((p) => p.estimate);
  out.push(
    bold(
      `${json.prompts.length} prompt${json.prompts.length === 1 ? '' : 's'} and ${json.calls.length} LLM call${json.calls.length === 1 ? '' : 's'} in ${paths.length} file${paths.length === 1 ? '' : 's'}` +
        ` · ${formatUsd(monthly)}/month at the configured volumes`,
    ),
  );
  out.push(dim(`Prices from the catalog of ${json.catalogDate}.${estimated ? ' ≈ marks token estimates for non-OpenAI tokenizers.' : ''} +{n}: placeholders not counted.`));
  return `${out.join('\n')}\n`;
}
