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

  it('cuts a run of notes, and a list, before each note or item, though no blank line parts them', () => {
    assert.deepEqual(chunkTexts('[^1]: One.\n[^2]: Two,\n  continued.\n[^3]: Three.\n'), ['[^1]: One.\n', '[^2]: Two,\n  continued.\n', '[^3]: Three.\n']);
    assert.deepEqual(chunkTexts('## Bibliography\n\n- Doe. 2020.\n- Roe. 2021.\n'), ['## Bibliography\n\n', '- Doe. 2020.\n', '- Roe. 2021.\n']);
    // A lazy line keeps a bullet run cuttable (the next bullet interrupts its paragraph) ...
    assert.deepEqual(chunkTexts('- Doe. 2020. A long\ntitle.\n- Roe. 2021.\n'), ['- Doe. 2020. A long\ntitle.\n', '- Roe. 2021.\n']);
    // ... but not an ordered one: `2.` does not interrupt a paragraph that is not an item's.
    assert.deepEqual(chunkTexts('1. Doe.\n2. Roe.\n'), ['1. Doe.\n', '2. Roe.\n']);
    assert.deepEqual(chunkTexts('1. Doe.\nlazy.\n2. Roe.\n'), ['1. Doe.\nlazy.\n2. Roe.\n']);
    // `[^ 2]:` is a link definition on GitHub, not a note.
    assert.deepEqual(chunkTexts('[^1]: One.\n[^ 2]: Two.\n'), ['[^1]: One.\n[^ 2]: Two.\n']);
  });

  it('does not cut where a fence or an HTML block could swallow the next line', () => {
    assert.deepEqual(chunkTexts('- a\n  ```\n- b\n'), ['- a\n  ```\n- b\n']);
    assert.deepEqual(chunkTexts('<details>\n```\n\n```\n\n<details>\n'), ['<details>\n```\n\n', '```\n\n<details>\n']);
    assert.deepEqual(chunkTexts('- a\n<div>\n- b\n'), ['- a\n<div>\n- b\n']);
  });

  it('ends a fence opened inside an item where the item ends, at a line less indented than its content', () => {
    // cmark-gfm: the item's fence closes at `x`; the fence at column 0 opens a new one.
    assert.deepEqual(chunkTexts('- a\n  ```\nx\n\n```\ncode\n\nmore\n```\n\nEnd.\n'), ['- a\n  ```\nx\n\n', '```\ncode\n\nmore\n```\n\n', 'End.\n']);
  });
});
