import type { BriefDiagnostic, Range, Severity } from './types';

/**
 * Every diagnostic code BriefKit reports, declared once: its stable name (tools, tests and the
 * README's table rely on it), its default severity and what it means. Checks, code actions, the
 * preview and the CLI refer to these constants, so a misspelt code does not compile.
 */
export interface DiagnosticCodeInfo<C extends string = string> {
  readonly code: C;
  readonly severity: Severity;
  readonly meaning: string;
}

function define<const T extends Record<string, DiagnosticCodeInfo>>(codes: T): T {
  return codes;
}

export const Codes = define({
  frontMatterInvalid: { code: 'frontmatter.invalid', severity: 'error', meaning: 'The YAML front matter cannot be read.' },
  footnoteUndefined: { code: 'footnote.undefined', severity: 'error', meaning: 'A footnote marker has no note.' },
  footnoteUnused: { code: 'footnote.unused', severity: 'warning', meaning: 'A note is never cited in the text.' },
  footnoteDuplicate: { code: 'footnote.duplicate', severity: 'error', meaning: 'Two notes share a label.' },
  footnoteEmpty: { code: 'footnote.empty', severity: 'warning', meaning: 'A note has no text.' },
  footnoteOrder: { code: 'footnote.order', severity: 'warning', meaning: 'Numbered notes are not cited in order.' },
  footnotePlacement: { code: 'footnote.placement', severity: 'information', meaning: 'A marker sits on the wrong side of sentence punctuation.' },
  footnoteLegacyMarker: { code: 'footnote.legacy-marker', severity: 'information', meaning: 'A superscript or HTML note marker pasted from elsewhere.' },
  footnoteRepeatedFullCitation: { code: 'footnote.repeated-full-citation', severity: 'information', meaning: 'A later note cites a work in full again.' },
  footnoteShortBeforeFull: { code: 'footnote.short-before-full', severity: 'information', meaning: "A short note comes before the work's full note." },
  footnoteIbid: { code: 'footnote.ibid', severity: 'information', meaning: 'A note says "Ibid." where the house rule asks for the short form.' },
  footnoteMalformed: {
    code: 'footnote.malformed',
    severity: 'warning',
    meaning: 'A note or marker written so that GitHub or pandoc prints it as text.',
  },
  footnoteLabelCase: { code: 'footnote.label-case', severity: 'information', meaning: 'One note written with labels that differ only in capitals.' },
  citationUndefined: { code: 'citation.undefined', severity: 'error', meaning: 'A citation key is in no loaded bibliography file.' },
  citationNoBibliography: {
    code: 'citation.no-bibliography',
    severity: 'information',
    meaning: 'The brief cites keys but BriefKit found no bibliography for it.',
  },
  citationMalformedIdentifier: {
    code: 'citation.malformed-identifier',
    severity: 'warning',
    meaning: 'A persistent identifier such as @doi:… is not well formed.',
  },
  citationUnmatched: { code: 'citation.unmatched', severity: 'warning', meaning: 'An author-date citation written in the text matches no Bibliography entry.' },
  crossrefUndefined: { code: 'crossref.undefined', severity: 'warning', meaning: 'A cross-reference names a label the document does not define.' },
  bibliographyFileMissing: {
    code: 'bibliography.file-missing',
    severity: 'error',
    meaning: 'A bibliography file named in the front matter or a project file (_quarto.yml, _metadata.yml, index.Rmd) does not exist or cannot be read.',
  },
  bibliographyFileOutsideWorkspace: {
    code: 'bibliography.file-outside-workspace',
    severity: 'error',
    meaning: 'The front matter or a project file names a bibliography file outside the workspace.',
  },
  bibliographyFileError: { code: 'bibliography.file-error', severity: 'warning', meaning: 'Entries of a bibliography file cannot be read.' },
  bibliographyDuplicate: { code: 'bibliography.duplicate', severity: 'warning', meaning: 'Two Bibliography entries describe the same work.' },
  bibliographyUnsorted: { code: 'bibliography.unsorted', severity: 'information', meaning: 'The Bibliography is not in alphabetical order.' },
  bibliographyUncited: { code: 'bibliography.uncited', severity: 'information', meaning: 'No footnote or citation refers to a Bibliography entry.' },
  bibliographyStyleUnknown: {
    code: 'bibliography.style-unknown',
    severity: 'warning',
    meaning: 'The front matter names a citation style BriefKit does not know.',
  },
  bibliographyStyleMissing: { code: 'bibliography.style-missing', severity: 'error', meaning: 'The front matter names a .csl file that does not exist.' },
  bibliographyStyleError: {
    code: 'bibliography.style-error',
    severity: 'error',
    meaning: 'The front matter names a .csl file that cannot be used as a citation style.',
  },
  sourceMissingFromBibliography: {
    code: 'source.missing-from-bibliography',
    severity: 'warning',
    meaning: "A footnote's source has no entry in the Bibliography section.",
  },
  sourceMismatch: { code: 'source.mismatch', severity: 'warning', meaning: 'A footnote and its Bibliography entry disagree.' },
  sourceIncomplete: { code: 'source.incomplete', severity: 'information', meaning: 'A source lacks a date, an access date or a URL it needs.' },
  sourceUrlTitleMismatch: { code: 'source.url-title-mismatch', severity: 'warning', meaning: "A link's address names a different story from the cited title." },
  linkBroken: { code: 'link.broken', severity: 'warning', meaning: 'A web address in a note or the Bibliography no longer works.' },
  linkMoved: { code: 'link.moved', severity: 'warning', meaning: 'A web address now leads to a page with another title than the cited one.' },
  linkUnreachable: {
    code: 'link.unreachable',
    severity: 'information',
    meaning: 'Web addresses did not answer in time (they are tried again later), or were not fetched because they are on your own network.',
  },
  claimUncited: { code: 'claim.uncited', severity: 'information', meaning: 'A sentence states a checkable fact and has no source.' },
  claimSkipped: { code: 'claim.skipped', severity: 'information', meaning: 'The document is too long to check for uncited claims.' },
});

export type DiagnosticCode = (typeof Codes)[keyof typeof Codes]['code'];

/** Every registered code, in the order of the registry. */
export const ALL_CODES: readonly DiagnosticCodeInfo<DiagnosticCode>[] = Object.values(Codes);

/** A diagnostic of a registered code, at its default severity unless the writer chose another. */
export function diagnosticFor(info: DiagnosticCodeInfo<DiagnosticCode>, message: string, range: Range, severity: Severity = info.severity): BriefDiagnostic {
  return { code: info.code, severity, message, range };
}
