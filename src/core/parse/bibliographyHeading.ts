/**
 * Headings that start a brief's Bibliography section. Its own module, free of dependencies, so
 * the Markdown preview plugin in the extension can use it without bundling the core.
 */
const BIBLIOGRAPHY_HEADINGS = new Set(['bibliography', 'references', 'works cited', 'sources', 'reference list']);

export function isBibliographyHeading(text: string): boolean {
  // Trailing colons, stops and spaces taken off by a loop: `/[:.\s]+$/` is quadratic in a long run of them.
  let end = text.length;
  while (end > 0 && /[:.\s]/.test(text[end - 1])) end--;
  return BIBLIOGRAPHY_HEADINGS.has(text.slice(0, end).toLowerCase().replace(/\s+/g, ' ').trim());
}
