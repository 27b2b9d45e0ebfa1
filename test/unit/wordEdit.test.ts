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
function wordEditTyping(after: string, typed: string, remove = 0, brief = BRIEF) {
  const at = brief.indexOf(after);
  assert.ok(at >= 0, after);
  const offset = at + after.length;
  const edited = brief.slice(0, offset) + typed + brief.slice(offset + remove);
  const service = testService();
  const previous = service.getDocument(doc(brief, 1));
  return wordEditOf(service.getDocument(doc(edited, 2)), { previous, change: changeBetween(brief, edited) });
}

describe('word edits', () => {
  it('a letter typed inside a prose word is one, with the line, the start of the word and the sentence before and after', () => {
    assert.deepEqual(wordEditTyping('Exports rose in the sec', 'x'), {
      within: 'sentence',
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

  it("a letter typed in a note's words or a Bibliography entry's is one, with the note's or the entry's text", () => {
    assert.deepEqual(wordEditTyping('[^1]: Ministry of Tr', 'x'), {
      within: 'note',
      line: 11,
      column: 18,
      before: 'Ministry of Trade, annual report.',
      after: 'Ministry of Trxade, annual report.',
    });
    assert.deepEqual(wordEditTyping('- Okafor, Ada. 2019. “Tr', 'x'), {
      within: 'entry',
      line: 9,
      column: 22,
      before: '- Okafor, Ada. 2019. “Trade.” Press.',
      after: '- Okafor, Ada. 2019. “Trxade.” Press.',
    });
  });

  it("a letter typed beside a note marker, in a note's label, inside a link or in a heading is not one", () => {
    assert.equal(wordEditTyping('the second half.[^1]', 'x'), undefined);
    assert.equal(wordEditTyping('[^', 'x'), undefined);
    assert.equal(wordEditTyping('[the ministry', 'x'), undefined);
    assert.equal(wordEditTyping('## Bibliogr', 'x'), undefined);
    assert.equal(wordEditTyping('# Expo', 'x'), undefined);
  });

  it('words that could complete a "not a claim" marker on their line are not one', () => {
    const brief = 'Exports rose by 9 percent in 2024.[^1]\n\n[^1]: Trade data.\n[^2]: Later <!-- briefkit-ignore clai -->\n';
    assert.equal(wordEditTyping('Trade da', 'x', 0, brief)?.within, 'note');
    assert.equal(wordEditTyping('briefkit-ignore clai', 'm', 0, brief), undefined);
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

  it("an author-date citation's name is an edit like any other: the sources feature decides what it changes", () => {
    // The run of letters is a word of prose; whether the citation still matches an entry is for
    // the checks that read author-date citations (the `proseCitations` input) to say.
    assert.deepEqual(wordEditTyping('Okaf', 'x'), {
      within: 'sentence',
      line: 5,
      column: 0,
      before: 'Okafor (2019) argues that quotas matter.',
      after: 'Okafxor (2019) argues that quotas matter.',
    });
  });
});

describe('diagnostics after a word edit', () => {
  it("in a note, follow the note's words: a repeated note no longer the same text is reported as different", () => {
    const text = 'Exports rose.[^1]\n\n[^1]: Ministry of Trade.\n[^1]: Ministry of Trade.\n';
    const service = testService();
    const before = service.computeDiagnostics(doc(text, 1)).filter((d) => d.code === 'footnote.duplicate');
    assert.match(before[0].message, /twice with the same text/);
    const edited = text.replace(/Trade\.\n$/, 'Trades.\n');
    const after = service.computeDiagnostics(doc(edited, 2));
    assert.deepEqual(after, testService().computeDiagnostics(doc(edited, 2)));
    assert.match(after.find((d) => d.code === 'footnote.duplicate')!.message, /twice with different text/);
  });

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
