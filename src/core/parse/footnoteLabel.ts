/**
 * Normalises a footnote label the way GFM (and mdast-util-gfm-footnote) does:
 * whitespace collapsed and trimmed, case folded. `[^Note]` and `[^note]` are one note.
 */
export function normalizeFootnoteLabel(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .trim()
    .toLowerCase()
    .toUpperCase();
}

/**
 * A footnote reference as GFM accepts it: `[^` + a label with no whitespace, no brackets,
 * at most 999 characters (backslash escapes allowed) + `]`.
 */
export const FOOTNOTE_REFERENCE = /\[\^((?:\\.|[^\s\\[\]]){1,999})\]/g;
