import { doc, testService } from '../helpers/service';
import { assertGrowsLinearly } from '../helpers/growth';
import { parseBibliographyFile } from '../../src/core/bibliographyFiles/bibliographyFile';

/**
 * Shapes that were quadratic, each checked at the size where it first took seconds and at ten
 * times that: they take seconds no longer, and the larger run may take at most 30 times as long
 * (a quadratic shape: 100 times).
 */
/** A brief that cites its Bibliography by author and date, so every sentence's citations are matched against it, with `text` in the middle. */
const citingBrief = (text: string) =>
  `Outages rose (Okafor 2025).\n\n${text}\n\n## References\n\n- Okafor, Adaeze. 2025. “Storm Outages.” *Energy Policy Review* 14: 33–51.\n`;

const SHAPES: Array<{ name: string; n: number; make: (n: number) => string }> = [
  // GFM's footnote extension searched back over the paragraph at every `]`: 10,000 took 0.9 s, 100,000 49.6 s.
  { name: '] repeated in one paragraph', n: 10_000, make: (n) => ']'.repeat(n) },
  // 100 KB took 21.7 s, 300 KB over 120 s.
  { name: ']( repeated in one paragraph', n: 100_000, make: (n) => ']('.repeat(n / 2) },
  // Every `(` scanned to the end for a `)`: 100,000 characters took 1.5 s, 1,000,000 62 s.
  { name: '"(Okafor 2025; " repeated with no closing parenthesis', n: 100_000, make: (n) => citingBrief('(Okafor 2025; '.repeat(n / 14)) },
  // Every `[[` scanned to the line's end for `]]`: 80,000 characters took 4.6 s.
  { name: 'an Obsidian link "[[a2020|" repeated, never closed', n: 10_000, make: (n) => citingBrief('[[a2020|'.repeat(n / 8)) },
];

describe('work grows linearly at ten times the size where it took seconds', function () {
  this.timeout(120000);

  // yaml's check that a mapping's keys differ compared each key with every other: 20,000 keys took 4.6 s.
  it('reading a CSL-YAML bibliography whose entry has thousands of fields', async () => {
    const entry = (n: number) => `- id: a\n  title: T\n${Array.from({ length: n }, (_, i) => `  k${i}: v`).join('\n')}\n`;
    await assertGrowsLinearly('a CSL-YAML entry with n fields', 2_000, entry, (text) => parseBibliographyFile('file:///refs.yaml', text), 10);
  });

  for (const { name, n, make } of SHAPES) {
    it(`checking a brief: ${name}`, async () => {
      await assertGrowsLinearly(name, n, make, (text) => testService().computeDiagnostics(doc(text)), 10);
    });
  }
});
