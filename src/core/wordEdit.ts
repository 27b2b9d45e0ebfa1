import type { BriefDocument, FootnoteDefinition, Sentence } from './document';
import type { VersionEdit } from './documentStore';
import { touches } from './text/touchingRange';
import type { Span } from './types';
import { sameAuthorDateWorks } from './references/authorDateMatches';

/**
 * A change inside a word, the commonest keystroke: letters (and spaces between them) typed or
 * deleted within a run of letters that stands between plain punctuation or spaces, in a prose
 * sentence, a footnote's text or a Bibliography entry, touching no note marker, citation, link or
 * code, and leaving every prose sentence where it was. Everything in the brief but those words is
 * as before, at the same line and column, except what follows the change on its line.
 */
export interface WordEdit {
  /** What the changed words are in. */
  within: 'sentence' | 'note' | 'entry';
  /** The line of the change, and the column where the changed run of letters starts. */
  line: number;
  column: number;
  /** The sentence's text, the note's or the entry's, before and after the change. */
  before: string;
  after: string;
}

const LETTER = /\p{L}/u;
/** A run of letters, with single or repeated spaces only between letters. */
const WORDS = /^\p{L}(?:[\p{L} ]*\p{L})?$/u;
const ONLY_LETTERS_AND_SPACES = /^[\p{L} ]*$/u;
/**
 * What may stand on either side of the run: characters no markup, note marker, superscript
 * number, identifier or web address is made of next to a word (a hyphen joins cross-reference
 * labels such as `@fig-map`, so it is not one of them).
 */
const PLAIN_BOUNDARY = /^[\s,.;:!?"'‘’“”—–]$/u;

function isLetter(text: string, at: number): boolean {
  return at >= 0 && at < text.length && LETTER.test(text[at]);
}

function plainBoundary(text: string, at: number): boolean {
  return at < 0 || at >= text.length || PLAIN_BOUNDARY.test(text[at]);
}

/** The pieces of a version that a word edit must leave alone, each as the spans it covers. */
function markup(document: BriefDocument): Array<readonly Span[]> {
  return [
    document.footnoteReferences,
    document.citations,
    document.verbatimBlocks,
    document.codeSpans,
    document.links,
    document.inlineNotes,
    document.frontMatter ? [document.frontMatter] : [],
    // A heading names a section (and gives it a cross-reference label); the Bibliography's heading is found by its words.
    document.bibliography ? [document.bibliography.heading] : [],
  ];
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}

function sameCounts(a: BriefDocument, b: BriefDocument): boolean {
  return (
    a.footnoteReferences.length === b.footnoteReferences.length &&
    a.footnoteDefinitions.length === b.footnoteDefinitions.length &&
    a.citations.length === b.citations.length &&
    a.sentences.length === b.sentences.length &&
    a.verbatimBlocks.length === b.verbatimBlocks.length &&
    a.codeSpans.length === b.codeSpans.length &&
    a.links.length === b.links.length &&
    a.inlineNotes.length === b.inlineNotes.length &&
    // A label such as {#fig:map .wide} is made of words; a citation of it resolves or not.
    sameSet(a.crossrefLabels, b.crossrefLabels) &&
    sameSet(a.citationAliases, b.citationAliases) &&
    (a.frontMatter === undefined) === (b.frontMatter === undefined) &&
    a.bibliography?.entries.length === b.bibliography?.entries.length
  );
}

/** The index of the piece holding [start, end], if one does (pieces in reading order, apart; a note's text starts after its label). */
function holding(pieces: readonly Span[], start: number, end: number, startOf: (piece: Span) => number = (piece) => piece.start): number {
  let low = 0;
  let high = pieces.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (pieces[mid].end < end) low = mid + 1;
    else if (startOf(pieces[mid]) > start) high = mid - 1;
    else return mid;
  }
  return -1;
}

function sameSections(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((heading, i) => heading === b[i]));
}

/** Whether a sentence is the same in both versions but for where it is (moved by `delta` from `at` on) and, if `changed`, its words. */
function sameSentence(a: Sentence, b: Sentence, at: number, delta: number, changed: boolean): boolean {
  const moved = (offset: number) => offset + (offset >= at ? delta : 0);
  return (
    b.start === moved(a.start) &&
    b.end === moved(a.end) &&
    b.paragraphStart === moved(a.paragraphStart) &&
    (changed || b.text === a.text) &&
    b.footnoteReferences.length === a.footnoteReferences.length &&
    b.citations.length === a.citations.length &&
    b.links.length === a.links.length &&
    b.container.list === a.container.list &&
    b.container.quote === a.container.quote &&
    b.heading === a.heading &&
    sameSections(a.sections, b.sections)
  );
}

/** Whether the paragraph's sentences around `index` (the changed one) are the same in both versions, but for the change ending at `at`. */
function sameParagraph(before: readonly Sentence[], after: readonly Sentence[], index: number, at: number, delta: number): boolean {
  const paragraph = before[index].paragraphStart;
  let first = index;
  while (first > 0 && before[first - 1].paragraphStart === paragraph) first--;
  for (let i = first; i < before.length && before[i].paragraphStart === paragraph; i++) {
    if (!sameSentence(before[i], after[i], at, delta, i === index)) return false;
  }
  return true;
}

/** Whether every prose sentence is as it was but for where it is: a change in a note or an entry leaves them so. */
function sameSentences(before: readonly Sentence[], after: readonly Sentence[], at: number, delta: number): boolean {
  return before.every((a, i) => sameSentence(a, after[i], at, delta, false));
}

/** Whether the line around [start, end) holds a marker a reader's words can complete, such as `<!-- briefkit-ignore claim -->`. */
function nearIgnoreMarker(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const lineEnd = text.indexOf('\n', end);
  return text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).includes('briefkit-ignore');
}

/** The change from the previous version as a word edit, when it is one. */
export function wordEditOf(document: BriefDocument, edit: VersionEdit | undefined): WordEdit | undefined {
  if (!edit) return undefined;
  const { previous, change } = edit;
  const [old, now] = [previous.text, document.text];
  if (!ONLY_LETTERS_AND_SPACES.test(old.slice(change.start, change.oldEnd)) || !ONLY_LETTERS_AND_SPACES.test(now.slice(change.start, change.newEnd)))
    return undefined;
  let start = change.start;
  while (isLetter(old, start - 1)) start--;
  let oldEnd = change.oldEnd;
  while (isLetter(old, oldEnd)) oldEnd++;
  const delta = change.newEnd - change.oldEnd;
  const newEnd = oldEnd + delta;
  if (!WORDS.test(old.slice(start, oldEnd)) || !WORDS.test(now.slice(start, newEnd)) || !plainBoundary(old, start - 1) || !plainBoundary(old, oldEnd))
    return undefined;
  if (!sameCounts(previous, document)) return undefined;
  const [oldRun, newRun] = [
    { start, end: oldEnd },
    { start, end: newEnd },
  ];
  if (
    markup(previous).some((spans) => spans.some((span) => touches(span, oldRun))) ||
    markup(document).some((spans) => spans.some((span) => touches(span, newRun)))
  )
    return undefined;
  const { line, character: column } = document.lines.positionAt(start);
  const index = holding(previous.sentences, start, oldEnd);
  if (index >= 0) {
    if (holding(document.sentences, start, newEnd) !== index || !sameParagraph(previous.sentences, document.sentences, index, oldEnd, delta)) return undefined;
    const [was, is] = [previous.sentences[index], document.sentences[index]];
    return { within: 'sentence', line, column, before: old.slice(was.start, was.end), after: now.slice(is.start, is.end) };
  }
  if (nearIgnoreMarker(old, start, oldEnd) || nearIgnoreMarker(now, start, newEnd) || !sameSentences(previous.sentences, document.sentences, oldEnd, delta))
    return undefined;
  const noteStart = (note: Span) => (note as FootnoteDefinition).contentStart;
  const note = holding(previous.footnoteDefinitions, start, oldEnd, noteStart);
  if (note >= 0) {
    const [was, is] = [previous.footnoteDefinitions[note], document.footnoteDefinitions[note]];
    if (holding(document.footnoteDefinitions, start, newEnd, noteStart) !== note || is.contentStart !== was.contentStart || is.end !== was.end + delta)
      return undefined;
    return { within: 'note', line, column, before: was.content, after: is.content };
  }
  const entries = [previous.bibliography?.entries ?? [], document.bibliography?.entries ?? []];
  const entry = holding(entries[0], start, oldEnd);
  if (entry < 0 || holding(entries[1], start, newEnd) !== entry) return undefined;
  const [was, is] = [entries[0][entry], entries[1][entry]];
  if (is.start !== was.start || is.end !== was.end + delta) return undefined;
  return { within: 'entry', line, column, before: was.source, after: is.source };
}

/**
 * What a check group reads of a brief. A word edit changes the words of one prose sentence, note or
 * Bibliography entry and nothing else; keptAcross decides from this list alone whether a group's
 * findings still hold.
 * - `markup`: note markers and labels, citations, cross-reference labels, links, code, headings;
 * - `files`: the front matter, bibliography and style files, project files, settings;
 * - `prose`: the words of prose sentences; `proseNames`: of them, only names written with a capital and
 *   "forthcoming" or "n.d."; `proseCitations`: only author-date citations ("Okafor (2019)", "(Doe 2020)");
 * - `noteText`: the words of notes; `entries`: the Bibliography section's entries;
 * - `writtenLabels`: text written like a note's label, `[^…]`, wherever it stands.
 */
export type BriefInput = 'markup' | 'files' | 'prose' | 'proseNames' | 'proseCitations' | 'noteText' | 'entries' | 'writtenLabels';

/** Names that could cite a work in a sentence: words starting with a capital, and "forthcoming" and "n.d." (a year is digits, which no word edit types). */
function namesIn(sentence: string): string {
  // Two patterns: with the `i` flag, \p{Lu} would match every letter, and every keystroke would count.
  return [...(sentence.match(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]*/gu) ?? []), ...(sentence.match(/forthcoming|n\.d\./gi) ?? [])].join(' ');
}

/** What a word edit changed, as the inputs check groups declare. */
export function changedInputs({ within, before, after }: WordEdit): ReadonlySet<BriefInput> {
  const changed = new Set<BriefInput>();
  if (within === 'sentence') {
    changed.add('prose');
    if (namesIn(before) !== namesIn(after)) changed.add('proseNames');
    if (!sameAuthorDateWorks(before, after)) changed.add('proseCitations');
  } else changed.add(within === 'note' ? 'noteText' : 'entries');
  if (before.includes('[^') || after.includes('[^')) changed.add('writtenLabels');
  return changed;
}

/** Whether the findings of a group that reads `reads` hold after the word edit: it changed none of them. */
export function keptAcross(edit: WordEdit, reads: readonly BriefInput[]): boolean {
  const changed = changedInputs(edit);
  return !reads.some((input) => changed.has(input));
}
