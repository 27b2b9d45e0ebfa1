import type { BriefDocument } from '../../document';
import type { FootnotePlacement } from '../../options';
import type { Span } from '../../types';

/**
 * Punctuation a marker follows in Chicago style: any mark, with the closing quotation mark after it
 * (`clause,”[^1]`), except a dash, which the marker precedes (`clause[^1]—`). A straight `"` counts as
 * closing only where something closing could follow it.
 */
const PUNCTUATION_AFTER = /^(?:(?:\.{3}|[.,;:!?…])(?:”|"(?=[\s)\]]|$))?|”|"(?=[\s.,;:!?)\]]|$))/;
/** The same punctuation just before a marker, for briefs whose style puts markers first (`clause[^1],”`). */
const PUNCTUATION_BEFORE = /(?:(?:\.{3}|[.,;:!?…])(?:”|")?|”)$/;
/** A dash, which a note number precedes in Chicago style. */
export const DASH = /^[—–]$/;

export interface MisplacedMarkers extends Span {
  /** Adjacent markers such as `[^1][^2]` or an inline note `^[…]`, moved together. */
  markers: Span[];
  punctuation: string;
  punctuationStart: number;
  /** The text that replaces [start, punctuation end) or [punctuation start, end). */
  replacement: string;
  /** Offsets the replacement covers. */
  replaceStart: number;
  replaceEnd: number;
}

/** A house style takes this many markers next to punctuation, four in five of them on one side. */
const HOUSE_STYLE_MINIMUM = 2;
const HOUSE_STYLE_SHARE = 0.8;

/**
 * The placement to check: the setting, or for `auto` the brief's own habit. A writer whose markers
 * consistently precede punctuation ("nations[^8].") has a house style, and only the exceptions are flagged.
 */
export function resolvePlacement(document: BriefDocument, placement: FootnotePlacement): Exclude<FootnotePlacement, 'auto'> {
  if (placement !== 'auto') return placement;
  const before = markerGroups(document, 'after-punctuation').filter((group) => !DASH.test(group.punctuation)).length;
  const after = markerGroups(document, 'before-punctuation').length;
  return before + after >= HOUSE_STYLE_MINIMUM && before >= HOUSE_STYLE_SHARE * (before + after) ? 'before-punctuation' : 'after-punctuation';
}

/** Groups of adjacent markers that sit on the wrong side of punctuation for the house style. */
export function findMisplacedMarkers(document: BriefDocument, placement: FootnotePlacement): MisplacedMarkers[] {
  return markerGroups(document, resolvePlacement(document, placement));
}

function markerGroups(document: BriefDocument, placement: Exclude<FootnotePlacement, 'auto'>): MisplacedMarkers[] {
  if (placement === 'off') return [];
  const text = document.text;
  const found: MisplacedMarkers[] = [];
  // Inline notes `^[…]` sit where markers do, and follow the same house style; one written inside a
  // note's text is part of that note (pandoc has no notes in notes) and stays as written.
  const definitions = document.footnoteDefinitions;
  let d = 0;
  const inline = document.inlineNotes.filter((note) => {
    // Both in document order: one pass over the definitions for all the inline notes.
    while (d < definitions.length && definitions[d].end <= note.start) d++;
    return !(d < definitions.length && definitions[d].start <= note.start);
  });
  const references: Span[] = inline.length === 0 ? document.footnoteReferences : [...document.footnoteReferences, ...inline].sort((a, b) => a.start - b.start);
  for (let i = 0; i < references.length;) {
    let j = i;
    while (j + 1 < references.length && references[j + 1].start === references[j].end) j++;
    const markers = references.slice(i, j + 1);
    const start = markers[0].start;
    const end = markers[markers.length - 1].end;
    const chain = text.slice(start, end);
    if (placement === 'after-punctuation') {
      const punctuation = PUNCTUATION_AFTER.exec(text.slice(end, end + 4))?.[0];
      const afterWord = start > 1 && !/\s/.test(text[start - 1]);
      // `x[^1].(…)` stays: after the full stop, `[^1](…)` would read as a link, and the note would be lost.
      // `[^2],[^3]`: a comma between two markers separates them.
      const separates = punctuation === ',' && /^\^?\[/.test(text.slice(end + 1, end + 3));
      // `[see @doe2020][^1]:` stays: `]:` would make the bracket a link definition, and the citation would be lost.
      const makesDefinition = punctuation?.startsWith(':') && text[start - 1] === ']';
      // `Figure 4].[^10].`: the marker is after the stop already; the second stop is a typo, not a misplaced marker.
      const afterStopAlready = punctuation !== undefined && /[.!?]/.test(punctuation[0]) && /[.!?]/.test(text[start - 1] ?? '');
      if (punctuation && afterWord && !separates && !makesDefinition && !afterStopAlready && text[end + punctuation.length] !== '(') {
        found.push({
          markers,
          start,
          end,
          punctuation,
          punctuationStart: end,
          replacement: punctuation + chain,
          replaceStart: start,
          replaceEnd: end + punctuation.length,
        });
      } else if (afterWord && DASH.test(text[start - 1]) && !/\s/.test(text[start - 2])) {
        // `clause—[^1]`: the number goes before the dash.
        found.push({
          markers,
          start,
          end,
          punctuation: text[start - 1],
          punctuationStart: start - 1,
          replacement: chain + text[start - 1],
          replaceStart: start - 1,
          replaceEnd: end,
        });
      }
    } else {
      const before = text.slice(Math.max(0, start - 4), start);
      const punctuation = PUNCTUATION_BEFORE.exec(before)?.[0];
      // `[^4],[^5]`: a comma between two markers separates them.
      const betweenMarkers = punctuation !== undefined && text[start - punctuation.length - 1] === ']';
      if (punctuation && !betweenMarkers) {
        const punctuationStart = start - punctuation.length;
        found.push({ markers, start, end, punctuation, punctuationStart, replacement: chain + punctuation, replaceStart: punctuationStart, replaceEnd: end });
      }
    }
    i = j + 1;
  }
  return found;
}
