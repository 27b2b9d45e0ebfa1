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
 * at most 999 characters (backslash escapes allowed) + `]`. Spaces after the caret are allowed:
 * cmark-gfm and pandoc's gfm reader both read `[^ 18]` as a reference to `[^18]`.
 */
export const FOOTNOTE_REFERENCE = /\[\^[ \t]*((?:\\.|[^\s\\[\]]){1,999})\]/g;
