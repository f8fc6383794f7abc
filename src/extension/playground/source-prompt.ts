/**
 * The prompt a code lens or quick fix opened the playground on: the call at a range of a file,
 * its system and user prompt sites (from the core extractors, run again on the current text), and
 * writing an optimized text back over those literals in their own quoting. Pure over text.
 */
import { analyzeSource, type PromptSite, type SourceLanguage, type TextSpan } from '../../core/extract';
import { writeLiteral } from '../../core/rules/support/write-literal';
import { defaultGrammars } from '../../runtime/scan';

export type EditableRole = 'system' | 'user';

export interface SourcePrompt {
  /** Prompt text per role as the source writes it, placeholders as `{name}`; several sites joined. */
  text: Record<EditableRole, string>;
  /** The single literal behind a role, when there is exactly one (only then can it be written back). */
  sites: Partial<Record<EditableRole, PromptSite>>;
  /** The call's span in the analysed text. */
  callSpan: TextSpan;
}

const ROLE_OF: Record<PromptSite['role'], EditableRole> = { system: 'system', developer: 'system', user: 'user', assistant: 'user', template: 'user', other: 'user' };

/**
 * The call of `text` whose span starts at `callStart` (else the first containing it), and its prompts.
 * Undefined when no call is there any more.
 */
export async function findSourcePrompt(text: string, language: SourceLanguage, callStart: number): Promise<SourcePrompt | undefined> {
  const analysis = await analyzeSource(defaultGrammars(), text, language, { force: true });
  let index = analysis.calls.findIndex((call) => call.span.start === callStart);
  if (index < 0) index = analysis.calls.findIndex((call) => call.span.start <= callStart && callStart < call.span.end);
  if (index < 0) return undefined;
  const byRole: Record<EditableRole, PromptSite[]> = { system: [], user: [] };
  for (const site of analysis.prompts) if (site.callIndex === index) byRole[ROLE_OF[site.role]].push(site);
  const sites: SourcePrompt['sites'] = {};
  for (const role of ['system', 'user'] as const) if (byRole[role].length === 1) sites[role] = byRole[role][0];
  return {
    text: { system: byRole.system.map((s) => s.text).join('\n\n'), user: byRole.user.map((s) => s.text).join('\n\n') },
    sites,
    callSpan: analysis.calls[index].span,
  };
}

export interface LiteralEdit {
  span: TextSpan;
  newText: string;
}

/**
 * Edits that write `next` over the prompt literals of `prompt`, for each role whose text changed.
 * An error text instead when a changed role has no single literal or its literal cannot hold the
 * text faithfully (placeholders reordered, a raw string that would need escapes).
 */
export function literalEdits(source: string, language: SourceLanguage, prompt: SourcePrompt, next: Record<EditableRole, string>): LiteralEdit[] | string {
  const edits: LiteralEdit[] = [];
  for (const role of ['system', 'user'] as const) {
    if (next[role] === prompt.text[role]) continue;
    const site = prompt.sites[role];
    if (!site) return `The ${role} prompt is not one string literal in this file, so it cannot be written back.`;
    const written = writeLiteral(source, site, next[role], language);
    if (written === null) return `The ${role} prompt's literal cannot hold the new text as written (placeholders changed or escapes not allowed).`;
    edits.push({ span: site.pieces[0].span, newText: written });
  }
  return edits;
}
