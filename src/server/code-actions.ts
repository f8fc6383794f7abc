import { CodeActionKind, type CodeAction, type CodeActionParams, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { FileCosts } from '../core/analysis/model';
import type { Finding, Fix } from '../core/rules';
import { callPrompt } from './code-lens';
import { findingDiagnostic, rangeOf, type PositionAt } from './diagnostics';
import { Commands, type OpenPlaygroundArgs } from './protocol';

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

export interface CodeActionTarget {
  uri: string;
  version: number;
  findings: readonly Finding[];
  positionAt: PositionAt;
  /** Versioned document edits when the client supports them, so a stale fix is refused. */
  versionedEdits: boolean;
  /** The priced prompts and calls, for "Try in playground" on each prompt under the range. */
  costs?: FileCosts;
}

/** "Try in playground" for each prompt under the range: opens the playground on the call it reaches (else the prompt alone). */
function playgroundActions(range: Range, target: CodeActionTarget): CodeAction[] {
  const costs = target.costs;
  if (!costs) return [];
  return costs.prompts.flatMap((prompt, index): CodeAction[] => {
    const promptRange = rangeOf(prompt.site.span, target.positionAt);
    if (!overlaps(promptRange, range)) return [];
    const call = costs.calls.find((c) => c.promptIndexes.includes(index));
    const args: OpenPlaygroundArgs = call
      ? { uri: target.uri, range: rangeOf(call.site.span, target.positionAt), prompt: callPrompt(costs, call), model: call.modelId ?? call.site.model }
      : { uri: target.uri, range: promptRange, prompt: prompt.site.text, model: prompt.modelId };
    const title = `Try in playground${prompt.site.name ? `: ${prompt.site.name}` : ''}`;
    return [{ title, kind: CodeActionKind.QuickFix, command: { title, command: Commands.openPlayground, arguments: [args] } }];
  });
}

function workspaceEdit(fix: Fix, target: CodeActionTarget): WorkspaceEdit {
  const edits: TextEdit[] = fix.edits.map((edit) => ({ range: rangeOf(edit.span, target.positionAt), newText: edit.newText }));
  if (target.versionedEdits) {
    return { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits }] };
  }
  return { changes: { [target.uri]: edits } };
}

/**
 * Quick fixes for the findings under the requested range, one per fix. The first safe fix of a
 * finding is preferred, so "auto fix" and Enter in the menu apply it.
 */
export function codeActions(params: CodeActionParams, target: CodeActionTarget): CodeAction[] {
  if (params.context.only && !params.context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
  const actions: CodeAction[] = [];
  target.findings.forEach((finding, index) => {
    if (finding.fixes.length === 0) return;
    const diagnostic = findingDiagnostic(finding, index, target.positionAt);
    if (!overlaps(diagnostic.range, params.range)) return;
    const preferred = finding.fixes.find((fix) => fix.safe);
    for (const fix of finding.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix === preferred,
        edit: workspaceEdit(fix, target),
      });
    }
  });
  return [...actions, ...playgroundActions(params.range, target)];
}
