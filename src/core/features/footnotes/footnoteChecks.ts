import type { BriefDocument } from '../../document';
import { FootnoteIndex, isNumericLabel } from './footnoteIndex';
import { findLegacyMarkers } from './legacyMarkers';
import { findMisplacedMarkers } from './markerPlacement';
import type { FootnotePlacement } from '../../options';
import type { BriefDiagnostic } from '../../types';
import { Codes } from '../../diagnosticCodes';

/** `footnote.undefined`: a `[^label]` marker whose note is never written. */
export function findUndefinedFootnotes(document: BriefDocument): BriefDiagnostic[] {
  const defined = new Set(document.footnoteDefinitions.map((def) => def.key));
  return document.footnoteReferences
    .filter((ref) => !defined.has(ref.key))
    .map((ref) => ({
      code: Codes.footnoteUndefined.code,
      severity: Codes.footnoteUndefined.severity,
      message: `Footnote [^${ref.label}] has no note. Add a line "[^${ref.label}]: " with the note's text, or remove the marker.`,
      range: ref.range,
    }));
}

/** `footnote.unused`: a note that no marker in the text points to. */
export function findUnusedFootnotes(document: BriefDocument): BriefDiagnostic[] {
  const referenced = new Set(document.footnoteReferences.map((ref) => ref.key));
  return document.footnoteDefinitions
    .filter((def) => !referenced.has(def.key))
    .map((def) => ({
      code: Codes.footnoteUnused.code,
      severity: Codes.footnoteUnused.severity,
      message: `Footnote [^${def.label}] is never cited in the text. Put the marker [^${def.label}] where the note belongs, or delete the note.`,
      range: def.labelRange,
    }));
}

/** `footnote.duplicate`: a second note with the same label; only the first one is used. */
export function findDuplicateFootnotes(document: BriefDocument): BriefDiagnostic[] {
  return FootnoteIndex.of(document).entries.flatMap((entry) =>
    entry.definitions.slice(1).map((def): BriefDiagnostic => {
      const first = entry.definitions[0];
      const same = first.content.trim() === def.content.trim();
      return {
        code: Codes.footnoteDuplicate.code,
        severity: Codes.footnoteDuplicate.severity,
        message: same
          ? `Footnote [^${def.label}] is written twice with the same text (first on line ${first.range.start.line + 1}). Delete this copy.`
          : `Footnote [^${def.label}] is written twice with different text (first on line ${first.range.start.line + 1}); readers only see the first. Merge the notes or give this one a new label.`,
        range: def.labelRange,
      };
    }),
  );
}

/** `footnote.empty`: a note with no text. */
export function findEmptyFootnotes(document: BriefDocument): BriefDiagnostic[] {
  return document.footnoteDefinitions
    .filter((def) => def.content.trim() === '')
    .map((def) => ({
      code: Codes.footnoteEmpty.code,
      severity: Codes.footnoteEmpty.severity,
      message: `Footnote [^${def.label}] has no text. Write the note after "[^${def.label}]: ", or remove the note and its marker.`,
      range: def.labelRange,
    }));
}

/**
 * `footnote.order`: numbered notes whose first markers do not run 1, 2, 3 through the text.
 * Reported on each note cited before a lower-numbered one, where the order breaks.
 */
export function findFootnoteOrderProblems(document: BriefDocument): BriefDiagnostic[] {
  const firsts = FootnoteIndex.of(document)
    .entries.filter((e) => e.references.length > 0 && isNumericLabel(e.label))
    .map((e) => ({ entry: e, number: Number(e.label), reference: e.references[0] }));
  const diagnostics: BriefDiagnostic[] = [];
  let laterMinimum = Number.POSITIVE_INFINITY;
  const laterMinimumAt: Array<(typeof firsts)[number] | undefined> = [];
  let lowest: (typeof firsts)[number] | undefined;
  for (let i = firsts.length - 1; i >= 0; i--) {
    laterMinimumAt[i] = lowest;
    if (firsts[i].number < laterMinimum) {
      laterMinimum = firsts[i].number;
      lowest = firsts[i];
    }
  }
  firsts.forEach((first, i) => {
    const later = laterMinimumAt[i];
    if (later && later.number < first.number) {
      diagnostics.push({
        code: Codes.footnoteOrder.code,
        severity: Codes.footnoteOrder.severity,
        message: `Footnote [^${first.entry.label}] is cited before [^${later.entry.label}], so the numbers do not run in reading order. Use "Renumber footnotes" to number them 1, 2, 3… as they appear.`,
        range: first.reference.range,
      });
    }
  });
  return diagnostics;
}

/** `footnote.placement`: a marker on the wrong side of sentence punctuation for the house style. */
export function findMisplacedFootnotes(document: BriefDocument, placement: FootnotePlacement): BriefDiagnostic[] {
  return findMisplacedMarkers(document, placement).map((found) => {
    const markers = document.text.slice(found.start, found.end);
    return {
      code: Codes.footnotePlacement.code,
      severity: Codes.footnotePlacement.severity,
      message:
        placement === 'after-punctuation'
          ? `Put the footnote marker ${markers} after the "${found.punctuation}", as Chicago style does: "${found.punctuation}${markers}".`
          : `Put the footnote marker ${markers} before the "${found.punctuation}", as this brief's style asks: "${markers}${found.punctuation}".`,
      range: document.lines.rangeAt(found.start, found.end),
    };
  });
}

/** `footnote.legacy-marker`: superscript digits or HTML note markers pasted from Word, a PDF or a web page. */
export function findLegacyFootnoteMarkers(document: BriefDocument): BriefDiagnostic[] {
  return findLegacyMarkers(document).map((marker) => ({
    code: Codes.footnoteLegacyMarker.code,
    severity: Codes.footnoteLegacyMarker.severity,
    message:
      marker.kind === 'superscript'
        ? `"${document.text.slice(marker.start, marker.end)}" looks like a footnote number pasted from Word or a PDF. Use "Convert to Markdown footnotes" to turn it into [^${marker.number}] with its note.`
        : `This HTML note marker (note ${marker.number}) is not a Markdown footnote. Use "Convert to Markdown footnotes" to turn it into [^${marker.number}] with its note.`,
    range: document.lines.rangeAt(marker.start, marker.end),
  }));
}

/**
 * `footnote.label-case`: one note written with labels that differ only in case. GitHub treats
 * `[^Note]` and `[^note]` as one note, Pandoc as two, so a brief published through both differs.
 */
export function findFootnoteLabelCaseProblems(document: BriefDocument): BriefDiagnostic[] {
  const diagnostics: BriefDiagnostic[] = [];
  for (const entry of FootnoteIndex.of(document).entries) {
    const occurrences = [...entry.references.map((r) => ({ label: r.label, range: r.range })), ...entry.definitions.map((d) => ({ label: d.label, range: d.labelRange }))];
    for (const occurrence of occurrences) {
      if (occurrence.label === entry.label) continue;
      diagnostics.push({
        code: Codes.footnoteLabelCase.code,
        severity: Codes.footnoteLabelCase.severity,
        message: `[^${occurrence.label}] and [^${entry.label}] differ only in capitals: GitHub reads them as one note, Pandoc as two. Write the label as [^${entry.label}] everywhere.`,
        range: occurrence.range,
      });
    }
  }
  return diagnostics;
}
