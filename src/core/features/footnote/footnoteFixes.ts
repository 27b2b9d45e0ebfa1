import type { BriefDocument, FootnoteDefinition } from '../../document';
import { replaceOffsets, type TextEdit } from '../../edits';
import type { FootnotePlacement } from '../../options';
import { findMisplacedMarkers } from './markerPlacement';
import { definitionInsertion } from '../../notes/newFootnote';
import type { Span } from '../../types';

/** Removes a note and the line break after it. */
export function removeDefinition(document: BriefDocument, definition: FootnoteDefinition): TextEdit {
  const text = document.text;
  let end = definition.end;
  if (text[end] === '\r' && text[end + 1] === '\n') end += 2;
  else if (text[end] === '\n' || text[end] === '\r') end += 1;
  return replaceOffsets(document, definition.start, end, '');
}

/** Adds an empty note `[^label]: ` where new notes go. */
export function createDefinition(document: BriefDocument, label: string): TextEdit {
  const insertion = definitionInsertion(document, `[^${label}]: `);
  return replaceOffsets(document, insertion.offset, insertion.offset, insertion.text);
}

/** Moves every misplaced marker to the house style's side of the punctuation. */
export function fixMarkerPlacement(document: BriefDocument, placement: FootnotePlacement, within?: Span): TextEdit[] {
  return findMisplacedMarkers(document, placement)
    .filter((found) => !within || (found.start < within.end && found.end > within.start) || found.start === within.start)
    .map((found) => replaceOffsets(document, found.replaceStart, found.replaceEnd, found.replacement));
}
