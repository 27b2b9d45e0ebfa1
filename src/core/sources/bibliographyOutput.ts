import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { BibliographyWork } from './bibliographyWorks';
import { renderBibliography } from './cslStyles';

export const OUTPUT_FORMATS = ['html', 'text', 'markdown', 'bibtex', 'csl-json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface OutputOptions {
  style: string;
  format: OutputFormat;
  /** `style`: the order the style sets (usually alphabetical); `cited`: order of first citation. */
  order: 'style' | 'cited';
  lang?: string;
  /** XML of a .csl file, when the style is one. */
  customDefinition?: string;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#38;': '&', '&#60;': '<', '&#62;': '>', '&#39;': "'" };

/** One rendered HTML entry as Markdown (italics and bold kept) or plain text. */
function fromHtml(html: string, markdown: boolean): string {
  return html
    .replace(/<\/?(?:i|em)>/g, markdown ? '*' : '')
    .replace(/<\/?(?:b|strong)>/g, markdown ? '**' : '')
    .replace(/<[^>]+>/g, '')
    .replace(/&(?:amp|lt|gt|quot|#38|#60|#62|#39);/g, (entity) => ENTITIES[entity])
    .replace(/\s+/g, ' ')
    .trim();
}

function entriesHtml(html: string): string[] {
  return [...html.matchAll(/<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/g)].map((m) => m[1]);
}

/** The brief's bibliography in one of the output formats. */
export function formatBibliography(works: BibliographyWork[], options: OutputOptions): string {
  const ordered = options.order === 'cited' ? [...works].sort((a, b) => a.firstOffset - b.firstOffset) : works;
  const items = ordered.map((w) => w.item);
  if (items.length === 0) return '';
  switch (options.format) {
    case 'csl-json':
      return `${JSON.stringify(items, null, 2)}\n`;
    case 'bibtex':
      return new Cite(items).format('bibtex', { format: 'text' });
    default:
      break;
  }
  const render = (list: typeof items, format: 'text' | 'html') => renderBibliography(list, options.style, format, options.lang, options.customDefinition);
  // Order of first citation: each entry rendered alone, kept in the brief's order.
  const html = options.order === 'cited' ? items.map((item) => entriesHtml(render([item], 'html'))[0] ?? '') : entriesHtml(render(items, 'html'));
  if (options.format === 'html') return `<div class="csl-bib-body">\n${html.map((entry) => `  <div class="csl-entry">${entry}</div>`).join('\n')}\n</div>\n`;
  if (options.format === 'markdown') return `${html.map((entry) => `- ${fromHtml(entry, true)}`).join('\n')}\n`;
  return `${html.map((entry) => fromHtml(entry, false)).join('\n')}\n`;
}

/** One rendered entry for the preview: its HTML (escaped by citeproc) and where the brief cites it. */
export interface RenderedWork {
  id: string;
  html: string;
  citedAt: BibliographyWork['citedAt'];
}

/** Each work rendered as HTML, in the style's order or the order of first citation. */
export function renderWorks(works: BibliographyWork[], options: Omit<OutputOptions, 'format'>): RenderedWork[] {
  if (works.length === 0) return [];
  const byId = new Map(works.map((w) => [w.id, w]));
  if (options.order === 'cited') {
    return [...works]
      .sort((a, b) => a.firstOffset - b.firstOffset)
      .map((w) => ({ id: w.id, html: entriesHtml(renderBibliography([w.item], options.style, 'html', options.lang, options.customDefinition))[0] ?? '', citedAt: w.citedAt }));
  }
  const html = renderBibliography(works.map((w) => w.item), options.style, 'html', options.lang, options.customDefinition);
  return [...html.matchAll(/<div[^>]*data-csl-entry-id="([^"]*)"[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/g)].map((m) => ({
    id: m[1],
    html: m[2],
    citedAt: byId.get(m[1])?.citedAt ?? [],
  }));
}
