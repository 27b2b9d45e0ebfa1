import { opensLine } from '../../text/lineIndex';
import type { BriefDocument } from '../../document';
import { FootnoteIndex, isNumericLabel } from '../../notes/footnoteIndex';
import { DASH, findMisplacedMarkers, resolvePlacement } from './markerPlacement';
import type { FootnotePlacement } from '../../options';
import type { BriefDiagnostic } from '../../types';
import { Codes, diagnosticFor } from '../../diagnosticCodes';
import { finding, type Finding, type Fix } from '../../feature';
import { replaceOffsets } from '../../edits';
import { convertibleMarkers, convertLegacyFootnotes } from './convertLegacy';
import { createDefinition, fixMarkerPlacement, removeDefinition } from './footnoteFixes';
import { renumberFootnotes } from './renumber';
import { notesWrittenWithSpacedLabels } from './noteSyntax';

/** `footnote.undefined`: a `[^label]` marker whose note is never written. */
export function findUndefinedFootnotes(document: BriefDocument): Finding[] {
  // A note written `[^ 18]: …` is there, though no reader sees it: footnote.malformed says so on it.
  const defined = new Set([...document.footnoteDefinitions.map((def) => def.key), ...notesWrittenWithSpacedLabels(document)]);
  return document.footnoteReferences
    .filter((ref) => !defined.has(ref.key))
    .map((ref) =>
      finding(
        diagnosticFor(
          Codes.footnoteUndefined,
          startsNoteText(document, ref)
            ? `This line reads as the note for [^${ref.label}], but without a colon after the label GitHub and pandoc print it as text, and the marker has no note. Write "[^${ref.label}]:".`
            : `Footnote [^${ref.label}] has no note. Add a line "[^${ref.label}]: " with the note's text, or remove the marker.`,
          ref.range,
        ),
        () => undefinedFootnoteFixes(document, ref),
      ),
    );
}

/** A marker at the start of a line followed by text (`[^1] Popkin, …`): a note written without its colon. */
function startsNoteText(document: BriefDocument, ref: BriefDocument['footnoteReferences'][number]): boolean {
  return opensLine(document.text, ref.start) && /^[ \t]+\S/.test(document.text.slice(ref.end, ref.end + 40));
}

/**
 * A marker at the start of a line followed by text (`[^1] Popkin, …`) is a note written without its
 * colon: the fix that keeps the writer's note adds the colon; appending an empty note would leave it as text.
 */
function undefinedFootnoteFixes(document: BriefDocument, ref: BriefDocument['footnoteReferences'][number]): Fix[] {
  const startsNote = startsNoteText(document, ref);
  const add: Fix = { title: `Add a note for [^${ref.label}]`, kind: 'quickfix', edits: [createDefinition(document, ref.label)], isPreferred: !startsNote };
  if (!startsNote) return [add];
  return [
    {
      title: `Make this line the note for [^${ref.label}] (add the colon)`,
      kind: 'quickfix',
      edits: [replaceOffsets(document, ref.end, ref.end, ':')],
      isPreferred: true,
    },
    add,
  ];
}

/** `footnote.unused`: a note that no marker in the text points to. */
export function findUnusedFootnotes(document: BriefDocument): Finding[] {
  const referenced = new Set(document.footnoteReferences.map((ref) => ref.key));
  return document.footnoteDefinitions
    .filter((def) => !referenced.has(def.key))
    .map((def) =>
      finding(
        diagnosticFor(
          Codes.footnoteUnused,
          `Footnote [^${def.label}] is never cited in the text. Put the marker [^${def.label}] where the note belongs, or delete the note.`,
          def.labelRange,
        ),
        () => [{ title: `Delete the unused note [^${def.label}]`, kind: 'quickfix', edits: [removeDefinition(document, def)] }],
      ),
    );
}

/** `footnote.duplicate`: a second note with the same label; only the first one is used. */
export function findDuplicateFootnotes(document: BriefDocument): Finding[] {
  return FootnoteIndex.of(document).entries.flatMap((entry) =>
    entry.definitions.slice(1).map((def) => {
      const first = entry.definitions[0];
      const same = first.content.trim() === def.content.trim();
      const diagnostic: BriefDiagnostic = diagnosticFor(
        Codes.footnoteDuplicate,
        same
          ? `Footnote [^${def.label}] is written twice with the same text (first on line ${first.range.start.line + 1}). Delete this copy.`
          : `Footnote [^${def.label}] is written twice with different text (first on line ${first.range.start.line + 1}); readers only see the first. Merge the notes or give this one a new label.`,
        def.labelRange,
      );
      // Only an identical copy can go without losing words.
      if (!same) return finding(diagnostic);
      return finding(diagnostic, () => [
        { title: `Delete the duplicate note [^${def.label}]`, kind: 'quickfix', edits: [removeDefinition(document, def)], isPreferred: true },
      ]);
    }),
  );
}

/** `footnote.empty`: a note with no text. */
export function findEmptyFootnotes(document: BriefDocument): Finding[] {
  return document.footnoteDefinitions
    .filter((def) => def.content.trim() === '')
    .map((def) =>
      finding(
        diagnosticFor(
          Codes.footnoteEmpty,
          `Footnote [^${def.label}] has no text. Write the note after "[^${def.label}]: ", or remove the note and its marker.`,
          def.labelRange,
        ),
      ),
    );
}

/** The shortest run of notes numbered one after another that reads as numbered on purpose. */
const DELIBERATE_RUN = 3;

/**
 * Whether the notes are numbered in runs on purpose: each run counts up by one for at least three
 * notes (a section numbered 39–47 to match the full guide it comes from, then one numbered 1–5).
 * Numbers that drift, a note inserted or moved, leave a note out of any run.
 */
function numberedInRuns(numbers: readonly number[]): boolean {
  let run = 1;
  for (let i = 1; i <= numbers.length; i++) {
    if (i < numbers.length && numbers[i] === numbers[i - 1] + 1) run++;
    else if (run < DELIBERATE_RUN) return false;
    else run = 1;
  }
  return true;
}

/**
 * `footnote.order`: numbered notes whose first markers do not run 1, 2, 3 through the text.
 * Reported on each note cited before a lower-numbered one, where the order breaks; silent when
 * the notes are numbered in runs on purpose.
 */
export function findFootnoteOrderProblems(document: BriefDocument): Finding[] {
  const firsts = FootnoteIndex.of(document)
    .entries.filter((e) => e.references.length > 0 && isNumericLabel(e.label))
    .map((e) => ({ entry: e, number: Number(e.label), reference: e.references[0] }));
  if (numberedInRuns(firsts.map((first) => first.number))) return [];
  const found: Finding[] = [];
  const renumber = () => [
    {
      title: 'Renumber footnotes in order of appearance',
      kind: 'quickfix' as const,
      group: 'renumber',
      edits: renumberFootnotes(document, { numberNamedLabels: false }),
      isPreferred: true,
    },
  ];
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
      const diagnostic: BriefDiagnostic = diagnosticFor(
        Codes.footnoteOrder,
        `Footnote [^${first.entry.label}] is cited before [^${later.entry.label}], so the numbers do not run in reading order. Use "Renumber footnotes" to number them 1, 2, 3… as they appear.`,
        first.reference.range,
      );
      found.push(finding(diagnostic, renumber));
    }
  });
  return found;
}

/** `footnote.placement`: a marker on the wrong side of punctuation for the house style. */
export function findMisplacedFootnotes(document: BriefDocument, setting: FootnotePlacement): Finding[] {
  const placement = resolvePlacement(document, setting);
  return findMisplacedMarkers(document, setting).map((found) => {
    // An inline note is named by its opening, not quoted whole.
    const markers = found.markers.map((m) => (document.text.startsWith('^[', m.start) ? '^[…]' : document.text.slice(m.start, m.end))).join('');
    const beforeDash = placement === 'after-punctuation' && DASH.test(found.punctuation);
    const diagnostic: BriefDiagnostic = diagnosticFor(
      Codes.footnotePlacement,
      beforeDash
        ? `Put the footnote marker ${markers} before the dash, as Chicago style does: "${markers}${found.punctuation}".`
        : placement === 'after-punctuation'
          ? `Put the footnote marker ${markers} after the "${found.punctuation}", as Chicago style does: "${found.punctuation}${markers}".`
          : `Put the footnote marker ${markers} before the "${found.punctuation}", as ${setting === 'auto' ? "this brief's other notes do" : "this brief's style asks"}: "${markers}${found.punctuation}".`,
      document.lines.rangeAt(found.start, found.end),
    );
    return finding(diagnostic, () => [
      {
        title: beforeDash
          ? `Move ${markers} before the dash`
          : placement === 'after-punctuation'
            ? `Move ${markers} after the punctuation`
            : `Move ${markers} before the punctuation`,
        kind: 'quickfix',
        edits: fixMarkerPlacement(document, setting, found),
        isPreferred: true,
      },
    ]);
  });
}

/** `footnote.legacy-marker`: superscript digits or HTML note markers pasted from Word, a PDF or a web page. */
export function findLegacyFootnoteMarkers(document: BriefDocument): Finding[] {
  const convert = () => [
    { title: 'Convert to Markdown footnotes', kind: 'quickfix' as const, group: 'convert', edits: convertLegacyFootnotes(document), isPreferred: true },
  ];
  return convertibleMarkers(document).map((marker) =>
    finding(
      diagnosticFor(
        Codes.footnoteLegacyMarker,
        marker.kind === 'superscript'
          ? `"${document.text.slice(marker.start, marker.end)}" looks like a footnote number pasted from Word or a PDF. Use "Convert to Markdown footnotes" to turn it into [^${marker.number}] with its note.`
          : `This HTML note marker (note ${marker.number}) is not a Markdown footnote. Use "Convert to Markdown footnotes" to turn it into [^${marker.number}] with its note.`,
        document.lines.rangeAt(marker.start, marker.end),
      ),
      convert,
    ),
  );
}

/**
 * `footnote.label-case`: one note written with labels that differ only in case. GitHub treats
 * `[^Note]` and `[^note]` as one note, Pandoc as two, so a brief published through both differs.
 */
export function findFootnoteLabelCaseProblems(document: BriefDocument): Finding[] {
  const found: Finding[] = [];
  for (const entry of FootnoteIndex.of(document).entries) {
    // Ranges only for the labels written otherwise: a reference's range is worked out when first read.
    const occurrences = [
      ...entry.references.filter((r) => r.label !== entry.label).map((r) => ({ label: r.label, range: r.range, start: r.start })),
      ...entry.definitions.filter((d) => d.label !== entry.label).map((d) => ({ label: d.label, range: d.labelRange, start: d.start })),
    ];
    for (const occurrence of occurrences) {
      const diagnostic: BriefDiagnostic = diagnosticFor(
        Codes.footnoteLabelCase,
        `[^${occurrence.label}] and [^${entry.label}] differ only in capitals: GitHub reads them as one note, Pandoc as two. Write the label as [^${entry.label}] everywhere.`,
        occurrence.range,
      );
      const labelStart = occurrence.start + 2;
      found.push(
        finding(diagnostic, () => [
          {
            title: `Write [^${occurrence.label}] as [^${entry.label}]`,
            kind: 'quickfix',
            edits: [{ range: document.lines.rangeAt(labelStart, labelStart + occurrence.label.length), newText: entry.label }],
            isPreferred: true,
          },
        ]),
      );
    }
  }
  return found;
}
