import type { BriefDocument, FootnoteDefinition } from '../../document';
import type { TextEdit } from '../../edits';
import { FootnoteIndex, isNumericLabel } from '../../notes/footnoteIndex';
import type { Span } from '../../types';

export interface RenumberOptions {
  /** Also number named labels such as `[^smith2020]`; by default they keep their names. */
  numberNamedLabels: boolean;
}

/**
 * Numbers notes 1..n in order of first citation and puts each run of consecutive notes in
 * that order. Notes never cited keep their relative order after the cited ones. Running it
 * twice changes nothing the second time.
 */
export function renumberFootnotes(document: BriefDocument, options: RenumberOptions): TextEdit[] {
  // A note written inside another (`[^1]: [^2]: …`) cannot be relabelled apart from it: left alone.
  const definitions = [...document.footnoteDefinitions].sort((a, b) => a.start - b.start);
  if (definitions.some((d, i) => i > 0 && d.start < definitions[i - 1].end)) return [];
  const index = FootnoteIndex.of(document);
  const newLabel = new Map<string, string>();
  const rank = new Map<string, number>();
  let next = 0;
  index.entries.forEach((entry, i) => {
    rank.set(entry.key, i);
    if (isNumericLabel(entry.label) || options.numberNamedLabels) newLabel.set(entry.key, String(++next));
  });
  const labelOf = (key: string, written: string) => newLabel.get(key) ?? written;

  const text = document.text;
  const edits: TextEdit[] = [];
  const rewritten: Array<Span> = [];
  for (const group of consecutiveDefinitions(document)) {
    // A line right after the notes continues the last one's paragraph: reordering would hand it to another note.
    const settled = /^[ \t]*(?:$|(?:\r?\n|\r)[ \t]*(?:\r?\n|\r|$))/.test(text.slice(group[group.length - 1].end));
    const ordered = settled ? [...group].sort((a, b) => rank.get(a.key)! - rank.get(b.key)! || a.start - b.start) : group;
    const pieces = ordered.map((def) => relabelDefinition(document, def, labelOf));
    const unchanged = ordered.every((def, i) => def === group[i] && pieces[i] === text.slice(def.start, def.end));
    if (unchanged) continue;
    // Keep the original separators (line breaks, blank lines) between the slots.
    let replacement = '';
    group.forEach((def, i) => {
      replacement += pieces[i];
      if (i + 1 < group.length) replacement += text.slice(def.end, group[i + 1].start);
    });
    const start = group[0].start;
    const end = group[group.length - 1].end;
    edits.push({ range: document.lines.rangeAt(start, end), newText: replacement });
    rewritten.push({ start, end });
  }
  const insideRewritten = (offset: number) => rewritten.some((r) => r.start <= offset && offset < r.end);
  for (const reference of document.footnoteReferences) {
    const label = labelOf(reference.key, reference.label);
    if (label !== reference.label && !insideRewritten(reference.start)) {
      // `[^ 18]` keeps its space: GitHub reads a marker written that way differently from `[^18]`.
      const space = text[reference.start + 2] === ' ' ? 1 : 0;
      edits.push({ range: document.lines.rangeAt(reference.start + 2 + space, reference.end - 1), newText: label });
    }
  }
  for (const definition of document.footnoteDefinitions) {
    const label = labelOf(definition.key, definition.label);
    if (label !== definition.label && !insideRewritten(definition.start)) {
      const labelEnd = document.lines.offsetAt(definition.labelRange.end);
      edits.push({ range: document.lines.rangeAt(definition.start + 2, labelEnd - 1), newText: label });
    }
  }
  return edits;
}

/** Runs of definitions separated only by white space: these can be reordered without moving prose. */
function consecutiveDefinitions(document: BriefDocument): FootnoteDefinition[][] {
  const definitions = [...document.footnoteDefinitions].sort((a, b) => a.start - b.start);
  const groups: FootnoteDefinition[][] = [];
  for (const definition of definitions) {
    const group = groups[groups.length - 1];
    const previous = group?.[group.length - 1];
    if (previous && document.text.slice(previous.end, definition.start).trim() === '') group.push(definition);
    else groups.push([definition]);
  }
  return groups;
}

/** A definition's text with its own label and the markers inside it relabelled. */
function relabelDefinition(document: BriefDocument, definition: FootnoteDefinition, labelOf: (key: string, written: string) => string): string {
  const text = document.text;
  const labelEnd = document.lines.offsetAt(definition.labelRange.end);
  let result = `[^${labelOf(definition.key, definition.label)}]`;
  let cursor = labelEnd;
  for (const reference of document.footnoteReferences) {
    if (reference.start < labelEnd || reference.start >= definition.end) continue;
    const space = text[reference.start + 2] === ' ' ? ' ' : '';
    result += text.slice(cursor, reference.start) + `[^${space}${labelOf(reference.key, reference.label)}]`;
    cursor = reference.end;
  }
  return result + text.slice(cursor, definition.end);
}
