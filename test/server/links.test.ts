import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../helpers/lspClient';
import { loopbackSite } from '../helpers/loopbackSite';

describe('language server: link checking (briefkit.links.check)', function () {
  this.timeout(30000);

  it('publishes the brief at once, then again with its broken address once the site has answered', async () => {
    const site = await loopbackSite();
    const folder = mkdtempSync(join(tmpdir(), 'briefkit-server-links-'));
    const client = new LspTestClient();
    client.settings = { links: { check: true }, claims: { enabled: false } };
    try {
      await client.initialize(pathToFileURL(folder).href);
      const uri = pathToFileURL(join(folder, 'brief.md')).href;
      await client.open(uri, `Prices.[^1]\n\n[^1]: Jane Doe, “Water Prices Rise Again in the North,” Reuters, 2024, ${site.base}/gone.\n`);
      const first = await client.nextDiagnostics(uri);
      assert.deepEqual(first.diagnostics.map((d) => d.code), []);
      const second = await client.nextDiagnostics(uri);
      assert.deepEqual(second.diagnostics.map((d) => [d.code, d.range.start.line]), [['link.broken', 2]]);
      // Checked once: the next edit is answered from the results already fetched.
      const asked = site.requests.length;
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Water ' }]);
      const third = await client.nextDiagnostics(uri, (p) => p.version === 2);
      assert.deepEqual(third.diagnostics.map((d) => d.code), ['link.broken']);
      assert.equal(site.requests.length, asked);
    } finally {
      await client.shutdown();
      site.server.closeAllConnections();
      site.server.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
