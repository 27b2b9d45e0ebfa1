import { strict as assert } from 'node:assert';
import type { ContentTypeEncoderOptions, Message } from 'vscode-languageserver/node';
import { diagnosticsReusingEncoder } from '../../src/server/diagnosticsEncoder';
import { sendConsoleTo } from '../../src/server/transport';
import { PositionCodec } from '../../src/server/positionEncoding';

const UTF8: ContentTypeEncoderOptions = { charset: 'utf-8' };

function publish(diagnostics: unknown[], uri = 'file:///tmp/brief "draft".md'): Message {
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: 7, diagnostics } } as Message;
}

const diagnostic = (line: number, message: string) => ({
  code: 'claim.uncited',
  severity: 3,
  message,
  range: { start: { line, character: 0 }, end: { line, character: 12 } },
  source: 'BriefKit',
});

describe('the stdio encoder of published diagnostics', () => {
  it('writes the same bytes as JSON.stringify, for diagnostics with quotes, backslashes, line breaks and non-ASCII text', async () => {
    const encoder = diagnosticsReusingEncoder();
    const message = publish([diagnostic(1, 'Mark it "not a claim" — or add a source.'), diagnostic(2, 'C:\\notes\nline two; “quoted”; 日本')]);
    const bytes = await encoder.encode(message, UTF8);
    assert.equal(Buffer.from(bytes).toString('utf-8'), JSON.stringify(message));
    const empty = publish([]);
    assert.equal(Buffer.from(await encoder.encode(empty, UTF8)).toString('utf-8'), JSON.stringify(empty));
  });

  it('serialises a diagnostic object once: sent again in a later publish, it is not read again', async () => {
    const encoder = diagnosticsReusingEncoder();
    let reads = 0;
    const kept = diagnostic(3, '');
    Object.defineProperty(kept, 'message', { enumerable: true, get: () => (reads++, 'This sentence gives a date.') });
    const first = publish([kept, diagnostic(4, 'new one')]);
    assert.equal(Buffer.from(await encoder.encode(first, UTF8)).toString('utf-8'), JSON.stringify(first));
    reads = 0;
    const second = publish([diagnostic(2, 'another'), kept]);
    const bytes = Buffer.from(await encoder.encode(second, UTF8)).toString('utf-8');
    assert.equal(reads, 0);
    assert.equal(bytes, JSON.stringify(second));
  });

  it('serialises a kept diagnostic once for a UTF-8 client too, and a moved one again', async () => {
    let text = 'Café 東京 👍 moved.[^gone]\nAid rose.\n';
    const codec = new PositionCodec(() => text);
    codec.encoding = 'utf-8';
    const encoder = diagnosticsReusingEncoder();
    const uri = 'file:///brief.md';
    const kept = { ...diagnostic(0, 'Footnote [^gone] has no note.'), range: { start: { line: 0, character: 17 }, end: { line: 0, character: 24 } } };
    const first = codec.publishToClient({ uri, diagnostics: [kept, diagnostic(1, 'claim')] });
    assert.deepEqual(first.diagnostics[0], { ...kept, range: { start: { line: 0, character: 24 }, end: { line: 0, character: 31 } } });
    await encoder.encode(publish(first.diagnostics), UTF8);
    // The encoder's cache: a diagnostic it has serialised is not read again.
    let reads = 0;
    const sent = first.diagnostics[0] as { message: string };
    const message = sent.message;
    Object.defineProperty(sent, 'message', { enumerable: true, get: () => (reads++, message) });
    text = 'Café 東京 👍 moved.[^gone]\nAid rose again.\n';
    const second = codec.publishToClient({ uri, diagnostics: [kept, diagnostic(1, 'claim, longer')] });
    assert.equal(second.diagnostics[0], sent);
    reads = 0;
    const bytes = Buffer.from(await encoder.encode(publish(second.diagnostics), UTF8)).toString('utf-8');
    assert.equal(reads, 0);
    assert.equal(bytes, JSON.stringify(publish(second.diagnostics)));
    // Text typed before it on its line moves it in bytes, though not in UTF-16: it goes out anew.
    text = 'Café 東京東京 👍 moved[^gone]\nAid rose again.\n';
    const third = codec.publishToClient({ uri, diagnostics: [kept] });
    assert.notEqual(third.diagnostics[0], sent);
    assert.deepEqual((third.diagnostics[0] as typeof kept).range.start, { line: 0, character: 28 });
  });

  it('writes every other message, and a publish in another charset, as JSON.stringify does', async () => {
    const encoder = diagnosticsReusingEncoder();
    const others: Message[] = [
      { jsonrpc: '2.0', id: 1, method: 'workspace/configuration', params: { items: [{ section: 'briefkit' }] } } as Message,
      { jsonrpc: '2.0', id: 2, result: { capabilities: {} } } as Message,
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'é' } } as Message,
      publish([null, diagnostic(1, 'x')]),
    ];
    for (const message of others) assert.equal(Buffer.from(await encoder.encode(message, UTF8)).toString('utf-8'), JSON.stringify(message));
    const ascii = publish([diagnostic(1, 'plain')]);
    assert.deepEqual(Buffer.from(await encoder.encode(ascii, { charset: 'ascii' })), Buffer.from(JSON.stringify(ascii), 'ascii'));
  });
});

describe("the server's console on stdio", () => {
  it("sends what code prints to the editor's log, at its level, never to stdout", () => {
    const logged: string[] = [];
    const remote = {
      log: (m: string) => logged.push(`log ${m}`),
      info: (m: string) => logged.push(`info ${m}`),
      warn: (m: string) => logged.push(`warn ${m}`),
      error: (m: string) => logged.push(`error ${m}`),
    };
    const target = {} as Console;
    sendConsoleTo(remote, target);
    target.log('entries', 3, { key: 'okafor2019' });
    target.debug('parsed');
    target.info('ready');
    target.warn('slow');
    target.error(new Error('broken').message);
    target.dir({ depth: [1] });
    assert.deepEqual(logged, ["log entries 3 { key: 'okafor2019' }", 'log parsed', 'info ready', 'warn slow', 'error broken', 'log { depth: [ 1 ] }']);
  });
});
