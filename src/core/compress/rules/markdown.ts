/** Markdown that costs tokens without telling the model anything the words do not. */
import { patternRule, type CompressRule } from './rule';

export const boldMarkers = patternRule({
  id: 'markdown/bold',
  level: 'safe',
  reason: 'bold markers add tokens; the words keep their meaning without them',
  pattern: /(\*\*|__)(?=\S)([^*_\n]+?)(?<=\S)\1/g,
  replace: '$2',
});

export const horizontalRules = patternRule({
  id: 'markdown/horizontal-rule',
  level: 'aggressive',
  reason: 'a rule line only separates; a blank line does the same',
  pattern: /^[ \t]*(?:[-*_][ \t]*){3,}\n/gm,
  replace: '',
});

export const headingMarks = patternRule({
  id: 'markdown/heading-marks',
  level: 'aggressive',
  reason: 'heading marks cost tokens; the heading line stays',
  pattern: /^[ \t]*#{1,6}[ \t]+/gm,
  replace: '',
});

export const MARKDOWN_RULES: readonly CompressRule[] = [boldMarkers, horizontalRules, headingMarks];
