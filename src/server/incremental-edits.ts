import type { Point } from 'web-tree-sitter';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';

/** A tree-sitter edit as plain data (web-tree-sitter takes any object of this shape). */
export interface TreeEdit {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
  startPosition: Point;
  oldEndPosition: Point;
  newEndPosition: Point;
}

/** Edits since the last parse, or 'reset' when the whole text was replaced and the old tree is useless. */
export type PendingEdits = TreeEdit[] | 'reset';

function endOf(start: Point, text: string): Point {
  const lastBreak = text.lastIndexOf('\n');
  if (lastBreak < 0) return { row: start.row, column: start.column + text.length };
  let rows = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) rows++;
  return { row: start.row + rows, column: text.length - lastBreak - 1 };
}

/**
 * Applies LSP content changes one by one, recording for each the tree-sitter edit it makes, so
 * the next parse can reuse the old tree. Offsets and columns are UTF-16 code units, as both the
 * LSP and web-tree-sitter count them for JavaScript strings.
 */
export function applyChanges(
  document: TextDocument,
  changes: readonly TextDocumentContentChangeEvent[],
  version: number,
  pending: PendingEdits,
): { document: TextDocument; pending: PendingEdits } {
  let edits = pending;
  for (const change of changes) {
    if (!('range' in change) || edits === 'reset') {
      edits = 'reset';
    } else {
      const startIndex = document.offsetAt(change.range.start);
      const oldEndIndex = document.offsetAt(change.range.end);
      const start = document.positionAt(startIndex);
      const oldEnd = document.positionAt(oldEndIndex);
      const startPosition = { row: start.line, column: start.character };
      edits.push({
        startIndex,
        oldEndIndex,
        newEndIndex: startIndex + change.text.length,
        startPosition,
        oldEndPosition: { row: oldEnd.line, column: oldEnd.character },
        newEndPosition: endOf(startPosition, change.text),
      });
    }
    document = TextDocument.update(document, [change], version);
  }
  return { document, pending: edits };
}
