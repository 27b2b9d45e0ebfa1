/**
 * Headings that start a brief's Bibliography section. Its own module, needing only the text
 * helpers, so the Markdown preview plugin in the extension can use it without bundling the core.
 */
import { trimEndOfSpaceAnd } from '../text/trim';

const BIBLIOGRAPHY_HEADINGS = new Set(['bibliography', 'references', 'works cited', 'sources', 'reference list']);

export function isBibliographyHeading(text: string): boolean {
  return BIBLIOGRAPHY_HEADINGS.has(trimEndOfSpaceAnd(text, ':.').toLowerCase().replace(/\s+/g, ' ').trim());
}
