import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** The open briefs: what the handlers and checks work on. */
export interface OpenBriefs {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

/**
 * A bibliography file an editor opened with BriefKit attached (VS Code does for `.bib`), so F2 on
 * a key there renames it everywhere. Such a file is never checked or answered as a brief.
 */
export function isBibliographyFile(document: TextDocument): boolean {
  return ['bibtex', 'biblatex', 'json', 'yaml'].includes(document.languageId) || /\.(?:bib|json|ya?ml)$/i.test(document.uri);
}

export function openBriefs(documents: TextDocuments<TextDocument>): OpenBriefs {
  return {
    get: (uri) => {
      const document = documents.get(uri);
      return document && !isBibliographyFile(document) ? document : undefined;
    },
    all: () => documents.all().filter((document) => !isBibliographyFile(document)),
  };
}
