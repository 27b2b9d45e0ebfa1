import type { BriefDocument } from '../../document';
import { lineEnding, replaceOffsets, type TextEdit } from '../../edits';
import { LIST_MARKER, SAME_AUTHOR, sortKey, type EntrySource, type SourceIndex } from '../../references/sourceIndex';

/** Removes a Bibliography entry and the line break after it. */
export function removeEntry(document: BriefDocument, entry: EntrySource): TextEdit {
  const text = document.text;
  let end = entry.entry.end;
  if (text.startsWith('\r\n', end)) end += 2;
  else if (text[end] === '\n' || text[end] === '\r') end += 1;
  return replaceOffsets(document, entry.entry.start, end, '');
}

/**
 * Puts the entries in alphabetical order in one edit, each entry's text unchanged. When most
 * entries are list items, a stray paragraph entry joins the list (it gains the list's marker).
 * Undefined when something other than entries sits between them, which sorting would move.
 */
export function sortBibliography(document: BriefDocument, index: SourceIndex): TextEdit | undefined {
  const entries = index.entries;
  if (entries.length < 2) return undefined;
  const text = document.text;
  for (let i = 1; i < entries.length; i++) {
    if (text.slice(entries[i - 1].entry.end, entries[i].entry.start).trim() !== '') return undefined;
  }
  const raw = entries.map((e) => text.slice(e.entry.start, e.entry.end));
  const listed = raw.filter((r) => LIST_MARKER.test(r));
  const asList = listed.length * 2 >= raw.length;
  const marker = listed.length > 0 ? LIST_MARKER.exec(listed[0])![1].replace(/^\d+/, '1') : '-';
  const eol = lineEnding(text);
  // An entry that repeats the author above ("———. 1976.") moves with it.
  const groups: number[][] = [];
  entries.forEach((entry, i) => (i > 0 && SAME_AUTHOR.test(entry.reference.raw) ? groups[groups.length - 1].push(i) : groups.push([i])));
  const sorted = groups
    .map((members) => ({ key: sortKey(entries[members[0]].reference), members }))
    .sort((a, b) => a.key.localeCompare(b.key) || a.members[0] - b.members[0])
    .flatMap(({ members }) => members)
    .map((i) => (asList && !LIST_MARKER.test(raw[i]) ? `${marker} ${raw[i].trim()}` : raw[i]));
  return replaceOffsets(document, entries[0].entry.start, entries[entries.length - 1].entry.end, sorted.join(asList ? eol : eol + eol));
}
