import type { BriefDocument } from '../../document';
import type { BriefDiagnostic } from '../../types';
import { Codes } from '../../diagnosticCodes';

/** `frontmatter.invalid`: YAML front matter that cannot be read (so its bibliography and style are ignored). */
export function findFrontMatterProblems(document: BriefDocument): BriefDiagnostic[] {
  return (document.frontMatter?.problems ?? []).map((problem) => ({
    code: Codes.frontMatterInvalid.code,
    severity: Codes.frontMatterInvalid.severity,
    message: problem.message,
    range: problem.range,
  }));
}
