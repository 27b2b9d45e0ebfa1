import { strict as assert } from 'node:assert';
import { changeBetween } from '../../src/core/parse/blockSplitter';
import { wordEditOf } from '../../src/core/wordEdit';
import { doc, testService } from '../helpers/service';

const BRIEF = [
  '# Exports',
  '',
  'Exports rose in the second half.[^1] Officials expect a slower year.',
  'See [the ministry report](https://example.org/report) for the tables.',
  '',
  'Okafor (2019) argues that quotas matter. Dr. Mensah disagrees.',
  '',
  '## Bibliography',
  '',
  '- Okafor, Ada. 2019. “Trade.” Press.',
  '',
  '[^1]: Ministry of Trade, annual report.',
  '',
].join('\n');

/** The word edit (if any) found when `typed` replaces `remove` characters right after the first `after` in the brief. */
function wordEditTyping(after: string, typed: string, remove = 0) {
  const at = BRIEF.indexOf(after);
  assert.ok(at >= 0, after);
  const offset = at + after.length;
  const edited = BRIEF.slice(0, offset) + typed + BRIEF.slice(offset + remove);
  const service = testService();
  const previous = service.getDocument(doc(BRIEF, 1));
  return wordEditOf(service.getDocument(doc(edited, 2)), { previous, change: changeBetween(BRIEF, edited) });
}

describe('word edits', () => {
  it('a letter typed inside a prose word is one, with the line, the start of the word and the sentence before and after', () => {
    assert.deepEqual(wordEditTyping('Exports rose in the sec', 'x'), {
      line: 2,
      column: 20,
      before: 'Exports rose in the second half.[^1]',
      after: 'Exports rose in the secxond half.[^1]',
    });
  });

  it('deleting a letter, or typing a space between words, is one', () => {
    assert.equal(wordEditTyping('Officials expect a s', '', 1)?.after, 'Officials expect a sower year.');
    assert.equal(wordEditTyping('Officials expect', ' not')?.after, 'Officials expect not a slower year.');
  });

  it('a letter typed beside a note marker, inside a link, in a note or in a Bibliography entry is not one', () => {
    assert.equal(wordEditTyping('the second half.[^1]', 'x'), undefined);
    assert.equal(wordEditTyping('[the ministry', 'x'), undefined);
    assert.equal(wordEditTyping('[^1]: Ministry of Tr', 'x'), undefined);
    assert.equal(wordEditTyping('- Okafor, Ada. 2019. “Tr', 'x'), undefined);
  });

  it('a digit, a newline or a full stop typed in a word is not one', () => {
    assert.equal(wordEditTyping('Officials exp', '7'), undefined);
    assert.equal(wordEditTyping('Officials exp', '\n'), undefined);
    assert.equal(wordEditTyping('Officials exp', '.'), undefined);
  });

  it('a change that moves where a sentence ends is not one', () => {
    // "Dr." does not end a sentence; "Dx." does, so the paragraph has one sentence more.
    assert.equal(wordEditTyping('quotas matter. D', 'x', 1), undefined);
  });

  it('an author-date citation\'s name is an edit like any other: the sources feature decides what it changes', () => {
    // The run of letters is a word of prose; whether the citation still matches an entry is for
    // the check that reads author-date citations (its unchangedByWordEdit) to say.
    assert.deepEqual(wordEditTyping('Okaf', 'x'), {
      line: 5,
      column: 0,
      before: 'Okafor (2019) argues that quotas matter.',
      after: 'Okafxor (2019) argues that quotas matter.',
    });
  });
});

describe('diagnostics after a word edit', () => {
  it('are those of a fresh check, at the moved columns, and their quick fixes edit the new text', () => {
    const text = 'Exports fell by 4 percent in 2023 after the quota. Exports rose by 9 percent in 2024.[^1]\n\n[^1]: A note.\n[^2]: Unused.\n';
    const service = testService();
    service.computeDiagnostics(doc(text, 1));
    const edited = text.replace('Exports fell', 'Exports fexll');
    const after = service.computeDiagnostics(doc(edited, 2));
    assert.deepEqual(after, testService().computeDiagnostics(doc(edited, 2)));
    const unused = after.find((d) => d.code === 'footnote.unused');
    assert.ok(unused, JSON.stringify(after));
    assert.deepEqual(unused.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } });
    const fix = service.getCodeActions(doc(edited, 2), unused.range, ['footnote.unused'])[0];
    assert.ok(fix, 'a quick fix for the unused note');
    assert.equal(service.applyEdits(doc(edited, 2), fix.edits), edited.replace('[^2]: Unused.\n', ''));
  });
});
