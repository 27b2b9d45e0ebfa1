import type { BriefDocument } from '../../document';
import type { BriefInlayHint } from '../../language';

const NUMERIC = /^\d+$/;

/**
 * After each marker with a named label (`[^okafor]`), the number the reader will see ("→ note 5"): notes are
 * numbered in the order they are first cited, inline notes `^[…]` among them, as pandoc and
 * GitHub number them. Numbered labels need no hint (footnote.order reports those out of order).
 */
export function footnoteNumberHints(document: BriefDocument): BriefInlayHint[] {
  // A marker with no note is shown as typed, as pandoc and GitHub show it: it has no number (footnote.undefined reports it).
  const defined = new Set(document.footnoteDefinitions.map((def) => def.key));
  const marks = [
    ...document.footnoteReferences.filter((ref) => defined.has(ref.key)).map((ref) => ({ start: ref.start, end: ref.end, key: ref.key, label: ref.label })),
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
    hints.push({
      position: document.lines.positionAt(mark.end),
      label: `→ note ${number}`,
      kind: 'footnote',
      tooltip: `Readers see this note as number ${number}.`,
    });
  }
  return hints;
}
