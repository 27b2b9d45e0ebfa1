import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CoreThread } from '../../src/server/coreThread';
import { parseFirstVersion } from '../../src/server/firstParse';
import { doc, testService } from '../helpers/service';
import { observable } from '../helpers/wholeDocument';
import { generateBrief } from '../bench/generate';

describe('a long brief\'s first parse, shared with the worker thread', () => {
  // The built worker, as the server runs it.
  const thread = new CoreThread([], join(__dirname, '../../dist/coreWorker.js'));
  // Started ahead, as the server starts it when the editor connects.
  before(async () => thread.parseChunks([]));
  after(() => thread.dispose());

  it('gives the first version every chunk parsed ahead, the model and diagnostics of a parse in one thread', async () => {
    const { text } = generateBrief(6000, 120, 80, 7);
    const uri = 'file:///long.md';
    const shared = testService();
    await parseFirstVersion(shared, TextDocument.create(uri, 'markdown', 1, text), thread);
    const model = shared.getDocument(doc(text, 1, uri));
    // Nothing left for the first version to parse: half came from this thread, half from the worker.
    assert.ok(model.parseStats.chunks >= 200, `${model.parseStats.chunks} chunks`);
    assert.equal(model.parseStats.reparsedChunks, 0);
    const alone = testService();
    assert.deepEqual(observable(model), observable(alone.getDocument(doc(text, 1, uri))));
    assert.deepEqual(shared.computeDiagnostics(doc(text, 1, uri)), alone.computeDiagnostics(doc(text, 1, uri)));
    // Once the brief has a version, nothing more is parsed ahead.
    assert.deepEqual(shared.unparsedChunks(doc(text, 2, uri)), []);
  });

  it('leaves a short brief to its first version', async () => {
    const { text } = generateBrief(1500, 30, 20, 3);
    const service = testService();
    await parseFirstVersion(service, TextDocument.create('file:///short.md', 'markdown', 1, text), thread);
    const model = service.getDocument(doc(text, 1, 'file:///short.md'));
    assert.equal(model.parseStats.reparsedChunks, model.parseStats.chunks);
  });
});
