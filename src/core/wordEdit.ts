import type { BriefDocument, Sentence } from './document';
import type { VersionEdit } from './documentStore';
import type { Span } from './types';

/**
 * A change inside a word of a prose sentence, the commonest keystroke: letters (and spaces between
 * them) typed or deleted within a run of letters that stands between plain punctuation or spaces,
 * touching no note, citation, link, code, front matter or Bibliography, and leaving every sentence
 * of its paragraph where it was. Everything in the brief but that sentence's words is as before,
 * at the same line and column, except what follows the change on its line.
 */
export interface WordEdit {
  /** The line of the change, and the column where the changed run of letters starts. */
  line: number;
  column: number;
  /** The sentence's text before and after the change. */
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

function touches(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((span) => span.start <= end && span.end >= start);
}

/** The pieces of a version that a word edit must leave alone, each as the spans it covers. */
function markup(document: BriefDocument): Array<readonly Span[]> {
  return [
    document.footnoteReferences,
    document.footnoteDefinitions,
    document.citations,
    document.verbatimBlocks,
    document.codeSpans,
    document.links,
    document.inlineNotes,
    document.frontMatter ? [document.frontMatter] : [],
    document.bibliography ? [document.bibliography] : [],
  ];
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
    a.crossrefLabels.size === b.crossrefLabels.size &&
    a.citationAliases.size === b.citationAliases.size &&
    (a.frontMatter === undefined) === (b.frontMatter === undefined) &&
    a.bibliography?.entries.length === b.bibliography?.entries.length
  );
}

/** The index of the sentence holding [start, end), if one does. */
function sentenceHolding(sentences: readonly Sentence[], start: number, end: number): number {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sentences[mid].end < end) low = mid + 1;
    else if (sentences[mid].start > start) high = mid - 1;
    else return mid;
  }
  return -1;
}

/** Whether the paragraph's sentences around `index` are the same in both versions, moved by `delta` after the change, their words apart. */
function sameParagraph(before: readonly Sentence[], after: readonly Sentence[], index: number, delta: number): boolean {
  const paragraph = before[index].paragraphStart;
  let first = index;
  while (first > 0 && before[first - 1].paragraphStart === paragraph) first--;
  for (let i = first; i < before.length && before[i].paragraphStart === paragraph; i++) {
    const [a, b] = [before[i], after[i]];
    // The changed sentence keeps its start and moves its end; those after it move whole.
    if (b.start !== a.start + (i <= index ? 0 : delta) || b.end !== a.end + (i < index ? 0 : delta) || b.paragraphStart !== a.paragraphStart) return false;
    if (i !== index && b.text !== a.text) return false;
    if (b.footnoteReferences.length !== a.footnoteReferences.length || b.citations.length !== a.citations.length || b.links.length !== a.links.length) return false;
    if (b.container.list !== a.container.list || b.container.quote !== a.container.quote || b.heading !== a.heading || b.sections.join('\u0000') !== a.sections.join('\u0000')) return false;
  }
  return true;
}

/** The change from the previous version as a word edit, when it is one. */
export function wordEditOf(document: BriefDocument, edit: VersionEdit | undefined): WordEdit | undefined {
  if (!edit) return undefined;
  const { previous, change } = edit;
  const [old, now] = [previous.text, document.text];
  if (!ONLY_LETTERS_AND_SPACES.test(old.slice(change.start, change.oldEnd)) || !ONLY_LETTERS_AND_SPACES.test(now.slice(change.start, change.newEnd))) return undefined;
  let start = change.start;
  while (isLetter(old, start - 1)) start--;
  let oldEnd = change.oldEnd;
  while (isLetter(old, oldEnd)) oldEnd++;
  const newEnd = oldEnd + change.newEnd - change.oldEnd;
  if (!WORDS.test(old.slice(start, oldEnd)) || !WORDS.test(now.slice(start, newEnd)) || !plainBoundary(old, start - 1) || !plainBoundary(old, oldEnd)) return undefined;
  if (!sameCounts(previous, document)) return undefined;
  if (markup(previous).some((spans) => touches(spans, start, oldEnd)) || markup(document).some((spans) => touches(spans, start, newEnd))) return undefined;
  const index = sentenceHolding(previous.sentences, start, oldEnd);
  if (index < 0 || sentenceHolding(document.sentences, start, newEnd) !== index) return undefined;
  if (!sameParagraph(previous.sentences, document.sentences, index, newEnd - oldEnd)) return undefined;
  const [was, is] = [previous.sentences[index], document.sentences[index]];
  const { line, character } = document.lines.positionAt(start);
  return { line, column: character, before: old.slice(was.start, was.end), after: now.slice(is.start, is.end) };
}
