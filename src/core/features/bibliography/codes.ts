import { defineCodes } from '../../codeRegistry';

/** The `bibliography.*` slice of the code registry: each code's stable name, default severity and meaning. */
export const bibliographyCodes = defineCodes({
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
});
