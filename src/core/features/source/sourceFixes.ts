import type { BriefDocument } from '../../document';
import { lineEnding, replaceOffsets, type TextEdit } from '../../edits';
import { LIST_MARKER, type SourceIndex, type NoteSource } from '../../references/sourceIndex';

/** Appends a footnote's source to the Bibliography section as a new entry, in the section's format. */
export function appendEntry(document: BriefDocument, index: SourceIndex, note: NoteSource): TextEdit | undefined {
  const section = document.bibliography;
  if (!section) return undefined;
  const eol = lineEnding(document.text);
  const content = note.definition.content.replace(/\s+/g, ' ').trim();
  const last = index.entries[index.entries.length - 1];
  if (!last) {
    const at = section.heading.end;
    return replaceOffsets(document, at, at, `${eol}${eol}- ${content}`);
  }
  const lastRaw = document.text.slice(last.entry.start, last.entry.end);
  const listMarker = LIST_MARKER.exec(lastRaw);
  const entry = listMarker ? `${eol}${listMarker[1].replace(/^\d+/, String(index.entries.length + 1))} ${content}` : `${eol}${eol}${content}`;
  return replaceOffsets(document, last.entry.end, last.entry.end, entry);
}
