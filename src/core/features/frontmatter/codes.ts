import { defineCodes } from '../../codeRegistry';

/** The `frontmatter.*` slice of the code registry: each code's stable name, default severity and meaning. */
export const frontMatterCodes = defineCodes({
  frontMatterInvalid: { code: 'frontmatter.invalid', severity: 'error', meaning: 'The YAML front matter cannot be read.' },
});
