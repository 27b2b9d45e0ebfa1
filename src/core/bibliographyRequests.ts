import type { BibliographyContext } from './bibliographyContext';
import { bibliographySectionEdit, previewEntries } from './bibliography/bibliographySection';
import { entriesJob, formatBibliography } from './bibliography/bibliographyOutput';
import { isRendered, keepCiteprocFailure, keepCiteprocRendering, type CiteprocJob } from './bibliography/citeprocJobs';
import { citationJobs, renderCitations } from './bibliography/citationRendering';
import type { BriefService } from './briefService';
import type { DocumentStore } from './documentStore';

type BibliographyRequests = Pick<
  BriefService,
  | 'loadBibliographies'
  | 'bibliographyChanged'
  | 'getBibliographyFileDiagnostics'
  | 'loadedBibliographyFiles'
  | 'loadedStyleFiles'
  | 'loadedProjectFiles'
  | 'getBibliographyWorks'
  | 'getStyle'
  | 'getAvailableStyles'
  | 'getBibliographyPreview'
  | 'getCiteprocJobs'
  | 'keepCiteprocRendering'
  | 'keepCiteprocFailure'
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
    loadBibliographies: async (input, token) => bibliographies.load(documents.get(input, token)),
    bibliographyChanged: (uri) => bibliographies.changed(uri),
    getBibliographyFileDiagnostics: (uri) => bibliographies.fileDiagnostics(uri),
    loadedBibliographyFiles: () => bibliographies.loadedFiles(),
    loadedStyleFiles: () => bibliographies.loadedStyleFiles(),
    loadedProjectFiles: () => bibliographies.loadedProjectFiles(),
    getBibliographyWorks: (input) => bibliographies.works(documents.get(input)),
    getStyle: (input, picked) => bibliographies.style(documents.get(input), picked),
    getAvailableStyles: (input) => bibliographies.availableStyles(documents.get(input)),
    getBibliographyPreview: (input, style, order) => {
      const document = documents.get(input);
      return previewEntries(document, bibliographies.works(document), computeDiagnostics(input), style, order);
    },
    getCiteprocJobs: (input, style, purpose) => {
      const document = documents.get(input);
      const works = bibliographies.works(document);
      const entries = () => [entriesJob(works, { style: style.id, customDefinition: style.definition, lang: style.lang })];
      // A hover renders one entry in a bundled style here, quickly; in a .csl file's, from the works' rendering.
      const jobs: Array<CiteprocJob | undefined> =
        purpose === 'preview'
          ? entries()
          : purpose === 'hover'
            ? style.definition === undefined
              ? []
              : entries()
            : citationJobs(document, bibliographies.forDocument(document), works, style);
      return jobs.filter((job): job is CiteprocJob => job !== undefined && !isRendered(job));
    },
    keepCiteprocRendering,
    keepCiteprocFailure: (job, problem) => {
      if (!keepCiteprocFailure(job, problem)) return false;
      // The briefs' findings are built again: a csl: line now has a problem to report.
      bibliographies.generation++;
      return true;
    },
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
