import type { BriefDocument, FootnoteReference } from '../../document';
import type { FootnotePlacement } from '../../options';
import type { Span } from '../../types';

const PUNCTUATION = /^(?:\.{3}|[.,;:!?…])/;

export interface MisplacedMarkers extends Span {
  /** Adjacent markers such as `[^1][^2]`, moved together. */
  markers: FootnoteReference[];
  punctuation: string;
  punctuationStart: number;
  /** The text that replaces [start, punctuation end) or [punctuation start, end). */
  replacement: string;
  /** Offsets the replacement covers. */
  replaceStart: number;
  replaceEnd: number;
}

/** Groups of adjacent markers that sit on the wrong side of sentence punctuation for the house style. */
export function findMisplacedMarkers(document: BriefDocument, placement: FootnotePlacement): MisplacedMarkers[] {
  if (placement === 'off') return [];
  const text = document.text;
  const found: MisplacedMarkers[] = [];
  const references = document.footnoteReferences;
  for (let i = 0; i < references.length; ) {
    let j = i;
    while (j + 1 < references.length && references[j + 1].start === references[j].end) j++;
    const markers = references.slice(i, j + 1);
    const start = markers[0].start;
    const end = markers[markers.length - 1].end;
    const chain = text.slice(start, end);
    if (placement === 'after-punctuation') {
      const punctuation = PUNCTUATION.exec(text.slice(end, end + 3))?.[0];
      if (punctuation && !/^\s*$/.test(text.slice(start - 1, start)) && start > 0) {
        found.push({ markers, start, end, punctuation, punctuationStart: end, replacement: punctuation + chain, replaceStart: start, replaceEnd: end + punctuation.length });
      }
    } else {
      const before = text.slice(Math.max(0, start - 3), start);
      const punctuation = /(?:\.{3}|[.,;:!?…])$/.exec(before)?.[0];
      if (punctuation) {
        const punctuationStart = start - punctuation.length;
        found.push({ markers, start, end, punctuation, punctuationStart, replacement: chain + punctuation, replaceStart: punctuationStart, replaceEnd: end });
      }
    }
    i = j + 1;
  }
  return found;
}
