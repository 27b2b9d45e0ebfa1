/**
 * Headings that start a brief's Bibliography section. Its own module, free of dependencies, so
 * the Markdown preview plugin in the extension can use it without bundling the core.
 */
const BIBLIOGRAPHY_HEADINGS = new Set(['bibliography', 'references', 'works cited', 'sources', 'reference list']);

export function isBibliographyHeading(text: string): boolean {
  return BIBLIOGRAPHY_HEADINGS.has(text.toLowerCase().replace(/[:.\s]+$/, '').replace(/\s+/g, ' ').trim());
}
