import type { BriefDocument, Sentence } from '../../document';
import { replaceOffsets } from '../../edits';
import { FootnoteIndex } from '../footnotes/footnoteIndex';
import { cursorInNewNote, definitionInsertion } from '../footnotes/newFootnote';
import type { BriefCodeAction, BriefCommand } from '../../language';
import type { Range } from '../../types';
import { IGNORE_MARKER } from './claimDetector';
import { Codes } from '../../diagnosticCodes';

/** Where the sentence's final punctuation starts, so a citation can go before it ("… [@key]."). */
function finalPunctuation(document: BriefDocument, sentence: Sentence): number {
  let at = sentence.end;
  while (at > sentence.start && /[”"’')\]*_]/.test(document.text[at - 1])) at--;
  while (at > sentence.start && /[.!?…]/.test(document.text[at - 1])) at--;
  return at;
}

/**
 * Fixes for an uncited claim: add a footnote after the sentence (with an empty note, the
 * cursor in it); cite with `[@…]` when a bibliography is loaded; or mark it as not a claim.
 */
export function claimCodeActions(document: BriefDocument, sentences: Sentence[], hasBibliography: boolean, showPosition: string): BriefCodeAction[] {
  const actions: BriefCodeAction[] = [];
  for (const sentence of sentences) {
    const diagnosticRanges: Range[] = [sentence.range];
    const label = FootnoteIndex.of(document).nextLabel();
    const insertion = definitionInsertion(document, `[^${label}]: `);
    const marker = { start: sentence.end, end: sentence.end, text: `[^${label}]` };
    actions.push({
      title: `Add footnote [^${label}] to this sentence`,
      kind: 'quickfix',
      diagnosticCodes: [Codes.claimUncited.code],
      diagnosticRanges,
      edits: [replaceOffsets(document, marker.start, marker.end, marker.text), replaceOffsets(document, insertion.offset, insertion.offset, insertion.text)],
      command: showCommand(showPosition, document.uri, cursorInNewNote(document.text, [marker], insertion)),
      isPreferred: true,
    });
    if (hasBibliography) {
      const at = finalPunctuation(document, sentence);
      const position = document.lines.positionAt(at);
      actions.push({
        title: 'Cite a source with [@…]',
        kind: 'quickfix',
        diagnosticCodes: [Codes.claimUncited.code],
        diagnosticRanges,
        edits: [replaceOffsets(document, at, at, ' [@]')],
        command: showCommand(showPosition, document.uri, { line: position.line, character: position.character + 3 }),
      });
    }
    actions.push({
      title: 'Not a claim: stop flagging this sentence',
      kind: 'quickfix',
      diagnosticCodes: [Codes.claimUncited.code],
      diagnosticRanges,
      edits: [replaceOffsets(document, sentence.end, sentence.end, ` ${IGNORE_MARKER}`)],
    });
  }
  return actions;
}

function showCommand(command: string, uri: string, position: { line: number; character: number }): BriefCommand {
  return { title: 'Go to where the source goes', command, arguments: [uri, position] };
}
