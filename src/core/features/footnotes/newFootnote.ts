import type { BriefDocument } from '../../document';
import { lineEnding, replaceOffsets, type TextEdit } from '../../edits';
import { LineIndex } from '../../text/lineIndex';
import { trailingRun } from '../../text/trim';
import type { Position, Span } from '../../types';
import { FootnoteIndex } from './footnoteIndex';

export interface DefinitionInsertion {
  offset: number;
  text: string;
  /** Offset inside `text` where the writer types the note. */
  cursor: number;
}

/**
 * Where new notes go (`definition` is their text, such as `[^4]: `; the cursor is left at its end): on the line after the last note; with no notes yet,
 * just before a Bibliography section that ends the brief (notes read before the sources);
 * otherwise at the end of the document, after a blank line.
 */
export function definitionInsertion(document: BriefDocument, definition: string): DefinitionInsertion {
  const eol = lineEnding(document.text);
  const definitions = document.footnoteDefinitions;
  if (definitions.length > 0) {
    const last = definitions.reduce((a, b) => (b.end > a.end ? b : a));
    const lineEnd = endOfLine(document.text, last.end);
    return { offset: lineEnd, text: eol + definition, cursor: eol.length + definition.length };
  }
  const bibliography = document.bibliography;
  if (bibliography && document.text.slice(bibliography.end).trim() === '') {
    return { offset: bibliography.heading.start, text: definition + eol + eol, cursor: definition.length };
  }
  const text = document.text;
  const trailing = trailingRun(text, (ch) => ch === '\n' || ch === '\r');
  const separator = text.length === 0 ? '' : trailing.length === 0 ? eol + eol : trailing === eol ? eol : '';
  return { offset: text.length, text: separator + definition + eol, cursor: separator.length + definition.length };
}

function endOfLine(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

export interface NewFootnote {
  label: string;
  edits: TextEdit[];
  /** Where the cursor goes once the edits are applied: inside the new note. */
  cursor: Position;
}

/** A marker `[^n]` at `offset` and its note, with the cursor left in the note. */
export function insertFootnote(document: BriefDocument, offset: number): NewFootnote {
  const label = FootnoteIndex.of(document).nextLabel();
  const insertion = definitionInsertion(document, `[^${label}]: `);
  const marker = { start: offset, end: offset, text: `[^${label}]` };
  return {
    label,
    edits: [replaceOffsets(document, offset, offset, marker.text), replaceOffsets(document, insertion.offset, insertion.offset, insertion.text)],
    cursor: cursorInNewNote(document.text, [marker], insertion),
  };
}

export interface OffsetEdit extends Span {
  text: string;
}

/**
 * Where the cursor lands in the new note once `others` and then the note insertion are
 * applied (edits at one offset apply in order, as LSP specifies).
 */
export function cursorInNewNote(text: string, others: OffsetEdit[], insertion: DefinitionInsertion): Position {
  const note = { start: insertion.offset, end: insertion.offset, text: insertion.text };
  const ordered = [...others, note].map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.start - b.edit.start || a.order - b.order);
  let result = '';
  let copied = 0;
  let cursor = 0;
  for (const { edit } of ordered) {
    result += text.slice(copied, edit.start);
    if (edit === note) cursor = result.length + insertion.cursor;
    result += edit.text;
    copied = edit.end;
  }
  result += text.slice(copied);
  return new LineIndex(result).positionAt(cursor);
}
