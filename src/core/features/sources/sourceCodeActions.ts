import type { BriefDocument } from '../../document';
import { replaceOffsets } from '../../edits';
import type { BriefCodeAction } from '../../language';
import type { Range } from '../../types';
import { spanOf, touches } from '../../text/touchingRange';
import { findDuplicateEntries, firstUnsortedEntry } from './bibliographyChecks';
import { findFieldMismatches } from './sourceChecks';
import { fieldOffsets, isSource, SourceIndex } from './sourceIndex';
import { appendEntry, removeEntry, sortBibliography } from './sourceFixes';
import { Codes } from '../../diagnosticCodes';

/** Quick fixes for Bibliography and source problems that touch `range`. */
export function sourceCodeActions(document: BriefDocument, range: Range): BriefCodeAction[] {
  const index = SourceIndex.of(document);
  const requested = spanOf(document, range);
  const actions: BriefCodeAction[] = [];
  for (const [copy] of findDuplicateEntries(index)) {
    if (!touches(copy.entry, requested)) continue;
    actions.push({
      title: 'Delete this duplicate Bibliography entry',
      kind: 'quickfix',
      diagnosticCodes: [Codes.bibliographyDuplicate.code],
      diagnosticRanges: [copy.entry.range],
      edits: [removeEntry(document, copy)],
      isPreferred: true,
    });
  }
  const unsorted = firstUnsortedEntry(index);
  if (unsorted && touches(unsorted.entry.entry, requested)) {
    const sort = sortBibliography(document, index);
    if (sort) {
      actions.push({
        title: 'Sort the Bibliography alphabetically',
        kind: 'quickfix',
        diagnosticCodes: [Codes.bibliographyUnsorted.code],
        diagnosticRanges: [unsorted.entry.entry.range],
        edits: [sort],
        isPreferred: true,
      });
    }
  }
  for (const mismatch of findFieldMismatches(index)) {
    const noteField = fieldOffsets(mismatch.note, mismatch.noteSpan);
    if (!touches(noteField, requested)) continue;
    const entryField = fieldOffsets(mismatch.entry, mismatch.entrySpan);
    const diagnosticRanges = [document.lines.rangeAt(noteField.start, noteField.end)];
    actions.push(
      {
        title: `Use the Bibliography's ${mismatch.field} in the note: “${mismatch.entrySpan.text}”`,
        kind: 'quickfix',
        diagnosticCodes: [Codes.sourceMismatch.code],
        diagnosticRanges,
        edits: [replaceOffsets(document, noteField.start, noteField.end, mismatch.entrySpan.text)],
      },
      {
        title: `Use the note's ${mismatch.field} in the Bibliography: “${mismatch.noteSpan.text}”`,
        kind: 'quickfix',
        diagnosticCodes: [Codes.sourceMismatch.code],
        diagnosticRanges,
        edits: [replaceOffsets(document, entryField.start, entryField.end, mismatch.noteSpan.text)],
      },
    );
  }
  if (document.bibliography) {
    for (const note of index.notes) {
      if (!isSource(note.reference) || index.entryFor(note)) continue;
      if (!touches(note.definition, requested)) continue;
      const edit = appendEntry(document, index, note);
      if (!edit) continue;
      const field = note.reference.title ?? note.reference.url;
      const offsets = field ? fieldOffsets(note, field) : { start: note.definition.contentStart, end: note.definition.end };
      actions.push({
        title: `Add footnote [^${note.definition.label}]'s source to the Bibliography`,
        kind: 'quickfix',
        diagnosticCodes: [Codes.sourceMissingFromBibliography.code],
        diagnosticRanges: [document.lines.rangeAt(offsets.start, offsets.end)],
        edits: [edit],
      });
    }
  }
  return actions;
}
