// What the benchmarks call, bundled by esbuild exactly as the server and CLI bundle it (no
// test-runner transforms), so the timings are those users get.
export { createBriefService, DEFAULT_OPTIONS } from '../../src/core';
export { parseBibliographyFile } from '../../src/core/features/citations/bibliographyFile';
export { scoreSentence, wordListsFor } from '../../src/core/features/claims/claimDetector';
export { claimContexts } from '../../src/core/features/claims/claimContext';

export { renderBibliographyEntries } from '../../src/core/bibliography/cslStyles';
