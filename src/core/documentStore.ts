import { assembleDocument, type BriefDocument } from './document';
import type { Logger } from './host';
import { changeBetween, splitIntoChunks, splitIntoChunksAfterEdit, wholeChunk, type Chunk, type TextChange } from './parse/blockSplitter';
import { parseChunk, type ChunkParse } from './parse/chunkParser';
import { throwIfCancelled, type BriefTextDocument, type CancellationToken } from './types';

interface CacheEntry {
  document: BriefDocument;
  /** This version's chunks, from which the next version's are found. */
  chunkList: Chunk[];
  /** Parses of the chunks in this version, by chunk text, reused by the next version. */
  chunks: Map<string, ChunkParse>;
  /** The version this one was edited from, and the change, while this is the latest. */
  edit?: VersionEdit;
}

/** How a version came from the one before it. */
export interface VersionEdit {
  previous: BriefDocument;
  change: TextChange;
}

/** The document model of each open brief, one per version; a new version re-parses only the chunks that changed. */
export class DocumentStore {
  private readonly cache = new Map<string, CacheEntry>();

  /** `whole`: each brief is checked once and never edited (the CLI), so it is parsed whole, not block by block. */
  constructor(
    private readonly logger: Logger,
    private readonly whole = false,
  ) {}

  get(input: BriefTextDocument, token?: CancellationToken): BriefDocument {
    const cached = this.cache.get(input.uri);
    const text = input.getText();
    // The version alone is not enough: a second open without a close, or a change that keeps the version, brings new text.
    if (cached && cached.document.version === input.version && cached.document.text === text) return cached.document;
    const edit = cached && { previous: cached.document, change: changeBetween(cached.document.text, text) };
    const chunks = this.whole
      ? wholeChunk(text)
      : edit
        ? splitIntoChunksAfterEdit(text, { text: edit.previous.text, chunks: cached.chunkList }, edit.change)
        : splitIntoChunks(text);
    const nextChunks = new Map<string, ChunkParse>();
    let reparsed = 0;
    const started = performance.now();
    const parseCached = (key: string, parse: () => ChunkParse): ChunkParse => {
      let result = nextChunks.get(key) ?? cached?.chunks.get(key);
      if (!result) {
        throwIfCancelled(token);
        result = parse();
        reparsed++;
      }
      nextChunks.set(key, result);
      return result;
    };
    const parses = chunks.map((chunk) =>
      parseCached((chunk.isFrontMatter ? 'front-matter\u0000' : '') + chunk.text, () => parseChunk(chunk.text, chunk.isFrontMatter)),
    );
    // A chunk that refers to a link or note defined in another is parsed again knowing those
    // labels, and kept under its text and them: a new or removed definition re-parses only the
    // chunks that may use it.
    const definedLinks = new Set(parses.flatMap((parse) => parse.labels.defines.links));
    const definedNotes = new Set(parses.flatMap((parse) => parse.labels.defines.notes));
    if (definedLinks.size > 0 || definedNotes.size > 0) {
      parses.forEach((parse, i) => {
        const { defines, mayUse } = parse.labels;
        if (mayUse.links.length + mayUse.notes.length === 0) return;
        const needed = {
          links: mayUse.links.filter((label) => definedLinks.has(label) && !defines.links.includes(label)).sort(),
          notes: mayUse.notes.filter((label) => definedNotes.has(label) && !defines.notes.includes(label)).sort(),
        };
        if (needed.links.length + needed.notes.length === 0) return;
        const { text: chunkText } = chunks[i];
        const key = `${chunkText}\u0000defined elsewhere\u0000${needed.links.join('\u0001')}\u0000${needed.notes.join('\u0001')}`;
        parses[i] = parseCached(key, () => parseChunk(chunkText, false, needed));
      });
    }
    const document = assembleDocument(input.uri, input.version, text, chunks, parses, reparsed);
    this.cache.set(input.uri, { document, chunkList: chunks, chunks: nextChunks, edit });
    this.logger.debug(`Parsed ${input.uri} version ${input.version}: ${reparsed} of ${chunks.length} blocks in ${(performance.now() - started).toFixed(1)} ms`);
    return document;
  }

  /** How `document` was edited from the version before, while it is its brief's latest version. */
  editOf(document: BriefDocument): VersionEdit | undefined {
    const entry = this.cache.get(document.uri);
    return entry?.document === document ? entry.edit : undefined;
  }

  /** A saved file's model, parsed without keeping it (for briefs that are not open). */
  parseUnopened(uri: string, text: string): BriefDocument {
    const document = this.get({ uri, version: -1, getText: () => text });
    this.cache.delete(uri);
    return document;
  }

  open(): BriefDocument[] {
    return [...this.cache.values()].map((entry) => entry.document);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
