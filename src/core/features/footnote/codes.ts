import { defineCodes } from '../../codeRegistry';

/** The `footnote.*` slice of the code registry: each code's stable name, default severity and meaning. */
export const footnoteCodes = defineCodes({
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
});
