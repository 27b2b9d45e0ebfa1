import type { Feature } from '../../feature';
import { findFrontMatterProblems, findStyleProblems } from './frontMatterChecks';

/** The brief's front matter: YAML that cannot be read, and a `csl:` style that cannot be used. */
export const frontMatter: Feature = {
  name: 'front matter',
  checks: [{ diagnostics: (context) => [...findFrontMatterProblems(context.document), ...findStyleProblems(context)], unchangedByWordEdit: () => true }],
};
