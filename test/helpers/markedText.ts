import { LineIndex, type Range } from '../../src/core';

/**
 * Fixture text with expected ranges marked as ⟦…⟧. Returns the text without the
 * markers and the LSP ranges of the marked spans, in order, so tests assert exact
 * ranges without counting columns by hand.
 */
export function marked(source: string): { text: string; ranges: Range[] } {
  let text = '';
  const spans: Array<{ start: number; end: number }> = [];
  const open: number[] = [];
  for (const ch of source) {
    if (ch === '⟦') open.push(text.length);
    else if (ch === '⟧') spans.push({ start: open.pop()!, end: text.length });
    else text += ch;
  }
  spans.sort((a, b) => a.start - b.start);
  const lines = new LineIndex(text);
  return { text, ranges: spans.map((s) => lines.rangeAt(s.start, s.end)) };
}
