import { Cite, plugins, type CiteprocCitation, type CslItem } from '@citation-js/core';
import '@citation-js/plugin-csl';
import chicagoAuthorDate from 'style-chicago';
import mla from 'style-mla';
import chicagoNoteBibliography from '@citation/csl-style-chicago-note-bibliography';
import { RecentCache } from '../text/recentCache';
import type { ShippedStyle } from '../host';

/**
 * The citation styles BriefKit renders with citation-js (citeproc-js). The CSL project's style
 * definitions come from registry packages (style-chicago, style-mla,
 * @citation/csl-style-chicago-note-bibliography; citation-js ships APA, Vancouver and Harvard);
 * hosts register more (IEEE, shipped in the extension from the Debian CSL styles package), and a
 * brief can name any .csl file by path in its front matter (`csl:`).
 */
const REGISTERED = new Map<string, { title: string; definition?: unknown; builtIn?: string }>([
  ['apa', { title: 'APA', builtIn: 'apa' }],
  ['chicago-author-date', { title: 'Chicago author-date', definition: chicagoAuthorDate }],
  ['chicago-note-bibliography', { title: 'Chicago notes-bibliography', definition: chicagoNoteBibliography.content }],
  ['mla', { title: 'MLA', definition: mla }],
  ['harvard', { title: 'Harvard', builtIn: 'harvard1' }],
  ['vancouver', { title: 'Vancouver', builtIn: 'vancouver' }],
]);

/** Names of the styles BriefKit knows, in the order a style picker lists them. */
export function styleNames(): string[] {
  return [...REGISTERED.keys()];
}

export function styleTitle(name: string): string | undefined {
  return REGISTERED.get(name)?.title;
}

/** Adds the styles a host ships as .csl files (the host reads them), by name. */
export function registerStyles(styles: readonly ShippedStyle[]): void {
  for (const { name, title, xml } of styles) REGISTERED.set(name, { title, definition: xml });
}

/** citation-js's cached citeproc-js engine for a style and locale, through the CSL plugin's public configuration. */
function prepareEngine(items: CslItem[], template: string, lang: string, format: 'html' | 'text') {
  return plugins.config.get('@csl').engine(items, template, lang, format);
}

/** Whether citation-js has the locale's terms and date formats (en-US, de-DE, fr-FR, es-ES, nl-NL). */
export function hasLocale(lang: string): boolean {
  return plugins.config.get('@csl').locales.list().includes(lang);
}

/** The citation-js template name for a style, registering its definition the first time. */
function template(name: string, customDefinition?: string): string {
  const styles = plugins.config.get('@csl').styles;
  if (customDefinition !== undefined) {
    const id = `custom-${hash(customDefinition)}`;
    if (!styles.has(id)) styles.add(id, customDefinition);
    return id;
  }
  const style = REGISTERED.get(name);
  if (!style) throw new Error(`unknown style ${name}`);
  if (style.builtIn) return style.builtIn;
  if (!styles.has(name)) styles.add(name, style.definition as string);
  return name;
}

function hash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

/** A bibliography of `items` in a style, as text or HTML; `customDefinition` is the XML of a .csl file. */
export function renderBibliography(items: CslItem[], style: string, format: 'text' | 'html', lang = 'en-US', customDefinition?: string): string {
  return new Cite(items).format('bibliography', { format, template: template(style, customDefinition), lang }).trim();
}

/**
 * Each item's bibliography entry as citeproc's HTML, in the style's order. Straight to the
 * citeproc engine citation-js keeps per style and locale: a third faster than Cite#format, which
 * copies and wraps every entry.
 */
export function renderBibliographyEntries(items: CslItem[], style: string, lang = 'en-US', customDefinition?: string): Array<{ id: string; html: string }> {
  const engine = prepareEngine(items, template(style, customDefinition), lang, 'html');
  engine.updateItems(items.map((item) => item.id));
  const [meta, entries] = engine.makeBibliography();
  return entries.map((html, i) => ({ id: meta.entry_ids[i][0], html }));
}

/** One reference as plain text in a style. */
export function renderReference(item: CslItem, style: string, lang = 'en-US', customDefinition?: string): string {
  return renderBibliography([item], style, 'text', lang, customDefinition);
}

/** Citation clusters to render, and the key their rendering is kept under. */
export interface ClusterJob {
  kind: 'clusters';
  key: string;
  items: CslItem[];
  clusters: CiteprocCitation[];
  style: string;
  lang: string;
  customDefinition?: string;
}

/** Citation clusters rendered as HTML, in order, and whether the style puts citations in notes. */
export interface ClusterRendering {
  noteStyle: boolean;
  html: string[];
}

export function clusterJob(items: CslItem[], clusters: CiteprocCitation[], style: string, lang = 'en-US', customDefinition?: string): ClusterJob {
  return { kind: 'clusters', key: JSON.stringify([style, lang, customDefinition ?? '', items, clusters]), items, clusters, style, lang, customDefinition };
}

/** citeproc's rendering of the clusters, uncached (what a worker thread runs). */
export function renderClusters(job: ClusterJob): ClusterRendering {
  const engine = prepareEngine(job.items, template(job.style, job.customDefinition), job.lang, 'html');
  const output = engine.rebuildProcessorState(job.clusters, 'html', []);
  return { noteStyle: engine.opt.xclass === 'note', html: output.map((entry) => entry[2]) };
}

/** Recent citation renderings: the Markdown preview and inlay hints ask after every edit, and most edits change no citation. */
export const clusterRenderings = new RecentCache<ClusterRendering>(16);
