import { strict as assert } from 'node:assert';
import { splitIntoChunks } from '../../src/core/parse/blockSplitter';

function chunkTexts(text: string): string[] {
  return splitIntoChunks(text).map((c) => c.text);
}

describe('splitIntoChunks', () => {
  it('splits at column-0 lines after blank lines and keeps every character', () => {
    const text = '# Title\n\nFirst para.\n\nSecond para.\n';
    const chunks = chunkTexts(text);
    assert.deepEqual(chunks, ['# Title\n\n', 'First para.\n\n', 'Second para.\n']);
    assert.equal(chunks.join(''), text);
  });

  it('keeps indented continuations (list items, multi-paragraph footnotes) in one chunk', () => {
    const text = '[^1]: First paragraph.\n\n    Second paragraph of the note.\n\nNext.\n';
    assert.deepEqual(chunkTexts(text), ['[^1]: First paragraph.\n\n    Second paragraph of the note.\n\n', 'Next.\n']);
  });

  it('never splits inside fenced code or an HTML comment', () => {
    const text = '```\ncode\n\nnot a block\n```\n\n<!-- a\n\nb -->\n\nEnd.\n';
    assert.deepEqual(chunkTexts(text), ['```\ncode\n\nnot a block\n```\n\n', '<!-- a\n\nb -->\n\n', 'End.\n']);
  });

  it('keeps front matter whole, even with blank lines, and marks it', () => {
    const chunks = splitIntoChunks('---\ntitle: A\n\nbibliography: x.bib\n---\n\nBody.\n');
    assert.deepEqual(
      chunks.map((c) => [c.text, c.isFrontMatter]),
      [
        ['---\ntitle: A\n\nbibliography: x.bib\n---\n', true],
        ['\nBody.\n', false],
      ],
    );
  });

  it('handles CRLF and a document without a final newline', () => {
    assert.deepEqual(chunkTexts('A.\r\n\r\nB.'), ['A.\r\n\r\n', 'B.']);
  });
});
