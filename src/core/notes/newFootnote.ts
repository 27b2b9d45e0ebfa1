import type { BriefDocument } from '../document';
import { lineEnding, replaceOffsets, type TextEdit } from '../edits';
import { LineIndex } from '../text/lineIndex';
import { trailingRun } from '../text/trim';
import type { Position, Span } from '../types';
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
/** Text between two notes that holds a blank line. */
const BLANK_LINE_BETWEEN = /\n[ \t]*\r?\n/;

export function definitionInsertion(document: BriefDocument, definition: string): DefinitionInsertion {
  const eol = lineEnding(document.text);
  const definitions = document.footnoteDefinitions;
  if (definitions.length > 0) {
    const [previous, last] = [...definitions].sort((a, b) => a.end - b.end).slice(-2);
    const lineEnd = endOfLine(document.text, (last ?? previous).end);
    // The new note is set off as the brief's last two are: by a blank line, or not.
    const separator = last && BLANK_LINE_BETWEEN.test(document.text.slice(previous.end, last.start)) ? eol + eol : eol;
    return { offset: lineEnd, text: separator + definition, cursor: separator.length + definition.length };
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
    cursor: cursorInNewNote(document.lines, [marker], insertion),
  };
}

export interface OffsetEdit extends Span {
  text: string;
}

/**
 * Where the cursor lands in the new note once `others` and then the note insertion are
 * applied (edits at one offset apply in order, as LSP specifies).
 */
export function cursorInNewNote(lines: LineIndex, others: OffsetEdit[], insertion: DefinitionInsertion): Position {
  const note = { start: insertion.offset, end: insertion.offset, text: insertion.text };
  const ordered = [...others, note].map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.start - b.edit.start || a.order - b.order);
  // The cursor's line and column, followed through the edited text without building it: a quick
  // fix is offered for every uncited claim, and copying the brief for each was quadratic.
  let line = 0;
  let character = 0;
  const copy = (from: number, to: number) => {
    const [a, b] = [lines.positionAt(from), lines.positionAt(to)];
    if (b.line > a.line) [line, character] = [line + b.line - a.line, b.character];
    else character += b.character - a.character;
  };
  const insert = (inserted: string) => {
    const breaks = inserted.split(/\r\n|\r|\n/);
    if (breaks.length > 1) [line, character] = [line + breaks.length - 1, breaks[breaks.length - 1].length];
    else character += inserted.length;
  };
  let copied = 0;
  for (const { edit } of ordered) {
    copy(copied, edit.start);
    if (edit === note) {
      insert(insertion.text.slice(0, insertion.cursor));
      return { line, character };
    }
    insert(edit.text);
    copied = edit.end;
  }
  return { line, character };
}
