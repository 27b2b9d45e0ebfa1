import { strict as assert } from 'node:assert';
import { LineIndex } from '../../src/core';

describe('LineIndex', () => {
  it('maps offsets across LF, CRLF and lone CR line endings', () => {
    const lines = new LineIndex('a\nbc\r\nd\re');
    assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(2), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 2 });
    assert.deepEqual(lines.positionAt(6), { line: 2, character: 0 });
    assert.deepEqual(lines.positionAt(8), { line: 3, character: 0 });
    assert.equal(lines.lineCount, 4);
  });

  it('counts astral characters as two UTF-16 code units, as LSP does', () => {
    const text = 'x 😀𝔘 [^1]';
    const lines = new LineIndex(text);
    assert.deepEqual(lines.positionAt(text.indexOf('[^1]')), { line: 0, character: 7 });
  });

  it('converts positions back to offsets, clamping past the end of a line before its break', () => {
    const lines = new LineIndex('ab\r\ncd');
    assert.equal(lines.offsetAt({ line: 1, character: 1 }), 5);
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(lines.offsetAt({ line: 9, character: 0 }), 6);
  });
});
