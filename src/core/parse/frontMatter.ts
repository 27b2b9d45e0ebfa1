import { parseDocument, isMap, isScalar, isSeq, type Node as YamlNode, type Scalar, type YAMLMap } from 'yaml';
import type { Span } from '../types';
import { YAML_OPTIONS } from './yamlText';

/**
 * The longest front matter BriefKit reads, in characters. Real front matter (a title, authors with
 * their affiliations, an abstract) is a few KB; hostile YAML this long takes about 0.1 s to read,
 * and it is read again after every edit inside it.
 */
export const MAX_FRONT_MATTER = 64 * 1024;

/** A value from front matter with the offsets of its text in the document. */
export interface FrontMatterValue extends Span {
  value: string;
}

export interface ParsedFrontMatter {
  title?: string;
  author?: string;
  date?: string;
  csl?: FrontMatterValue;
  lang?: string;
  /** `bibliography:` as one path or a list of paths. */
  bibliography: FrontMatterValue[];
  /** `briefkit-claims: off` (or false) switches the uncited-claim check off for this brief. */
  claimsOff: boolean;
  /**
   * The front matter describes one published work (an author and a `journal:`, `doi:`, `citekey:`,
   * `pages:` …): a literature note, as Zotero and Obsidian users keep them, whose text summarises that work.
   */
  describesOneWork: boolean;
  /** YAML errors, with document offsets, in words a writer can act on. */
  problems: Array<{ message: string; start: number; end: number }>;
  /** Quarto's own kinds of cross-reference (`crossref: custom: - key: appfig`): `@appfig-map` names a figure, not a work. */
  crossrefKinds: string[];
}

function scalarText(node: unknown): string | undefined {
  if (isScalar(node) && node.value !== null && node.value !== undefined) {
    const value = node.value;
    return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  }
  if (isSeq(node)) {
    const parts = node.items.map(scalarText).filter((part): part is string => part !== undefined);
    return parts.length > 0 ? parts.join('; ') : undefined;
  }
  return undefined;
}

function located(node: YamlNode, toSource: (at: number) => number): FrontMatterValue | undefined {
  const value = scalarText(node);
  if (value === undefined || !node.range) return undefined;
  return { value, start: toSource(node.range[0]), end: toSource(node.range[1]) };
}

/** A line at the margin that starts no key, item or comment: the rest of a quoted value. */
const CONTINUATION = /^(?![ \t]|-(?:[ \t\r\n]|$)|#|[\r\n]|$)(?![^:\r\n]*:(?:[ \t\r\n]|$))/;

/**
 * YAML as pandoc and Hugo read it: a quoted value may go on at the margin on the next lines
 * (`title: "A long\ntitle"`), which strict YAML rejects. Such lines are indented before reading,
 * and `toSource` maps offsets in the repaired text back to the front matter as written.
 */
function repairContinuations(yaml: string): { text: string; toSource: (at: number) => number } | undefined {
  const lines = yaml.split(/(?<=\n)/);
  const shifted: number[] = [];
  let at = 0;
  let changed = false;
  const repaired = lines.map((line) => {
    const start = at;
    at += line.length;
    if (!CONTINUATION.test(line)) return line;
    changed = true;
    shifted.push(start);
    return `  ${line}`;
  });
  if (!changed) return undefined;
  return {
    text: repaired.join(''),
    toSource: (position) => {
      let indent = 0;
      for (const start of shifted) if (start + indent + 2 <= position) indent += 2;
      return position - indent;
    },
  };
}

/** Fields a reference manager writes for a publication, which a brief's own front matter does not have. */
const WORK_FIELDS = new Set(['journal', 'doi', 'citekey', 'citation-key', 'pages', 'volume', 'issue', 'isbn', 'publisher', 'container-title']);

/** The first top-level key given twice, which pandoc would not read either; yaml no longer looks (YAML_OPTIONS). */
function repeatedKey(map: YAMLMap): Scalar | undefined {
  const seen = new Set<string>();
  for (const { key } of map.items) {
    if (!isScalar(key)) continue;
    const name = String(key.value);
    if (seen.has(name)) return key;
    seen.add(name);
  }
  return undefined;
}

/** Reads the YAML between the `---` fences; `offset` is where that YAML starts in the document. */
export function parseFrontMatter(yaml: string, offset: number): ParsedFrontMatter {
  const result: ParsedFrontMatter = { bibliography: [], problems: [], claimsOff: false, describesOneWork: false, crossrefKinds: [] };
  if (yaml.length > MAX_FRONT_MATTER) {
    const firstLine = yaml.search(/\r|\n|$/);
    result.problems.push({
      message: `The front matter is ${Math.ceil(yaml.length / 1024)} KB long; BriefKit reads front matter up to ${MAX_FRONT_MATTER / 1024} KB, so it ignores this one (its bibliography, csl and other fields). Move long text, such as an abstract, into the body.`,
      start: offset,
      end: offset + Math.max(firstLine, 1),
    });
    return result;
  }
  let doc = parseDocument(yaml, YAML_OPTIONS);
  let toSource = (at: number) => offset + at;
  const repaired = doc.errors.length > 0 ? repairContinuations(yaml) : undefined;
  if (repaired) {
    const second = parseDocument(repaired.text, YAML_OPTIONS);
    if (second.errors.length === 0) {
      doc = second;
      toSource = (at) => offset + repaired.toSource(at);
    }
  }
  for (const error of doc.errors) {
    const [start, end] = error.pos;
    const firstLine = error.message.split('\n')[0].replace(/\.$/, '');
    result.problems.push({
      message: `The front matter is not valid YAML: ${firstLine}. BriefKit ignores the front matter until this is fixed.`,
      start: offset + start,
      end: offset + Math.max(end, start + 1),
    });
  }
  if (doc.errors.length > 0 || !isMap(doc.contents)) return result;
  const repeated = repeatedKey(doc.contents);
  if (repeated?.range) {
    const start = toSource(repeated.range[0]);
    result.problems.push({
      message: `The front matter is not valid YAML: it gives "${String(repeated.value)}" twice. BriefKit ignores the front matter until this is fixed.`,
      start,
      end: start + 1,
    });
    return result;
  }
  let workField = false;
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const value = pair.value as YamlNode | null;
    if (!key || !value) continue;
    switch (key) {
      case 'title':
      case 'author':
      case 'date':
      case 'lang':
        result[key] = scalarText(value);
        break;
      case 'csl':
        result.csl = located(value, toSource);
        break;
      case 'bibliography':
        if (isSeq(value)) {
          for (const item of value.items) {
            const path = located(item as YamlNode, toSource);
            if (path) result.bibliography.push(path);
          }
        } else {
          const path = located(value, toSource);
          if (path) result.bibliography.push(path);
        }
        break;
      case 'crossref': {
        const custom = isMap(value) ? value.get('custom', true) : undefined;
        if (isSeq(custom)) {
          for (const kind of custom.items) {
            const name = isMap(kind) ? scalarText(kind.get('key', true)) : undefined;
            if (name) result.crossrefKinds.push(name);
          }
        }
        break;
      }
      case 'briefkit-claims':
        result.claimsOff = /^(?:off|false|no)$/i.test(scalarText(value) ?? '');
        break;
      default:
        if (WORK_FIELDS.has(key.toLowerCase())) workField = true;
        break;
    }
  }
  result.describesOneWork = workField && result.author !== undefined;
  return result;
}
