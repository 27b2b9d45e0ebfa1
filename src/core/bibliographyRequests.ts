import type { BibliographyContext } from './bibliographyContext';
import { bibliographySectionEdit, previewEntries } from './bibliography/bibliographySection';
import { formatBibliography, keepRendering, renderingNeeded } from './bibliography/bibliographyOutput';
import { renderCitations } from './bibliography/citationRendering';
import type { BriefService } from './briefService';
import type { DocumentStore } from './documentStore';

type BibliographyRequests = Pick<
  BriefService,
  | 'loadBibliographies'
  | 'bibliographyChanged'
  | 'getBibliographyFileDiagnostics'
  | 'loadedBibliographyFiles'
  | 'loadedStyleFiles'
  | 'getBibliographyWorks'
  | 'getStyle'
  | 'getAvailableStyles'
  | 'getBibliographyPreview'
  | 'getBibliographyRenderJob'
  | 'keepBibliographyRendering'
  | 'exportBibliography'
  | 'renderCitations'
  | 'writeBibliographySection'
>;

/** The bibliography files, styles, the preview, exports and the Bibliography section. */
export function bibliographyRequests(
  documents: DocumentStore,
  bibliographies: BibliographyContext,
  computeDiagnostics: BriefService['computeDiagnostics'],
): BibliographyRequests {
  return {
    loadBibliographies: (input) => bibliographies.load(documents.get(input)),
    bibliographyChanged: (uri) => bibliographies.changed(uri),
    getBibliographyFileDiagnostics: (uri) => bibliographies.fileDiagnostics(uri),
    loadedBibliographyFiles: () => bibliographies.loadedFiles(),
    loadedStyleFiles: () => bibliographies.loadedStyleFiles(),
    getBibliographyWorks: (input) => bibliographies.works(documents.get(input)),
    getStyle: (input, picked) => bibliographies.style(documents.get(input), picked),
    getAvailableStyles: (input) => bibliographies.availableStyles(documents.get(input)),
    getBibliographyPreview: (input, style, order) => {
      const document = documents.get(input);
      return previewEntries(document, bibliographies.works(document), computeDiagnostics(input), style, order);
    },
    getBibliographyRenderJob: (input, style) => renderingNeeded(bibliographies.works(documents.get(input)), { style: style.id, customDefinition: style.definition, lang: style.lang }),
    keepBibliographyRendering: keepRendering,
    exportBibliography: (input, style, order, format) =>
      formatBibliography(bibliographies.works(documents.get(input)), { style: style.id, customDefinition: style.definition, lang: style.lang, order, format }),
    renderCitations: (input, style) => {
      const document = documents.get(input);
      return renderCitations(document, bibliographies.forDocument(document), bibliographies.works(document), style);
    },
    writeBibliographySection: (input, style) => {
      const document = documents.get(input);
      return bibliographySectionEdit(document, bibliographies.works(document), style);
    },
  };
}
