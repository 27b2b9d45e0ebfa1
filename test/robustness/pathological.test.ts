import { strict as assert } from 'node:assert';
import { doc, testService } from '../helpers/service';
import { parseBibliographyFile } from '../../src/core/bibliographyFiles/bibliographyFile';

describe('pathological input', function () {
  this.timeout(120000);

  it('checks a 5 MB brief, skips claims past the size limit and says so once', () => {
    const paragraph = 'Exports fell 12 percent in 2023 after the ministry announced new tariffs on May 4. '.repeat(6);
    const text = `${paragraph}\n\n`.repeat(Math.ceil(5_000_000 / (paragraph.length + 2)));
    const diagnostics = testService().computeDiagnostics(doc(text));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [['claim.skipped', 0]],
    );
    assert.match(
      diagnostics[0].message,
      /^This document is 5\.\d million characters long; BriefKit checks for uncited claims in documents up to 2 million characters, so that check was skipped\. The other checks ran\.$/,
    );
  });

  it('handles 10,000 footnotes, a 1 MB line and 400 levels of nested lists and quotes', () => {
    const notes =
      Array.from({ length: 10000 }, (_, i) => `Claim ${i}.[^${i + 1}]`).join(' ') +
      '\n\n' +
      Array.from({ length: 10000 }, (_, i) => `[^${i + 1}]: Source ${i}.`).join('\n') +
      '\n';
    assert.deepEqual(
      testService()
        .computeDiagnostics(doc(notes))
        .filter((d) => d.code.startsWith('footnote.')),
      [],
    );
    const longLine = `${'word '.repeat(200000)}[^x]\n`;
    assert.deepEqual(
      testService()
        .computeDiagnostics(doc(longLine))
        .map((d) => d.code),
      ['footnote.undefined'],
    );
    const nested = Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- > level ${i}[^n]`).join('\n') + '\n\n[^n]: Note.\n';
    testService().computeDiagnostics(doc(nested));
  });

  it('reads a 50,000-entry .bib, and a .bib with unbalanced braces and a NUL byte', () => {
    const big = Array.from({ length: 50000 }, (_, i) => `@misc{k${i}, title={Title ${i}}, year={2020}}`).join('\n');
    assert.equal(parseBibliographyFile('file:///big.bib', big).entries.length, 50000);
    const broken = parseBibliographyFile(
      'file:///broken.bib',
      '@article{a, title={Open {brace}, year={2020}\n@book{b, title={Fine\u0000Title}, year={2021}}\n',
    );
    assert.ok(broken.problems.length >= 1);
  });

  it('leaves an entry unread when its @string abbreviations would expand it past 200 KB, and reads the rest', () => {
    const big = 'x'.repeat(1_000_000);
    const text = `@string{big = "${big}"}\n${Array.from({ length: 300 }, (_, i) => `@misc{k${i}, title = big # big, year = {2020}}`).join('\n')}\n@misc{fine, title = {Fine}, year = {2021}}\n`;
    const parsed = parseBibliographyFile('file:///bomb.bib', text);
    assert.deepEqual(
      parsed.entries.map((e) => e.key),
      ['fine'],
    );
    assert.equal(parsed.problems.length, 300);
    assert.equal(
      parsed.problems[0].message,
      'BriefKit did not read the entry "k0": its @string abbreviations expand it to about 2000 KB, more than the 200 KB BriefKit reads for one entry. Shorten the strings it uses.',
    );
    assert.deepEqual(parsed.problems[0].range.start, { line: 1, character: 0 });
  });

  it('says a CSL-YAML file whose aliases multiply cannot be read, instead of failing', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f'].entries()) levels.push(`${name}: &${name} [${Array(9).fill(`*${'abcdef'[i]}`).join(',')}]`);
    const parsed = parseBibliographyFile('file:///bomb.yaml', `${levels.join('\n')}\nreferences: [*f]\n`);
    assert.deepEqual(parsed.entries, []);
    assert.deepEqual(
      parsed.problems.map((p) => p.message),
      ['This CSL-YAML file cannot be read: it repeats its aliases (*name) so often that reading it would exhaust the memory. No entries were loaded from it.'],
    );
  });
});
