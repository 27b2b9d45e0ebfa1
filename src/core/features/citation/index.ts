import type { Feature } from '../../feature';
import { findCitationProblems } from './citationChecks';
import { findAuthorDateCitationsNotInFiles, findUnmatchedAuthorDateCitations } from './authorDateChecks';
import { completeCitation, completeNoteFromBibliography } from './citationCompletion';
import { citationDefinition, citationHover, citationKeyUnder, citationReferences } from './citationNavigation';
import { prepareCitationRename, renameCitationKey } from './citationRename';
import { citationHints } from './citationHints';

/** `citation.*`: Pandoc `[@key]` citations against bibliography files, and author-date citations in the prose: checks and fixes, completion, hover, definition, references, rename, inlay hints. */
export const citations: Feature = {
  name: 'citations',
  checks: [
    {
      diagnostics: ({ document, bibliography }) => findCitationProblems(document, bibliography()),
      reads: ['markup', 'files'],
    },
    // Author-date citations in the prose, against the Bibliography section or the bibliography files.
    {
      diagnostics: ({ document, bibliography }) => [
        ...findUnmatchedAuthorDateCitations(document),
        ...findAuthorDateCitationsNotInFiles(document, bibliography().byKey.values()),
      ],
      reads: ['proseCitations', 'noteText', 'entries', 'files'],
    },
  ],
  completions: ({ document, bibliography }, offset) =>
    completeCitation(document, offset, bibliography()) ?? completeNoteFromBibliography(document, offset, bibliography()),
  hover: ({ document, bibliography, renderReference }, offset) => citationHover(document, offset, bibliography(), renderReference),
  definition: ({ document, bibliography }, offset) => {
    const locations = citationDefinition(document, offset, bibliography());
    return locations.length > 0 ? locations : undefined;
  },
  prepareRename: ({ document }, offset) => prepareCitationRename(document, offset),
  inlayHints: ({ document, renderCitations }, style) => citationHints(document, renderCitations(style)),
  rename: ({ document, bibliography }, offset, newKey, workspace) => renameCitationKey(document, offset, newKey, bibliography(), workspace),
  references: (context, offset, _includeDeclaration, workspace) => {
    const key = citationKeyUnder(context.document, offset);
    if (key === undefined) return undefined;
    return workspace.documents().then((documents) => documents.flatMap((document) => citationReferences(document, key)));
  },
};
