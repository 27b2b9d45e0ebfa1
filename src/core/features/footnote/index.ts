import type { Feature } from '../../feature';
import {
  findDuplicateFootnotes,
  findEmptyFootnotes,
  findFootnoteLabelCaseProblems,
  findFootnoteOrderProblems,
  findLegacyFootnoteMarkers,
  findMisplacedFootnotes,
  findUndefinedFootnotes,
  findUnusedFootnotes,
} from './footnoteChecks';
import { findMalformedNotes } from './noteSyntax';
import { findNoteDisciplineProblems } from './noteDiscipline';
import { completeFootnote } from './footnoteCompletion';
import { footnoteNumberHints } from './footnoteNumbers';
import {
  footnoteDefinition,
  footnoteHover,
  footnoteLinks,
  footnoteReferences,
  footnoteSymbols,
  prepareFootnoteRename,
  renameFootnote,
} from './footnoteNavigation';

/** `footnote.*`: `[^label]` notes: their checks and fixes, Chicago's note discipline, completion, navigation, rename, outline and links. */
export const footnotes: Feature = {
  name: 'footnotes',
  // The note-reading group stands between the other two so the findings keep the order they have always had.
  checks: [
    { diagnostics: ({ document }) => [...findUndefinedFootnotes(document), ...findUnusedFootnotes(document)], reads: ['markup'] },
    // A note's own words are read here (empty and repeated notes).
    {
      diagnostics: ({ document }) => [...findDuplicateFootnotes(document), ...findEmptyFootnotes(document)],
      reads: ['markup', 'noteText'],
    },
    {
      diagnostics: ({ document, options }) => [
        ...findFootnoteOrderProblems(document),
        ...findMisplacedFootnotes(document, options.footnotePlacement),
        ...findLegacyFootnoteMarkers(document),
        ...findFootnoteLabelCaseProblems(document),
      ],
      // Pasted superscripts are digits, which no word edit types.
      reads: ['markup'],
    },
    // Chicago's full note first, then short ones: notes' texts and their order, which words typed in the prose leave alone.
    {
      diagnostics: ({ document, options }) => findNoteDisciplineProblems(document, options.footnoteIbid),
      reads: ['markup', 'noteText', 'entries'],
    },
    // Labels written with a space: words typed inside `[^Two Words]` change them.
    {
      diagnostics: ({ document }) => findMalformedNotes(document),
      reads: ['markup', 'writtenLabels'],
    },
  ],
  completions: ({ document }, offset) => completeFootnote(document, offset),
  hover: ({ document }, offset) => footnoteHover(document, offset),
  definition: ({ document }, offset) => {
    const locations = footnoteDefinition(document, offset);
    return locations.length > 0 ? locations : undefined;
  },
  references: async ({ document }, offset, includeDeclaration) => footnoteReferences(document, offset, includeDeclaration),
  prepareRename: ({ document }, offset) => prepareFootnoteRename(document, offset),
  inlayHints: ({ document }) => footnoteNumberHints(document),
  rename: ({ document }, offset, newLabel) => {
    const edits = renameFootnote(document, offset, newLabel);
    return edits && [{ uri: document.uri, version: document.version, edits }];
  },
  symbols: ({ document }) => footnoteSymbols(document),
  links: ({ document }) => footnoteLinks(document),
};
