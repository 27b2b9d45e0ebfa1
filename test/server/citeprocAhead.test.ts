import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runCiteprocJob, type CiteprocJob } from '../../src/core';
import { renderAhead } from '../../src/server/citeprocAhead';
import { testService } from '../helpers/service';

const FILES = { 'file:///refs.bib': '@book{doe2020, author = {Doe, Jane}, title = {Storms Rendered Ahead}, year = {2020}}\n@book{roe2021, author = {Roe, Ann}, title = {Ports Rendered Ahead}, year = {2021}}\n' };

async function brief(citation: string) {
  const service = testService({}, FILES);
  const document = TextDocument.create('file:///brief.md', 'markdown', 1, `---\nbibliography: refs.bib\ncsl: chicago-author-date\n---\n\nStorms grew ${citation}.\n`);
  await service.loadBibliographies(document);
  return { service, document, style: service.getStyle(document) };
}

describe('citeproc ahead of a request, in the worker thread', () => {
  it('sends what the citations need to the worker and keeps its answers, which the inlay hints then show', async () => {
    const { service, document, style } = await brief('[@doe2020, p. 4]');
    const sent: CiteprocJob[] = [];
    const ahead = renderAhead(service, async (job) => {
      sent.push(job);
      return job.kind === 'clusters' ? { noteStyle: false, html: ['(from the worker)'] } : runCiteprocJob(job);
    }, document, style, 'citations');
    assert.equal(ahead.count, 2);
    await ahead.done;
    // The citation clusters, and the work only a citation cites, which the Markdown preview lists.
    assert.deepEqual(sent.map((job) => job.kind), ['clusters', 'entries']);
    assert.deepEqual(service.getCiteprocJobs(document, style, 'citations'), []);
    assert.deepEqual(service.getInlayHints(document, style).map((hint) => hint.label), ['(from the worker)']);
    // Nothing left to do: a second request sends nothing.
    assert.equal(renderAhead(service, async () => assert.fail('sent again'), document, style, 'citations').count, 0);
  });

  it('renders in the server\'s own thread when the worker fails, once', async () => {
    const { service, document, style } = await brief('[@roe2021, 7]');
    await renderAhead(service, async () => {
      throw new Error('worker stopped');
    }, document, style, 'citations').done;
    assert.deepEqual(service.getCiteprocJobs(document, style, 'citations'), []);
    assert.deepEqual(service.getInlayHints(document, style).map((hint) => hint.label), ['(Roe 2021, 7)']);
  });

  it('does nothing without a worker: the request renders in-line', async () => {
    // Works no other test renders: module caches keep renderings across services.
    const { service, document, style } = await brief('[@roe2021; @doe2020, 9]');
    assert.equal(renderAhead(service, undefined, document, style, 'citations').count, 0);
    assert.equal(service.getCiteprocJobs(document, style, 'citations').length, 2);
  });
});
