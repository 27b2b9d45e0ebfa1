import type { BriefDiagnostic, Range, Severity } from './types';
import type { DiagnosticCodeInfo } from './codeRegistry';
import { frontMatterCodes } from './features/frontmatter/codes';
import { footnoteCodes } from './features/footnote/codes';
import { citationCodes } from './features/citation/codes';
import { crossrefCodes } from './features/crossref/codes';
import { bibliographyCodes } from './features/bibliography/codes';
import { sourceCodes } from './features/source/codes';
import { linkCodes } from './features/link/codes';
import { claimCodes } from './features/claim/codes';

/** Every code, family by family in the registry's order. */
export const Codes = {
  ...frontMatterCodes,
  ...footnoteCodes,
  ...citationCodes,
  ...crossrefCodes,
  ...bibliographyCodes,
  ...sourceCodes,
  ...linkCodes,
  ...claimCodes,
};

export type { DiagnosticCodeInfo } from './codeRegistry';

export type DiagnosticCode = (typeof Codes)[keyof typeof Codes]['code'];

/** Every registered code, in the order of the registry. */
export const ALL_CODES: readonly DiagnosticCodeInfo<DiagnosticCode>[] = Object.values(Codes);

/** A diagnostic of a registered code, at its default severity unless the writer chose another. */
export function diagnosticFor(info: DiagnosticCodeInfo<DiagnosticCode>, message: string, range: Range, severity: Severity = info.severity): BriefDiagnostic {
  return { code: info.code, severity, message, range };
}
