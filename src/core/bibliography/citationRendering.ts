import type { CiteprocCitation } from '@citation-js/core';
import type { BriefDocument, CitationKey } from '../document';
import { entriesJob, renderWorks } from './bibliographyOutput';
import type { BibliographyWork } from './bibliographyWorks';
import type { DocumentBibliography } from '../bibliographyFiles/bibliographyStore';
import { clusterJob, clusterRenderings, renderClusters } from './cslStyles';
import type { CiteprocJob } from './citeprocJobs';
import type { StyleChoice } from './styleChoice';

/** The brief's `[@key]` citations and the bibliography they generate, rendered for a Markdown preview. */
export interface RenderedCitations {
  /** True for note styles (Chicago notes-bibliography): each citation becomes a footnote. */
  noteStyle: boolean;
  /** Each bracketed citation in document order: its source text and its rendering (HTML, escaped by citeproc); none when no bibliography file has its keys. */
  citations: Array<{ text: string; html?: string }>;
  /** Entries (HTML) of the works the citations name that the Bibliography section does not already list. */
  bibliography: string[];
}

/** CSL locator labels for the abbreviations writers use in a citation's suffix ("p. 4", "chap. 2"). */
const LOCATOR_LABELS: Record<string, string> = {
  p: 'page',
  pp: 'page',
  page: 'page',
  pages: 'page',
  chap: 'chapter',
  chapter: 'chapter',
  sec: 'section',
  section: 'section',
  para: 'paragraph',
  paragraph: 'paragraph',
  fig: 'figure',
  figure: 'figure',
  vol: 'volume',
  volume: 'volume',
};

/** A cited item as citeproc takes it: "p. 33–35" in the suffix becomes a page locator. */
function citeItem(key: CitationKey): CiteprocCitation['citationItems'][number] {
  const item: CiteprocCitation['citationItems'][number] = { id: key.key };
  if (key.prefix) item.prefix = `${key.prefix} `;
  if (key.suppressAuthor) item['suppress-author'] = true;
  const locator = /^(?:(\p{L}+)\.?\s*)?(\d[\w\u2013-]*)((?![\w\u2013-]).*)$/u.exec(key.suffix);
  const label = locator?.[1] ? LOCATOR_LABELS[locator[1].toLowerCase()] : locator ? 'page' : undefined;
  if (locator && label) {
    item.locator = locator[2];
    item.label = label;
    if (locator[3].trim()) item.suffix = locator[3];
  } else if (key.suffix) {
    item.suffix = `, ${key.suffix}`;
  }
  return item;
}

/**
 * Renders every bracketed citation in one citeproc pass, so later citations of a work get the
 * style's short form or "ibid.", and the works they cite that the Bibliography section lacks.
 */
export function renderCitations(document: BriefDocument, bibliography: DocumentBibliography, works: BibliographyWork[], style: StyleChoice): RenderedCitations {
  const { bracketed, known, job } = citationClusters(document, bibliography, style);
  const rendered = job ? clusterRenderings.get(job.key, () => renderClusters(job)) : { noteStyle: false, html: [] };
  let next = 0;
  const citations = bracketed.map((citation, i) => {
    const text = document.text.slice(citation.start, citation.end);
    return known[i].length > 0 ? { text, html: rendered.html[next++] } : { text };
  });
  return {
    noteStyle: rendered.noteStyle,
    citations,
    bibliography: renderWorks(generatedWorks(works), { style: style.id, customDefinition: style.definition, lang: style.lang, order: 'style' }).map(
      (work) => work.html,
    ),
  };
}

/** The brief's bracketed citations, the keys of each a bibliography file has, and the clusters citeproc renders them as. */
function citationClusters(document: BriefDocument, bibliography: DocumentBibliography, style: StyleChoice) {
  const bracketed = document.citations.filter((c) => c.bracketed);
  const known = bracketed.map((citation) => citation.items.filter((key) => bibliography.byKey.has(key.key)));
  const items = [...new Set(known.flat().map((key) => key.key))].map((key) => bibliography.byKey.get(key)!.item);
  const clusters = known
    .filter((keys) => keys.length > 0)
    .map((keys, i): CiteprocCitation => ({ citationItems: keys.map(citeItem), properties: { noteIndex: i + 1 } }));
  return { bracketed, known, job: clusters.length > 0 ? clusterJob(items, clusters, style.id, style.lang, style.definition) : undefined };
}

/** The works only `[@key]` citations cite, which the Markdown preview lists under the Bibliography heading. */
function generatedWorks(works: BibliographyWork[]): BibliographyWork[] {
  return works.filter((work) => work.entries.length === 0 && work.citedAt.some((c) => c.kind === 'citation'));
}

/** What renderCitations gives to citeproc: its clusters, and the works the preview lists. */
export function citationJobs(document: BriefDocument, bibliography: DocumentBibliography, works: BibliographyWork[], style: StyleChoice): CiteprocJob[] {
  const clusters = citationClusters(document, bibliography, style).job;
  const listed = entriesJob(generatedWorks(works), { style: style.id, customDefinition: style.definition, lang: style.lang });
  return [clusters, listed].filter((job): job is CiteprocJob => job !== undefined);
}
