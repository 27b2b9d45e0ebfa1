import type { BriefDocument } from '../../document';
import type { BriefCodeAction } from '../../language';
import type { FootnotePlacement } from '../../options';
import type { Range } from '../../types';
import { spanOf, touches } from '../../text/touchingRange';
import {
  findDuplicateFootnotes,
  findFootnoteLabelCaseProblems,
  findFootnoteOrderProblems,
  findLegacyFootnoteMarkers,
  findMisplacedFootnotes,
  findUndefinedFootnotes,
  findUnusedFootnotes,
} from './footnoteChecks';
import { convertLegacyFootnotes } from './convertLegacy';
import { FootnoteIndex } from './footnoteIndex';
import { createDefinition, fixMarkerPlacement, removeDefinition } from './footnoteFixes';
import { renumberFootnotes } from './renumber';

/** Quick fixes for the footnote problems that touch `range`. */
export function footnoteCodeActions(document: BriefDocument, range: Range, placement: FootnotePlacement): BriefCodeAction[] {
  const index = FootnoteIndex.of(document);
  const actions: BriefCodeAction[] = [];
  const requested = spanOf(document, range);
  const touching = <T extends { range: Range }>(found: T[]) => found.filter((d) => touches(spanOf(document, d.range), requested));
  const offsetOf = (r: Range) => document.lines.offsetAt(r.start);

  for (const diagnostic of touching(findUndefinedFootnotes(document))) {
    const at = index.at(offsetOf(diagnostic.range));
    if (at?.kind !== 'reference') continue;
    actions.push({
      title: `Add a note for [^${at.reference.label}]`,
      kind: 'quickfix',
      diagnosticCodes: [diagnostic.code],
      diagnosticRanges: [diagnostic.range],
      edits: [createDefinition(document, at.reference.label)],
      isPreferred: true,
    });
  }
  for (const diagnostic of touching(findUnusedFootnotes(document))) {
    const definition = document.footnoteDefinitions.find((d) => d.labelRange === diagnostic.range);
    if (!definition) continue;
    actions.push({
      title: `Delete the unused note [^${definition.label}]`,
      kind: 'quickfix',
      diagnosticCodes: [diagnostic.code],
      diagnosticRanges: [diagnostic.range],
      edits: [removeDefinition(document, definition)],
    });
  }
  for (const diagnostic of touching(findDuplicateFootnotes(document))) {
    const definition = document.footnoteDefinitions.find((d) => d.labelRange === diagnostic.range);
    const first = definition && index.get(definition.key)?.definitions[0];
    if (!definition || !first || first.content.trim() !== definition.content.trim()) continue;
    actions.push({
      title: `Delete the duplicate note [^${definition.label}]`,
      kind: 'quickfix',
      diagnosticCodes: [diagnostic.code],
      diagnosticRanges: [diagnostic.range],
      edits: [removeDefinition(document, definition)],
      isPreferred: true,
    });
  }
  const order = touching(findFootnoteOrderProblems(document));
  if (order.length > 0) {
    actions.push({
      title: 'Renumber footnotes in order of appearance',
      kind: 'quickfix',
      diagnosticCodes: order.map((d) => d.code),
      diagnosticRanges: order.map((d) => d.range),
      edits: renumberFootnotes(document, { numberNamedLabels: false }),
      isPreferred: true,
    });
  }
  for (const diagnostic of touching(findMisplacedFootnotes(document, placement))) {
    const start = offsetOf(diagnostic.range);
    const end = document.lines.offsetAt(diagnostic.range.end);
    const markers = document.text.slice(start, end);
    actions.push({
      title: placement === 'after-punctuation' ? `Move ${markers} after the punctuation` : `Move ${markers} before the punctuation`,
      kind: 'quickfix',
      diagnosticCodes: [diagnostic.code],
      diagnosticRanges: [diagnostic.range],
      edits: fixMarkerPlacement(document, placement, { start, end }),
      isPreferred: true,
    });
  }
  const legacy = touching(findLegacyFootnoteMarkers(document));
  if (legacy.length > 0) {
    actions.push({
      title: 'Convert to Markdown footnotes',
      kind: 'quickfix',
      diagnosticCodes: legacy.map((d) => d.code),
      diagnosticRanges: legacy.map((d) => d.range),
      edits: convertLegacyFootnotes(document),
      isPreferred: true,
    });
  }
  for (const diagnostic of touching(findFootnoteLabelCaseProblems(document))) {
    const at = index.at(offsetOf(diagnostic.range));
    if (!at) continue;
    const start = at.kind === 'reference' ? at.reference.start : at.definition.start;
    const written = at.kind === 'reference' ? at.reference.label : at.definition.label;
    actions.push({
      title: `Write [^${written}] as [^${at.entry.label}]`,
      kind: 'quickfix',
      diagnosticCodes: [diagnostic.code],
      diagnosticRanges: [diagnostic.range],
      edits: [{ range: document.lines.rangeAt(start + 2, start + 2 + written.length), newText: at.entry.label }],
      isPreferred: true,
    });
  }
  return actions;
}
