import { strict as assert } from 'node:assert';
import { globMatches } from '../../src/node/globMatch';

describe('bibliography globs', () => {
  const cases: Array<[string, string, boolean]> = [
    ['refs/*.bib', 'refs/a.bib', true],
    ['refs/*.bib', 'refs/sub/a.bib', false],
    ['refs/**/*.bib', 'refs/a.bib', true],
    ['refs/**/*.bib', 'refs/x/y/a.bib', true],
    ['**/*.json', 'a.json', true],
    ['**/*.json', 'deep/er/a.json', true],
    ['**/*.json', 'a.json.bak', false],
    ['refs/?.bib', 'refs/a.bib', true],
    ['refs/?.bib', 'refs/ab.bib', false],
    ['refs.bib', 'refs.bib', true],
    ['refs.bib', 'refsxbib', false],
  ];
  for (const [glob, path, expected] of cases) it(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(globMatches(glob, path), expected));

  it('answers a pattern built to make regular expressions backtrack, against a long name, at once', () => {
    assert.equal(globMatches('*a*a*a*a*a*a*a*a*a*a*b.bib', `${'a'.repeat(5000)}.bib`), false);
    assert.equal(globMatches('*a*a*a*a*a*a*a*a*a*a*b.bib', `${'a'.repeat(5000)}b.bib`), true);
  });
});
