import type { BriefDocument, CitationKey } from '../../document';
import type { BriefHover, BriefLocation } from '../../language';
import type { CslItem } from '@citation-js/core';
import type { DocumentBibliography } from '../../bibliographyFiles/bibliographyStore';
import { fileName } from '../../text/fileName';
import { unreadableEntries } from './citationChecks';

export function citationKeyAt(document: BriefDocument, offset: number): CitationKey | undefined {
  for (const citation of document.citations) {
    if (citation.start > offset) break;
    for (const item of citation.items) if (item.start <= offset && offset <= item.end) return item;
  }
  return undefined;
}

/** The key's reference in the brief's citation style, and the file it comes from. */
export function citationHover(
  document: BriefDocument,
  offset: number,
  bibliography: DocumentBibliography,
  render: (item: CslItem) => string,
): BriefHover | undefined {
  const key = citationKeyAt(document, offset);
  if (!key) return undefined;
  const entry = bibliography.byKey.get(key.key);
  const broken = entry ? undefined : unreadableEntries(bibliography).get(key.key);
  const contents = entry
    ? `${render(entry.item)}\n\n*${fileName(entry.uri)}*`
    : broken
      ? `The entry \`${key.key}\` in ${fileName(broken.uri)} (line ${broken.line}) cannot be read; fix it there to see the work here.`
      : `No bibliography entry has the key \`${key.key}\`.`;
  return { contents, range: key.range };
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
