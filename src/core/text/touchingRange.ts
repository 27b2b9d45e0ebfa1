import type { BriefDocument } from '../document';
import type { Range, Span } from '../types';

/** An editor range (a selection, the cursor, a diagnostic's range) as offsets into the document. */
export function spanOf(document: BriefDocument, range: Range): Span {
  return { start: document.lines.offsetAt(range.start), end: document.lines.offsetAt(range.end) };
}

/**
 * Whether two spans of the document touch: overlapping or meeting at an end, so a cursor just
 * before or after a problem still offers its quick fixes.
 */
export function touches(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
