import type { ContentTypeEncoder, Message, ContentTypeEncoderOptions } from 'vscode-languageserver/node';

const PUBLISH_DIAGNOSTICS = 'textDocument/publishDiagnostics';
/** Where the diagnostics go in a publish message serialised with a placeholder: a key can only match outside string values, whose quotes JSON escapes. */
const PLACEHOLDER = '"diagnostics":0';

/**
 * The JSON encoder of the stdio transport, giving the same bytes as `JSON.stringify`, except that
 * each diagnostic object is serialised once: after a keystroke most of a brief's diagnostics are
 * the objects published for the previous version (see `VersionFindings`), and serialising all of
 * them again (1,300 diagnostics, 400 KB, in a long brief) was the largest part of a keystroke's
 * publish. Diagnostics handed to it must not be changed after they are sent.
 */
export function diagnosticsReusingEncoder(): ContentTypeEncoder {
  const encoded = new WeakMap<object, Buffer>();
  const bytesOf = (diagnostic: object): Buffer => {
    let bytes = encoded.get(diagnostic);
    if (!bytes) {
      bytes = Buffer.from(JSON.stringify(diagnostic), 'utf-8');
      encoded.set(diagnostic, bytes);
    }
    return bytes;
  };
  return {
    name: 'application/json',
    encode: (message: Message, options: ContentTypeEncoderOptions) => {
      try {
        const publish = publishMessage(message);
        if (!publish || options.charset !== 'utf-8') return Promise.resolve(Buffer.from(JSON.stringify(message), options.charset));
        const shell = JSON.stringify({ ...publish, params: { ...publish.params, diagnostics: 0 } });
        const at = shell.indexOf(PLACEHOLDER);
        const parts: Buffer[] = [Buffer.from(`${shell.slice(0, at)}"diagnostics":[`, 'utf-8')];
        publish.params.diagnostics.forEach((diagnostic, i) => {
          if (i > 0) parts.push(COMMA);
          parts.push(bytesOf(diagnostic));
        });
        parts.push(Buffer.from(`]${shell.slice(at + PLACEHOLDER.length)}`, 'utf-8'));
        return Promise.resolve(Buffer.concat(parts));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
}

const COMMA = Buffer.from(',');

interface PublishMessage extends Message {
  params: { diagnostics: object[] };
}

/** A publishDiagnostics notification whose every diagnostic is a plain object; undefined for any other message. */
function publishMessage(message: Message): PublishMessage | undefined {
  const { method, params } = message as { method?: unknown; params?: { diagnostics?: unknown } };
  if (method !== PUBLISH_DIAGNOSTICS || typeof params !== 'object' || params === null) return undefined;
  const diagnostics = params.diagnostics;
  if (!Array.isArray(diagnostics) || !diagnostics.every((d) => typeof d === 'object' && d !== null && typeof (d as { toJSON?: unknown }).toJSON !== 'function')) return undefined;
  return message as PublishMessage;
}
