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

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      lines.push({ start, content: text.slice(start, i) });
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ start, content: text.slice(start) });
  return lines;
}

/**
 * The line that closes the front matter, or -1. As pandoc reads it: YAML opened by `---` (trailing
 * spaces allowed) and closed by `---` or `...`; and TOML between `+++` lines, as Hugo writes it.
 */
function frontMatterEnd(lines: Line[]): number {
  if (lines.length < 2) return -1;
  const opening = lines[0].content.replace(/^\uFEFF/, '').trimEnd();
  const closes = opening === '---' ? /^(?:---|\.\.\.)[ \t]*$/ : opening === '+++' ? /^\+\+\+[ \t]*$/ : undefined;
  if (!closes || /^[ \t]*$/.test(lines[1].content)) return -1;
  for (let i = 1; i < lines.length; i++) {
    if (closes.test(lines[i].content)) return i;
  }
  return -1;
}

/** The YAML between a text's front-matter fences, as the block splitter finds them; undefined without YAML front matter. */
export function yamlFrontMatter(text: string): string | undefined {
  const lines = splitLines(text);
  const end = frontMatterEnd(lines);
  if (end < 0 || lines[0].content.trimEnd() !== '---') return undefined;
  return lines.slice(1, end).map((line) => line.content).join('\n');
}

export function splitIntoChunks(text: string): Chunk[] {
  const lines = splitLines(text);
  const starts: number[] = [];
  let firstBodyLine = 0;
  const fmEnd = frontMatterEnd(lines);
  if (fmEnd >= 0) {
    firstBodyLine = fmEnd + 1;
  }
  starts.push(0);
  if (fmEnd >= 0 && firstBodyLine < lines.length) starts.push(lines[firstBodyLine].start);

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
  for (let i = firstBodyLine; i < lines.length; i++) {
    const line = lines[i].content;
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
      starts.push(lines[i].start);
      run = lineRun;
    } else if (!chunkHasContent) {
      run = lineRun;
    } else if (!atColumnZero) {
      if (run && !keepsRun(run, line)) run = undefined;
    } else {
      const next = lineRun;
      if (run && next && (next.kind === run.kind || (interruptsParagraphs(next) && interruptsParagraphs(run)))) {
        starts.push(lines[i].start);
        run = next;
      } else if (!run || next || !interruptsParagraphs(run)) run = undefined;
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

  return chunksAt(text, starts, fmEnd >= 0);
}

/** The chunks that begin at these offsets; the first is the front matter when there is one. */
function chunksAt(text: string, starts: readonly number[], hasFrontMatter: boolean): Chunk[] {
  const chunks: Chunk[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    if (end > start || chunks.length === 0) {
      chunks.push({ start, text: text.slice(start, end), isFrontMatter: hasFrontMatter && i === 0 });
    }
  }
  return chunks;
}
