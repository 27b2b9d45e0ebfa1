// What the benchmarks call, bundled by esbuild exactly as the server and CLI bundle it (no
// test-runner transforms), so the timings are those users get.
export { createBriefService, DEFAULT_OPTIONS } from '../../src/core';
export { parseBibliographyFile } from '../../src/core/bibliographyFiles/bibliographyFile';
export { scoreSentence, wordListsFor } from '../../src/core/features/claim/claimDetector';
export { claimContexts } from '../../src/core/features/claim/claimContext';

export { renderBibliographyEntries } from '../../src/core/bibliography/cslStyles';
