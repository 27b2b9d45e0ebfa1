import type { BriefDocument, CitationKey } from '../../document';
import { isWellFormedIdentifier } from '../../parse/citationKinds';
import { replaceOffsets } from '../../edits';
import { finding, type Finding } from '../../feature';
import type { BriefDiagnostic } from '../../types';
import { Codes, diagnosticFor } from '../../diagnosticCodes';
import { shortCitation } from '../../references/chicagoNote';
import type { BibliographyFileEntry } from '../../bibliographyFiles/bibliographyFile';
import type { DocumentBibliography } from '../../bibliographyFiles/bibliographyStore';
import { fileName } from '../../text/fileName';

/**
 * `citation.undefined` (a key no file holds, unless a file could not be read: that file is
 * reported), `citation.no-bibliography` and `citation.malformed-identifier`.
 */
export function findCitationProblems(document: BriefDocument, bibliography: DocumentBibliography): Finding[] {
  const configured = bibliography.sources.length > 0;
  const unreadable = unreadableEntries(bibliography);
  const found: Finding[] = [];
  // A key may be in a file BriefKit could not read (a packages.bib the build writes): that file is reported, not each key.
  const someFileMissing = bibliography.files.some(({ file }) => !file || file.text === undefined || file.refused);
  const unlocated: CitationKey[] = [];
  for (const citation of document.citations) {
    for (const item of citation.items) {
      if (document.citationAliases.has(item.key)) continue;
      if (item.kind === 'identifier') {
        if (!isWellFormedIdentifier(item.key)) found.push(finding(malformedIdentifier(item)));
      } else if (item.kind === 'work') {
        if (!configured) unlocated.push(item);
        else if (!bibliography.byKey.has(item.key) && !someFileMissing) found.push(undefinedCitation(document, item, bibliography, unreadable.get(item.key)));
      }
    }
  }
  // A bare `@name` with no `[@key]` anywhere is a handle ("see @BarackObama's profile"), not a brief that cites by key.
  const citesByKey = document.citations.some((citation) => citation.bracketed && citation.items.some((item) => item.kind === 'work'));
  if (unlocated.length > 0 && citesByKey) found.push(finding(noBibliography(unlocated)));
  return found;
}

/** The keys of entries in the brief's bibliography files that BriefKit cannot read, with where each is (line 1-based). */
export function unreadableEntries(bibliography: DocumentBibliography): Map<string, { uri: string; line: number }> {
  const unreadable = new Map<string, { uri: string; line: number }>();
  for (const { file } of bibliography.files) {
    for (const problem of file?.parsed?.problems ?? []) if (problem.key) unreadable.set(problem.key, { uri: file!.uri, line: problem.range.start.line + 1 });
  }
  return unreadable;
}

function undefinedCitation(
  document: BriefDocument,
  item: CitationKey,
  bibliography: DocumentBibliography,
  broken: { uri: string; line: number } | undefined,
): Finding {
  const diagnostic: BriefDiagnostic = diagnosticFor(
    Codes.citationUndefined,
    broken
      ? `The entry "${item.key}" in ${fileName(broken.uri)} (line ${broken.line}) cannot be read, so this citation has no source. Fix the entry there.`
      : `No bibliography entry has the key "${item.key}". Check the spelling, or add the work to ${bibliography.sources.map((s) => s.declared?.value ?? fileName(s.uri)).join(', ')}.`,
    item.range,
  );
  return finding(diagnostic, () =>
    closestKeys(item.key, bibliography).map((entry, i) => ({
      title: `Change to @${entry.key} (${shortCitation(entry.item)})`,
      kind: 'quickfix',
      edits: [replaceOffsets(document, item.start + 1, item.end, entry.key)],
      isPreferred: i === 0,
    })),
  );
}

/** Said once for the whole brief, where the first key is: every key is unchecked for the same reason. */
function noBibliography(keys: CitationKey[]): BriefDiagnostic {
  const distinct = [...new Set(keys.map((k) => k.key))];
  return diagnosticFor(
    Codes.citationNoBibliography,
    `This brief cites ${distinct.length === 1 ? 'one work' : `${distinct.length} works`} by key (first "@${distinct[0]}"), but BriefKit found no bibliography file for it, so it cannot check them. It looked in the front matter (bibliography:), in Quarto, bookdown and Manubot project files (_quarto.yml, _metadata.yml, index.Rmd, _output.yml, manual-references.json) and in the briefkit.bibliography setting. Add "bibliography: references.bib" to the front matter, set briefkit.bibliography, or give briefkit check --bibliography FILE.`,
    keys[0].range,
  );
}

function malformedIdentifier(item: CitationKey): BriefDiagnostic {
  const prefix = item.key.slice(0, item.key.indexOf(':'));
  return diagnosticFor(
    Codes.citationMalformedIdentifier,
    `"@${item.key}" is not a well-formed ${prefix.toUpperCase()} identifier, so Manubot cannot look it up. Check it against the source (a DOI looks like @doi:10.1234/abcd).`,
    item.range,
  );
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
function closestKeys(key: string, bibliography: DocumentBibliography): BibliographyFileEntry[] {
  const limit = Math.max(2, Math.floor(key.length * 0.4));
  return [...bibliography.byKey.values()]
    .filter((e) => Math.abs(e.key.length - key.length) <= limit)
    .map((e) => ({ e, d: editDistance(key.toLowerCase(), e.key.toLowerCase()) }))
    .filter(({ d }) => d <= limit)
    .sort((a, b) => a.d - b.d || a.e.key.localeCompare(b.e.key))
    .slice(0, 3)
    .map(({ e }) => e);
}
