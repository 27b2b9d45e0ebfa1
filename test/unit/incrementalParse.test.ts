import { strict as assert } from 'node:assert';
import { createBriefService, DEFAULT_OPTIONS } from '../../src/core';
import { doc, testService } from '../helpers/service';
import { observable, wholeDocumentModel } from '../helpers/wholeDocument';

const BRIEF = [
  '---',
  'title: Test',
  '',
  'bibliography: a.bib',
  '---',
  '',
  '# Heading',
  'Paragraph one.[^1] Claim two [@doe2020].',
  '',
  '- Item[^2]',
  '',
  '  continued item.',
  '- Next item.',
  '',
  '```',
  'code [^9]',
  '',
  '```',
  '',
  '> Quote[^Note].',
  '',
  '<!--',
  '',
  '[^hidden]',
  '-->',
  '',
  '## Bibliography',
  '',
  '- Doe. 2020. One.',
  '',
  '[^1]: One.',
  '',
  '    More of one.',
  '[^2]: Two.',
  '[^note]: Three.',
  '',
].join('\n');

describe('incremental parsing', () => {
  it('builds the same model from chunks as from one parse of the whole brief', () => {
    for (let i = 0; i < BRIEF.length; i += 5) {
      const edited = BRIEF.slice(0, i) + BRIEF.slice(i + 1);
      const chunked = testService().getDocument(doc(edited, 1));
      assert.deepEqual(observable(chunked), observable(wholeDocumentModel(edited, 1)), `after deleting character ${i}`);
    }
  });

  it('builds the same model from chunks as from fresh parses after any edit', () => {
    // Every single-character deletion: the chunked, cached model must equal a cold parse.
    const service = testService();
    service.getDocument(doc(BRIEF, 1));
    for (let i = 0; i < BRIEF.length; i += 7) {
      const edited = BRIEF.slice(0, i) + BRIEF.slice(i + 1);
      const warm = service.getDocument(doc(edited, i + 2));
      const cold = testService().getDocument(doc(edited, i + 2));
      assert.deepEqual(observable(warm), observable(cold), `after deleting character ${i}`);
    }
  });

  it('re-parses only the block an edit touched', () => {
    const service = testService();
    const first = service.getDocument(doc(BRIEF, 1));
    assert.equal(first.parseStats.reparsedChunks, first.parseStats.chunks);
    const edited = BRIEF.replace('Claim two', 'Claim 2');
    const second = service.getDocument(doc(edited, 2));
    assert.deepEqual(second.parseStats, { chunks: first.parseStats.chunks, reparsedChunks: 1 });
    assert.equal(second.sentences[1].text, 'Claim 2 [@doe2020].');
    // The front matter, untouched at the top, is the one read for the version before.
    assert.equal(second.frontMatter, first.frontMatter);
    const retitled = service.getDocument(doc(edited.replace('title: Test', 'title: Tested'), 3));
    assert.equal(retitled.frontMatter?.title, 'Tested');
  });

  it('re-parses one entry of a Bibliography list, and one note of a run of notes, when an edit touches it', () => {
    const entries = Array.from({ length: 300 }, (_, i) => `- Author${i}, Ada. 2020. “Report ${i}.” Ministry.`);
    const notes = Array.from({ length: 100 }, (_, i) => `[^${i + 1}]: Note ${i}.`);
    const text = `Claim.[^1]\n\n## Bibliography\n\n${entries.join('\n')}\n\n${notes.join('\n')}\n`;
    const service = testService();
    const first = service.getDocument(doc(text, 1));
    assert.equal(first.parseStats.chunks, 2 + 300 + 100);
    const second = service.getDocument(doc(text.replace('Report 150.', 'Report 150b.').replace('Note 50.', 'Note 50b.'), 2));
    assert.deepEqual(second.parseStats, { chunks: first.parseStats.chunks, reparsedChunks: 2 });
    assert.equal(second.bibliography?.entries[150].text, 'Author150, Ada. 2020. “Report 150b.” Ministry.');
    assert.deepEqual(observable(second), observable(wholeDocumentModel(second.text, 2)));
  });

  it('reads a reference-style link whose definition is in another block, and follows the definition coming and going', () => {
    const withDefinition = 'Prices rose, [the ministry said][r].\n\nMore text.\n\n[r]: https://example.org/prices\n';
    const service = testService();
    const linked = service.getDocument(doc(withDefinition, 1));
    assert.deepEqual(
      linked.links.map((l) => withDefinition.slice(l.start, l.end)),
      ['[the ministry said][r]'],
    );
    const without = withDefinition.replace('[r]: https://example.org/prices\n', '');
    const unlinked = service.getDocument(doc(without, 2));
    assert.deepEqual(unlinked.links, []);
    // When the definition comes back, only it and the paragraph that refers to it are parsed again.
    const again = service.getDocument(doc(withDefinition, 3));
    assert.equal(again.links.length, 1);
    assert.deepEqual(again.parseStats, { chunks: 3, reparsedChunks: 2 });
  });

  it('returns the cached model for the same version and text, and a new model for new text under the same version', () => {
    const service = testService();
    const input = { uri: 'file:///a.md', version: 3, getText: () => 'Text.' };
    const a = service.getDocument(input);
    assert.equal(service.getDocument(input), a);
    // A second didOpen without a didClose, or a change that keeps the version number, brings new text.
    const reopened = service.getDocument({ ...input, getText: () => 'Other text.' });
    assert.notEqual(reopened, a);
    assert.equal(reopened.text, 'Other text.');
  });

  it('stops parsing when the request is cancelled', () => {
    const service = createBriefService({
      logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
      getOptions: () => DEFAULT_OPTIONS,
      readFile: async () => undefined,
    });
    assert.throws(() => service.computeDiagnostics(doc(BRIEF), { isCancellationRequested: true }), { name: 'OperationCancelled' });
  });

  it('stops the parse that loading the bibliographies starts, when a newer version cancelled the check', async () => {
    const service = createBriefService({
      logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
      getOptions: () => DEFAULT_OPTIONS,
      readFile: async () => undefined,
    });
    await assert.rejects(service.loadBibliographies(doc(BRIEF), { isCancellationRequested: true }), { name: 'OperationCancelled' });
    // Nothing of that version was parsed: the next request parses every chunk.
    assert.equal(service.getDocument(doc(BRIEF)).parseStats.reparsedChunks, service.getDocument(doc(BRIEF)).parseStats.chunks);
    // A token not cancelled lets it run.
    await service.loadBibliographies(doc(BRIEF, 2), { isCancellationRequested: false });
  });
});
