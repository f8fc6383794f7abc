import type { TextSpan } from '../../extract/model';

/** The span inside the quotes of a simple string literal at `span`, or null when it is not one (prefixes, interpolation). */
export function simpleStringContent(text: string, span: TextSpan): TextSpan | null {
  const quote = text[span.start];
  if (quote !== '"' && quote !== "'" && quote !== '`') return null;
  if (text[span.end - 1] !== quote || span.end - span.start < 2) return null;
  const content = text.slice(span.start + 1, span.end - 1);
  if (/[\\\n]/.test(content) || content.includes(quote) || (quote === '`' && content.includes('${'))) return null;
  return { start: span.start + 1, end: span.end - 1 };
}
