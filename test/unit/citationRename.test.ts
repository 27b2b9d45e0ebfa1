import { strict as assert } from 'node:assert';
import { BriefUserError, LineIndex, type FileEdits, type TextEdit } from '../../src/core';
import { parseBibliographyFile } from '../../src/core/bibliographyFiles/bibliographyFile';
import { withCursor } from '../helpers/cursor';
import { doc, testService } from '../helpers/service';

const BIB = '@article{doe2020,\n  author = {Doe, Jane},\n  title = {Grid Storms},\n  year = {2020}\n}\n\n@book{ roe2021 , title = {Ports}, year = {2021}}\n';
const JSON_FILE = '[{"id": "doe2020", "type": "book", "title": "Grid Storms (CSL copy)"}]';
const OTHER_BRIEF = 'Storms grew [@doe2020, p. 4], as @doe2020 says; ports too [-@roe2021].\n';

function applied(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const located = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  return located.reduce((result, e) => result.slice(0, e.start) + e.text + result.slice(e.end), text);
}

async function renamed(brief: string, newKey: string, files: Record<string, string>) {
  const { text, position } = withCursor(brief);
  const service = testService({}, { ...files, 'file:///w/other.md': OTHER_BRIEF });
  const document = doc(text, 1, 'file:///w/brief.md');
  await service.loadBibliographies(document);
  return { service, document, position, text, changes: () => service.rename(document, position, newKey) };
}

describe('renaming a citation key', () => {
  const brief = '---\nbibliography: [refs.bib, refs.json]\n---\n\nSee [@doe$$CURSOR$$2020] and [@roe2021].\n';

  it('offers the key itself, without the @, for renaming', async () => {
    const { service, document, position } = await renamed(brief, 'x', { 'file:///w/refs.bib': BIB, 'file:///w/refs.json': JSON_FILE });
    assert.deepEqual(service.prepareRename(document, position), {
      range: { start: { line: 4, character: 6 }, end: { line: 4, character: 13 } },
      placeholder: 'doe2020',
    });
  });

  it('renames the entry in every bibliography file that defines it and every citation of it in the workspace, as one edit', async () => {
    const { changes, text } = await renamed(brief, 'okafor:grid-2020', { 'file:///w/refs.bib': BIB, 'file:///w/refs.json': JSON_FILE });
    const byUri = new Map((await changes()).map((change: FileEdits) => [change.uri, change.edits]));
    assert.deepEqual([...byUri.keys()].sort(), ['file:///w/brief.md', 'file:///w/other.md', 'file:///w/refs.bib', 'file:///w/refs.json']);
    assert.equal(applied(BIB, byUri.get('file:///w/refs.bib')!), BIB.replace('@article{doe2020,', '@article{okafor:grid-2020,'));
    assert.equal(applied(JSON_FILE, byUri.get('file:///w/refs.json')!), JSON_FILE.replace('"id": "doe2020"', '"id": "okafor:grid-2020"'));
    assert.equal(applied(text, byUri.get('file:///w/brief.md')!), text.replace('[@doe2020]', '[@okafor:grid-2020]'));
    assert.equal(
      applied(OTHER_BRIEF, byUri.get('file:///w/other.md')!),
      'Storms grew [@okafor:grid-2020, p. 4], as @okafor:grid-2020 says; ports too [-@roe2021].\n',
    );
  });

  it('refuses a key that is not a key, or that another entry has, saying what to do', async () => {
    const { changes: invalid } = await renamed(brief, 'doe 2020', { 'file:///w/refs.bib': BIB });
    await assert.rejects(
      invalid(),
      (error: Error) => error instanceof BriefUserError && /^"doe 2020" cannot be a citation key: use letters, digits and _/.test(error.message),
    );
    const { changes: taken } = await renamed(brief, 'roe2021', { 'file:///w/refs.bib': BIB });
    await assert.rejects(taken(), new BriefUserError('The key "roe2021" is already used by an entry in refs.bib. Choose another key.'));
  });

  it('says that a RIS record has no key to rename', async () => {
    const ris = 'TY  - BOOK\nID  - doe2020\nTI  - Grid Storms\nPY  - 2020\nER  - \n';
    const { changes } = await renamed('---\nbibliography: refs.ris\n---\n\nSee [@doe$$CURSOR$$2020].\n', 'okafor2020', { 'file:///w/refs.ris': ris });
    await assert.rejects(
      changes(),
      new BriefUserError(
        'The entry "doe2020" comes from refs.ris, and RIS records have no key BriefKit can rename. Change the key there by hand, then rename the citations.',
      ),
    );
  });

  it('leaves cross-references alone: @fig:map is not a key', async () => {
    const { service, document, position } = await renamed('See @fig:m$$CURSOR$$ap.\n', 'x', {});
    assert.equal(service.prepareRename(document, position), undefined);
  });

  it('renames a CSL-JSON entry\'s own "id", not an "id" inside its editor or author', async () => {
    const json =
      '[{"id": "doe2020", "type": "book", "editor": [{"family": "Roe", "id": "roe2021"}]},\n {"id": "roe2021", "type": "book", "author": [{"family": "Roe", "id": "p1"}]}]';
    const { changes } = await renamed('---\nbibliography: refs.json\n---\n\nSee [@roe$$CURSOR$$2021].\n', 'roe-ports2021', { 'file:///w/refs.json': json });
    const edits = (await changes()).find((change) => change.uri === 'file:///w/refs.json')!.edits;
    assert.equal(applied(json, edits), json.replace(' {"id": "roe2021"', ' {"id": "roe-ports2021"'));
  });

  it("renames a BibTeX entry, not a line of a field's value that starts with @key", async () => {
    const bib =
      '@article{doe2020,\n  title = {Grid Storms},\n  note = {Compare\n@roe2021, answered in @book{roe2021}},\n  year = {2020}\n}\n\n@book{roe2021, title = {Ports}, year = {2021}}\n';
    const { changes } = await renamed('---\nbibliography: refs.bib\n---\n\nSee [@roe$$CURSOR$$2021].\n', 'roe-ports2021', { 'file:///w/refs.bib': bib });
    const edits = (await changes()).find((change) => change.uri === 'file:///w/refs.bib')!.edits;
    assert.equal(applied(bib, edits), bib.replace('@book{roe2021, title', '@book{roe-ports2021, title'));
  });

  it('renames a key two entries share in each of them, with each edit once and none overlapping', async () => {
    const bib = '@book{doe2020, title = {Grid Storms}, year = {2020}}\n@book{doe2020, title = {Grid Storms, again}, year = {2020}}\n';
    const yaml = '- id: doe2020\n  type: book\n- id: doe2020\n  type: report\n';
    const { changes } = await renamed('---\nbibliography: [refs.bib, refs.yaml]\n---\n\nSee [@doe$$CURSOR$$2020].\n', 'doe-grid2020', {
      'file:///w/refs.bib': bib,
      'file:///w/refs.yaml': yaml,
    });
    const byUri = new Map((await changes()).map((change: FileEdits) => [change.uri, change.edits]));
    const where = (edits: TextEdit[]) => edits.map((e) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.character}`);
    assert.deepEqual(where(byUri.get('file:///w/refs.bib')!), ['0:6-13', '1:6-13']);
    assert.deepEqual(where(byUri.get('file:///w/refs.yaml')!), ['0:6-13', '2:6-13']);
    assert.equal(applied(bib, byUri.get('file:///w/refs.bib')!), bib.replaceAll('@book{doe2020,', '@book{doe-grid2020,'));
  });
});

describe('an @ in an autolink or in math', () => {
  const bib = '@book{doe2020, title = {Grid Storms}, year = {2020}}\n';
  const header = '---\nbibliography: refs.bib\n---\n\n';

  it('is not a citation: not renamed with the key, and not reported as a key no entry has', async () => {
    const text = `${header}Storms [@doe2020] at <https://example.org/@doe2020>, in $[@doe2020]$ and $$x @doe2020$$.\n\nHandles <https://example.org/@nosuchkey> and math $a^{@nokey}$ cite nothing.\n`;
    const service = testService({}, { 'file:///w/refs.bib': bib });
    const document = doc(text, 1, 'file:///w/brief.md');
    await service.loadBibliographies(document);
    assert.deepEqual(
      service.getDocument(document).citations.map((c) => text.slice(c.start, c.end)),
      ['[@doe2020]'],
    );
    assert.deepEqual(
      service.computeDiagnostics(document).map((d) => d.code),
      [],
    );
    const position = new LineIndex(text).positionAt(text.indexOf('@doe2020') + 2);
    const edits = (await service.rename(document, position, 'doe-grid2020')).find((change) => change.uri === document.uri)!.edits;
    assert.equal(applied(text, edits), text.replace('[@doe2020]', '[@doe-grid2020]'));
  });

  it('is not completed', async () => {
    const service = testService({}, { 'file:///w/refs.bib': bib });
    for (const source of [`${header}In math $[@$$CURSOR$$]$ only.\n`, `${header}See <https://example.org/a-@$$CURSOR$$>.\n`]) {
      const { text, position } = withCursor(source);
      const document = doc(text, 1, 'file:///w/brief.md');
      await service.loadBibliographies(document);
      assert.equal(service.getCompletions(document, position), undefined, source);
    }
    const { text, position } = withCursor(`${header}Costs $5 and [@$$CURSOR$$] $6.\n`);
    const document = doc(text, 1, 'file:///w/brief.md');
    assert.deepEqual(
      service.getCompletions(document, position)?.items.map((item) => item.label),
      ['doe2020'],
    );
  });
});

describe('where each bibliography format writes its keys', () => {
  const keysAt = (uri: string, text: string) => {
    const lines = new LineIndex(text);
    return parseBibliographyFile(uri, text).entries.map((e) =>
      e.keyRange ? text.slice(lines.offsetAt(e.keyRange.start), lines.offsetAt(e.keyRange.end)) : undefined,
    );
  };

  it('finds the key in BibTeX, CSL-JSON and CSL-YAML (plain or quoted), and none in RIS', () => {
    assert.deepEqual(keysAt('file:///a.bib', BIB), ['doe2020', 'roe2021']);
    assert.deepEqual(keysAt('file:///a.json', '[{"id":"a1","type":"book"},{"id" : "b2","type":"book"}]'), ['a1', 'b2']);
    assert.deepEqual(keysAt('file:///a.yaml', '- id: a1\n  type: book\n- id: "b2"\n  type: book\n'), ['a1', 'b2']);
    assert.deepEqual(keysAt('file:///a.ris', 'TY  - BOOK\nID  - a1\nER  - \n'), [undefined]);
  });
});

describe('inlay hints', () => {
  const styleOf = (service: ReturnType<typeof testService>, document: ReturnType<typeof doc>) => service.getStyle(document, 'chicago-author-date');

  it('shows each [@key] as the style renders it, and each named note’s number in reading order', async () => {
    const text =
      '---\nbibliography: refs.bib\n---\n\nStorms grew [@doe2020, p. 4].[^okafor] Ports^[An inline note.] too.[^2] Again.[^okafor][^ruiz]\n\n[^okafor]: A.\n[^2]: B.\n[^ruiz]: C.\n';
    const service = testService({}, { 'file:///w/refs.bib': BIB });
    const document = doc(text, 1, 'file:///w/brief.md');
    await service.loadBibliographies(document);
    const hints = service.getInlayHints(document, styleOf(service, document)).map((h) => [h.kind, h.label, `${h.position.line}:${h.position.character}`]);
    assert.deepEqual(hints, [
      ['citation', '(Doe 2020, 4)', `4:${'Storms grew [@doe2020, p. 4]'.length}`],
      ['footnote', '→ note 1', `4:${'Storms grew [@doe2020, p. 4].[^okafor]'.length}`],
      // The inline note is 2 and [^2] is 3: [^okafor] is 1 wherever it is cited again, [^ruiz] 4.
      ['footnote', '→ note 1', `4:${text.split('\n')[4].indexOf('[^okafor][^ruiz]') + '[^okafor]'.length}`],
      ['footnote', '→ note 4', `4:${text.split('\n')[4].length}`],
    ]);
  });

  it('gives a marker with no note no number, as readers see it typed: the notes after it keep theirs', () => {
    const text = 'Storms grew.[^missing] Ports closed.[^ruiz]\n\n[^ruiz]: C.\n';
    const service = testService();
    const hints = service.getInlayHints(doc(text), styleOf(service, doc(text))).map((h) => [h.label, h.position.character]);
    assert.deepEqual(hints, [['→ note 1', text.indexOf('\n')]]);
  });

  it('shows nothing when briefkit.inlayHints.enabled is off, and no citation hint for a key no file has', async () => {
    const text = 'See [@nosuchkey].[^named]\n\n[^named]: A.\n';
    const off = testService({ inlayHints: false });
    assert.deepEqual(off.getInlayHints(doc(text), styleOf(off, doc(text))), []);
    const on = testService();
    assert.deepEqual(
      on.getInlayHints(doc(text), styleOf(on, doc(text))).map((h) => h.kind),
      ['footnote'],
    );
  });
});
