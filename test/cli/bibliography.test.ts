import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(__dirname, '../../dist/cli.js');

describe('briefkit bibliography', () => {
  let dir: string;
  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [CLI, 'bibliography', ...args], { cwd: dir, encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'briefkit-bib-'));
    copyFileSync(join(__dirname, '../fixtures/bibliography/refs.bib'), join(dir, 'refs.bib'));
    writeFileSync(
      join(dir, 'brief.md'),
      '---\nbibliography: refs.bib\n---\n\nGrants grew [@okafor2025]. Co-ops paid more.[^1]\n\n[^1]: Leila Haddad, “Aid Corridors <em>Under</em> Pressure,” *Humanitarian Review*, 2023.\n',
    );
  });

  it('prints every cited work in the chosen style, from citations and footnotes', () => {
    const { code, stdout } = run('brief.md', '--style', 'apa');
    assert.equal(code, 0);
    assert.equal(
      stdout,
      'Haddad, L. (2023). Aid Corridors <em>Under</em> Pressure. Humanitarian Review.\nOkafor, A. (2025). Storm Outages and the Rural Grid. Energy Policy Review, 14(2), 33–51. https://doi.org/10.5555/epr.2025.014\n',
    );
  });

  it('orders by first citation, and writes Markdown, HTML (escaped), BibTeX and CSL-JSON', () => {
    assert.match(run('brief.md', '--order', 'cited', '--style', 'apa').stdout, /^Okafor[\s\S]*\nHaddad/);
    assert.match(run('brief.md', '--format', 'markdown').stdout, /^- Haddad, Leila\. 2023\. “Aid Corridors \\<em\\>Under\\<\/[Ee]m\\> Pressure\.” \*Humanitarian Review\*/);
    assert.match(run('brief.md', '--format', 'html').stdout, /Aid Corridors &#60;em&#62;Under&#60;\/[Ee]m&#62; Pressure/);
    assert.match(run('brief.md', '--format', 'bibtex').stdout, /@article\{okafor2025,/);
    assert.deepEqual(JSON.parse(run('brief.md', '--format', 'csl-json').stdout).map((i: { id: string }) => i.id), ['okafor2025', 'note-1']);
  });

  it('exits 2 for an unknown style and lists the known ones', () => {
    const { code, stderr } = run('brief.md', '--style', 'turabian-99');
    assert.equal(code, 2);
    assert.equal(stderr, 'briefkit: unknown style "turabian-99". Known styles: apa, chicago-author-date, chicago-note-bibliography, mla, harvard, vancouver, ieee; or give the path of a .csl file.\n');
  });
});
