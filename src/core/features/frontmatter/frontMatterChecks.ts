import type { BriefDocument } from '../../document';
import { Codes, diagnosticFor } from '../../diagnosticCodes';
import { finding, type Finding } from '../../feature';

/** `frontmatter.invalid`: YAML front matter that cannot be read (so its bibliography and style are ignored). */
export function findFrontMatterProblems(document: BriefDocument): Finding[] {
  return (document.frontMatter?.problems ?? []).map((problem) => finding(diagnosticFor(Codes.frontMatterInvalid, problem.message, problem.range)));
}
