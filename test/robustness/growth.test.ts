import { strict as assert } from 'node:assert';
import { doc, testService } from '../helpers/service';
import { parseBibliographyFile } from '../../src/core/bibliographyFiles/bibliographyFile';
import { scanBibtex } from '../../src/core/bibliographyFiles/bibtexScan';
import { applyFixes, FIXES } from '../../src/cli/fix';
import { createCliService } from '../../src/cli/cliService';

/**
 * Hostile shapes of text, each made at n and 8n characters: the work on 8n may grow at most a
 * little faster than 8 times (a quadratic pattern grows 64 times, a cubic one 512). Nothing here
 * is a time limit: each case is compared with itself, on the same machine, in the same run.
 */
const N = 10_000;
/** How many times faster than the text the work may grow: 24 times at 8n. */
const GROWTH = 3;
/**
 * Below this a run is too short to compare: one garbage collection in the larger run (seen: 7 ms at
 * n, 166 ms at 8n on a linear shape) would read as growth. Quadratic shapes take seconds at 8n.
 */
const FLOOR_MS = 20;

const BRIEF_SHAPES: Record<string, (n: number) => string> = {
  'a quotation mark that never closes': (n) => `The minister said “${'word '.repeat(n / 5)}`,
  '[@ repeated': (n) => '[@'.repeat(n / 2),
  'runs of “': (n) => '“'.repeat(n),
  '1,1,1,…': (n) => '1,'.repeat(n / 2),
  'a.[^ repeated': (n) => 'a.[^'.repeat(n / 4),
  'lines of dashes with notes between': (n) => `A.[^1]\n${'\n----\n[^1]: x\n'.repeat(n / 13)}`,
  'notes one per line after a long paragraph': (n) => `${'word '.repeat(n / 10)}\n\n${'[^1]: a\n'.repeat(n / 16)}`,
  'notes with spaced labels, one per line': (n) => `A.[^a b]\n\n${'[^a b]: x\n'.repeat(n / 10)}`,
  'a note ending in "accessed" and spaces': (n) => `Claim.[^1]\n\n[^1]: Source, accessed${' '.repeat(n)}x\n`,
  'a note address followed by dots and <x': (n) => `Claim.[^1]\n\n[^1]: See https://example.org/a${'.'.repeat(n)}<x\n`,
  'a DOI followed by dots and <x': (n) => `Claim.[^1]\n\n[^1]: See doi:10.1234/abc${'.'.repeat(n)}<x\n`,
  'dot leaders': (n) => `Chapter one${'.'.repeat(n)} 5\n`,
  '[{ repeated': (n) => '[{'.repeat(n / 2),
  '^[ repeated': (n) => '^['.repeat(n / 2),
  'a¹a¹…': (n) => 'a¹'.repeat(n / 2),
  'a Bibliography address with many dots': (n) =>
    `Text.[^1]\n\n[^1]: Doe, “T,” 2020.\n\n## Bibliography\n\n- Doe, Jane. “T.” https://x.org/${'.'.repeat(n)}x\n`,
  'runs of <': (n) => '<'.repeat(n),
  'runs of backslashes': (n) => `${'\\'.repeat(n)}[^1]`,
  '{# repeated': (n) => '{#'.repeat(n / 2),
  'notes nested in notes': (n) => '[^1]:'.repeat(n / 5),
  'authors joined by "and"': (n) => `Text.[^1]\n\n[^1]: ${'A and '.repeat(n / 6)}\n`,
  // remark itself is quadratic on these; it is given a guarded copy (src/core/parse/remarkGuards.ts).
  '[a]( repeated': (n) => '[a]('.repeat(n / 4),
  '[^1] repeated in one paragraph': (n) => '[^1]'.repeat(n / 4),
  'lists nested thousands deep': (n) => '1. '.repeat(n / 3),
  '$ that opens math and @ in it, repeated': (n) => '$a @k '.repeat(n / 6),
  'math and a citation after it, repeated in one paragraph': (n) => '$a$ @k '.repeat(n / 7),
};

/** One run, in milliseconds. Each size runs once: a repeat would find its sentences and references in the caches. */
function measure(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function assertLinear(name: string, run: (n: number) => void, scale = 8): void {
  run(N / 2); // warm: compile the code paths, on text of another size so nothing is cached for the runs below
  const small = Math.max(
    measure(() => run(N)),
    FLOOR_MS,
  );
  const large = measure(() => run(scale * N));
  assert.ok(
    large <= GROWTH * scale * small,
    `${name}: ${small.toFixed(0)} ms at ${N} characters, ${large.toFixed(0)} ms at ${scale * N}: more than ${GROWTH * scale} times`,
  );
}

describe('work grows linearly on hostile text', function () {
  this.timeout(300000);

  for (const [name, make] of Object.entries(BRIEF_SHAPES)) {
    it(`checking a brief: ${name}`, () => {
      assertLinear(name, (n) => {
        testService().computeDiagnostics(doc(make(n)));
      });
    });
  }

  it('checking a brief: 2,000 `![` before 100 KB of words and their 2,000 `]` after cost little more than the words', () => {
    // Linear in the words, but each `]` used to read all of them again: 23 s at 200 KB.
    const words = 'Storms grew. '.repeat(8_000);
    const check = (text: string) => measure(() => testService().computeDiagnostics(doc(text)));
    check(words.slice(0, 5_000));
    const plain = Math.max(check(words), FLOOR_MS);
    const bracketed = check(`${'!['.repeat(2_000)}${words}${']'.repeat(2_000)}`);
    assert.ok(bracketed <= 4 * plain, `${plain.toFixed(0)} ms for the words, ${bracketed.toFixed(0)} ms with the brackets around them`);
  });

  it('reading RIS records that never end (TY lines, no ER)', () => {
    assertLinear('RIS', (n) => parseBibliographyFile('file:///a.ris', 'TY  - JOUR\nTI  - A title\n'.repeat(n / 25)));
  });

  it('finding BibTeX entries that never close, and lines inside a value that look like entries', () => {
    assertLinear('BibTeX', (n) => scanBibtex(`${'@misc{k, title = {x\n'.repeat(n / 40)}@misc{k, note = {${'\n@book{x}'.repeat(n / 18)}}}\n`));
  });

  it('briefkit fix on ordinary prose with notes and uncited claims', () => {
    const paragraph = 'Exports fell 12 percent in 2023 after the ministry announced new tariffs on May 4. The minister said the policy would continue. ';
    const prose = (n: number) => {
      let text = '';
      let notes = '';
      for (let i = 1; text.length < n; i++) {
        text += `${paragraph}${i % 2 === 0 ? `[^${i}]` : ''}\n\n`;
        if (i % 2 === 0) notes += `[^${i}]: Source ${i}.\n`;
      }
      return `${text}${notes}`;
    };
    const service = createCliService();
    assertLinear('fix', (n) => applyFixes(service, 'file:///prose.md', prose(n), FIXES));
  });

  it('briefkit fix on a brief of code fences, at 10 times the size', () => {
    // Converting pasted notes once looked up every code block for each line.
    const fences = (n: number) => 'Costs rose.¹\n\n¹ Okafor, 2024.\n\n' + '```\n'.repeat(n / 4);
    const service = createCliService();
    assertLinear('fix on fences', (n) => applyFixes(service, 'file:///fences.md', fences(n), FIXES), 10);
  });
});
