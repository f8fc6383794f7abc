/**
 * Adds one entry (a keyword argument, an object property, a dict item) to a bracketed list,
 * in the list's own layout: on a new line with the last entry's indentation when the closing
 * bracket sits on its own line, inline otherwise; a trailing comma is kept when the list uses one.
 */
import type { TextSpan } from '../../extract/model';
import type { TextEdit } from '../model';
import { scanArguments, type ArgumentEntry, type SyntaxFamily } from './argument-list';

/** The leading whitespace of the line that holds `offset`. */
function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** Edits inserting `entry` after `entries`, inside `inner` (the text between the brackets). */
export function insertEntry(text: string, inner: TextSpan, entries: readonly ArgumentEntry[], entry: string, padEmpty: boolean): TextEdit[] {
  const last = entries.at(-1);
  if (!last) {
    const newText = padEmpty ? ` ${entry} ` : entry;
    return [{ span: inner, newText }];
  }
  const afterLast = last.commaAfter !== null ? last.commaAfter + 1 : last.end;
  const lineEnd = text.indexOf('\n', afterLast);
  const closerOnOwnLine = lineEnd !== -1 && lineEnd < inner.end && text.slice(lineEnd, inner.end).trim() === '';
  if (!closerOnOwnLine) {
    // One entry per line with the closer hugging the last one: the new entry gets its own line too.
    const previous = entries.at(-2);
    const onOwnLine = previous !== undefined && text.slice(previous.end, last.start).includes('\n') && /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', last.start - 1) + 1, last.start));
    const separator = onOwnLine ? `,\n${indentationAt(text, last.start)}` : ', ';
    return [{ span: { start: last.end, end: last.end }, newText: `${separator}${entry}` }];
  }
  // A comment may follow the last entry on its line: the new line goes after it, the comma before it.
  const indentation = indentationAt(text, last.start);
  if (last.commaAfter !== null) return [{ span: { start: lineEnd, end: lineEnd }, newText: `\n${indentation}${entry},` }];
  const newLine = `\n${indentation}${entry}`;
  if (text.slice(last.end, lineEnd).trim() === '') return [{ span: { start: last.end, end: last.end }, newText: `,${newLine}` }];
  return [
    { span: { start: last.end, end: last.end }, newText: ',' },
    { span: { start: lineEnd, end: lineEnd }, newText: newLine },
  ];
}

/** Convenience: scans `inner` and inserts `entry` into it. */
export function addEntry(text: string, inner: TextSpan, family: SyntaxFamily, entry: string, padEmpty: boolean): TextEdit[] {
  return insertEntry(text, inner, scanArguments(text, inner, family), entry, padEmpty);
}
