/**
 * Writes new prompt text back into the source literal it came from, in that literal's own form:
 * the same quotes and prefix, escapes valid for that quote, interpolations (`{expr}` in f-strings,
 * `${expr}` in template literals) carried over as written, and the indentation of multi-line
 * literals kept. Returns null whenever that cannot be done faithfully.
 */
import type { LiteralPiece, PromptSite, SourceLanguage } from '../../extract/model';

/** The interpolations written in a literal's body, in order (`{user.name!r}`, `${name}`). */
function interpolations(body: string, python: boolean): string[] | null {
  const found: string[] = [];
  for (let i = 0; i < body.length; i++) {
    if (python && body.startsWith('{{', i)) {
      i++;
      continue;
    }
    if (!python && body[i] === '\\') {
      i++;
      continue;
    }
    const opens = python ? body[i] === '{' : body.startsWith('${', i);
    if (!opens) continue;
    let depth = 0;
    let j = i;
    for (; j < body.length; j++) {
      if (body[j] === '{') depth++;
      else if (body[j] === '}' && --depth === 0) break;
    }
    if (j >= body.length) return null;
    found.push(body.slice(i, j + 1));
    i = j;
  }
  return found;
}

function escapePython(text: string, quote: string, fString: boolean): string {
  let out = text.replace(/\\/g, '\\\\');
  if (fString) out = out.replace(/\{/g, '{{').replace(/\}/g, '}}');
  if (quote.length === 3) {
    // Inside triple quotes a quote needs escaping only where it could close the literal.
    const q = quote[0];
    return out.replace(new RegExp(`${q}(?=${q})|${q}$`, 'g'), `\\${q}`);
  }
  return out.replace(new RegExp(quote, 'g'), `\\${quote}`).replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function escapeJs(text: string, quote: string): string {
  const out = text.replace(/\\/g, '\\\\');
  if (quote === '`') return out.replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  return out.replace(new RegExp(quote, 'g'), `\\${quote}`).replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** Common leading whitespace of the non-empty lines after the first. */
function continuationIndent(body: string): string {
  const lines = body.split('\n').slice(1).filter((line) => line.trim() !== '');
  if (lines.length === 0) return '';
  let indent = /^[ \t]*/.exec(lines[0])![0];
  for (const line of lines) while (!line.startsWith(indent)) indent = indent.slice(0, -1);
  return indent;
}

/**
 * The full source text of the literal (prefix and quotes included) that holds `newText`, where
 * `newText` writes interpolations as `{name}` like `site.text` does; null when that is unsafe.
 */
export function writeLiteral(source: string, site: PromptSite, newText: string, language: SourceLanguage): string | null {
  if (site.pieces.length !== 1) return null;
  const piece: LiteralPiece = site.pieces[0];
  const python = language === 'python';
  const prefix = piece.prefix.toLowerCase();
  // Bytes and raw f-strings: braces and escapes interact in ways not worth the risk.
  if (prefix.includes('b') || (prefix.includes('r') && prefix.includes('f'))) return null;
  const open = piece.span.start + piece.prefix.length + piece.quote.length;
  const close = piece.span.end - piece.quote.length;
  if (source.slice(piece.span.start + piece.prefix.length, open) !== piece.quote) return null;
  const body = source.slice(open, close);
  const interpolating = python ? prefix.includes('f') : piece.quote === '`' && body.includes('${');
  const written = interpolating ? interpolations(body, python) : [];
  if (!written) return null;

  // Split the new text at its placeholders; with interpolation, they must match the source's, in order.
  const names = site.placeholders.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = names.length > 0 ? new RegExp(`\\{(${names.join('|')})\\}`, 'g') : null;
  const order = (text: string) => (pattern ? [...text.matchAll(pattern)].map((m) => m[1]) : []);
  if (interpolating) {
    const before = order(site.text);
    const after = order(newText);
    if (before.length !== written.length || after.join('\u0000') !== before.join('\u0000')) return null;
  }

  let text = newText;
  let lead = '';
  let trail = '';
  if (piece.quote.length === 3 || piece.quote === '`') {
    // Keep the literal's leading and trailing layout, and re-indent when the code dedents the text.
    lead = /^\s*/.exec(body)![0];
    trail = /\s*$/.exec(body)![0];
    const indent = continuationIndent(body);
    const dedented = indent !== '' && !site.text.split('\n').slice(1).filter((l) => l.trim()).every((l) => l.startsWith(indent));
    text = text
      .trim()
      .split('\n')
      .map((line, i) => (i > 0 && dedented && line.trim() !== '' ? indent + line : line))
      .join('\n');
  }
  const raw = python && prefix.includes('r');
  // Raw strings have no escapes: the text must not need any.
  if (raw && (text.includes('\\') || text.includes(piece.quote[0]) || (piece.quote.length === 1 && text.includes('\n')))) return null;
  const escape = (segment: string): string => (python ? (raw ? segment : escapePython(segment, piece.quote, interpolating)) : escapeJs(segment, piece.quote));
  let out = '';
  let at = 0;
  if (interpolating && pattern) {
    let k = 0;
    for (const match of text.matchAll(pattern)) {
      out += escape(text.slice(at, match.index)) + written[k++];
      at = match.index + match[0].length;
    }
  }
  out += escape(text.slice(at));
  return `${source.slice(piece.span.start, open)}${lead}${out}${trail}${piece.quote}`;
}
