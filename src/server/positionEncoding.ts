import type { Connection, InitializeParams, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../core';

/**
 * LSP 3.17's position encodings. The core counts UTF-16 code units (JavaScript strings); a client
 * that offers UTF-8 (Neovim 0.10+, Helix) gets byte offsets, converted here, at the one edge: the
 * text sync, every request's positions and every position the server sends.
 */
export type PositionEncoding = 'utf-8' | 'utf-16';

export function negotiatedEncoding(params: InitializeParams): PositionEncoding {
  return params.capabilities.general?.positionEncodings?.includes('utf-8') ? 'utf-8' : 'utf-16';
}

interface Position {
  line: number;
  character: number;
}

function isPosition(value: unknown): value is Position {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Position).line === 'number' &&
    typeof (value as Position).character === 'number' &&
    Object.keys(value).length === 2
  );
}

/** UTF-8 bytes of the UTF-16 code units `text[from, to)`. */
function utf8Length(text: string, from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    // Each half of a surrogate pair counts 2: the pair is one 4-byte character.
    else if (unit >= 0xd800 && unit <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

/** A position's line in the text as offsets: where it starts, and where the position (kept on its line) falls. */
function lineOf(lines: LineIndex, position: Position): { start: number; end: number } {
  return { start: lines.lineStart(position.line), end: lines.offsetAt({ line: position.line, character: Number.MAX_SAFE_INTEGER }) };
}

function toUtf8(lines: LineIndex, position: Position): Position {
  const { start, end } = lineOf(lines, position);
  return { line: position.line, character: utf8Length(lines.text, start, Math.min(start + position.character, end)) };
}

function toUtf16(lines: LineIndex, position: Position): Position {
  const { start, end } = lineOf(lines, position);
  const text = lines.text;
  let at = start;
  let bytes = 0;
  while (at < end && bytes < position.character) {
    const unit = text.charCodeAt(at);
    const pair = unit >= 0xd800 && unit <= 0xdbff && at + 1 < end;
    bytes += utf8Length(text, at, at + (pair ? 2 : 1));
    at += pair ? 2 : 1;
  }
  return { line: position.line, character: at - start };
}

type Direction = 'toServer' | 'toClient';

/** Converts every position in a message, each in the document it belongs to. */
export class PositionCodec {
  encoding: PositionEncoding = 'utf-16';
  private readonly indexes = new Map<string, LineIndex>();

  /** `textOf` gives a document's current text (open, or on disk); a document without text is left as it is. */
  constructor(private readonly textOf: (uri: string) => string | undefined) {}

  toServer<T>(value: T): T {
    return this.encoding === 'utf-16' ? value : (this.walk(value, undefined, 'toServer') as T);
  }

  toClient<T>(value: T, uri?: string): T {
    return this.encoding === 'utf-16' ? value : (this.walk(value, uri, 'toClient') as T);
  }

  /** A text change as the client sent it, with its range in UTF-16 of the document before the change. */
  change(document: TextDocument, change: TextDocumentContentChangeEvent): TextDocumentContentChangeEvent {
    if (this.encoding === 'utf-16' || !('range' in change)) return change;
    const lines = new LineIndex(document.getText());
    return { ...change, range: { start: toUtf16(lines, change.range.start), end: toUtf16(lines, change.range.end) } };
  }

  private index(uri: string): LineIndex | undefined {
    const text = this.textOf(uri);
    if (text === undefined) return undefined;
    let index = this.indexes.get(uri);
    if (index?.text !== text) {
      index = new LineIndex(text);
      this.indexes.set(uri, index);
    }
    return index;
  }

  forget(uri: string): void {
    this.indexes.delete(uri);
  }

  /**
   * Diagnostics as sent to the client, by the object the server publishes. A diagnostic kept from
   * the previous version (see VersionFindings) goes out as the object sent last time when its
   * converted positions are the same, so the transport's encoder does not serialise it again
   * (diagnosticsReusingEncoder): without this, a UTF-8 client got new objects on every publish.
   */
  private readonly sentDiagnostics = new WeakMap<object, unknown>();

  /** A publishDiagnostics notification's params, positions in the negotiated encoding. */
  publishToClient<T extends { uri: string; diagnostics: readonly object[] }>(params: T): T {
    if (this.encoding === 'utf-16') return params;
    const diagnostics = params.diagnostics.map((diagnostic) => {
      const converted = this.walk(diagnostic, params.uri, 'toClient');
      const sent = this.sentDiagnostics.get(diagnostic);
      if (sent !== undefined && sameValue(sent, converted)) return sent;
      this.sentDiagnostics.set(diagnostic, converted);
      return converted;
    });
    return { ...params, diagnostics };
  }

  private walk(value: unknown, uri: string | undefined, direction: Direction): unknown {
    if (Array.isArray(value)) {
      // A command's arguments, [uri, position, …]: the positions are in that document.
      const context = typeof value[0] === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(value[0]) ? value[0] : uri;
      return value.map((item) => this.walk(item, context, direction));
    }
    if (typeof value !== 'object' || value === null) return value;
    if (isPosition(value)) {
      const index = uri === undefined ? undefined : this.index(uri);
      if (!index) return value;
      return direction === 'toClient' ? toUtf8(index, value) : toUtf16(index, value);
    }
    const record = value as Record<string, unknown>;
    // The document a part of a message speaks of: Location, TextDocumentEdit, request params, LocationLink's target.
    const textDocument = record.textDocument as { uri?: unknown } | undefined;
    const own = typeof record.uri === 'string' ? record.uri : typeof textDocument?.uri === 'string' ? textDocument.uri : uri;
    const target = typeof record.targetUri === 'string' ? record.targetUri : own;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(record)) {
      if (key === 'changes' && typeof field === 'object' && field !== null && !Array.isArray(field)) {
        // WorkspaceEdit.changes: edits keyed by the document they change.
        out[key] = Object.fromEntries(Object.entries(field).map(([changed, edits]) => [changed, this.walk(edits, changed, direction)]));
      } else if (key === 'targetRange' || key === 'targetSelectionRange') {
        out[key] = this.walk(field, target, direction);
      } else {
        out[key] = this.walk(field, key === 'originSelectionRange' ? uri : own, direction);
      }
    }
    return out;
  }
}

/** Whether two JSON values are equal, member by member. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const [keysA, keysB] = [Object.keys(a), Object.keys(b)];
  return keysA.length === keysB.length && keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Request handlers whose params and results carry positions. */
const HANDLERS = new Set([
  'onHover',
  'onCompletion',
  'onDefinition',
  'onReferences',
  'onRenameRequest',
  'onPrepareRename',
  'onCodeAction',
  'onDocumentSymbol',
  'onDocumentLinks',
  'onExecuteCommand',
  'onRequest',
]);

function uriOf(params: unknown): string | undefined {
  const record = params as { uri?: unknown; textDocument?: { uri?: unknown } } | undefined;
  const uri = record?.textDocument?.uri ?? record?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

/**
 * The connection as the handlers see it: positions they receive are UTF-16, positions they send
 * are converted to the negotiated encoding.
 */
export function withPositionEncoding(connection: Connection, codec: PositionCodec): Connection {
  const convertSent =
    <A extends unknown[], R>(send: (...args: A) => R) =>
    (...args: A): R =>
      send(...(args.map((arg) => codec.toClient(arg)) as A));
  const workspace = new Proxy(connection.workspace, {
    get: (target, prop) => (prop === 'applyEdit' ? convertSent(target.applyEdit.bind(target)) : Reflect.get(target, prop)),
  });
  const window = new Proxy(connection.window, {
    get: (target, prop) => (prop === 'showDocument' ? convertSent(target.showDocument.bind(target)) : Reflect.get(target, prop)),
  });
  return new Proxy(connection, {
    get(target, prop) {
      const member = Reflect.get(target, prop) as unknown;
      if (prop === 'workspace') return workspace;
      if (prop === 'window') return window;
      if (prop === 'sendDiagnostics') return (params: PublishDiagnosticsParams) => target.sendDiagnostics(codec.publishToClient(params));
      if (typeof prop !== 'string' || !HANDLERS.has(prop) || typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        const handler = args[args.length - 1] as (params: unknown, ...rest: unknown[]) => unknown;
        const converted = (params: unknown, ...rest: unknown[]) => {
          const result = handler(codec.toServer(params), ...rest);
          const uri = uriOf(params);
          return result instanceof Promise ? result.then((r: unknown) => codec.toClient(r, uri)) : codec.toClient(result, uri);
        };
        return (member as (...a: unknown[]) => unknown).apply(target, [...args.slice(0, -1), converted]);
      };
    },
  });
}

/** TextDocuments' configuration: changes applied one at a time, each converted against the text it changes. */
export function documentsIn(codec: PositionCodec): { create: typeof TextDocument.create; update: typeof TextDocument.update } {
  return {
    create: TextDocument.create,
    update: (document, changes, version) => {
      let updated = document;
      for (const change of changes) updated = TextDocument.update(updated, [codec.change(updated, change)], version);
      return updated;
    },
  };
}
