import { parseDocument, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { Span } from '../types';

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
  /** YAML errors, with document offsets, in words a writer can act on. */
  problems: Array<{ message: string; start: number; end: number }>;
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

function located(node: YamlNode, offset: number): FrontMatterValue | undefined {
  const value = scalarText(node);
  if (value === undefined || !node.range) return undefined;
  return { value, start: offset + node.range[0], end: offset + node.range[1] };
}

/** Reads the YAML between the `---` fences; `offset` is where that YAML starts in the document. */
export function parseFrontMatter(yaml: string, offset: number): ParsedFrontMatter {
  const result: ParsedFrontMatter = { bibliography: [], problems: [], claimsOff: false };
  const doc = parseDocument(yaml, { prettyErrors: false });
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
        result.csl = located(value, offset);
        break;
      case 'bibliography':
        if (isSeq(value)) {
          for (const item of value.items) {
            const path = located(item as YamlNode, offset);
            if (path) result.bibliography.push(path);
          }
        } else {
          const path = located(value, offset);
          if (path) result.bibliography.push(path);
        }
        break;
      case 'briefkit-claims':
        result.claimsOff = /^(?:off|false|no)$/i.test(scalarText(value) ?? '');
        break;
      default:
        break;
    }
  }
  return result;
}
