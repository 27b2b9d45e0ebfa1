import { LineIndex, type Position } from '../../src/core';

export const CURSOR = '$$CURSOR$$';

/** Fixture text with one `$$CURSOR$$`: the text without it and the cursor's position. */
export function withCursor(source: string): { text: string; position: Position } {
  const at = source.indexOf(CURSOR);
  if (at < 0 || source.indexOf(CURSOR, at + 1) >= 0) throw new Error('The fixture needs exactly one $$CURSOR$$');
  const text = source.slice(0, at) + source.slice(at + CURSOR.length);
  return { text, position: new LineIndex(text).positionAt(at) };
}
