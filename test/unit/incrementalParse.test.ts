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
});
