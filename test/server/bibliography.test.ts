import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync, copyFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompletionRequest, type CompletionList } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lspClient';

const FIXTURES = join(__dirname, '../fixtures/bibliography');

describe('language server with bibliography files', () => {
  let dir: string;
  let client: LspTestClient;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefkit-lsp-bib-'));
    copyFileSync(join(FIXTURES, 'broken.bib'), join(dir, 'refs.bib'));
    client = new LspTestClient();
    await client.initialize(pathToFileURL(dir).href);
  });

  afterEach(async () => {
    await client.shutdown();
  });

  it('checks citations against the file, shows its broken entry in the file, and reloads it when it changes on disk', async () => {
    const brief = pathToFileURL(join(dir, 'brief.md')).href;
    const bib = pathToFileURL(join(dir, 'refs.bib')).href;
    await client.open(brief, '---\nbibliography: refs.bib\n---\n\nKnown [@good1], unknown [@roe2021].\n');
    const first = await client.nextDiagnostics(brief);
    assert.deepEqual(first.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [
      ['bibliography.file-error', 1, 14],
      ['citation.undefined', 4, 25],
    ]);
    const inFile = await client.nextDiagnostics(bib);
    assert.deepEqual(inFile.diagnostics.map((d) => [d.code, d.range.start.line]), [['bibliography.file-error', 6]]);

    // Complete at [@ from the loaded file.
    const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: brief }, position: { line: 4, character: 9 } })) as CompletionList;
    assert.deepEqual(list.items.map((i) => i.label), ['good1', 'good2']);

    // Zotero-style export: a new file renamed over the old one.
    writeFileSync(join(dir, 'refs.new'), '@article{good1, title={Rivers}, year={2020}}\n@article{roe2021, title={Wells}, year={2021}}\n');
    renameSync(join(dir, 'refs.new'), join(dir, 'refs.bib'));
    const fixed = await client.nextDiagnostics(brief, (p) => p.diagnostics.length === 0);
    assert.deepEqual(fixed.diagnostics, []);
    assert.deepEqual((await client.nextDiagnostics(bib)).diagnostics, []);
  });

  it('reports a bibliography file that does not exist on the front-matter line', async () => {
    const brief = pathToFileURL(join(dir, 'brief.md')).href;
    await client.open(brief, '---\nbibliography: [refs.bib, missing.json]\n---\n\nText.\n');
    const published = await client.nextDiagnostics(brief);
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range]), [
      ['bibliography.file-error', { start: { line: 1, character: 15 }, end: { line: 1, character: 23 } }],
      ['bibliography.file-missing', { start: { line: 1, character: 25 }, end: { line: 1, character: 37 } }],
    ]);
  });
});
