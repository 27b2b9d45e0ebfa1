import type { RenderedCitations } from '../core';
import {
  BIBLIOGRAPHY_REQUEST,
  CITATIONS_REQUEST,
  EXPORT_BIBLIOGRAPHY_REQUEST,
  type BibliographyRequestParams,
  type BibliographyResponse,
  type CitationsRequestParams,
  type ExportBibliographyParams,
  type ExportBibliographyResponse,
} from '../protocol/requests';
import type { ServerContext } from './serverContext';

/** The bibliography panel's, the exports' and the Markdown preview's requests. */
export function registerBibliographyRequests({ connection, service, preparedBrief }: ServerContext): void {
  connection.onRequest(BIBLIOGRAPHY_REQUEST, async ({ uri, style, order }: BibliographyRequestParams): Promise<BibliographyResponse> => {
    const document = await preparedBrief(uri);
    if (!document) return { style: style ?? '', styles: [], entries: [], notices: [], message: 'Open a Markdown brief to see its bibliography.' };
    const chosen = service.getStyle(document, style);
    const styles = service.getAvailableStyles(document);
    try {
      const entries = service.getBibliographyPreview(document, chosen, order);
      return { style: chosen.id, styles, entries, notices: chosen.notices, message: entries.length === 0 ? 'This brief cites no sources yet.' : undefined };
    } catch (error) {
      return { style: chosen.id, styles, entries: [], notices: chosen.notices, message: `The bibliography could not be rendered in ${chosen.title}: ${(error as Error).message}` };
    }
  });

  connection.onRequest(CITATIONS_REQUEST, async ({ uri }: CitationsRequestParams): Promise<RenderedCitations | null> => {
    const document = await preparedBrief(uri);
    if (!document) return null;
    try {
      return service.renderCitations(document, service.getStyle(document));
    } catch (error) {
      connection.console.warn(`Citations of ${uri} could not be rendered for the Markdown preview: ${(error as Error).message}`);
      return null;
    }
  });

  connection.onRequest(EXPORT_BIBLIOGRAPHY_REQUEST, async ({ uri, style, order, format }: ExportBibliographyParams): Promise<ExportBibliographyResponse> => {
    const document = await preparedBrief(uri);
    if (!document) return { text: '', message: 'Open a Markdown brief first.' };
    const chosen = service.getStyle(document, style);
    try {
      const text = service.exportBibliography(document, chosen, order, format);
      return text === '' ? { text, message: 'This brief cites no sources yet.' } : { text, styleTitle: chosen.title };
    } catch (error) {
      return { text: '', message: `The bibliography could not be rendered in ${chosen.title}: ${(error as Error).message}` };
    }
  });
}
