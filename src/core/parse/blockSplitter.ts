/**
 * Splits a brief into independently parseable chunks of top-level Markdown blocks.
 *
 * Why: a full remark parse of a 20,000-word brief costs ~200 ms, too slow for every
 * keystroke. A chunk boundary is a place where no CommonMark construct can continue
 * across: a line that starts in column 0 after a blank line, outside fenced code,
 * outside an HTML block that may contain blank lines (comments, <pre>, <script>, ...),
 * and outside front matter. Parsing each chunk alone gives the same blocks as parsing
 * the whole text, so an edit only re-parses the chunks whose text changed.
 *
 * Runs with no blank line are cut too where that is just as safe, since a brief's notes
 * (`[^1]: …` line after line) and its Bibliography list are each one such run, hundreds of lines
 * long, that one keystroke would otherwise re-parse whole: before a note definition or a list
 * item at column 0 in a chunk that began with one, as long as nothing in between could swallow
 * the line (a fence, an HTML block) or keep it from starting a block (see interruptsParagraphs).
 */
import { detached } from '../text/detached';

export interface Chunk {
  /** Offset of the chunk's first character in the document. */
  start: number;
  /** The chunk's text, including its trailing blank lines. */
  text: string;
  /** Whether this chunk is the document's YAML front matter. */
  isFrontMatter: boolean;
}

const FENCE_OPEN = /^ {0,3}(`{3,}(?!`)|~{3,}(?!~))(.*)$/;
/** CommonMark's HTML block kind 6: these tags start a block (even inside a paragraph) that ends at a blank line. */
const HTML_BLOCK_TAG =
  /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t/>]|$)/i;
/** Kind 7: any other complete tag alone on its line, which starts such a block where a block may start. */
const HTML_LONE_TAG = /^ {0,3}<\/?[A-Za-z][A-Za-z0-9-]*(?:[ \t][^<>]*)?\/?>[ \t]*$/;
/** A note definition at column 0, as GFM reads one (`[^ 2]:` is a link definition on GitHub). */
const NOTE_DEFINITION = /^\[\^(?:\\.|[^\s\\[\]]){1,999}\]:/;
/** A list item at column 0 with text after its marker (`-`, `*`, `+`, `1.`, `1)`); group 1 is the marker's kind. */
const LIST_ITEM = /^([-*+]|\d{1,9}[.)])[ \t]+\S/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** A run of lines that may be cut before its next note or item: what it is made of, and its content's column. */
interface Run {
  /** `note`, or the list marker: `-`, `*`, `+`, or `.` / `)` for ordered items (which continue a list only with the same delimiter). */
  kind: string;
  /** Lines indented this far are inside the note or item whatever they hold. */
  contentColumn: number;
}

/**
 * Notes and bullet items start a block after any line, so a run of them may hold other lines at
 * column 0 (a lazy continuation, a heading) and still be cut before the next. An ordered item
 * numbered other than 1 does not interrupt a paragraph: its run is cut only while it holds nothing else.
 */
function interruptsParagraphs(run: Run): boolean {
  return run.kind !== '.' && run.kind !== ')';
}

function runAt(line: string): Run | undefined {
  // GFM reads a note's continuation paragraphs at four spaces.
  if (NOTE_DEFINITION.test(line)) return { kind: 'note', contentColumn: 4 };
  const item = LIST_ITEM.exec(line);
  if (!item || THEMATIC_BREAK.test(line)) return undefined;
  const spaces = indentation(line.slice(item[1].length));
  return { kind: item[1].length === 1 ? item[1] : item[1].slice(-1), contentColumn: item[1].length + (spaces > 4 ? 1 : spaces) };
}

/** The content column of a note or list item starting on this line (`lineRun`; an empty item `-` too; 0 for none), else undefined. */
function contentColumnAt(line: string, lineRun: Run | undefined, atBlockStart: boolean): number | undefined {
  if (lineRun) return lineRun.contentColumn;
  const empty = /^([-*+]|\d{1,9}[.)])[ \t]*$/.exec(line);
  // After a paragraph line, `-` alone underlines it as a heading: an empty item cannot interrupt a paragraph.
  return empty ? (atBlockStart ? empty[1].length + 1 : 0) : undefined;
}

/** A line that interrupts a paragraph: a heading, quote, break, fence, HTML block or bullet item. */
function startsBlock(line: string): boolean {
  return /^(?:#{1,6}(?:[ \t]|$)|>|[-*+][ \t]|`{3}|~{3})/.test(line) || THEMATIC_BREAK.test(line) || HTML_BLOCK_TAG.test(line);
}

/** Columns of leading white space, tabs to the next multiple of four as CommonMark counts them. */
function indentation(line: string): number {
  let column = 0;
  for (const ch of line) {
    if (ch === ' ') column++;
    else if (ch === '\t') column += 4 - (column % 4);
    else break;
  }
  return column;
}

/**
 * Whether an indented line keeps the run cuttable. One indented less than the content is outside
 * the note or item (or a lazy continuation of its paragraph): harmless as a paragraph, which the
 * next note or bullet interrupts, but not as an HTML block or a fence, which would swallow it, nor
 * before an ordered item, which interrupts a paragraph only when numbered 1.
 */
function keepsRun(run: Run, line: string): boolean {
  if (indentation(line) >= run.contentColumn) return true;
  if (run.kind === '.' || run.kind === ')') return false;
  return !/^[ \t]*(?:<|`{3}|~{3})/.test(line);
}
const BLANK = /^[ \t]*$/;

/** HTML block kinds 1–5 of CommonMark: they end at a marker, not at a blank line. */
const HTML_BLOCKS: ReadonlyArray<{ open: RegExp; close: RegExp }> = [
  { open: /^ {0,3}<(script|pre|style|textarea)(\s|>|$)/i, close: /<\/(script|pre|style|textarea)>/i },
  { open: /^ {0,3}<!--/, close: /-->/ },
  { open: /^ {0,3}<\?/, close: /\?>/ },
  { open: /^ {0,3}<![A-Za-z]/, close: />/ },
  { open: /^ {0,3}<!\[CDATA\[/, close: /\]\]>/ },
];

interface Line {
  start: number;
  /** Text without its line ending. */
  content: string;
}

/** The lines of a text from an offset (a line start), read one at a time: a scan that stops early reads no further. */
class LineReader {
  private at: number;
  private readonly hasCarriageReturns: boolean;

  constructor(
    private readonly text: string,
    from: number,
  ) {
    this.at = from;
    this.hasCarriageReturns = text.includes('\r');
  }

  /** The next line (the text after a final line ending is a last, empty line), or undefined past the end. */
  next(): Line | undefined {
    const { text } = this;
    if (this.at > text.length) return undefined;
    const start = this.at;
    let end = text.length;
    if (!this.hasCarriageReturns) {
      const newline = text.indexOf('\n', start);
      if (newline >= 0) end = newline;
      this.at = end + 1;
    } else {
      end = start;
      while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      this.at = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    }
    return { start, content: text.slice(start, end) };
  }
}

/**
 * The front matter's lines between its fences and where the body starts after it (the text's
 * length when nothing follows), or undefined. As pandoc reads it: YAML opened by `---` (trailing
 * spaces allowed) and closed by `---` or `...`; and TOML between `+++` lines, as Hugo writes it.
 */
function frontMatter(text: string): { opening: string; inside: Line[]; bodyStart: number } | undefined {
  const lines = new LineReader(text, 0);
  const opening = lines.next()!.content;
  const fence = opening.replace(/^\uFEFF/, '').trimEnd();
  const closes = fence === '---' ? /^(?:---|\.\.\.)[ \t]*$/ : fence === '+++' ? /^\+\+\+[ \t]*$/ : undefined;
  const second = closes && lines.next();
  if (!closes || !second || /^[ \t]*$/.test(second.content)) return undefined;
  const inside: Line[] = [];
  for (let line: Line | undefined = second; line; line = lines.next()) {
    if (closes.test(line.content)) return { opening, inside, bodyStart: lines.next()?.start ?? text.length };
    inside.push(line);
  }
  return undefined;
}

/** The YAML between a text's front-matter fences, as the block splitter finds them; undefined without YAML front matter. */
export function yamlFrontMatter(text: string): string | undefined {
  const found = frontMatter(text);
  if (!found || found.opening.trimEnd() !== '---') return undefined;
  return found.inside.map((line) => line.content).join('\n');
}

/**
 * The whole text as one chunk, for a brief checked once and never edited (the CLI): one parse
 * instead of one per block, and none again for blocks that use notes defined in another. Chunking
 * gives the same model (a property test compares the two).
 */
export function wholeChunk(text: string): Chunk[] {
  return [{ start: 0, text, isFrontMatter: frontMatter(text) !== undefined }];
}

export function splitIntoChunks(text: string): Chunk[] {
  const bodyStart = frontMatter(text)?.bodyStart;
  const starts = [0];
  if (bodyStart !== undefined) starts.push(bodyStart);
  findCuts(text, bodyStart ?? 0, (start) => {
    starts.push(start);
    return false;
  });
  return chunksAt(text, starts, bodyStart !== undefined);
}

/**
 * The chunks of `text`, an edit of `previous` whose chunks are known: only the text from the chunk
 * before the first changed character is scanned, up to the first cut in the unchanged end that the
 * previous version also had; the chunks before and after are the previous ones (their text the
 * same strings, moved by the change in length). Gives exactly what splitIntoChunks(text) gives,
 * because the scan at a cut starts from nothing carried over: no fence or HTML block is open
 * there, and what the cut line opens it opens whatever came before.
 */
export function splitIntoChunksAfterEdit(
  text: string,
  previous: { text: string; chunks: readonly Chunk[] },
  change = changeBetween(previous.text, text),
): Chunk[] {
  const old = previous.chunks;
  const prefix = change.start;
  const suffix = text.length - change.newEnd;
  // The chunk holding the first changed character, and the one before it, which the change may join.
  const restart = chunkIndexAt(old, prefix) - 1;
  const firstBody = old[0]?.isFrontMatter ? 1 : 0;
  // A change that gives the brief front matter (its closing fence typed far down) changes every chunk.
  if (restart < firstBody || (firstBody === 0 && frontMatter(text))) return splitIntoChunks(text);
  const delta = text.length - previous.text.length;
  const unchangedFrom = text.length - suffix;
  const starts = [old[restart].start];
  let resumeAt = -1;
  findCuts(text, old[restart].start, (start) => {
    if (start >= unchangedFrom) {
      const j = chunkIndexAt(old, start - delta);
      if (old[j]?.start === start - delta) {
        resumeAt = j;
        return true;
      }
    }
    starts.push(start);
    return false;
  });
  const scanned = chunksAt(text, starts, false, resumeAt < 0 ? text.length : old[resumeAt].start + delta);
  const moved = resumeAt < 0 ? [] : old.slice(resumeAt).map((chunk) => ({ start: chunk.start + delta, text: chunk.text, isFrontMatter: false }));
  return [...old.slice(0, restart), ...scanned, ...moved];
}

/** The index of the last chunk starting at or before `offset` (chunks are in order). */
function chunkIndexAt(chunks: readonly Chunk[], offset: number): number {
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (chunks[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Compared a block at a time, then character by character: a keystroke changes one place in 100,000 characters. */
const COMPARE_BLOCK = 2048;

/** What an edit replaced: `before` from `start` to `oldEnd` became `after` from `start` to `newEnd`. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The one replacement that turns `before` into `after`: their common start and end left out. */
export function changeBetween(before: string, after: string): TextChange {
  const prefix = commonPrefixLength(before, after);
  const suffix = commonSuffixLength(before, after, prefix);
  return { start: prefix, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i + COMPARE_BLOCK <= limit && a.slice(i, i + COMPARE_BLOCK) === b.slice(i, i + COMPARE_BLOCK)) i += COMPARE_BLOCK;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the common end of `a` and `b`, not reaching back into their first `prefix` characters. */
function commonSuffixLength(a: string, b: string, prefix: number): number {
  const limit = Math.min(a.length, b.length) - prefix;
  let n = 0;
  while (n + COMPARE_BLOCK <= limit && a.slice(a.length - n - COMPARE_BLOCK, a.length - n) === b.slice(b.length - n - COMPARE_BLOCK, b.length - n))
    n += COMPARE_BLOCK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/**
 * Scans the body from `from` (the start of the text, of its body after the front matter, or a cut
 * found before) and calls `cut` with the offset of each place a chunk may start; stops when it returns true.
 */
function findCuts(text: string, from: number, cut: (start: number) => boolean): void {
  // `container`: the content column of the note or item the fence is in, 0 at the top level.
  let fence: { char: string; length: number; container: number } | undefined;
  // The content column of the note or list item the last line at column 0 opened, else 0.
  let container = 0;
  // Whether a plain line at column 0 would continue that note's or item's paragraph (a lazy line).
  let lazyAllowed = false;
  let htmlClose: RegExp | undefined;
  // Inside an HTML block that ends at the next blank line: a fence there is HTML, not code.
  let htmlUntilBlank = false;
  let afterBlank = false;
  // A chunk of blank lines alone would parse to nothing: split only after some content.
  let chunkHasContent = false;
  // The run the chunk is so far, while it can still be cut before its next note or item.
  let run: Run | undefined;
  const lines = new LineReader(text, from);
  for (let next = lines.next(); next; next = lines.next()) {
    const { content: line, start } = next;
    if (fence) {
      // A fence inside a note or item ends with it, at the first line indented less than its content.
      const endsWithItem = fence.container > 0 && !BLANK.test(line) && indentation(line) < fence.container;
      if (!endsWithItem) {
        const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line.slice(Math.min(fence.container, indentation(line))));
        if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
        continue;
      }
      fence = undefined;
    }
    if (htmlClose) {
      if (htmlClose.test(line)) htmlClose = undefined;
      continue;
    }
    if (BLANK.test(line)) {
      afterBlank = true;
      htmlUntilBlank = false;
      continue;
    }
    if (htmlUntilBlank) continue;
    const atBlockStart = afterBlank || !chunkHasContent;
    const atColumnZero = !/^[ \t]/.test(line);
    // Read once: every line of the brief passes here on every keystroke.
    const lineRun = atColumnZero ? runAt(line) : undefined;
    if (afterBlank && chunkHasContent && atColumnZero) {
      if (cut(start)) return;
      run = lineRun;
    } else if (!chunkHasContent) {
      run = lineRun;
    } else if (!atColumnZero) {
      if (run && !keepsRun(run, line)) run = undefined;
    } else {
      if (run && lineRun && (lineRun.kind === run.kind || (interruptsParagraphs(lineRun) && interruptsParagraphs(run)))) {
        if (cut(start)) return;
        run = lineRun;
      } else if (!run || lineRun || !interruptsParagraphs(run)) run = undefined;
    }
    afterBlank = false;
    chunkHasContent = true;
    // Plain text right after a line of the note or item is most likely a lazy continuation of its
    // paragraph, which keeps the item open; anything else at column 0 closes it.
    if (atColumnZero) {
      const opened = contentColumnAt(line, lineRun, atBlockStart);
      container = opened ?? (atBlockStart || startsBlock(line) || !lazyAllowed ? 0 : container);
      // An empty item (`-` alone) has no paragraph yet to continue lazily.
      lazyAllowed = opened === undefined ? lazyAllowed : lineRun !== undefined;
    } else if (container > 0 && indentation(line) >= container) lazyAllowed = !FENCE_OPEN.test(line.slice(container));
    const open = FENCE_OPEN.exec(line);
    if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
      fence = { char: open[1][0], length: open[1].length, container: container > 0 && indentation(line) >= container ? container : 0 };
      // A fence inside an item ends with the item, which this scan does not follow: no more cuts here.
      run = undefined;
      continue;
    }
    for (const kind of HTML_BLOCKS) {
      const match = kind.open.exec(line);
      if (match) {
        if (!kind.close.test(line.slice(match[0].length))) {
          htmlClose = kind.close;
          run = undefined;
        }
        break;
      }
    }
    if (!htmlClose && (HTML_BLOCK_TAG.test(line) || (atBlockStart && HTML_LONE_TAG.test(line)))) {
      htmlUntilBlank = true;
      run = undefined;
    }
  }
}

/** The chunks that begin at these offsets, the last ending at `end`; the first is the front matter when there is one. */
function chunksAt(text: string, starts: readonly number[], hasFrontMatter: boolean, end = text.length): Chunk[] {
  const chunks: Chunk[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const chunkEnd = i + 1 < starts.length ? starts[i + 1] : end;
    if (chunkEnd > start || chunks.length === 0) {
      // Detached: a chunk's text and everything its parse cuts from it outlive this version of the brief.
      chunks.push({ start, text: detached(text.slice(start, chunkEnd)), isFrontMatter: hasFrontMatter && i === 0 });
    }
  }
  return chunks;
}
