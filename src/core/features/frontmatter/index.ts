import type { Feature } from '../../feature';
import { findFrontMatterProblems } from './frontMatterChecks';

/** `frontmatter.*`: YAML front matter that cannot be read. */
export const frontMatter: Feature = {
  name: 'front matter',
  checks: [{ diagnostics: ({ document }) => findFrontMatterProblems(document), reads: ['files'] }],
};
