import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withCursor } from '../helpers/cursor';
import { marked } from '../helpers/markedText';
import { doc, testService } from '../helpers/service';

const BIB = readFileSync(join(__dirname, '../fixtures/bibliography/refs.bib'), 'utf8');
const FILES = { 'file:///work/refs.bib': BIB };
const HEADER = '---\nbibliography: refs.bib\n---\n\n';

async function ready(text: string, files: Record<string, string> = FILES, uri = 'file:///work/brief.md') {
  const service = testService({}, files);
  const document = doc(text, 1, uri);
  await service.loadBibliographies(document);
  return { service, document };
}

describe('citations against bibliography files', () => {
  it('citation.undefined: a key no file has, with the closest keys as quick fixes', async () => {
    const { text, ranges } = marked(`${HEADER}As shown [@okafor2025; ⟦@okafr2025⟧, p. 4] and ⟦@nobody⟧.\n`);
    const { service, document } = await ready(text);
    const found = service.computeDiagnostics(document).filter((d) => d.code === 'citation.undefined');
    assert.deepEqual(
      found.map((d) => d.range),
      ranges,
    );
    assert.equal(found[0].message, 'No bibliography entry has the key "okafr2025". Check the spelling, or add the work to refs.bib.');
    const actions = service.getCodeActions(document, ranges[0]);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Change to @okafor2025 (Okafor 2025)'],
    );
    assert.equal(service.applyEdits(document, actions[0].edits), text.replace('@okafr2025', '@okafor2025'));
  });

  it('says once, on the first key, how to name a bibliography when a brief cites keys without one', async () => {
    const { text, ranges } = marked('Text [⟦@doe2020⟧]. More [@roe2021; @doe2020] and @poe2022.\n');
    const { service, document } = await ready(text, {});
    const found = service.computeDiagnostics(document);
    assert.deepEqual(
      found.map((d) => [d.code, d.range]),
      [['citation.no-bibliography', ranges[0]]],
    );
    assert.match(
      found[0].message,
      /^This brief cites 3 works by key \(first "@doe2020"\), but BriefKit found no bibliography file for it, so it cannot check them\. It looked in the front matter/,
    );
  });

  it('finds a Manubot item by the standard_id in its note, as Manubot does, not only by its id', async () => {
    const items = [
      { id: 'MxGpAiPu', type: 'article', title: 'Careful seeding', note: 'Loaded from an external bibliography file by Manubot.\nstandard_id: Okafor2019' },
    ];
    const { text, ranges } = marked('---\nbibliography: refs.json\n---\n\nSeeding [@Okafor2019] and [⟦@Nobody2020⟧].\n');
    const { service, document } = await ready(text, { 'file:///work/refs.json': JSON.stringify(items) });
    assert.deepEqual(
      service.computeDiagnostics(document).map((d) => [d.code, d.range]),
      [['citation.undefined', ranges[0]]],
    );
  });

  it('takes a bare @name in a page that cites nothing by key for a handle, not for a citation', async () => {
    const { service, document } = await ready('The tweet may be seen at @BarackObama’s profile, and @kodemunkey replied.\n', {});
    assert.deepEqual(service.computeDiagnostics(document), []);
  });

  it('bibliography.file-missing and bibliography.file-error on the front-matter line that names the file', async () => {
    const { text, ranges } = marked('---\nbibliography:\n  - ⟦missing.bib⟧\n  - ⟦broken.bib⟧\n---\n\nText.\n');
    const { service, document } = await ready(text, {
      'file:///work/broken.bib': readFileSync(join(__dirname, '../fixtures/bibliography/broken.bib'), 'utf8'),
    });
    const found = service.computeDiagnostics(document);
    assert.deepEqual(
      found.map((d) => [d.code, d.severity, d.range]),
      [
        ['bibliography.file-missing', 'error', ranges[0]],
        ['bibliography.file-error', 'warning', ranges[1]],
      ],
    );
    assert.equal(
      found[0].message,
      'BriefKit cannot find the bibliography file "missing.bib". The path is relative to this brief; check its spelling and folder.',
    );
    assert.equal(
      found[1].message,
      'broken.bib has a problem BriefKit could not read past (line 7); the other 2 entries loaded. Open the file to see each one.',
    );
    assert.deepEqual(
      service.getBibliographyFileDiagnostics('file:///work/broken.bib').map((d) => [d.code, d.range.start.line]),
      [['bibliography.file-error', 6]],
    );
  });

  it('does not report a missing file that a code chunk of the brief writes (bookdown’s write_bib), nor its keys', async () => {
    const chunk = "```{r include=FALSE}\nknitr::write_bib(c('knitr', 'rmarkdown'), 'packages.bib')\n```\n";
    const text = `---\nbibliography: [packages.bib]\n---\n\nBuilt with knitr [@R-knitr].\n\n${chunk}`;
    const { service, document } = await ready(text, {});
    assert.deepEqual(
      service.computeDiagnostics(document).map((d) => d.code),
      [],
    );
    const { service: other, document: without } = await ready(text.replace(chunk, ''), {});
    assert.deepEqual(
      other.computeDiagnostics(without).map((d) => d.code),
      ['bibliography.file-missing'],
    );
  });

  it('reloads a file that changed on disk', async () => {
    const files: Record<string, string> = { ...FILES };
    const { service, document } = await ready(`${HEADER}New [@roe2026].\n`, files);
    assert.equal(service.computeDiagnostics(document).length, 1);
    files['file:///work/refs.bib'] = `${BIB}\n@misc{roe2026, title={New Work}, year={2026}}\n`;
    assert.equal(await service.loadBibliographies(document), false, 'no reload before the change is reported');
    service.bibliographyChanged('file:///work/refs.bib');
    assert.equal(await service.loadBibliographies(document), true);
    assert.deepEqual(service.computeDiagnostics(document), []);
  });

  it('reads files named by the briefkit.bibliography setting too', async () => {
    const service = testService({ bibliographyFiles: ['file:///work/refs.bib'] }, FILES);
    const document = doc('Text [@doe2023].\n', 1, 'file:///work/other.md');
    await service.loadBibliographies(document);
    assert.deepEqual(service.computeDiagnostics(document), []);
  });
});

describe('citation completion and navigation', () => {
  async function complete(source: string, files: Record<string, string> = FILES) {
    const { text, position } = withCursor(source);
    const { service, document } = await ready(text, files);
    return { list: service.getCompletions(document, position), text };
  }

  it('offers entries after [@ with author, year and title; an exact key prefix ranks first', async () => {
    const { list } = await complete(`${HEADER}See [@$$CURSOR$$]\n`);
    assert.deepEqual(
      list!.items.map((i) => [i.label, i.detail]),
      [
        ['doe2023', 'U.S. Department of Energy 2023 · Grid Resilience Grants'],
        ['lindqvist2024', 'Lindqvist and Dubois 2024 · Cooperatives and the Cost of Power'],
        ['okafor2025', 'Okafor 2025 · Storm Outages and the Rural Grid'],
      ],
    );
    assert.equal(
      list!.items[2].documentation,
      'Adaeze Okafor, “Storm Outages and the Rural Grid,” *Energy Policy Review* 14, no. 2 (2025): 33–51, https://doi.org/10.5555/epr.2025.014.',
    );
  });

  it('matches author names and title words, ignoring accents and case, and replaces the typed key', async () => {
    const byAuthor = await complete(`${HEADER}As @dubo$$CURSOR$$ says\n`);
    assert.deepEqual(
      byAuthor.list!.items.map((i) => [i.label, i.textEdit.range.start.character, i.textEdit.range.end.character, i.textEdit.newText]),
      [['lindqvist2024', 4, 8, 'lindqvist2024']],
    );
    const byTitle = await complete(`${HEADER}[see @STORM$$CURSOR$$; @doe2023]\n`);
    assert.deepEqual(
      byTitle.list!.items.map((i) => i.label),
      ['okafor2025'],
    );
    const keyFirst = await complete(`${HEADER}[@do$$CURSOR$$]\n`, {
      'file:///work/refs.bib': `${BIB}\n@book{x1, author={Doran, Kim}, title={Tides}, year={2001}}\n`,
    });
    assert.deepEqual(
      keyFirst.list!.items.map((i) => i.label),
      ['doe2023', 'x1'],
    );
  });

  it('does not complete e-mail addresses or code', async () => {
    assert.equal((await complete(`${HEADER}Write to press@$$CURSOR$$\n`)).list, undefined);
    assert.equal((await complete(`${HEADER}\`[@$$CURSOR$$\`\n`)).list, undefined);
  });

  it('returns at most 100 of 10,000 entries, marked incomplete, best first', async () => {
    const big = Array.from({ length: 10000 }, (_, i) => `@misc{k${i}, author={Author${i}, A.}, title={Title number ${i}}, year={${1900 + (i % 120)}}}`).join(
      '\n',
    );
    const { list } = await complete(`${HEADER}[@k999$$CURSOR$$]\n`, { 'file:///work/refs.bib': big });
    assert.equal(list!.isIncomplete, false);
    assert.deepEqual(
      list!.items.map((i) => i.label),
      ['k999', 'k9990', 'k9991', 'k9992', 'k9993', 'k9994', 'k9995', 'k9996', 'k9997', 'k9998', 'k9999'],
    );
    const all = await complete(`${HEADER}[@$$CURSOR$$]\n`, { 'file:///work/refs.bib': big });
    assert.equal(all.list!.items.length, 100);
    assert.equal(all.list!.isIncomplete, true);
  });

  it('fills a new footnote with a bibliography entry as a Chicago note', async () => {
    const { list, text } = await complete(`${HEADER}Claim.[^1]\n\n[^1]: lindq$$CURSOR$$\n`);
    assert.deepEqual(
      list!.items.map((i) => [i.label, i.textEdit.newText]),
      [['Lindqvist and Dubois 2024', 'Maja Lindqvist and Anaïs Dubois, *Cooperatives and the Cost of Power* (Oslo: Nordic Policy Press, 2024).']],
    );
    assert.deepEqual(list!.items[0].textEdit.range.start, { line: 6, character: 6 });
    assert.ok(text.endsWith('[^1]: lindq\n'));
  });

  it('hovers a key with its reference, goes to its entry, and finds its uses across briefs', async () => {
    const source = `${HEADER}As [@okafor$$CURSOR$$2025] found.\n`;
    const { text, position } = withCursor(source);
    const files = { ...FILES, 'file:///work/other.md': 'Also @okafor2025 [p. 3].\n', 'file:///work/brief.md': text };
    const { service, document } = await ready(text, files);
    assert.deepEqual(service.getHover(document, position), {
      contents:
        'Okafor, Adaeze. “Storm Outages and the Rural Grid.” Energy Policy Review 14, no. 2 (2025): 33–51. https://doi.org/10.5555/epr.2025.014.\n\n*refs.bib*',
      range: { start: { line: 4, character: 4 }, end: { line: 4, character: 15 } },
    });
    assert.deepEqual(service.getDefinition(document, position), [
      { uri: 'file:///work/refs.bib', range: { start: { line: 0, character: 0 }, end: { line: 9, character: 1 } } },
    ]);
    assert.deepEqual(
      (await service.getReferences(document, position, true)).map((l) => [l.uri, l.range.start.line, l.range.start.character]),
      [
        ['file:///work/brief.md', 4, 4],
        ['file:///work/other.md', 0, 5],
      ],
    );
  });
});

describe('hovering a key the bibliography does not give', () => {
  it('says the entry cannot be read where it cannot, as the diagnostic does, and that there is none where there is none', async () => {
    const files = { 'file:///work/refs.bib': '@book{okafor2025, title = {Storms}, year = {2025}}\n\n@book{haddad2023, title = {Ports, year = 2023}\n' };
    const source = `${HEADER}As [@hadd$$CURSOR$$ad2023] and [@nobody2020] found.\n`;
    const { text, position } = withCursor(source);
    const { service, document } = await ready(text, files);
    assert.equal(
      service.getHover(document, position)?.contents,
      'The entry `haddad2023` in refs.bib (line 3) cannot be read; fix it there to see the work here.',
    );
    assert.match(
      service.computeDiagnostics(document).find((d) => d.code === 'citation.undefined')!.message,
      /^The entry "haddad2023" in refs\.bib \(line 3\) cannot be read/,
    );
    assert.equal(
      service.getHover(document, { line: 4, character: text.split('\n')[4].indexOf('nobody') })?.contents,
      'No bibliography entry has the key `nobody2020`.',
    );
  });
});

describe('citations and the Bibliography section', () => {
  it('counts a [@key] citation as citing the Bibliography entry for the same work', async () => {
    const text = `${HEADER}As found [@okafor2025].\n\n## Bibliography\n\n- Okafor, Adaeze. 2025. “Storm Outages and the Rural Grid.” *Energy Policy Review* 14 (2).\n- Roe, Rick. 2021. “Wells.” Press.\n`;
    const { service, document } = await ready(text);
    assert.deepEqual(
      service.computeDiagnostics(document).map((d) => [d.code, d.range.start.line]),
      [['bibliography.uncited', 9]],
    );
  });
});

describe('citation styles', () => {
  const position = { line: 5, character: 6 };
  async function hover(frontMatter: string, files: Record<string, string> = FILES) {
    const text = `---\nbibliography: refs.bib\n${frontMatter}---\n\nSee [@okafor2025].\n`;
    const { service, document } = await ready(text, files);
    return { hover: service.getHover(document, position)?.contents.split('\n\n')[0], diagnostics: service.computeDiagnostics(document) };
  }

  it('formats the hover in the style the front matter names', async () => {
    assert.equal(
      (await hover('csl: apa\n')).hover,
      'Okafor, A. (2025). Storm Outages and the Rural Grid. Energy Policy Review, 14(2), 33–51. https://doi.org/10.5555/epr.2025.014',
    );
    assert.equal(
      (await hover('csl: vancouver\n')).hover,
      '1. Okafor A. Storm Outages and the Rural Grid. Energy Policy Review. 2025;14(2):33–51. doi:10.5555/epr.2025.014',
    );
  });

  it("says when a style is unknown or its .csl file is missing, and falls back to the setting's style", async () => {
    const unknown = await hover('csl: turabian-99\n');
    // The setting's style (Chicago notes-bibliography by default), as a bibliography entry.
    assert.equal(
      unknown.hover,
      'Okafor, Adaeze. “Storm Outages and the Rural Grid.” Energy Policy Review 14, no. 2 (2025): 33–51. https://doi.org/10.5555/epr.2025.014.',
    );
    assert.deepEqual(
      unknown.diagnostics.map((d) => [d.code, d.message]),
      [
        [
          'bibliography.style-unknown',
          'BriefKit does not know the citation style "turabian-99". Use one of apa, chicago-author-date, chicago-note-bibliography, mla, harvard, vancouver, ieee, or the path of a .csl file.',
        ],
      ],
    );
    const missing = await hover('csl: styles/house.csl\n');
    assert.deepEqual(
      missing.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['bibliography.style-missing', 2]],
    );
  });
});
