import type { BriefDocument, Sentence } from '../../document';
import { replaceOffsets } from '../../edits';
import { FootnoteIndex } from '../../notes/footnoteIndex';
import { cursorInNewNote, definitionInsertion } from '../../notes/newFootnote';
import type { BriefCommand } from '../../language';
import type { Position } from '../../types';
import type { Fix } from '../../feature';
import { SERVER_COMMANDS } from '../../../protocol/commands';
import { IGNORE_MARKER } from './claimDetector';

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
export function claimFixes(document: BriefDocument, sentence: Sentence, hasBibliography: boolean): Fix[] {
  const label = FootnoteIndex.of(document).nextLabel();
  const insertion = definitionInsertion(document, `[^${label}]: `);
  const marker = { start: sentence.end, end: sentence.end, text: `[^${label}]` };
  const fixes: Fix[] = [
    {
      title: `Add footnote [^${label}] to this sentence`,
      kind: 'quickfix',
      edits: [replaceOffsets(document, marker.start, marker.end, marker.text), replaceOffsets(document, insertion.offset, insertion.offset, insertion.text)],
      command: showCommand(document.uri, cursorInNewNote(document.lines, [marker], insertion)),
      isPreferred: true,
    },
  ];
  if (hasBibliography) {
    const at = finalPunctuation(document, sentence);
    const position = document.lines.positionAt(at);
    fixes.push({
      title: 'Cite a source with [@…]',
      kind: 'quickfix',
      edits: [replaceOffsets(document, at, at, ' [@]')],
      command: showCommand(document.uri, { line: position.line, character: position.character + 3 }),
    });
  }
  fixes.push({
    title: 'Not a claim: stop flagging this sentence',
    kind: 'quickfix',
    edits: [replaceOffsets(document, sentence.end, sentence.end, ` ${IGNORE_MARKER}`)],
  });
  // Without a comment in the text: the sentence is listed in the workspace's .briefkit/not-claims.txt.
  fixes.push({
    title: 'Not a claim in any brief of this workspace (remember this sentence)',
    kind: 'quickfix',
    edits: [],
    command: { title: 'Remember this sentence as not a claim', command: SERVER_COMMANDS.rememberNotClaim, arguments: [document.uri, sentence.text] },
  });
  return fixes;
}

function showCommand(uri: string, position: Position): BriefCommand {
  return { title: 'Go to where the source goes', command: SERVER_COMMANDS.showPosition, arguments: [uri, position] };
}
