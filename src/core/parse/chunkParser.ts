import { opensLine } from '../text/lineIndex';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { remarkBriefGfm } from './remarkBriefGfm';
import { definitionLabel, NO_LABELS, outsideDefinitions, referenceLabels, withOutsideDefinitions, type DefinedLabels } from './outsideDefinitions';
import { trimEndOf } from '../text/trim';
import { guardedForRemark } from './remarkGuards';
import type { Nodes, Parents, PhrasingContent, Root, RootContent } from 'mdast';
import { scanCitations, scanFootnoteReferences, scanInlineNotes, scanMath, type ScannedCitation, type ScannedInlineNote } from './inlineScanner';
import { splitSentences } from './sentenceSplitter';
import type { Span } from '../types';

/**
 * What one chunk of a brief contains, with offsets relative to the chunk's start so the
 * result can be reused wherever the same text appears after an edit elsewhere.
 */
export interface ChunkParse {
  frontMatter?: { valueStart: number; value: string };
  blocks: ParsedBlock[];
  /** The link and note labels the chunk defines, and those it may refer to (see outsideDefinitions). */
  labels: { defines: DefinedLabels; mayUse: DefinedLabels };
}

export type BlockKind = 'heading' | 'list' | 'paragraph' | 'footnoteDefinition' | 'frontMatter' | 'code' | 'html' | 'other';

export interface ParsedBlock extends Span {
  kind: BlockKind;
  headingDepth?: number;
  /** The heading's plain text. */
  headingText?: string;
  /** A paragraph that is only bold text (`**References**`), which readers take for a heading: its plain text. */
  boldText?: string;
  /** The spans a Bibliography section would take as entries: a list's items, or a paragraph. */
  entrySpans: Span[];
  footnoteReferences: RawFootnoteReference[];
  footnoteDefinitions: RawFootnoteDefinition[];
  citations: ScannedCitation[];
  sentences: RawSentence[];
  /** Inline code spans, where nothing is a marker. */
  codeSpans: Span[];
  /** Links (inline, reference-style, autolinks) and HTML note markers: a sentence carrying one has a source. */
  linkSpans: Span[];
  /** Pandoc's `$…$` and `$$…$$` math, where nothing is a citation. */
  mathSpans: Span[];
  /** Pandoc inline notes `^[…]`. */
  inlineNotes: ScannedInlineNote[];
  /** The labels of the link definitions (`[r]: https://…`) in the block, as micromark holds them. */
  linkDefinitions: string[];
}

export interface RawFootnoteReference extends Span {
  label: string;
}

export interface RawFootnoteDefinition extends Span {
  label: string;
  /** The `[^label]` part of `[^label]:`. */
  labelEnd: number;
  /** The note's text as written (first line and indented continuation paragraphs). */
  contentStart: number;
  contentEnd: number;
}

export interface RawSentence extends Span {
  /** The sentence's readable text: Markdown syntax and container markers removed. */
  text: string;
  /** Start of the paragraph (or table cell) the sentence belongs to. */
  paragraphStart: number;
  /** Where the paragraph sits: in a list item, in a block quote, in a table cell. */
  container: SentenceContainer;
}

export interface SentenceContainer {
  list: boolean;
  quote: boolean;
  /** A table cell: a grid of figures and labels, not prose. */
  table: boolean;
}

const TOP_LEVEL: SentenceContainer = { list: false, quote: false, table: false };
/** Raw HTML that cites: a superscript note marker or a link. */
const HTML_NOTE = /^<(?:sup\b|a\s[^>]*\bhref=)/i;

const bodyParser: Processor<Root> = unified()
  .use(remarkParse)
  .use(remarkBriefGfm)
  .use(function outsideDefinitionsPlugin(this: Processor) {
    (this.data().micromarkExtensions ??= []).push(outsideDefinitions);
  }) as unknown as Processor<Root>;
/** Sticky: read at a definition's start in the source, without copying the rest of the text. */
const DEFINITION_LABEL = /\[\^((?:\\.|[^\s\\\]])+)\]:/y;

function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

function endOf(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

/** `definedElsewhere`: labels the rest of the brief defines that this chunk may refer to (see outsideDefinitions). */
export function parseChunk(text: string, isFrontMatter: boolean, definedElsewhere: DefinedLabels = NO_LABELS): ChunkParse {
  if (isFrontMatter) return parseFrontMatterChunk(text);
  const root = withOutsideDefinitions(definedElsewhere, () => bodyParser.parse(guardedForRemark(text)));
  const blocks = root.children.map((node) => parseBlock(text, node));
  const defines = {
    links: blocks.flatMap((block) => block.linkDefinitions),
    notes: blocks.flatMap((block) => block.footnoteDefinitions.map((note) => definitionLabel(note.label))),
  };
  return { blocks, labels: { defines, mayUse: referenceLabels(text) } };
}

/** Each line with its line ending, and after a final line ending an empty last line. */
function linesWithEnds(text: string): Array<{ start: number; text: string }> {
  const lines: Array<{ start: number; text: string }> = [];
  for (let at = 0; ;) {
    let end = at;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const eol = text[end] === '\r' && text[end + 1] === '\n' ? 2 : end < text.length ? 1 : 0;
    lines.push({ start: at, text: text.slice(at, end + eol) });
    if (eol === 0) return lines;
    at = end + eol;
  }
}

/**
 * The front matter chunk, read without remark (whose YAML rule wants `---` on both sides): the
 * block splitter found its fences. TOML front matter (`+++`) is a block with no values BriefKit reads.
 */
function parseFrontMatterChunk(text: string): ChunkParse {
  const lines = linesWithEnds(text);
  const closing = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.|\+\+\+)[ \t]*(?:\r\n|\r|\n)?$/.test(line.text));
  const valueStart = lines[1]?.start ?? text.length;
  const end = closing > 0 ? lines[closing].start + trimEndOf(lines[closing].text, '\r\n').length : text.length;
  const isYaml = !text.startsWith('+++');
  // What follows the closing fence (the whole document, when a test parses it in one piece) is
  // read as body text, with the front matter blanked out so every offset stays the same.
  const masked = text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
  const body = text.slice(end).trim() === '' ? [] : bodyParser.parse(masked).children.map((node) => parseBlock(masked, node));
  const value = text.slice(valueStart, closing > 0 ? lines[closing].start : text.length).replace(/(?:\r\n|\r|\n)$/, '');
  return {
    frontMatter: isYaml ? { valueStart, value } : undefined,
    blocks: [emptyBlock('frontMatter', 0, end), ...body],
    labels: { defines: NO_LABELS, mayUse: NO_LABELS },
  };
}

function emptyBlock(kind: BlockKind, start: number, end: number): ParsedBlock {
  return {
    kind,
    start,
    end,
    entrySpans: [],
    footnoteReferences: [],
    footnoteDefinitions: [],
    citations: [],
    sentences: [],
    codeSpans: [],
    linkSpans: [],
    mathSpans: [],
    inlineNotes: [],
    linkDefinitions: [],
  };
}

function blockKind(node: RootContent): BlockKind {
  switch (node.type) {
    case 'heading':
    case 'list':
    case 'paragraph':
    case 'footnoteDefinition':
      return node.type;
    case 'yaml':
      return 'frontMatter';
    case 'code':
    case 'html':
      return node.type;
    default:
      return 'other';
  }
}

function parseBlock(source: string, node: RootContent): ParsedBlock {
  const block = emptyBlock(blockKind(node), startOf(node), endOf(node));
  if (node.type === 'heading') {
    block.headingDepth = node.depth;
    block.headingText = plainText(source, node.children).text.trim();
  } else if (node.type === 'list') {
    block.entrySpans = node.children.map((item) => ({ start: startOf(item), end: endOf(item) }));
  } else if (node.type === 'paragraph') {
    block.entrySpans = [{ start: block.start, end: block.end }];
    const [only, ...rest] = node.children;
    if (only?.type === 'strong' && rest.length === 0) block.boldText = plainText(source, only.children).text.trim();
  }
  // Depth first, in document order, with a stack of its own: `[^1]:[^1]:…` or `1. 1. 1. …` nest
  // thousands deep, past what the call stack holds.
  const pending: Visit[] = [{ node, prose: true, container: TOP_LEVEL }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const children = collect(source, visit, block);
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  }
  // `^[` in inline code is an example, not a note.
  block.inlineNotes = block.inlineNotes.filter((note) => !block.codeSpans.some((code) => code.start <= note.start && note.start < code.end));
  // `^[^1]` is an inline note whose text is "^1", as pandoc reads it: its `[` opens the note, not a marker.
  if (block.inlineNotes.length > 0)
    block.footnoteReferences = block.footnoteReferences.filter((ref) => !block.inlineNotes.some((note) => ref.start === note.start + 1));
  // `[@travelingheidi](https://…)`, `<https://example.org/@name>`: an @ in a link's text or an
  // autolink is a handle or an address, not a citation; in math, `$[@a]$`, it is TeX.
  if (block.citations.length > 0 && block.linkSpans.length + block.mathSpans.length > 0) {
    const inside = insideAny([...block.linkSpans, ...block.mathSpans]);
    block.citations = block.citations.filter((c) => !inside(c.start));
  }
  return block;
}

/**
 * Whether an offset lies inside one of `spans` (after its start, before its end), asked in
 * logarithmic time: a paragraph of thousands of `$x$ @key` asks once per citation.
 */
function insideAny(spans: Span[]): (offset: number) => boolean {
  spans.sort((a, b) => a.start - b.start);
  // The farthest end among the spans that start at or before each one.
  const reach: number[] = [];
  for (const span of spans) reach.push(Math.max(span.end, reach.at(-1) ?? 0));
  return (offset) => {
    let low = 0;
    let high = spans.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (spans[mid].start < offset) low = mid + 1;
      else high = mid;
    }
    return low > 0 && reach[low - 1] > offset;
  };
}

/**
 * `[^ 18]: Mensah, …` at a line's start: a note written with a space after the caret, which no
 * reader takes for a note (footnote.malformed says so) — not a marker either.
 */
function isSpacedNoteLine(source: string, start: number, end: number): boolean {
  return source[end] === ':' && /[ \t]/.test(source[start + 2]) && opensLine(source, start);
}

/** A node still to visit; `prose` is false where text is not running prose: notes' text and table header rows. */
interface Visit {
  node: Nodes;
  prose: boolean;
  container: SentenceContainer;
}

/** Records what one node holds into the block, and returns its children still to visit. */
function collect(source: string, { node, prose, container }: Visit, block: ParsedBlock): Visit[] {
  switch (node.type) {
    case 'text': {
      const offset = startOf(node);
      const slice = source.slice(offset, endOf(node));
      for (const ref of scanFootnoteReferences(slice)) {
        if (isSpacedNoteLine(source, offset + ref.start, offset + ref.end)) continue;
        block.footnoteReferences.push({ start: offset + ref.start, end: offset + ref.end, label: ref.label });
      }
      for (const citation of scanCitations(slice)) {
        block.citations.push(shiftCitation(citation, offset));
      }
      return [];
    }
    case 'inlineCode':
      block.codeSpans.push({ start: startOf(node), end: endOf(node) });
      return [];
    case 'link':
    case 'linkReference':
      block.linkSpans.push({ start: startOf(node), end: endOf(node) });
      break;
    case 'html':
      if (HTML_NOTE.test(node.value)) block.linkSpans.push({ start: startOf(node), end: endOf(node) });
      return [];
    case 'definition':
      block.linkDefinitions.push(definitionLabel(node.label ?? node.identifier));
      return [];
    case 'listItem':
      container = { ...container, list: true };
      break;
    case 'blockquote':
      container = { ...container, quote: true };
      break;
    case 'footnoteReference':
      block.footnoteReferences.push({ start: startOf(node), end: endOf(node), label: node.label ?? node.identifier });
      return [];
    case 'footnoteDefinition': {
      const start = startOf(node);
      DEFINITION_LABEL.lastIndex = start;
      const label = DEFINITION_LABEL.exec(source);
      const labelEnd = start + (label ? label[0].length - 1 : 0);
      const first = node.children[0];
      block.footnoteDefinitions.push({
        start,
        end: endOf(node),
        label: label ? label[1] : (node.label ?? node.identifier),
        labelEnd,
        contentStart: first ? startOf(first) : labelEnd + 1,
        contentEnd: first ? endOf(node.children[node.children.length - 1]) : labelEnd + 1,
      });
      return node.children.map((child) => ({ node: child, prose: false, container }));
    }
    case 'table':
      return node.children.map((row, i) => ({ node: row, prose: prose && i > 0, container: { ...container, table: true } }));
    case 'paragraph':
    case 'tableCell': {
      if (prose) addSentences(source, node.children, startOf(node), block, container);
      const start = startOf(node);
      for (const note of scanInlineNotes(source.slice(start, endOf(node)))) {
        block.inlineNotes.push({
          start: start + note.start,
          end: start + note.end,
          contentStart: start + note.contentStart,
          contentEnd: start + note.contentEnd,
        });
      }
      for (const math of mathIn(source, node)) block.mathSpans.push(math);
      break;
    }
    case 'heading':
      for (const math of mathIn(source, node)) block.mathSpans.push(math);
      break;
    default:
      break;
  }
  return 'children' in node ? (node as Parents).children.map((child) => ({ node: child as Nodes, prose, container })) : [];
}

/** The math in a paragraph, heading or table cell: its code spans, autolinks and HTML are read past, as pandoc does. */
function mathIn(source: string, node: Parents): Span[] {
  const start = startOf(node);
  const end = endOf(node);
  if (!source.slice(start, end).includes('$')) return [];
  const skipped: Span[] = [];
  const pending: Nodes[] = [...node.children];
  for (let child = pending.pop(); child; child = pending.pop()) {
    if (child.type === 'inlineCode' || child.type === 'html' || (child.type === 'link' && source[startOf(child)] === '<'))
      skipped.push({ start: startOf(child), end: endOf(child) });
    else if ('children' in child) for (const grandchild of child.children) pending.push(grandchild);
  }
  return scanMath(
    source,
    start,
    end,
    skipped.sort((a, b) => a.start - b.start),
  );
}

function shiftCitation(citation: ScannedCitation, offset: number): ScannedCitation {
  return {
    start: citation.start + offset,
    end: citation.end + offset,
    bracketed: citation.bracketed,
    items: citation.items.map((item) => ({ ...item, start: item.start + offset, end: item.end + offset })),
  };
}

interface MappedText {
  text: string;
  /** Source offset of each character of `text`. */
  offsets: number[];
}

/**
 * Readable text of inline content, with the source offset of every character, so a
 * sentence found in the readable text maps back to an exact source range even across
 * escapes, entities and block-quote or list markers on continuation lines.
 */
function plainText(source: string, children: PhrasingContent[]): MappedText {
  const out: MappedText = { text: '', offsets: [] };
  const push = (text: string, offsetOf: (i: number) => number) => {
    out.text += text;
    for (let i = 0; i < text.length; i++) out.offsets.push(offsetOf(i));
  };
  const visit = (node: PhrasingContent) => {
    switch (node.type) {
      case 'text':
        pushAligned(source, node.value, startOf(node), endOf(node), push);
        return;
      case 'footnoteReference': {
        const start = startOf(node);
        push(source.slice(start, endOf(node)), (i) => start + i);
        return;
      }
      case 'inlineCode': {
        const start = startOf(node);
        const last = Math.max(start, endOf(node) - 1);
        push(node.value, (i) => Math.min(start + i, last));
        return;
      }
      case 'break':
        push(' ', () => startOf(node));
        return;
      case 'image':
      case 'imageReference':
      case 'html':
        return;
      default:
        if ('children' in node) for (const child of node.children) visit(child);
    }
  };
  for (const child of children) visit(child);
  return out;
}

function pushAligned(source: string, value: string, start: number, end: number, push: (text: string, offsetOf: (i: number) => number) => void): void {
  if (end - start === value.length) {
    push(value, (i) => start + i);
    return;
  }
  const offsets: number[] = [];
  let cursor = start;
  for (let i = 0; i < value.length; i++) {
    let found = -1;
    for (let q = cursor; q < end && q < cursor + 16; q++) {
      if (source[q] === value[i]) {
        found = q;
        break;
      }
    }
    if (found >= 0) {
      offsets.push(found);
      cursor = found + 1;
    } else {
      offsets.push(Math.min(cursor, end - 1));
    }
  }
  push(value, (i) => offsets[i]);
}

function addSentences(source: string, children: PhrasingContent[], paragraphStart: number, block: ParsedBlock, container: SentenceContainer): void {
  const mapped = plainText(source, children);
  for (const span of splitSentences(mapped.text)) {
    block.sentences.push({
      start: mapped.offsets[span.start],
      end: mapped.offsets[span.end - 1] + 1,
      text: mapped.text.slice(span.start, span.end).replace(/\s+/g, ' '),
      paragraphStart,
      container,
    });
  }
}
