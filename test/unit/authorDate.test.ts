import { strict as assert } from 'node:assert';
import { authorDateWorks } from '../../src/core/references/authorDate';
import { marked } from '../helpers/markedText';
import { doc, testService } from '../helpers/service';

const BIBLIOGRAPHY = [
  '## References',
  '',
  '- Hunter Blair, Peter. 1970. *The World of Bede*. London: Secker & Warburg.',
  '- ———. 1976. *Northumbria in the Days of Bede*. London: Gollancz.',
  '- Lindqvist, Maja. 2024. “How Cooperatives Pay.” *Rural Power Journal* 8: 1–19.',
  '- Okafor, Adaeze, and Kwame Mensah. 2025. “Storm Outages and the Rural Grid.” *Energy Policy Review* 14 (2): 33–51.',
  '- World Bank. 2024. *Rural Electrification Report*. Washington, DC: World Bank.',
  '',
].join('\n');

function findings(text: string, prefix = /^(citation|bibliography)\./) {
  return testService()
    .computeDiagnostics(doc(text))
    .filter((d) => prefix.test(d.code));
}

describe('author-date citations written in the text', () => {
  it('reads each work of a parenthesis, with its first author and year, at its exact place', () => {
    const text =
      'Outages rose (see Okafor and Mensah 2025, 45; World Bank 2024b) and fell (as described in Appleby et al, 1994). Hunter Blair (1976, 12) disagrees.';
    assert.deepEqual(
      authorDateWorks(text, 100).map((w) => [text.slice(w.start - 100, w.end - 100), w.author, w.year, w.narrative]),
      [
        ['see Okafor and Mensah 2025, 45', 'Okafor', '2025', false],
        ['World Bank 2024b', 'World Bank', '2024', false],
        ['as described in Appleby et al, 1994', 'Appleby', '1994', false],
        ['Hunter Blair (1976, 12)', 'Hunter Blair', '1976', true],
      ],
    );
  });

  it('does not take a figure, a section, a year alone or a month for a citation', () => {
    assert.deepEqual(authorDateWorks('Costs rose (Figure 3) in (2024) and (Section 702, 2018) and (March 2020).', 0), []);
  });
});

describe('citation.unmatched: author-date citations against the Bibliography section', () => {
  it('reports a work whose author has no entry, and a year the Bibliography does not list, on the work', () => {
    const { text, ranges } = marked(
      `Outages rose 12 percent (Okafor and Mensah 2025, 45; ⟦Diallo 2023⟧). Payments fell (World Bank 2024; ⟦Lindqvist 2023⟧).\n\n${BIBLIOGRAPHY}`,
    );
    const found = findings(text);
    assert.deepEqual(
      found.filter((d) => d.code === 'citation.unmatched').map((d) => [d.severity, d.range, d.message]),
      [
        [
          'warning',
          ranges[0],
          'No Bibliography entry has Diallo as first author, so readers cannot find (Diallo 2023). Add the work to the Bibliography, or correct the name.',
        ],
        ['warning', ranges[1], 'The Bibliography lists Lindqvist for 2024, not 2023. Correct the year here or in the entry.'],
      ],
    );
    // Hunter Blair's two books are cited by nobody here.
    assert.deepEqual(
      found.filter((d) => d.code !== 'citation.unmatched').map((d) => [d.code, d.range.start.line]),
      [
        ['bibliography.uncited', 4],
        ['bibliography.uncited', 5],
      ],
    );
  });

  it('offers the year the Bibliography lists, and changes only that year', () => {
    const text = `Payments fell (World Bank 2024; Lindqvist 2023).\n\n${BIBLIOGRAPHY}`;
    const service = testService();
    const diagnostic = service.computeDiagnostics(doc(text)).find((d) => d.code === 'citation.unmatched')!;
    const action = service.getCodeActions(doc(text), diagnostic.range).find((a) => a.title === 'Change the year to 2024');
    assert.ok(action);
    assert.equal(action.isPreferred, true);
    assert.equal(service.applyEdits(doc(text), action.edits).split('\n')[0], 'Payments fell (World Bank 2024; Lindqvist 2024).');
  });

  it('counts an entry cited only in the text, in parentheses or as "Hunter Blair (1976)", as cited; "———." repeats the previous author', () => {
    const text = `Bede's world (Hunter Blair 1970) and his kingdom, as Hunter Blair (1976) shows. Payments (Lindqvist 2024). Outages (Okafor and Mensah 2025). Power (World Bank 2024).\n\n${BIBLIOGRAPHY}`;
    assert.deepEqual(findings(text), []);
  });

  it('counts an Obsidian link to a source note, [[lindqvist2024]], as a citation of its entry', () => {
    const text = `Payments fell (World Bank 2024), as [[lindqvist2024]] and [[Okafor 2025|Okafor]] show, as Hunter Blair (1970) did.\n\n${BIBLIOGRAPHY}`;
    assert.deepEqual(
      findings(text).map((d) => [d.code, d.range.start.line]),
      [['bibliography.uncited', 5]],
    );
  });

  it('does not call every entry uncited in a file that cites nothing: a reference list kept apart from its chapters', () => {
    assert.deepEqual(findings(`# References\n\n${BIBLIOGRAPHY.replace('## References\n', '')}`), []);
  });

  it('stays silent in a brief that does not cite its Bibliography by author and date', () => {
    const text = `The speech was famous (Kennedy 1961).[^1]\n\n[^1]: Maja Lindqvist, “How Cooperatives Pay,” *Rural Power Journal* 8 (2024): 3.\n\n${BIBLIOGRAPHY}`;
    assert.deepEqual(findings(text, /^citation\./), []);
  });

  it('does not report a citation in a brief without a Bibliography section', () => {
    assert.deepEqual(findings('Outages rose (Okafor 2025; Diallo 2023).\n'), []);
  });
});

describe('citation.unmatched: author-date citations against bibliography files', () => {
  const BIB =
    '@article{okafor2025, author = {Okafor, Adaeze}, title = {Storm Outages}, journal = {Energy Review}, year = {2025}}\n' +
    '@article{lindqvist2024, author = {Lindqvist, Maja}, title = {How Cooperatives Pay}, journal = {Rural Power}, year = {2024}}\n';
  async function check(body: string) {
    const service = testService({}, { 'file:///w/refs.bib': BIB });
    const document = doc(`---\nbibliography: refs.bib\n---\n\n${body}\n`, 1, 'file:///w/brief.md');
    await service.loadBibliographies(document);
    return service.computeDiagnostics(document).filter((d) => d.code === 'citation.unmatched');
  }

  it('reports a work no file holds and a year the file does not give, where the brief cites the file by author and year', async () => {
    const found = await check('Outages rose (Okafor 2025). Payments fell (Lindqvist 2023). Costs rose (Diallo 2023).');
    assert.deepEqual(
      found.map((d) => [d.range.start.character, d.message]),
      [
        [43, 'refs.bib lists Lindqvist for 2024, not 2023. Correct the year here or in the entry.'],
        [72, 'No entry in refs.bib has Diallo as first author, so readers cannot find (Diallo 2023). Add the work to refs.bib, or correct the name.'],
      ],
    );
  });

  it('leaves a stray "(Kennedy 1961)" alone in a brief that cites its file only by key', async () => {
    assert.deepEqual(await check('Outages rose [@okafor2025]. As in the speech (Kennedy 1961).'), []);
  });
});
