import type { BriefDocument } from '../../document';
import type { BriefDiagnostic } from '../../types';

/** `frontmatter.invalid`: YAML front matter that cannot be read (so its bibliography and style are ignored). */
export function findFrontMatterProblems(document: BriefDocument): BriefDiagnostic[] {
  return (document.frontMatter?.problems ?? []).map((problem) => ({
    code: 'frontmatter.invalid',
    severity: 'error',
    message: problem.message,
    range: problem.range,
  }));
}
