import type { BriefDocument } from '../../document';
import type { BriefInlayHint } from '../../language';

const NUMERIC = /^\d+$/;

/**
 * After each marker with a named label (`[^okafor]`), the number the reader will see: notes are
 * numbered in the order they are first cited, inline notes `^[…]` among them, as pandoc and
 * GitHub number them. Numbered labels need no hint (footnote.order reports those out of order).
 */
export function footnoteNumberHints(document: BriefDocument): BriefInlayHint[] {
  const marks = [
    ...document.footnoteReferences.map((ref) => ({ start: ref.start, end: ref.end, key: ref.key, label: ref.label })),
    ...document.inlineNotes.map((note) => ({ start: note.start, end: note.end, key: undefined, label: undefined })),
  ].sort((a, b) => a.start - b.start);
  const numbers = new Map<string, number>();
  let next = 1;
  const hints: BriefInlayHint[] = [];
  for (const mark of marks) {
    if (mark.key === undefined || mark.label === undefined) {
      next++;
      continue;
    }
    let number = numbers.get(mark.key);
    if (number === undefined) {
      number = next++;
      numbers.set(mark.key, number);
    }
    if (NUMERIC.test(mark.label)) continue;
    hints.push({ position: document.lines.positionAt(mark.end), label: String(number), kind: 'footnote', tooltip: `Readers see this note as number ${number}.` });
  }
  return hints;
}
