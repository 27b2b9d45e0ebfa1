import { isScalar, isSeq, type Document } from 'yaml';

/**
 * How BriefKit reads YAML. yaml's own check that a mapping's keys differ compares each key with
 * every other, so its time grows with their square: 22 s for 875 KB of front matter, 9 s for a
 * 400 KB `_quarto.yml`. Without it reading is linear; the front matter's keys are checked for
 * repeats where they are read. Aliases (`*name`) are never expanded: BriefKit reads the nodes,
 * not the values yaml would build from them, so there is nothing for `maxAliasCount` to cap.
 */
export const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false } as const;

/**
 * The largest project or defaults file BriefKit reads as YAML (`_quarto.yml`, `_metadata.yml`,
 * pandoc defaults), in characters. Real ones are a few KB, a large website's some tens; hostile
 * YAML this long takes up to half a second to read, and it is read for each brief opened.
 */
export const MAX_PROJECT_YAML = 128 * 1024;

/** The text at a path of keys (`metadata`, `bibliography`): one string, or a list's strings; anything else gives none. */
export function yamlStrings(doc: Document, path: readonly string[]): string[] {
  const node = doc.getIn(path, true);
  if (isScalar(node)) return typeof node.value === 'string' ? [node.value] : [];
  if (isSeq(node)) return node.items.flatMap((item) => (isScalar(item) && typeof item.value === 'string' ? [item.value] : []));
  return [];
}
