import type { BriefDocument } from '../../document';
import { replaceOffsets } from '../../edits';
import type { BriefCompletionItem, BriefCompletionList } from '../../language';
import { FootnoteIndex } from '../../notes/footnoteIndex';
import { cursorInNewNote, definitionInsertion } from '../../notes/newFootnote';
import { noteMarkdown, noteSummary } from './noteText';
import { SERVER_COMMANDS } from '../../../protocol/commands';

const LABEL_CHAR = /[^\s[\]]/;
/** How much of a note's text shows beside its label in the list, before the details open. */
const DESCRIPTION_LENGTH = 40;

/**
 * Completion after `[^`: every note, in order of appearance, with its text; and a new note.
 * At the start of a line (writing a note), the labels that are cited but have no note yet.
 */
export function completeFootnote(document: BriefDocument, offset: number): BriefCompletionList | undefined {
  const text = document.text;
  const lineStart = document.lines.lineStart(document.lines.positionAt(offset).line);
  const before = text.slice(lineStart, offset);
  const open = /\[\^([^\s[\]^]*)$/.exec(before);
  if (!open) return undefined;
  // An unclosed code span is not in the model yet: count the backticks before the cursor too.
  if (insideCodeSpan(before.slice(0, open.index))) return undefined;
  if ([...document.verbatimBlocks, ...document.codeSpans].some((span) => span.start < offset && offset < span.end)) return undefined;
  const labelStart = offset - open[1].length;
  let labelEnd = offset;
  while (labelEnd < text.length && LABEL_CHAR.test(text[labelEnd]) && text[labelEnd] !== '^') labelEnd++;
  const hasClose = text[labelEnd] === ']';
  const replaceEnd = hasClose ? labelEnd + 1 : labelEnd;
  const index = FootnoteIndex.of(document);
  const isDefinitionLine = /^ {0,3}$/.test(before.slice(0, open.index));

  if (isDefinitionLine) {
    const missing = index.entries.filter((e) => e.definitions.length === 0);
    const items = missing.map((entry, i): BriefCompletionItem => ({
      label: `[^${entry.label}]`,
      kind: 'reference',
      detail: `Cited ${entry.references.length === 1 ? 'once' : `${entry.references.length} times`}, no note yet`,
      filterText: entry.label,
      sortText: String(i).padStart(5, '0'),
      textEdit: replaceOffsets(document, labelStart, replaceEnd, text[replaceEnd] === ':' ? `${entry.label}]` : `${entry.label}]: `),
    }));
    return { isIncomplete: false, items };
  }

  const items: BriefCompletionItem[] = [];
  const label = index.nextLabel();
  const insertion = definitionInsertion(document, `[^${label}]: `);
  const markerEdit = { start: labelStart, end: replaceEnd, text: `${label}]` };
  items.push({
    label: `New footnote [^${label}]`,
    description: 'new note',
    kind: 'new',
    detail: 'Adds the marker and an empty note, and moves the cursor into the note',
    filterText: `${label} new footnote`,
    sortText: '00000',
    textEdit: replaceOffsets(document, labelStart, replaceEnd, markerEdit.text),
    additionalTextEdits: [replaceOffsets(document, insertion.offset, insertion.offset, insertion.text)],
    command: {
      title: 'Go to the new note',
      command: SERVER_COMMANDS.showPosition,
      arguments: [document.uri, cursorInNewNote(document.lines, [markerEdit], insertion)],
    },
  });
  index.entries
    .filter((entry) => entry.definitions.length > 0)
    .forEach((entry, i) => {
      const content = entry.definitions[0].content;
      items.push({
        label: `[^${entry.label}]`,
        description: noteSummary(content, DESCRIPTION_LENGTH) || '(empty note)',
        kind: 'reference',
        detail: noteSummary(content) || '(empty note)',
        documentation: noteMarkdown(content),
        // Typing part of the label or any word of the note finds it.
        filterText: `${entry.label} ${noteSummary(content, 400)}`,
        sortText: String(i + 1).padStart(5, '0'),
        textEdit: replaceOffsets(document, labelStart, replaceEnd, `${entry.label}]`),
      });
    });
  return { isIncomplete: false, items };
}

function insideCodeSpan(textBefore: string): boolean {
  const ticks = textBefore.match(/`+/g) ?? [];
  return ticks.length % 2 === 1;
}
