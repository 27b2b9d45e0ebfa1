import type { BriefDocument, CitationKey } from '../../document';
import { finding, type Finding } from '../../feature';
import type { BriefDiagnostic } from '../../types';
import { Codes, diagnosticFor } from '../../diagnosticCodes';
import type { DocumentBibliography } from '../../bibliographyFiles/bibliographyStore';

/**
 * `crossref.undefined`: `@fig:map` or `@fig-map` naming no label of the document. In a book the
 * label may be in any chapter: checked only where every file that could define it was read.
 */
export function findUndefinedCrossrefs(document: BriefDocument, bibliography: DocumentBibliography): Finding[] {
  const folderLabels = bibliography.folderLabels;
  if (bibliography.project || !folderLabels) return [];
  return document.citations
    .flatMap((citation) => citation.items)
    .filter((item) => item.kind === 'crossref' && !document.citationAliases.has(item.key) && !hasLabel(document, item.key, folderLabels))
    .map((item) => finding(undefinedCrossref(item)));
}

/** pandoc-crossref capitalises the prefix for a capital "Fig.": `@Fig:map` refers to `{#fig:map}`. */
function hasLabel(document: BriefDocument, key: string, folderLabels: ReadonlySet<string>): boolean {
  const lower = key[0].toLowerCase() + key.slice(1);
  return [key, lower].some((label) => document.crossrefLabels.has(label) || folderLabels.has(label));
}

function undefinedCrossref(item: CitationKey): BriefDiagnostic {
  return diagnosticFor(
    Codes.crossrefUndefined,
    `No figure, table, section or equation in this document has the label "${item.key}". Add {#${item.key}} to the one you mean (after its heading or caption), or correct the label.`,
    item.range,
  );
}
