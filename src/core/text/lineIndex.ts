import type { Position, Range } from '../types';

/**
 * Where the line holding `offset` starts (after CRLF, LF or a lone CR), looking back only over that
 * line: `lastIndexOf('\r')` in a text with no CR would scan back to its start, every time.
 */
export function lineStartOf(text: string, offset: number): number {
  let at = offset - 1;
  while (at >= 0 && text[at] !== '\n' && text[at] !== '\r') at--;
  return at + 1;
}

/**
 * Whether `offset` starts a line's content, after at most three spaces, as a block's marker does in
 * Markdown (`[^1]: …`). Only those spaces are looked at, so asking at every marker of a long line stays linear.
 */
export function opensLine(text: string, offset: number): boolean {
  let at = offset;
  while (at > 0 && offset - at < 3 && text[at - 1] === ' ') at--;
  return at === 0 || text[at - 1] === '\n' || text[at - 1] === '\r';
}

/**
 * Maps string offsets (UTF-16 code units, as JavaScript and micromark count them)
 * to LSP positions. Lines end at CRLF, LF or a lone CR, as the LSP specification says.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // The usual case, found by the engine's own search: several times faster than reading each character.
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (code === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const nextStart = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    // A position past the end of a line stays on that line, before its line break.
    let lineEnd = nextStart;
    while (lineEnd > start && (this.text.charCodeAt(lineEnd - 1) === 10 || this.text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
    return Math.min(start + Math.max(0, position.character), lineEnd);
  }

  rangeAt(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
