import { plugins, type CslItem } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { isMap, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { LineIndex } from '../../text/lineIndex';
import type { Range, Span } from '../../types';

/** One work from a bibliography file, with where it is written. */
export interface BibliographyFileEntry {
  key: string;
  item: CslItem;
  uri: string;
  range: Range;
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
  return message.split('\n')[0].trimEnd().replace(/ at line \d+ col \d+:?$/, '').trimEnd().replace(/\.$/, '');
}

/** A citation key for a record that has none: first author's family name and year, as Zotero does. */
function derivedKey(item: CslItem, position: number): string {
  const family = item.author?.[0]?.family ?? item.author?.[0]?.literal ?? 'entry';
  const year = item.issued?.['date-parts']?.[0]?.[0] ?? '';
  const base = `${family}${year}`.normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
  return base || `entry${position + 1}`;
}

interface RawEntry extends Span {
  key: string;
}

/** BibTeX entries by scanning braces, so each has a position even when citation-js rejects the file. */
function scanBibtex(text: string): RawEntry[] {
  const entries: RawEntry[] = [];
  const head = /@([A-Za-z]+)\s*([{(])\s*([^,\s{}()]*)\s*,?/g;
  for (let match = head.exec(text); match; match = head.exec(text)) {
    const type = match[1].toLowerCase();
    const open = match[2];
    const close = open === '{' ? '}' : ')';
    let depth = 0;
    let end = text.length;
    for (let i = (match.index ?? 0) + match[0].indexOf(open); i < text.length; i++) {
      const ch = text[i];
      if (ch === open || (open === '(' && ch === '{')) depth++;
      else if (ch === close || (open === '(' && ch === '}')) depth--;
      if (depth === 0) {
        end = i + 1;
        break;
      }
      // An entry that never closes runs into the next line starting with @.
      if (ch === '\n' && text[i + 1] === '@' && depth > 0) {
        end = i + 1;
        break;
      }
    }
    if (type !== 'comment' && type !== 'preamble' && type !== 'string') entries.push({ key: match[3], start: match.index ?? 0, end });
    head.lastIndex = end;
  }
  return entries;
}

function parseBibtex(uri: string, text: string, lines: LineIndex): ParsedBibliographyFile {
  const raw = scanBibtex(text);
  const result: ParsedBibliographyFile = { uri, format: 'bibtex', entries: [], problems: [] };
  const located = (key: string) => raw.find((r) => r.key === key);
  const add = (items: CslItem[]) => {
    for (const item of items) {
      const at = located(item.id);
      result.entries.push({ key: item.id, item, uri, range: at ? lines.rangeAt(at.start, at.end) : lines.rangeAt(0, 0) });
    }
  };
  try {
    add(plugins.input.chain(text, TO_CSL));
    return result;
  } catch {
    // One bad entry rejects the whole file: read the entries one by one, so the good ones load.
  }
  for (const entry of raw) {
    const source = text.slice(entry.start, entry.end);
    try {
      add(plugins.input.chain(source, TO_CSL));
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

function cslEntries(uri: string, items: unknown[], rangeOf: (i: number) => Range, result: ParsedBibliographyFile): void {
  items.forEach((value, i) => {
    const id = (value as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' && typeof id !== 'number') {
      result.problems.push({ message: `Entry ${i + 1} has no "id", so it cannot be cited. Give it an id such as "doe2020".`, range: rangeOf(i) });
      return;
    }
    try {
      const [item] = plugins.input.chain([{ ...(value as object), id: String(id) }], TO_CSL);
      result.entries.push({ key: String(id), item, uri, range: rangeOf(i) });
    } catch (error) {
      result.problems.push({ message: `BriefKit cannot read the entry "${id}": ${firstLine((error as Error).message)}.`, range: rangeOf(i) });
    }
  });
}

function parseCslJson(uri: string, text: string, lines: LineIndex): ParsedBibliographyFile {
  const result: ParsedBibliographyFile = { uri, format: 'csl-json', entries: [], problems: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    result.problems.push({ message: `This CSL-JSON file is not valid JSON: ${firstLine(message)}. No entries were loaded from it.`, range: lines.rangeAt(position, position + 1) });
    return result;
  }
  const idPositions: number[] = [];
  for (const match of text.matchAll(/"id"\s*:/g)) idPositions.push(match.index ?? 0);
  cslEntries(uri, toItems(data), (i) => lines.rangeAt(idPositions[i] ?? 0, (idPositions[i] ?? 0) + 4), result);
  return result;
}

function parseCslYaml(uri: string, text: string, lines: LineIndex): ParsedBibliographyFile {
  const result: ParsedBibliographyFile = { uri, format: 'csl-yaml', entries: [], problems: [] };
  const doc = parseDocument(text.replace(/^---\r?\n/, (m) => ' '.repeat(m.length - 1) + '\n'), { prettyErrors: false });
  for (const error of doc.errors) {
    result.problems.push({ message: `This CSL-YAML file has an error: ${firstLine(error.message)}.`, range: lines.rangeAt(error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)) });
  }
  if (doc.errors.length > 0) return result;
  let sequence: YamlNode | null | undefined = doc.contents;
  if (isMap(sequence)) sequence = sequence.get('references', true) as YamlNode | undefined;
  const nodes = isSeq(sequence) ? (sequence.items as YamlNode[]) : [];
  cslEntries(uri, toItems(doc.toJS()), (i) => {
    const node = nodes[i];
    return node?.range ? lines.rangeAt(node.range[0], node.range[1]) : lines.rangeAt(0, 0);
  }, result);
  return result;
}

function parseRis(uri: string, text: string, lines: LineIndex): ParsedBibliographyFile {
  const result: ParsedBibliographyFile = { uri, format: 'ris', entries: [], problems: [] };
  const records = [...text.matchAll(/^TY {2}-[\s\S]*?^ER {2}-.*$/gm)];
  records.forEach((record, i) => {
    const start = record.index ?? 0;
    const end = start + record[0].length;
    try {
      const [item] = plugins.input.chain(record[0] + '\n', TO_CSL);
      const key = /^ID {2}- (.+)$/m.exec(record[0])?.[1].trim() || derivedKey(item, i);
      result.entries.push({ key, item: { ...item, id: key }, uri, range: lines.rangeAt(start, end) });
    } catch (error) {
      result.problems.push({ message: `BriefKit cannot read record ${i + 1}: ${firstLine((error as Error).message)}.`, range: lines.rangeAt(start, start + 5) });
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
