import { Codes, diagnosticFor } from '../../diagnosticCodes';
import { finding, type FeatureContext, type Finding } from '../../feature';
import { styleNames, styleTitle } from '../../bibliography/cslStyles';
import { frontMatterStyleUri } from '../../bibliography/styleChoice';
import { styleProblem } from '../../bibliography/cslStyleCheck';

/** `bibliography.style-missing`, `bibliography.style-error` and `bibliography.style-unknown`: a front-matter `csl:` that cannot be used. */
export function findStyleProblems({ document, styleFiles, unreadStyleFiles, mayRead, readOutsideHint }: FeatureContext): Finding[] {
  const csl = document.frontMatter?.csl;
  if (!csl) return [];
  const custom = frontMatterStyleUri(document);
  if (custom) {
    // Not read yet: nothing to say.
    if (!styleFiles.has(custom)) return [];
    const definition = styleFiles.get(custom);
    if (definition !== undefined) {
      const problem = styleProblem(definition);
      return problem === undefined
        ? []
        : [
            finding(
              diagnosticFor(
                Codes.bibliographyStyleError,
                `BriefKit cannot use the style file "${csl.value}" as a citation style: ${problem}. Correct the file, or name another style.`,
                csl.range,
              ),
            ),
          ];
    }
    const unread = unreadStyleFiles.get(custom);
    const message = !mayRead(custom)
      ? `BriefKit reads style files only inside the workspace, and "${csl.value}" is outside it. Move the file into the workspace, or ${readOutsideHint}.`
      : unread
        ? `The style file "${csl.value}" ${unread}; BriefKit does not read it.`
        : `BriefKit cannot find the style file "${csl.value}". The path is relative to this brief.`;
    return [finding(diagnosticFor(Codes.bibliographyStyleMissing, message, csl.range))];
  }
  if (styleTitle(csl.value)) return [];
  return [
    finding(
      diagnosticFor(
        Codes.bibliographyStyleUnknown,
        `BriefKit does not know the citation style "${csl.value}". Use one of ${styleNames().join(', ')}, or the path of a .csl file.`,
        csl.range,
      ),
    ),
  ];
}
