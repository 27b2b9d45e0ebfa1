import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBibliographyFile } from '../../src/core/bibliographyFiles/bibliographyFile';
import { doc, testService } from '../helpers/service';

const FIXTURES = join(__dirname, '../fixtures/bibliography');

function load(name: string) {
  return parseBibliographyFile(`file:///refs/${name}`, readFileSync(join(FIXTURES, name), 'utf8'));
}

describe('bibliography files', () => {
  it("reads BibTeX into CSL-JSON with each entry's lines, accents decoded", () => {
    const file = load('refs.bib');
    assert.deepEqual(file.problems, []);
    assert.deepEqual(
      file.entries.map((e) => [e.key, e.range.start.line, e.range.end.line, e.item.type, e.item.title]),
      [
        ['okafor2025', 0, 9, 'article-journal', 'Storm Outages and the Rural Grid'],
        ['lindqvist2024', 11, 17, 'book', 'Cooperatives and the Cost of Power'],
        ['doe2023', 19, 25, 'report', 'Grid Resilience Grants'],
      ],
    );
    const okafor = file.entries[0].item;
    assert.deepEqual(
      [okafor.DOI, okafor.volume, okafor.issue, okafor.page, okafor['container-title']],
      ['10.5555/epr.2025.014', '14', '2', '33-51', 'Energy Policy Review'],
    );
    assert.deepEqual(file.entries[1].item.author, [
      { family: 'Lindqvist', given: 'Maja' },
      { family: 'Dubois', given: 'Anaïs' },
    ]);
  });

  it('loads the good entries of a malformed .bib and reports the broken one where it starts', () => {
    const file = load('broken.bib');
    assert.deepEqual(
      file.entries.map((e) => e.key),
      ['good1', 'good2'],
    );
    assert.deepEqual(file.problems, [
      {
        key: 'broken',
        message: 'BriefKit cannot read the entry "broken": expected "rbrace", got EOF. Check its braces, commas and quotes.',
        range: { start: { line: 6, character: 0 }, end: { line: 6, character: 16 } },
      },
    ]);
  });

  it('reads CSL-JSON with non-Latin names, and reports invalid JSON at its position', () => {
    const file = load('refs.json');
    assert.deepEqual(
      file.entries.map((e) => [e.key, e.range.start.line, e.item.author?.[0].family]),
      [
        ['mensah2021', 2, 'Mensah'],
        ['ivanova2022', 13, 'Иванова'],
      ],
    );
    const broken = parseBibliographyFile('file:///refs/bad.json', '[\n  {"id": "a",}\n]');
    assert.deepEqual(broken.entries, []);
    assert.equal(broken.problems[0].range.start.line, 1);
    assert.match(broken.problems[0].message, /^This CSL-JSON file is not valid JSON: .+\. No entries were loaded from it\.$/);
  });

  it('reads CSL-YAML (a references list, particles kept) and RIS (keys from ID, else author and year)', () => {
    const yaml = load('refs.yaml');
    assert.deepEqual(
      yaml.entries.map((e) => [e.key, e.range.start.line, e.item.author?.[0]]),
      [
        ['vanderberg2019', 2, { family: 'Berg', given: 'Anna', 'non-dropping-particle': 'van der' }],
        ['undated', 13, { literal: 'Water Agency' }],
      ],
    );
    const ris = load('refs.ris');
    assert.deepEqual(
      ris.entries.map((e) => [e.key, e.range.start.line, e.item.type, e.item.title]),
      [
        ['ochasitrep12', 0, 'report', 'Situation Report 12'],
        ['haddad2023', 9, 'article-journal', 'Aid Corridors Under Pressure'],
      ],
    );
  });

  it('says which files it reads when the extension is unknown', () => {
    assert.deepEqual(
      parseBibliographyFile('file:///refs/sources.docx', 'x').problems.map((p) => p.message),
      ['BriefKit reads bibliography files ending in .bib, .json (CSL-JSON), .yaml (CSL-YAML) or .ris.'],
    );
  });
});

describe('bibliography file diagnostics', () => {
  it('reports a work listed twice under two keys, on the later entry', async () => {
    const bib =
      '@article{a1, title={Rivers and Risk}, author={Doe, Jane}, year={2020}}\n@article{b2, title={Other}, doi={10.1/x}, year={2021}}\n@article{a2, title={Rivers and risk}, author={Doe, Jane}, year={2020}}\n@misc{b3, title={Different title}, doi={10.1/X}}\n';
    const service = testService({}, { 'file:///w/refs.bib': bib });
    await service.loadBibliographies(doc('---\nbibliography: refs.bib\n---\n', 1, 'file:///w/brief.md'));
    assert.deepEqual(
      service.getBibliographyFileDiagnostics('file:///w/refs.bib').map((d) => [d.code, d.range.start.line, d.message]),
      [
        ['bibliography.duplicate', 2, '"a2" describes the same work as "a1" (line 1). Keep one entry and cite it by one key.'],
        ['bibliography.duplicate', 3, '"b3" describes the same work as "b2" (line 2). Keep one entry and cite it by one key.'],
      ],
    );
  });

  it('lets go of the bibliography files no open brief draws on when a brief is closed', async () => {
    const files = {
      'file:///w/a.bib': '@misc{a, title={A}, year={2020}}',
      'file:///w/b.bib': '@misc{b, title={B}, year={2021}}',
      'file:///w/shared.bib': '@misc{s, title={S}, year={2022}}',
    };
    const service = testService({}, files);
    const briefA = doc('---\nbibliography: [a.bib, shared.bib]\n---\n\nText [@a].\n', 1, 'file:///w/a.md');
    const briefB = doc('---\nbibliography: [b.bib, shared.bib]\n---\n\nText [@b].\n', 1, 'file:///w/b.md');
    await service.loadBibliographies(briefA);
    await service.loadBibliographies(briefB);
    assert.deepEqual(service.loadedBibliographyFiles().sort(), ['file:///w/a.bib', 'file:///w/b.bib', 'file:///w/shared.bib']);
    service.forget(briefA.uri);
    assert.deepEqual(service.loadedBibliographyFiles().sort(), ['file:///w/b.bib', 'file:///w/shared.bib']);
    service.forget(briefB.uri);
    assert.deepEqual(service.loadedBibliographyFiles(), []);
    // Opened again, a brief reads its files again.
    await service.loadBibliographies(doc('---\nbibliography: a.bib\n---\n\nText [@a].\n', 2, 'file:///w/a.md'));
    assert.deepEqual(service.loadedBibliographyFiles(), ['file:///w/a.bib']);
  });
});
