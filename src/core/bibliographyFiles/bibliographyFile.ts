import { plugins, type CslItem } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { isMap, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { YAML_OPTIONS } from '../parse/yamlText';
import { LineIndex } from '../text/lineIndex';
import { expandedSizes, MAX_EXPANDED_ENTRY, MAX_EXPANDED_FILE, scanBibtex, type RawBibtexEntry } from './bibtexScan';
import type { Range, Span } from '../types';

/** One work from a bibliography file, with where it is written. */
export interface BibliographyFileEntry {
  key: string;
  item: CslItem;
  uri: string;
  range: Range;
  /** The key as written in the file, for renaming it; undefined where the file has none to rename (RIS) or writes it escaped. */
  keyRange?: Range;
}

/** Something in a bibliography file BriefKit could not read, where it is. */
export interface BibliographyFileProblem {
  message: string;
  range: Range;
  /** The key of the entry that could not be read, when known. */
  key?: string;
}

export interface ParsedBibliographyFile {
  uri: string;
  /** Undefined when the file's extension is not one BriefKit reads. */
  format: BibliographyFormat | undefined;
  entries: BibliographyFileEntry[];
  problems: BibliographyFileProblem[];
}

export type BibliographyFormat = 'bibtex' | 'csl-json' | 'csl-yaml' | 'ris';

export function bibliographyFormat(uri: string): BibliographyFormat | undefined {
  const extension = /\.([a-z]+)$/i.exec(uri.split(/[?#]/)[0])?.[1]?.toLowerCase();
  switch (extension) {
    case 'bib':
    case 'bibtex':
    case 'biblatex':
      return 'bibtex';
    case 'json':
      return 'csl-json';
    case 'yaml':
    case 'yml':
      return 'csl-yaml';
    case 'ris':
      return 'ris';
    default:
      return undefined;
  }
}

const TO_CSL = { target: '@csl/list+object', generateGraph: false } as const;

function firstLine(message: string): string {
  // citation-js ends its messages with a position inside the text it was given, not the file.
  return message
    .split('\n')[0]
    .trimEnd()
    .replace(/ at line \d+ col \d+:?$/, '')
    .trimEnd()
    .replace(/\.$/, '');
}

/** A citation key for a record that has none: first author's family name and year, as Zotero does. */
function derivedKey(item: CslItem, position: number): string {
  const family = item.author?.[0]?.family ?? item.author?.[0]?.literal ?? 'entry';
  const year = item.issued?.['date-parts']?.[0]?.[0] ?? '';
  const base = `${family}${year}`
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
  return base || `entry${position + 1}`;
}

/**
 * Entries whose @string abbreviations would expand past the limits, each with the problem said at
 * its key; the text without them, for citation-js (which expands every string in full).
 */
function withoutOversizedEntries(text: string, scanned: RawBibtexEntry[], lines: LineIndex, result: ParsedBibliographyFile): string {
  const sizes = expandedSizes(text, scanned);
  let total = 0;
  const cuts: RawBibtexEntry[] = [];
  scanned.forEach((entry, i) => {
    if (entry.type === 'string' || entry.type === 'comment' || entry.type === 'preamble') return;
    // An entry left unread adds nothing to what the file expands to.
    if (sizes[i] <= MAX_EXPANDED_ENTRY && total + sizes[i] <= MAX_EXPANDED_FILE) {
      total += sizes[i];
      return;
    }
    cuts.push(entry);
    const why =
      sizes[i] > MAX_EXPANDED_ENTRY
        ? `its @string abbreviations expand it to about ${Math.round(sizes[i] / 1000)} KB, more than the ${MAX_EXPANDED_ENTRY / 1000} KB BriefKit reads for one entry`
        : `the file's @string abbreviations expand it past the ${MAX_EXPANDED_FILE / 1_000_000} MB BriefKit reads`;
    result.problems.push({
      key: entry.key || undefined,
      message: `BriefKit did not read the entry "${entry.key || '(no key)'}": ${why}. Shorten the strings it uses.`,
      range: lines.rangeAt(entry.start, entry.start + 1 + entry.type.length),
    });
  });
  if (cuts.length === 0) return text;
  let kept = '';
  let at = 0;
  for (const cut of cuts) {
    kept += text.slice(at, cut.start);
    at = cut.end;
  }
  return kept + text.slice(at);
}

function parseBibtex(uri: string, text: string, lines: LineIndex): ParsedBibliographyFile {
  const scanned = scanBibtex(text);
  const result: ParsedBibliographyFile = { uri, format: 'bibtex', entries: [], problems: [] };
  const readable = withoutOversizedEntries(text, scanned, lines, result);
  const skipped = new Set(result.problems.map((p) => p.key));
  const raw = scanned.filter((e) => e.type !== 'comment' && e.type !== 'preamble' && e.type !== 'string' && !skipped.has(e.key || undefined));
  const add = (items: CslItem[], headOf: (item: CslItem) => RawBibtexEntry | undefined) => {
    for (const item of items) {
      const at = headOf(item);
      result.entries.push({
        key: item.id,
        item,
        uri,
        range: at ? lines.rangeAt(at.start, at.end) : lines.rangeAt(0, 0),
        keyRange: at && text.startsWith(String(item.id), at.keyStart) ? lines.rangeAt(at.keyStart, at.keyStart + String(item.id).length) : undefined,
      });
    }
  };
  // A key written twice is two entries, in file order: the nth item with a key is at the nth entry with it.
  const byKey = new Map<string, RawBibtexEntry[]>();
  for (const entry of raw) {
    const same = byKey.get(entry.key);
    if (same) same.push(entry);
    else byKey.set(entry.key, [entry]);
  }
  const taken = new Map<string, number>();
  const inFileOrder = (item: CslItem) => {
    const n = taken.get(item.id) ?? 0;
    taken.set(item.id, n + 1);
    return byKey.get(item.id)?.[n];
  };
  try {
    add(plugins.input.chain(readable, TO_CSL), inFileOrder);
    return result;
  } catch {
    // One bad entry rejects the whole file: read the entries one by one, so the good ones load.
  }
  for (const entry of raw) {
    const source = text.slice(entry.start, entry.end);
    try {
      add(plugins.input.chain(source, TO_CSL), () => entry);
    } catch (error) {
      result.problems.push({
        key: entry.key || undefined,
        message: `BriefKit cannot read the entry "${entry.key || '(no key)'}": ${firstLine((error as Error).message)}. Check its braces, commas and quotes.`,
        range: lines.rangeAt(entry.start, Math.min(entry.end, text.indexOf('\n', entry.start) < 0 ? entry.end : text.indexOf('\n', entry.start))),
      });
    }
  }
  return result;
}

function toItems(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object' && Array.isArray((data as { references?: unknown }).references)) return (data as { references: unknown[] }).references;
  if (data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items)) return (data as { items: unknown[] }).items;
  return data && typeof data === 'object' ? [data] : [];
}

function cslEntries(
  uri: string,
  items: unknown[],
  rangeOf: (i: number) => Range,
  result: ParsedBibliographyFile,
  keyRangeOf: (i: number, key: string) => Range | undefined,
): void {
  items.forEach((value, i) => {
    const id = (value as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' && typeof id !== 'number') {
      result.problems.push({ message: `Entry ${i + 1} has no "id", so it cannot be cited. Give it an id such as "doe2020".`, range: rangeOf(i) });
      return;
    }
    try {
      const [item] = plugins.input.chain([{ ...(value as object), id: String(id) }], TO_CSL);
      result.entries.push({ key: String(id), item, uri, range: rangeOf(i), keyRange: keyRangeOf(i, String(id)) });
    } catch (error) {
      result.problems.push({ message: `BriefKit cannot read the entry "${id}": ${firstLine((error as Error).message)}.`, range: rangeOf(i) });
    }
  });
}

/** Where an item of a CSL-JSON file is written: its first character, and its own `"id"` key when it has one. */
interface JsonItemPlace {
  start: number;
  id?: number;
}

interface JsonFrame {
  object: boolean;
  /** The key whose value comes next, read only in objects whose keys matter (items and the top level). */
  key?: string;
  holdsItems: boolean;
  /** Set when the object is an item. */
  item?: JsonItemPlace;
}

/**
 * Where each item of a CSL-JSON text that JSON.parse accepted is written, in toItems' order: one
 * pass over its strings and brackets that knows which array holds the items, so an `"id"` inside an
 * author or another nested object is never taken for the item's own. Where JSON.parse keeps the
 * last of two equal keys, so does this.
 */
function cslJsonItemPlaces(text: string, data: unknown): JsonItemPlace[] {
  const holder = Array.isArray(data) ? undefined : ['references', 'items'].find((key) => Array.isArray((data as Record<string, unknown> | null)?.[key]));
  let places: JsonItemPlace[] = [];
  const stack: JsonFrame[] = [];
  let expectsKey = false;
  const itemAt = (at: number) => {
    const place = { start: at };
    places.push(place);
    return place;
  };
  const containerAt = (at: number): JsonFrame => {
    const top = stack.at(-1);
    const frame: JsonFrame = { object: text[at] === '{', holdsItems: false };
    if (top ? top.holdsItems : !Array.isArray(data) && holder === undefined) {
      const place = itemAt(at);
      if (frame.object) frame.item = place;
    } else if (!top) {
      frame.holdsItems = Array.isArray(data);
    } else if (stack.length === 1 && top.key === holder && !frame.object) {
      frame.holdsItems = true;
      places = [];
    }
    return frame;
  };
  for (let at = 0; at < text.length; at++) {
    const ch = text[at];
    if (ch === ' ' || ch === '\n' || ch === ':' || ch === '\r' || ch === '\t') continue;
    if (ch === '"') {
      const end = closingQuote(text, at);
      const top = stack.at(-1);
      if (top?.object && expectsKey) {
        if (top.item || stack.length === 1) {
          const written = text.slice(at + 1, end);
          top.key = written.includes('\\') ? (JSON.parse(`"${written}"`) as string) : written;
        }
        if (top.item && top.key === 'id') top.item.id = at;
        expectsKey = false;
      } else if (top?.holdsItems) {
        itemAt(at);
      }
      at = end;
    } else if (ch === '{' || ch === '[') {
      stack.push(containerAt(at));
      expectsKey = ch === '{';
    } else if (ch === '}' || ch === ']') {
      stack.pop();
      expectsKey = false;
    } else if (ch === ',') {
      expectsKey = stack.at(-1)?.object ?? false;
    } else {
      // A number, true, false or null: one value, to its end.
      if (stack.at(-1)?.holdsItems) itemAt(at);
      while (at + 1 < text.length && !',]} \n\r\t'.includes(text[at + 1])) at++;
    }
  }
  return places;
}

/** The `"` that ends the JSON string opening at `open` (one JSON.parse accepted: it has one). */
function closingQuote(text: string, open: number): number {
  for (let end = text.indexOf('"', open + 1); ; end = text.indexOf('"', end + 1)) {
    let backslashes = 0;
    while (text[end - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return end;
  }
}

function parseCslJson(uri: string, text: string, lines: LineIndex): ParsedBibliographyFile {
  const result: ParsedBibliographyFile = { uri, format: 'csl-json', entries: [], problems: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    result.problems.push({
      message: `This CSL-JSON file is not valid JSON: ${firstLine(message)}. No entries were loaded from it.`,
      range: lines.rangeAt(position, position + 1),
    });
    return result;
  }
  const places = cslJsonItemPlaces(text, data);
  const keyRangeOf = (i: number, key: string) => {
    const at = places[i]?.id;
    if (at === undefined) return undefined;
    // The id's string value, when it is written as the key itself (no escapes).
    const value = /^"id"\s*:\s*"/.exec(text.slice(at, at + 100));
    const start = at + (value?.[0].length ?? 0);
    return value && text.startsWith(`${key}"`, start) ? lines.rangeAt(start, start + key.length) : undefined;
  };
  const rangeOf = (i: number) => {
    const { start = 0, id } = places[i] ?? {};
    return id === undefined ? lines.rangeAt(start, start + 1) : lines.rangeAt(id, id + 4);
  };
  cslEntries(uri, toItems(data), rangeOf, result, keyRangeOf);
  return result;
}

function parseCslYaml(uri: string, text: string, lines: LineIndex): ParsedBibliographyFile {
  const result: ParsedBibliographyFile = { uri, format: 'csl-yaml', entries: [], problems: [] };
  const doc = parseDocument(
    text.replace(/^---\r?\n/, (m) => ' '.repeat(m.length - 1) + '\n'),
    YAML_OPTIONS,
  );
  for (const error of doc.errors) {
    result.problems.push({
      message: `This CSL-YAML file has an error: ${firstLine(error.message)}.`,
      range: lines.rangeAt(error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)),
    });
  }
  if (doc.errors.length > 0) return result;
  let sequence: YamlNode | null | undefined = doc.contents;
  if (isMap(sequence)) sequence = sequence.get('references', true) as YamlNode | undefined;
  const nodes = isSeq(sequence) ? (sequence.items as YamlNode[]) : [];
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // yaml refuses documents whose aliases would multiply (a "billion laughs" file).
    const message = /alias/i.test((error as Error).message)
      ? 'it repeats its aliases (*name) so often that reading it would exhaust the memory'
      : firstLine((error as Error).message);
    result.problems.push({ message: `This CSL-YAML file cannot be read: ${message}. No entries were loaded from it.`, range: lines.rangeAt(0, 0) });
    return result;
  }
  const keyRangeOf = (i: number, key: string) => {
    const node = nodes[i];
    const id = isMap(node) ? (node.get('id', true) as YamlNode | undefined) : undefined;
    if (!id?.range) return undefined;
    // Plain, or quoted: the key is what lies inside the quotes.
    const [start, end] = id.range;
    const quoted = text[start] === '"' || text[start] === "'" ? 1 : 0;
    return text.slice(start + quoted, end - quoted) === key ? lines.rangeAt(start + quoted, end - quoted) : undefined;
  };
  cslEntries(
    uri,
    toItems(data),
    (i) => {
      const node = nodes[i];
      return node?.range ? lines.rangeAt(node.range[0], node.range[1]) : lines.rangeAt(0, 0);
    },
    result,
    keyRangeOf,
  );
  return result;
}

/** RIS records: from a `TY  -` line to the next `ER  -` line, found line by line (a pattern spanning lines is quadratic when no `ER` follows). */
function risRecords(text: string): Span[] {
  const records: Span[] = [];
  let start = -1;
  for (let at = 0; at < text.length;) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, Math.min(end, at + 6));
    if (start < 0 && line.startsWith('TY  -')) start = at;
    else if (start >= 0 && line.startsWith('ER  -')) {
      records.push({ start, end: text[end - 1] === '\r' ? end - 1 : end });
      start = -1;
    }
    at = end + 1;
  }
  return records;
}

function parseRis(uri: string, text: string, lines: LineIndex): ParsedBibliographyFile {
  const result: ParsedBibliographyFile = { uri, format: 'ris', entries: [], problems: [] };
  const records = risRecords(text);
  records.forEach(({ start, end }, i) => {
    const record = text.slice(start, end);
    try {
      const [item] = plugins.input.chain(record + '\n', TO_CSL);
      const key = /^ID {2}- (.+)$/m.exec(record)?.[1].trim() || derivedKey(item, i);
      result.entries.push({ key, item: { ...item, id: key }, uri, range: lines.rangeAt(start, end) });
    } catch (error) {
      result.problems.push({
        message: `BriefKit cannot read record ${i + 1}: ${firstLine((error as Error).message)}.`,
        range: lines.rangeAt(start, start + 5),
      });
    }
  });
  if (records.length === 0 && text.trim() !== '') {
    result.problems.push({ message: 'No RIS records found: each record starts with "TY  - " and ends with "ER  - ".', range: lines.rangeAt(0, 0) });
  }
  return result;
}

/** Reads a bibliography file; good entries load even when others are broken. */
export function parseBibliographyFile(uri: string, text: string): ParsedBibliographyFile {
  const lines = new LineIndex(text);
  const format = bibliographyFormat(uri);
  switch (format) {
    case 'bibtex':
      return parseBibtex(uri, text, lines);
    case 'csl-json':
      return parseCslJson(uri, text, lines);
    case 'csl-yaml':
      return parseCslYaml(uri, text, lines);
    case 'ris':
      return parseRis(uri, text, lines);
    default:
      return {
        uri,
        format: undefined,
        entries: [],
        problems: [{ message: 'BriefKit reads bibliography files ending in .bib, .json (CSL-JSON), .yaml (CSL-YAML) or .ris.', range: lines.rangeAt(0, 0) }],
      };
  }
}
