import type { BriefDocument } from '../../document';
import { replaceOffsets } from '../../edits';
import { trailingRun } from '../../text/trim';
import type { BriefCompletionItem, BriefCompletionList } from '../../language';
import { chicagoNote, shortCitation } from '../../references/chicagoNote';
import { foldForComparison } from '../../references/referenceParser';
import type { DocumentBibliography, SearchableEntry } from '../../bibliographyFiles/bibliographyStore';

const KEY_CHAR = /[\p{L}\p{N}_:.#$%&\-+?<>~/]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Entries ranked for what was typed: key prefix first, then author, then title word or year. */
function rank(entries: SearchableEntry[], typed: string): Array<{ entry: SearchableEntry; score: number }> {
  const query = foldForComparison(typed);
  const ranked: Array<{ entry: SearchableEntry; score: number }> = [];
  for (const entry of entries) {
    let score: number;
    if (query === '' || entry.key.startsWith(query)) score = 0;
    else if (entry.families.some((f) => f.startsWith(query))) score = 1;
    else if (entry.titleWords.some((w) => w.startsWith(query)) || entry.year.startsWith(query)) score = 2;
    else if (entry.key.includes(query)) score = 3;
    else continue;
    ranked.push({ entry, score });
  }
  return ranked.sort((a, b) => a.score - b.score || a.entry.key.localeCompare(b.entry.key));
}

const MAX_ITEMS = 100;

/** Completion after `[@`, or `@` after a space, `[`, `;` or `-`. */
export function completeCitation(document: BriefDocument, offset: number, bibliography: DocumentBibliography): BriefCompletionList | undefined {
  const lineStart = document.lines.lineStart(document.lines.positionAt(offset).line);
  const before = document.text.slice(lineStart, offset);
  const typed = trailingRun(before, (ch) => KEY_CHAR.test(ch));
  const at = before.length - typed.length - 1;
  if (at < 0 || before[at] !== '@' || (at > 0 && !/[\s[;-]/.test(before[at - 1]))) return undefined;
  // Autolinks and HTML tags (links that open with `<`) hold addresses; math holds TeX.
  const tags = document.links.filter((link) => document.text[link.start] === '<');
  if ([...document.verbatimBlocks, ...document.codeSpans, ...document.mathSpans, ...tags].some((span) => span.start < offset && offset < span.end))
    return undefined;
  const keyStart = offset - typed.length;
  let keyEnd = offset;
  while (keyEnd < document.text.length && /[\p{L}\p{N}_:.#$%&\-+?<>~/]/u.test(document.text[keyEnd])) keyEnd++;
  const ranked = rank(bibliography.entries, typed);
  const items = ranked.slice(0, MAX_ITEMS).map(({ entry }, i): BriefCompletionItem => {
    const item = entry.entry.item;
    return {
      label: entry.entry.key,
      kind: 'reference',
      detail: `${shortCitation(item)} · ${item.title ?? ''}`.trim(),
      documentation: chicagoNote(item),
      // Ranked here: the editor keeps the order and asks again as the writer types.
      filterText: `${typed} ${entry.entry.key}`,
      sortText: String(i).padStart(5, '0'),
      textEdit: replaceOffsets(document, keyStart, keyEnd, entry.entry.key),
    };
  });
  return { isIncomplete: ranked.length > MAX_ITEMS || typed === '', items };
}

/** Inside a footnote (`[^3]: Doe…`), bibliography entries offered as ready-made Chicago notes. */
export function completeNoteFromBibliography(document: BriefDocument, offset: number, bibliography: DocumentBibliography): BriefCompletionList | undefined {
  const lineStart = document.lines.lineStart(document.lines.positionAt(offset).line);
  const before = document.text.slice(lineStart, offset);
  const note = /^ {0,3}\[\^[^\]\s]+\]:[ \t]*((?![ \t]).*)?$/.exec(before);
  if (!note || bibliography.entries.length === 0) return undefined;
  const typed = note[1] ?? '';
  const lastWord = trailingRun(typed, (ch) => WORD_CHAR.test(ch));
  const ranked = rank(bibliography.entries, lastWord);
  const start = offset - typed.length;
  const items = ranked.slice(0, MAX_ITEMS).map(({ entry }, i): BriefCompletionItem => {
    const text = chicagoNote(entry.entry.item);
    return {
      label: shortCitation(entry.entry.item),
      kind: 'reference',
      detail: entry.entry.item.title ?? entry.entry.key,
      documentation: text,
      filterText: `${typed} ${entry.entry.key}`,
      sortText: String(i).padStart(5, '0'),
      textEdit: replaceOffsets(document, start, offset, text),
    };
  });
  return { isIncomplete: ranked.length > MAX_ITEMS, items };
}
