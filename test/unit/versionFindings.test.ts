import { strict as assert } from 'node:assert';
import { doc, testService } from '../helpers/service';
import { changedInputs, type WordEdit } from '../../src/core/wordEdit';

const BRIEF = [
  '# Water',
  '',
  'On March 3, 2021, the ministry approved a $40 million fund. Officials told Reuters on March 4 that 30 percent of wells were dry.',
  '',
  'In 2019 the regional authority spent $12 million on pipes. The national utility reported 4,000 new connections.',
  '',
].join('\n');

describe('diagnostics across versions', () => {
  it('a check run again after a keystroke hands back the previous objects for diagnostics that say the same, and new ones where they changed', () => {
    const service = testService();
    const before = service.computeDiagnostics(doc(BRIEF, 1));
    const claims = (list: typeof before) => list.filter((d) => d.code === 'claim.uncited');
    assert.equal(claims(before).length, 4);
    // A letter typed in the first sentence: claims are checked again, and the line's later sentence moves by one column.
    const edited = BRIEF.replace('ministry', 'minisstry');
    const after = service.computeDiagnostics(doc(edited, 2));
    const [first, second, third, fourth] = claims(after);
    // Each flag underlines its sentence's first three words: "On March 3,", "Officials told Reuters".
    assert.deepEqual(
      [first.range, second.range],
      [
        { start: { line: 2, character: 0 }, end: { line: 2, character: 11 } },
        { start: { line: 2, character: 61 }, end: { line: 2, character: 83 } },
      ],
    );
    assert.notEqual(first, claims(before)[0]);
    assert.notEqual(second, claims(before)[1]);
    assert.equal(third, claims(before)[2]);
    assert.equal(fourth, claims(before)[3]);
    // The same diagnostics as a fresh service finds.
    assert.deepEqual(after, testService().computeDiagnostics(doc(edited, 2)));
  });

  it('also when an edit adds a diagnostic: those after it that say the same are the previous objects', () => {
    const service = testService();
    const before = service.computeDiagnostics(doc(BRIEF, 1)).filter((d) => d.code === 'claim.uncited');
    // A new paragraph with a claim of its own, above the last one: the last paragraph's diagnostics move down two lines.
    const edited = BRIEF.replace('In 2019', 'In 2020 the port authority spent $9 million.\n\nIn 2019');
    const after = service.computeDiagnostics(doc(edited, 2)).filter((d) => d.code === 'claim.uncited');
    assert.equal(after.length, 5);
    assert.equal(after[0], before[0]);
    assert.equal(after[1], before[1]);
    assert.equal(after[2].range.start.line, 4);
    assert.notEqual(after[3], before[2]);
    assert.deepEqual(
      after,
      testService()
        .computeDiagnostics(doc(edited, 2))
        .filter((d) => d.code === 'claim.uncited'),
    );
  });

  it('checks the Bibliography again when a word typed in prose changes a name that could cite one of its works', () => {
    const list = '- Mensah, Kofi. 2021. “Quotas and the Sugar Trade.” Accra University Press.\n- Okafor, Ada. 2019. “Trade in West Africa.” Lagos Press.\n';
    // A second References heading: its list is prose, outside the Bibliography the first one heads.
    const text = `Word.\n\n## References\n\n${list}\n## References\n\n${list}\nOkafor (2019) argues `;
    const service = testService();
    service.computeDiagnostics(doc(text, 1));
    const edited = text.replace(/(## References\n\n- )Mensah(?![\s\S]*## References)/, '$1xMensah');
    assert.notEqual(edited, text);
    assert.deepEqual(service.computeDiagnostics(doc(edited, 2)), testService().computeDiagnostics(doc(edited, 2)));
  });

  it('says what a word edit changed: a name, an author-date citation, a note label written in the text', () => {
    const changed = (within: WordEdit['within'], before: string, after: string) => [...changedInputs({ within, line: 0, column: 0, before, after })].sort();
    assert.deepEqual(changed('sentence', 'Outages rose in the region, as Okafor found.', 'Outages rose in the regions, as Okafor found.'), ['prose']);
    assert.deepEqual(changed('sentence', 'Quotas, as Mensah (forthcoming) shows.', 'Quotas, as xMensah (forthcoming) shows.'), ['prose', 'proseNames']);
    assert.deepEqual(changed('sentence', 'Quotas, as Mensah (forthcomin) shows.', 'Quotas, as Mensah (forthcoming) shows.'), ['prose', 'proseNames']);
    assert.deepEqual(changed('sentence', 'Quotas rose (Mensah 2021).', 'Quotas rose (Mensahs 2021).'), ['prose', 'proseCitations', 'proseNames']);
    assert.deepEqual(changed('sentence', 'Tariffs rose.[^Two Words]', 'Tariffs rose.[^Two big Words]'), ['prose', 'writtenLabels']);
    assert.deepEqual(changed('note', 'Okafor, Trade, 2020.', 'Okafor, Trades, 2020.'), ['noteText']);
    assert.deepEqual(changed('entry', 'Okafor, Ada. 2019.', 'Okafor, Adah. 2019.'), ['entries']);
  });
});
