import { renameSync, statSync, writeFileSync, chmodSync, unlinkSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { BriefService, TextEdit } from '../core';

/** The safe fixes `briefkit fix` applies, in this order. */
export const FIXES = ['convert', 'renumber', 'placement', 'duplicates'] as const;
export type FixName = (typeof FIXES)[number];

const DONE: Record<FixName, string> = {
  convert: 'converted pasted footnote markers',
  renumber: 'renumbered footnotes in order of appearance',
  placement: 'moved footnote markers to the house-style side of punctuation',
  duplicates: 'deleted notes written twice with the same text',
};

function editsFor(service: BriefService, fix: FixName, document: { uri: string; version: number; getText(): string }): TextEdit[] {
  switch (fix) {
    case 'convert':
      return service.convertLegacyFootnotes(document);
    case 'renumber':
      return service.renumberFootnotes(document, { numberNamedLabels: false });
    case 'placement':
      return service.fixFootnotePlacement(document);
    case 'duplicates':
      return service
        .getCodeActions(document, { start: { line: 0, character: 0 }, end: { line: Number.MAX_SAFE_INTEGER, character: 0 } })
        .filter((action) => action.diagnosticCodes.includes('footnote.duplicate'))
        .flatMap((action) => action.edits)
        .slice(0, 1); // One at a time: each removal shifts the rest, so the loop recomputes.
  }
}

/** Applies the chosen fixes one after another, each on the result of the last. */
export function applyFixes(service: BriefService, uri: string, text: string, fixes: readonly FixName[]): { text: string; applied: string[] } {
  let current = text;
  let version = 1;
  const applied: string[] = [];
  for (const fix of fixes) {
    let changed = false;
    // Bounded: every round removes or rewrites something, and a fixed text yields no edits.
    for (let round = 0; round < 10000; round++) {
      const document = { uri, version: version++, getText: () => current };
      const edits = editsFor(service, fix, document);
      if (edits.length === 0) break;
      current = service.applyEdits(document, edits);
      changed = true;
      if (fix !== 'duplicates') break;
    }
    if (changed) applied.push(DONE[fix]);
  }
  return { text: current, applied };
}

export function unifiedDiff(path: string, before: string, after: string): string {
  const [from, to] = isAbsolute(path) ? [path, path] : [`a/${path}`, `b/${path}`];
  return createTwoFilesPatch(from, to, before, after, undefined, undefined, { context: 3 });
}

/** Replaces the file in one step: a temporary file beside it, renamed over it, same permissions. */
export function writeAtomically(path: string, text: string, bom: boolean): void {
  const temporary = join(dirname(path), `.${basename(path)}.briefkit-${process.pid}.tmp`);
  try {
    writeFileSync(temporary, (bom ? '\ufeff' : '') + text, 'utf8');
    chmodSync(temporary, statSync(path).mode);
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was left behind.
    }
    throw error;
  }
}
