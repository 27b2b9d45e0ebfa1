/**
 * Reference-style links whose definition is in another block: `[the report][r]` in one paragraph,
 * `[r]: https://…` at the end of the brief. micromark makes a link of `[…][r]` only when `r` is
 * defined, and a block parsed alone does not see the definitions of the others, so every such
 * link would read as plain text (and its sentence as unsourced). Notes likewise: `[^1]` is a
 * note call only when `[^1]:` is defined, which decides what `[^1][x]` and `[^1](…)` are. The
 * document store tells the parse which labels the rest of the brief defines; this extension hands
 * them to micromark's lists of defined labels before the first `[` of the block is read.
 */
import type { Extension, TokenizeContext } from 'micromark-util-types';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';

/** Labels as micromark's lists hold them: of link definitions, and of notes (without the `^`). */
export interface DefinedLabels {
  links: readonly string[];
  notes: readonly string[];
}

export const NO_LABELS: DefinedLabels = { links: [], notes: [] };
/** The labels the current parse may treat as defined: set only for the length of one parse. */
let labelsForThisParse: DefinedLabels = NO_LABELS;

interface FootnoteParser {
  gfmFootnotes?: string[];
}

const LEFT_SQUARE_BRACKET = 91;
/** The parsers (one per parse) that have the labels already. */
const added = new WeakSet<object>();

/** A text construct that never matches: its only act is to add the labels when a `[` is first met. */
export const outsideDefinitions: Extension = {
  text: {
    [LEFT_SQUARE_BRACKET]: {
      name: 'briefkitOutsideDefinitions',
      tokenize(this: TokenizeContext, _effects, _ok, nok) {
        // Once per parse: the lists are empty until the labels are in (a repeat changes nothing).
        const parser = this.parser as typeof this.parser & FootnoteParser;
        if (!added.has(parser)) {
          added.add(parser);
          for (const label of labelsForThisParse.links) parser.defined.push(label);
          // micromark-extension-gfm-footnote keeps its defined notes on the parser under this name.
          const notes = (parser.gfmFootnotes ??= []);
          for (const label of labelsForThisParse.notes) notes.push(label);
        }
        return nok;
      },
    },
  },
};

/** Runs `parse` with these labels (as `referenceLabels` gives them) counted as defined. */
export function withOutsideDefinitions<T>(labels: DefinedLabels, parse: () => T): T {
  labelsForThisParse = labels;
  try {
    return parse();
  } finally {
    labelsForThisParse = NO_LABELS;
  }
}

/**
 * The labels a block could use as references, normalised as micromark compares them: the text of
 * each innermost `[…]` (for links), and each note label whose `[^…]` is followed by `[` or `(`
 * (the only places where whether the note is defined changes what micromark reads). A superset
 * of the real uses, so the store asks only for the definitions a block might need, and its cached
 * parse stays valid until one of them changes.
 */
export function referenceLabels(text: string): DefinedLabels {
  const links = new Set<string>();
  const notes = new Set<string>();
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '[') open = i;
    else if (text[i] === ']' && open >= 0) {
      const label = text.slice(open + 1, i);
      // Labels hold up to 999 characters and at least one that is not blank.
      if (label.length <= 999 && label.trim() !== '') {
        // `[^1]`-shaped labels are notes (`[^1]:` defines a note, never a link), and a brief has hundreds.
        const noteShaped = label.startsWith('^') && !/\s/.test(label);
        if (!noteShaped) links.add(normalizeIdentifier(label));
        else if (text[i + 1] === '[' || text[i + 1] === '(') notes.add(normalizeIdentifier(label.slice(1)));
      }
      open = -1;
    }
  }
  return { links: [...links], notes: [...notes] };
}

/** A label as micromark's list of defined labels holds it. */
export function definitionLabel(label: string): string {
  return normalizeIdentifier(label);
}
