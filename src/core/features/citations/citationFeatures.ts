import type { BriefDocument, CitationKey } from '../../document';
import { replaceOffsets } from '../../edits';
import type { BriefCodeAction, BriefCompletionItem, BriefCompletionList, BriefHover, BriefLocation } from '../../language';
import type { BriefDiagnostic, Range } from '../../types';
import { spanOf, touches } from '../../text/touchingRange';
import type { CslItem } from '@citation-js/core';
import type { BibliographyFileEntry } from './bibliographyFile';
import type { BibliographySource, LoadedFile, SearchableEntry } from './bibliographyStore';
import { chicagoNote, shortCitation } from '../../bibliography/chicagoNote';
import { foldForComparison } from '../sources/referenceParser';
import { laterCopies, referenceFromCsl } from '../sources/sourceIndex';
import { Codes } from '../../diagnosticCodes';

/** The bibliography files one document draws on, as loaded now. */
export interface DocumentBibliography {
  sources: BibliographySource[];
  files: Array<{ source: BibliographySource; file: LoadedFile | undefined }>;
  byKey: Map<string, BibliographyFileEntry>;
  entries: SearchableEntry[];
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.replace(/[?#].*$/, '').split('/').pop() ?? uri);
}

/** `bibliography.file-missing`, `bibliography.file-error` on the front matter, and `citation.undefined`. */
export function citationDiagnostics(document: BriefDocument, bibliography: DocumentBibliography): BriefDiagnostic[] {
  const diagnostics: BriefDiagnostic[] = [];
  for (const { source, file } of bibliography.files) {
    if (!source.declared || !file) continue;
    if (file.refused) {
      diagnostics.push({
        code: Codes.bibliographyFileOutsideWorkspace.code,
        severity: Codes.bibliographyFileOutsideWorkspace.severity,
        message: `BriefKit reads bibliography files only inside the workspace, and "${source.declared.value}" is outside it. Move the file into the workspace, or turn on briefkit.allowBibliographyOutsideWorkspace.`,
        range: source.declared.range,
      });
    } else if (file.text === undefined) {
      diagnostics.push({
        code: Codes.bibliographyFileMissing.code,
        severity: Codes.bibliographyFileMissing.severity,
        message: `BriefKit cannot find the bibliography file "${source.declared.value}". The path is relative to this brief; check its spelling and folder.`,
        range: source.declared.range,
      });
    } else if (file.parsed && file.parsed.problems.length > 0) {
      const lines = file.parsed.problems.map((p) => p.range.start.line + 1);
      diagnostics.push({
        code: Codes.bibliographyFileError.code,
        severity: Codes.bibliographyFileError.severity,
        message: `${fileName(file.uri)} has ${lines.length === 1 ? 'a problem' : `${lines.length} problems`} BriefKit could not read past (line ${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ', …' : ''}); the other ${file.parsed.entries.length} entries loaded. Open the file to see each one.`,
        range: source.declared.range,
      });
    }
  }
  const configured = bibliography.sources.length > 0;
  const unreadable = new Map<string, { uri: string; line: number }>();
  for (const { file } of bibliography.files) {
    for (const problem of file?.parsed?.problems ?? []) if (problem.key) unreadable.set(problem.key, { uri: file!.uri, line: problem.range.start.line + 1 });
  }
  for (const citation of document.citations) {
    for (const item of citation.items) {
      if (bibliography.byKey.has(item.key)) continue;
      const broken = unreadable.get(item.key);
      diagnostics.push({
        code: Codes.citationUndefined.code,
        severity: Codes.citationUndefined.severity,
        message: broken
          ? `The entry "${item.key}" in ${fileName(broken.uri)} (line ${broken.line}) cannot be read, so this citation has no source. Fix the entry there.`
          : configured
          ? `No bibliography entry has the key "${item.key}". Check the spelling, or add the work to ${bibliography.sources.map((s) => s.declared?.value ?? fileName(s.uri)).join(', ')}.`
          : `"@${item.key}" cites a bibliography entry, but this brief names no bibliography file. Add "bibliography: references.bib" to the front matter, or set briefkit.bibliography.`,
        range: item.range,
      });
    }
  }
  return diagnostics;
}

/** Diagnostics to show inside a bibliography file itself: entries it cannot read, and works listed twice. */
export function bibliographyFileDiagnostics(file: LoadedFile): BriefDiagnostic[] {
  const unreadable = (file.parsed?.problems ?? []).map(
    (problem): BriefDiagnostic => ({ code: Codes.bibliographyFileError.code, severity: 'error', message: problem.message, range: problem.range }),
  );
  const duplicates = laterCopies(file.parsed?.entries ?? [], (entry) => referenceFromCsl(entry.item)).map(
    ([copy, first]): BriefDiagnostic => ({
      code: Codes.bibliographyDuplicate.code,
      severity: Codes.bibliographyDuplicate.severity,
      message: `"${copy.key}" describes the same work as "${first.key}" (line ${first.range.start.line + 1}). Keep one entry and cite it by one key.`,
      range: copy.range,
    }),
  );
  return [...unreadable, ...duplicates];
}

const KEY_CHARS = /[\p{L}\p{N}_:.#$%&\-+?<>~/]*$/u;

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
  const typed = KEY_CHARS.exec(before)![0];
  const at = before.length - typed.length - 1;
  if (at < 0 || before[at] !== '@' || (at > 0 && !/[\s[;-]/.test(before[at - 1]))) return undefined;
  if ([...document.verbatimBlocks, ...document.codeSpans].some((span) => span.start < offset && offset < span.end)) return undefined;
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

function citationKeyAt(document: BriefDocument, offset: number): CitationKey | undefined {
  for (const citation of document.citations) {
    if (citation.start > offset) break;
    for (const item of citation.items) if (item.start <= offset && offset <= item.end) return item;
  }
  return undefined;
}

/** The key's reference in the brief's citation style, and the file it comes from. */
export function citationHover(document: BriefDocument, offset: number, bibliography: DocumentBibliography, render: (item: CslItem) => string): BriefHover | undefined {
  const key = citationKeyAt(document, offset);
  if (!key) return undefined;
  const entry = bibliography.byKey.get(key.key);
  return {
    contents: entry ? `${render(entry.item)}\n\n*${fileName(entry.uri)}*` : `No bibliography entry has the key \`${key.key}\`.`,
    range: key.range,
  };
}

export function citationDefinition(document: BriefDocument, offset: number, bibliography: DocumentBibliography): BriefLocation[] {
  const key = citationKeyAt(document, offset);
  const entry = key && bibliography.byKey.get(key.key);
  return entry ? [{ uri: entry.uri, range: entry.range }] : [];
}

/** The key under the cursor, for finding its citations in other briefs. */
export function citationKeyUnder(document: BriefDocument, offset: number): string | undefined {
  return citationKeyAt(document, offset)?.key;
}

export function citationReferences(document: BriefDocument, key: string): BriefLocation[] {
  return document.citations.flatMap((c) => c.items.filter((i) => i.key === key).map((i) => ({ uri: document.uri, range: i.range })));
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** Up to three keys close to a misspelt one. */
export function closestKeys(key: string, bibliography: DocumentBibliography): BibliographyFileEntry[] {
  const limit = Math.max(2, Math.floor(key.length * 0.4));
  return [...bibliography.byKey.values()]
    .filter((e) => Math.abs(e.key.length - key.length) <= limit)
    .map((e) => ({ e, d: editDistance(key.toLowerCase(), e.key.toLowerCase()) }))
    .filter(({ d }) => d <= limit)
    .sort((a, b) => a.d - b.d || a.e.key.localeCompare(b.e.key))
    .slice(0, 3)
    .map(({ e }) => e);
}

export function citationCodeActions(document: BriefDocument, range: Range, bibliography: DocumentBibliography): BriefCodeAction[] {
  const requested = spanOf(document, range);
  const actions: BriefCodeAction[] = [];
  for (const citation of document.citations) {
    for (const item of citation.items) {
      if (!touches(item, requested) || bibliography.byKey.has(item.key)) continue;
      closestKeys(item.key, bibliography).forEach((entry, i) => {
        actions.push({
          title: `Change to @${entry.key} (${shortCitation(entry.item)})`,
          kind: 'quickfix',
          diagnosticCodes: [Codes.citationUndefined.code],
          diagnosticRanges: [item.range],
          edits: [replaceOffsets(document, item.start + 1, item.end, entry.key)],
          isPreferred: i === 0,
        });
      });
    }
  }
  return actions;
}

/** Inside a footnote (`[^3]: Doe…`), bibliography entries offered as ready-made Chicago notes. */
export function completeNoteFromBibliography(document: BriefDocument, offset: number, bibliography: DocumentBibliography): BriefCompletionList | undefined {
  const lineStart = document.lines.lineStart(document.lines.positionAt(offset).line);
  const before = document.text.slice(lineStart, offset);
  const note = /^ {0,3}\[\^[^\]\s]+\]:[ \t]*(.*)$/.exec(before);
  if (!note || bibliography.entries.length === 0) return undefined;
  const typed = note[1];
  const lastWord = /[\p{L}\p{N}]*$/u.exec(typed)![0];
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
