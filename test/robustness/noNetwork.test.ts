import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { join } from 'node:path';
import { doc, testService } from '../helpers/service';

describe('no network access', () => {
  it('checks, completes and reads bibliographies without opening a socket or looking up a host', async () => {
    const attempts: string[] = [];
    const originals = { connect: net.Socket.prototype.connect, lookup: dns.lookup, request: http.request, secure: https.request };
    net.Socket.prototype.connect = function (...args: unknown[]) {
      attempts.push(`socket ${JSON.stringify(args[0])}`);
      throw new Error('network access during a BriefKit check');
    } as typeof net.Socket.prototype.connect;
    (dns as { lookup: unknown }).lookup = (host: string) => {
      attempts.push(`dns ${host}`);
      throw new Error('network access during a BriefKit check');
    };
    (http as { request: unknown }).request = () => attempts.push('http');
    (https as { request: unknown }).request = () => attempts.push('https');
    try {
      const fixtures = join(__dirname, '../fixtures');
      const files = { 'file:///w/refs.bib': readFileSync(join(fixtures, 'bibliography/refs.bib'), 'utf8') };
      const service = testService({}, files);
      const text = `---\nbibliography: refs.bib\n---\n\n${readFileSync(join(fixtures, 'demo/brief.md'), 'utf8').replace(/^---[\s\S]*?---\n/, '')} See [@okafor2025] and https://doi.org/10.5555/x.\n`;
      const document = doc(text, 1, 'file:///w/brief.md');
      await service.loadBibliographies(document);
      service.computeDiagnostics(document);
      service.getCompletions(document, { line: 4, character: 0 });
      service.getCodeActions(document, { start: { line: 0, character: 0 }, end: { line: 60, character: 0 } });
    } finally {
      net.Socket.prototype.connect = originals.connect;
      (dns as { lookup: unknown }).lookup = originals.lookup;
      (http as { request: unknown }).request = originals.request;
      (https as { request: unknown }).request = originals.secure;
    }
    assert.deepEqual(attempts, []);
  });
});
