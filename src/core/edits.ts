import type { Range } from './types';
import type { BriefDocument } from './document';

/** A replacement of one range of the document, shaped like LSP's TextEdit. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export function replaceOffsets(document: BriefDocument, start: number, end: number, newText: string): TextEdit {
  return { range: document.lines.rangeAt(start, end), newText };
}

/** Applies non-overlapping edits to a text (for the CLI and tests; editors apply edits themselves). */
export function applyEdits(document: BriefDocument, edits: TextEdit[]): string {
  const located = edits
    .map((edit) => ({ start: document.lines.offsetAt(edit.range.start), end: document.lines.offsetAt(edit.range.end), text: edit.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let cursor = 0;
  for (const edit of located) {
    if (edit.start < cursor) throw new Error('BriefKit produced overlapping edits; please report this.');
    result += document.text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return result + document.text.slice(cursor);
}

/** The document's line ending, as its first line break is written: CRLF, LF or a lone CR. Edits keep it. */
export function lineEnding(text: string): string {
  const first = text.search(/[\r\n]/);
  if (first < 0 || text[first] === '\n') return '\n';
  return text[first + 1] === '\n' ? '\r\n' : '\r';
}
