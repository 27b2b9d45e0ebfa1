// What the benchmarks call, bundled by esbuild exactly as the server and CLI bundle it (no
// test-runner transforms), so the timings are those users get.
export { createBriefService, DEFAULT_OPTIONS } from '../../src/core';
export { parseBibliographyFile } from '../../src/core/sources/bibliographyFile';
export { scoreSentence, wordListsFor } from '../../src/core/claims/claimDetector';

import { Cite, plugins, type CslItem } from '@citation-js/core';
import '@citation-js/plugin-csl';
import chicagoAuthorDate from 'style-chicago';

/** Renders a bibliography in Chicago author-date with citation-js and citeproc-js. */
export function renderChicagoAuthorDate(items: CslItem[]): string {
  const styles = plugins.config.get('@csl').styles;
  if (!styles.has('chicago-author-date')) styles.add('chicago-author-date', chicagoAuthorDate as unknown as string);
  return new Cite(items).format('bibliography', { format: 'html', template: 'chicago-author-date', lang: 'en-US' });
}
