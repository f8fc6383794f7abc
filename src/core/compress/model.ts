/** How far compression may go: `safe` keeps the meaning and tone, `aggressive` also drops style. */
export type CompressLevel = 'safe' | 'aggressive';

export const COMPRESS_LEVELS: readonly CompressLevel[] = ['safe', 'aggressive'];

export interface CompressOptions {
  level?: CompressLevel;
  /**
   * Extra literal texts that must pass through untouched, for template syntaxes the built-in
   * patterns do not know (`<<NAME>>`, `@user`). `{x}`, `{{x}}`, `${x}`, `[x]`, `<x>` are built in.
   */
  placeholders?: readonly string[];
}

/** One change, with offsets into the ORIGINAL text (UTF-16 code units) so an editor can show it. */
export interface CompressEdit {
  /** Id of the rule (or rules, joined by `+`) that made the change. */
  rule: string;
  /** Why the change is safe to make, in words. */
  reason: string;
  before: string;
  after: string;
  start: number;
  end: number;
}

export interface CompressResult {
  text: string;
  edits: CompressEdit[];
  level: CompressLevel;
  /** `en` when the English rule set ran; otherwise the text is returned unchanged. */
  language: 'en' | 'other';
}
