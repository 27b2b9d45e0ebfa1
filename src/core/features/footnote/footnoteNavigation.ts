import type { BriefDocument } from '../../document';
import type { TextEdit } from '../../edits';
import { trimEndOf } from '../../text/trim';
import { BriefUserError, type BriefHover, type BriefLink, type BriefLocation, type BriefSymbol } from '../../language';
import { normalizeFootnoteLabel } from '../../parse/footnoteLabel';
import type { Range } from '../../types';
import { FootnoteIndex, type FootnoteAt } from '../../notes/footnoteIndex';
import { noteMarkdown, noteSummary } from './noteText';

function lineList(ranges: Range[]): string {
  const lines = [...new Set(ranges.map((r) => r.start.line + 1))];
  return lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
}

/** The range of the label between `[^` and `]`. */
function labelRange(document: BriefDocument, at: FootnoteAt): Range {
  const start = at.kind === 'reference' ? at.reference.start : at.definition.start;
  const end = at.kind === 'reference' ? at.reference.end : document.lines.offsetAt(at.definition.labelRange.end);
  return document.lines.rangeAt(start + 2, end - 1);
}

export function footnoteHover(document: BriefDocument, offset: number): BriefHover | undefined {
  const at = FootnoteIndex.of(document).at(offset);
  if (!at) return inlineNoteHover(document, offset);
  const { entry } = at;
  if (at.kind === 'reference') {
    const note = entry.definitions[0];
    const body = note ? noteMarkdown(note.content) || '*This note is empty.*' : `*No note yet.* Add a line \`[^${entry.label}]: \` with the note's text.`;
    return { contents: `**Footnote [^${entry.label}]**\n\n${body}`, range: at.reference.range };
  }
  const cited = entry.references.length;
  return {
    contents:
      cited === 0
        ? `**Footnote [^${entry.label}]** is never cited in the text.`
        : `**Footnote [^${entry.label}]** is cited ${cited === 1 ? 'once' : `${cited} times`}, on ${lineList(entry.references.map((r) => r.range))}.`,
    range: at.definition.labelRange,
  };
}

export function footnoteDefinition(document: BriefDocument, offset: number): BriefLocation[] {
  const at = FootnoteIndex.of(document).at(offset);
  return at ? at.entry.definitions.map((d) => ({ uri: document.uri, range: d.labelRange })) : [];
}

export function footnoteReferences(document: BriefDocument, offset: number, includeDeclaration: boolean): BriefLocation[] {
  const at = FootnoteIndex.of(document).at(offset);
  if (!at) return [];
  const ranges = [...(includeDeclaration ? at.entry.definitions.map((d) => d.labelRange) : []), ...at.entry.references.map((r) => r.range)];
  return ranges.map((range) => ({ uri: document.uri, range }));
}

export function prepareFootnoteRename(document: BriefDocument, offset: number): { range: Range; placeholder: string } | undefined {
  const at = FootnoteIndex.of(document).at(offset);
  return at ? { range: labelRange(document, at), placeholder: at.kind === 'reference' ? at.reference.label : at.definition.label } : undefined;
}

/** Why a footnote label is not valid, in words a writer can act on; undefined when it is valid. */
export function invalidLabelReason(label: string): string | undefined {
  if (label.length === 0) return 'A footnote label cannot be empty.';
  if (/\s/.test(label)) return `"${label}" has a space in it; footnote labels cannot contain spaces. Try "${label.replace(/\s+/g, '-')}".`;
  if (/[[\]^]/.test(label)) return `"${label}" contains [, ] or ^, which footnote labels cannot contain.`;
  if (label.length > 999) return 'A footnote label can be at most 999 characters long.';
  return undefined;
}

export function renameFootnote(document: BriefDocument, offset: number, newLabel: string): TextEdit[] {
  const index = FootnoteIndex.of(document);
  const at = index.at(offset);
  if (!at) throw new BriefUserError('Put the cursor on a footnote marker [^label] or a note label to rename it.');
  const reason = invalidLabelReason(newLabel);
  if (reason) throw new BriefUserError(reason);
  const clash = index.get(normalizeFootnoteLabel(newLabel));
  if (clash && clash !== at.entry) {
    throw new BriefUserError(`Footnote [^${clash.label}] already exists. Choose another label, or renumber the footnotes instead.`);
  }
  const edits: TextEdit[] = [];
  for (const reference of at.entry.references) {
    edits.push({ range: labelRange(document, { kind: 'reference', entry: at.entry, reference }), newText: newLabel });
  }
  for (const definition of at.entry.definitions) {
    edits.push({ range: labelRange(document, { kind: 'definition', entry: at.entry, definition }), newText: newLabel });
  }
  return edits;
}

export function footnoteSymbols(document: BriefDocument): BriefSymbol[] {
  const notes: BriefSymbol[] = document.footnoteDefinitions.map((definition) => ({
    name: `[^${definition.label}]`,
    detail: noteSummary(definition.content, 60),
    kind: 'footnote',
    range: definition.range,
    selectionRange: definition.labelRange,
  }));
  const inline: BriefSymbol[] = document.inlineNotes.map((note) => ({
    name: '^[…]',
    detail: noteSummary(note.content, 60),
    kind: 'footnote',
    range: note.range,
    selectionRange: document.lines.rangeAt(note.start, note.start + 2),
  }));
  return [...notes, ...inline].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** The inline note whose `^[` opens at `offset`, shown on hover like a marker's note. */
function inlineNoteHover(document: BriefDocument, offset: number): BriefHover | undefined {
  const note = document.inlineNotes.find((n) => n.start <= offset && offset <= n.start + 2);
  return note
    ? { contents: `**Inline note**\n\n${noteMarkdown(note.content) || '*This note is empty.*'}`, range: document.lines.rangeAt(note.start, note.start + 2) }
    : undefined;
}

const BARE_URL = /(?<![<(\w])https?:\/\/[^\s<>"'`]+/g;

/** Bare web addresses in notes, as clickable links (autolinks and [text](url) are the Markdown extension's). */
export function footnoteLinks(document: BriefDocument): BriefLink[] {
  const links: BriefLink[] = [];
  for (const definition of document.footnoteDefinitions) {
    for (const match of definition.content.matchAll(BARE_URL)) {
      const url = trimEndOf(match[0], '.,;:!?)]');
      const start = definition.contentStart + (match.index ?? 0);
      links.push({ range: document.lines.rangeAt(start, start + url.length), target: url });
    }
  }
  return links;
}
