/**
 * Splits a brief into independently parseable chunks of top-level Markdown blocks.
 *
 * Why: a full remark parse of a 20,000-word brief costs ~200 ms, too slow for every
 * keystroke. A chunk boundary is a place where no CommonMark construct can continue
 * across: a line that starts in column 0 after a blank line, outside fenced code,
 * outside an HTML block that may contain blank lines (comments, <pre>, <script>, ...),
 * and outside front matter. Parsing each chunk alone gives the same blocks as parsing
 * the whole text, so an edit only re-parses the chunks whose text changed.
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

  let fence: { char: string; length: number } | undefined;
  let htmlClose: RegExp | undefined;
  let afterBlank = false;
  // A chunk of blank lines alone would parse to nothing: split only after some content.
  let chunkHasContent = false;
  for (let i = firstBodyLine; i < lines.length; i++) {
    const line = lines[i].content;
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (htmlClose) {
      if (htmlClose.test(line)) htmlClose = undefined;
      continue;
    }
    if (BLANK.test(line)) {
      afterBlank = true;
      continue;
    }
    if (afterBlank && chunkHasContent && !/^[ \t]/.test(line)) {
      starts.push(lines[i].start);
    }
    afterBlank = false;
    chunkHasContent = true;
    const open = FENCE_OPEN.exec(line);
    if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
      fence = { char: open[1][0], length: open[1].length };
      continue;
    }
    for (const kind of HTML_BLOCKS) {
      const match = kind.open.exec(line);
      if (match) {
        if (!kind.close.test(line.slice(match[0].length))) htmlClose = kind.close;
        break;
      }
    }
  }

  const chunks: Chunk[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    if (end > start || chunks.length === 0) {
      chunks.push({ start, text: text.slice(start, end), isFrontMatter: fmEnd >= 0 && i === 0 });
    }
  }
  return chunks;
}
