import { lineStartOf, opensLine } from '../../text/lineIndex';
import type { BriefDocument } from '../../document';
import { perDocument } from '../../document';
import { Codes, diagnosticFor } from '../../diagnosticCodes';
import { finding, type Finding, type Fix } from '../../feature';
import { replaceOffsets, lineEnding } from '../../edits';
import { normalizeFootnoteLabel } from '../../parse/footnoteLabel';
import type { Span } from '../../types';
import { disjoint, firstEndingAfter, inside } from './legacyMarkers';

/**
 * Notes written so that the reader's tool prints them as text, as cmark-gfm (GitHub) and pandoc's
 * markdown reader read them:
 * - a label with a space inside (`[^Two Words]`): neither reads a note; GitHub takes the line
 *   `[^Two Words]: …` for a link definition, pandoc prints both as they are written;
 * - a space after the caret: the marker `[^ 18]` is note 18 on GitHub and text in pandoc; the
 *   note line `[^ 18]: …` is text in both;
 * - note lines between two lines of dashes: pandoc reads the block as a table, so none of its
 *   notes exists and every marker prints as text; and a note followed directly by a line of
 *   dashes is a heading to pandoc;
 * - a note right below a paragraph, a list item or a quotation, with no blank line between: pandoc
 *   reads it as more of that text (GitHub reads the note).
 */

/** `[^` + a label of up to 200 characters on one line + `]`, and the colon of a note line; sticky, tried at each `[^`. */
const BRACKETED_LABEL = /\[\^([^\][\n\r]{1,200})\](:?)/y;
/** A line of dashes that pandoc can read as a table's border (`----`, `-- ---`), up to three spaces in. */
const DASH_LINE = /^ {0,3}-+(?:[ \t]+-+)*[ \t]*$/gm;
/** The start of a note line, `[^1]:`, up to three spaces in. */
const NOTE_LINE = /^ {0,3}\[\^[^\]\n\r]+\]:/;

interface WrittenLabel extends Span {
  /** The label as GitHub would read it once its spaces are fixed: `Two-Words`, `18`. */
  fixedLabel: string;
  /** The key the writer meant (`Two Words`, `18`), to match markers with their notes. */
  key: string;
  /** A space inside the label, not only after the caret. */
  spaceInside: boolean;
  isNoteLine: boolean;
}

/** Places where nothing is a note: code, and the front matter. */
const verbatim = perDocument((document: BriefDocument): Span[] =>
  disjoint([...document.verbatimBlocks.filter((b) => b.kind === 'code'), ...document.codeSpans, ...(document.frontMatter ? [document.frontMatter] : [])]),
);

/** Every `[^label]` written with white space in it, outside code. */
const spacedLabels = perDocument((document: BriefDocument): WrittenLabel[] => {
  const text = document.text;
  const skip = verbatim(document);
  const found: WrittenLabel[] = [];
  for (let at = text.indexOf('[^'); at >= 0; at = text.indexOf('[^', at + 2)) {
    BRACKETED_LABEL.lastIndex = at;
    const match = BRACKETED_LABEL.exec(text);
    if (!match || !/\s/.test(match[1]) || inside(skip, at) || (at > 0 && text[at - 1] === '\\')) continue;
    const written = match[1].trim();
    if (written === '' || /[\\]/.test(written)) continue;
    const isNoteLine = match[2] === ':' && opensLine(text, at);
    found.push({
      start: at,
      end: at + match[0].length - match[2].length,
      fixedLabel: written.replace(/\s+/g, '-'),
      key: normalizeFootnoteLabel(written),
      spaceInside: /\s/.test(written),
      isNoteLine,
    });
  }
  return found;
});

/**
 * Keys of notes the writer wrote with a space after the caret (`[^ 18]: …`): their markers are
 * not "undefined" — the note is there, written in a way no reader sees, and said so once, on it.
 */
export const notesWrittenWithSpacedLabels = perDocument(
  (document: BriefDocument): ReadonlySet<string> =>
    new Set(
      spacedLabels(document)
        .filter((label) => label.isNoteLine)
        .map((label) => label.key),
    ),
);

/** `footnote.malformed`: note markers and notes that GitHub or pandoc print as text, and notes pandoc reads as a table or heading. */
export function findMalformedNotes(document: BriefDocument): Finding[] {
  return [...findSpacedLabels(document), ...findNotesBetweenDashLines(document), ...findNotesRightBelowText(document)]
    .sort((a, b) => a.position - b.position)
    .map((item) => item.finding);
}

interface Placed {
  position: number;
  finding: Finding;
}

function findSpacedLabels(document: BriefDocument): Placed[] {
  const labels = spacedLabels(document);
  if (labels.length === 0) return [];
  const writtenNoteKeys = new Set(document.footnoteDefinitions.map((def) => def.key));
  const noteKeys = new Set([...writtenNoteKeys, ...notesWrittenWithSpacedLabels(document)]);
  const usedKeys = new Set([...noteKeys, ...document.footnoteReferences.map((ref) => ref.key)]);
  const placed: Placed[] = [];
  for (const label of labels) {
    // A bracket in prose that only looks like a marker (`[^ see above]`) names no note: nothing to say.
    if (!label.isNoteLine && !noteKeys.has(label.key)) continue;
    const written = document.text.slice(label.start, label.end);
    const message = label.spaceInside
      ? label.isNoteLine
        ? `GitHub and pandoc print this note as text: its label ${written} has a space in it, which a note's label cannot have. Write [^${label.fixedLabel}] here and in the markers that point to it.`
        : `GitHub and pandoc print ${written} as text, not as a note marker: a note's label cannot have a space in it. Write [^${label.fixedLabel}] here and in its note.`
      : label.isNoteLine
        ? `GitHub and pandoc print this line as text, not as note [^${label.fixedLabel}]: there is a space after "[^". Write "[^${label.fixedLabel}]:".`
        : `pandoc prints ${written} as text, not as a note marker${writtenNoteKeys.has(label.key) ? ` (GitHub reads it as note ${label.fixedLabel})` : ''}: there is a space after "[^". Write [^${label.fixedLabel}].`;
    placed.push({
      position: label.start,
      finding: finding(diagnosticFor(Codes.footnoteMalformed, message, document.lines.rangeAt(label.start, label.end)), () =>
        spacedLabelFixes(document, label, labels, usedKeys),
      ),
    });
  }
  return placed;
}

function spacedLabelFixes(document: BriefDocument, label: WrittenLabel, labels: readonly WrittenLabel[], usedKeys: ReadonlySet<string>): Fix[] {
  const fixed = `[^${label.fixedLabel}]`;
  if (!label.spaceInside)
    return [{ title: `Write ${fixed}`, kind: 'quickfix', edits: [replaceOffsets(document, label.start, label.end, fixed)], isPreferred: true }];
  // A new label another note already has would merge two notes.
  if (usedKeys.has(normalizeFootnoteLabel(label.fixedLabel))) return [];
  const same = labels.filter((other) => other.key === label.key);
  return [
    {
      title: `Write ${fixed} in the note and its ${same.length - 1 === 1 ? 'marker' : 'markers'}`,
      kind: 'quickfix',
      edits: same.map((other) => replaceOffsets(document, other.start, other.end, fixed)),
      isPreferred: true,
    },
  ];
}

/** The start of the line before the one starting at `lineStart`, and that line's text. */
function lineBefore(text: string, lineStart: number): { start: number; text: string } | undefined {
  if (lineStart === 0) return undefined;
  const end = text[lineStart - 1] === '\n' && text[lineStart - 2] === '\r' ? lineStart - 2 : lineStart - 1;
  const start = lineStartOf(text, end);
  return { start, text: text.slice(start, end) };
}

function lineAfter(text: string, lineEnd: number): string {
  const start = text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? lineEnd + 2 : lineEnd + 1;
  const [newline, carriageReturn] = [text.indexOf('\n', start), text.indexOf('\r', start)];
  const end = Math.min(newline < 0 ? text.length : newline, carriageReturn < 0 ? text.length : carriageReturn);
  return text.slice(start, end);
}

/**
 * Lines of dashes around notes. Pandoc reads `----` after a blank line, with a note on the very
 * next line and another line of dashes anywhere below, as a table that runs between them; and a
 * note followed directly by a line of dashes as a heading (GitHub reads both lines as rules).
 */
function findNotesBetweenDashLines(document: BriefDocument): Placed[] {
  const text = document.text;
  const skip = verbatim(document);
  const dashLines = [...text.matchAll(DASH_LINE)]
    .map((match) => ({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length }))
    .filter((line) => (text.slice(line.start, line.end).match(/-/g) ?? []).length >= 3 && !inside(skip, line.start));
  const notes = document.footnoteDefinitions;
  const placed: Placed[] = [];
  const newline = lineEnding(text);
  for (let i = 0; i < dashLines.length; i++) {
    const line = dashLines[i];
    const before = lineBefore(text, line.start);
    const closing = dashLines[i + 1];
    if ((!before || before.text.trim() === '') && NOTE_LINE.test(lineAfter(text, line.end)) && closing) {
      const lineNumber = (offset: number) => document.lines.positionAt(offset).line + 1;
      const closingBefore = lineBefore(text, closing.start)!;
      const fix: Fix = {
        title: 'Leave blank lines around the lines of dashes',
        kind: 'quickfix',
        edits: [
          replaceOffsets(document, line.end, line.end, newline),
          ...(closingBefore.text.trim() === '' ? [] : [replaceOffsets(document, closing.start, closing.start, newline)]),
        ],
        isPreferred: true,
      };
      placed.push({
        position: line.start,
        finding: finding(
          diagnosticFor(
            Codes.footnoteMalformed,
            `pandoc reads the notes below this line of dashes as a table that ends at the dashes on line ${lineNumber(closing.start)}: none of them is a note, and every marker prints as text. Leave a blank line after this line of dashes and before the one on line ${lineNumber(closing.start)}.`,
            document.lines.rangeAt(line.start, line.end),
          ),
          () => [fix],
        ),
      });
      i++;
      continue;
    }
    // The note on the line above, when the line of dashes follows its text directly.
    const note = before && before.text.trim() !== '' ? firstEndingAfter(notes, before.start) : undefined;
    if (!note || note.start > before!.start || note.end < before!.start + before!.text.trimEnd().length) continue;
    placed.push({
      position: line.start,
      finding: finding(
        diagnosticFor(
          Codes.footnoteMalformed,
          `pandoc reads note [^${note.label}] as a heading, because this line of dashes follows it directly: the note is lost and its marker prints as text. Leave a blank line above this line.`,
          document.lines.rangeAt(line.start, line.end),
        ),
        () => [
          {
            title: 'Leave a blank line above the line of dashes',
            kind: 'quickfix',
            edits: [replaceOffsets(document, line.start, line.start, newline)],
            isPreferred: true,
          },
        ],
      ),
    });
  }
  return placed;
}

/** Notes whose line follows a line of running text directly: pandoc reads them as more of that text. */
function findNotesRightBelowText(document: BriefDocument): Placed[] {
  const { text, sentences } = document;
  const placed: Placed[] = [];
  const newline = lineEnding(text);
  for (const note of document.footnoteDefinitions) {
    const lineStart = document.lines.lineStart(document.lines.positionAt(note.start).line);
    const before = lineBefore(text, lineStart);
    if (!before || before.text.trim() === '') continue;
    const lastCharacter = before.start + before.text.trimEnd().length - 1;
    const sentence = firstEndingAfter(sentences, lastCharacter);
    if (!sentence || sentence.start > lastCharacter || sentence.container.table) continue;
    placed.push({
      position: note.start,
      finding: finding(
        diagnosticFor(
          Codes.footnoteMalformed,
          `pandoc reads note [^${note.label}] as more of the text above it, because no blank line separates them: the note is lost and its marker prints as text (GitHub reads it). Leave a blank line above the note.`,
          note.labelRange,
        ),
        () => [
          { title: 'Leave a blank line above the note', kind: 'quickfix', edits: [replaceOffsets(document, lineStart, lineStart, newline)], isPreferred: true },
        ],
      ),
    });
  }
  return placed;
}
