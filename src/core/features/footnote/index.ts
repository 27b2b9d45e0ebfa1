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
  // Markers, labels and pasted superscripts: a word edit touches none, nor the punctuation beside them, wherever it is.
  // The note-reading group stands between the other two so the findings keep the order they have always had.
  checks: [
    { diagnostics: ({ document }) => [...findUndefinedFootnotes(document), ...findUnusedFootnotes(document)], unchangedByWordEdit: () => true },
    // A note's own words are read here (empty and repeated notes).
    {
      diagnostics: ({ document }) => [...findDuplicateFootnotes(document), ...findEmptyFootnotes(document)],
      unchangedByWordEdit: ({ within }) => within !== 'note',
    },
    {
      diagnostics: ({ document, options }) => [
        ...findFootnoteOrderProblems(document),
        ...findMisplacedFootnotes(document, options.footnotePlacement),
        ...findLegacyFootnoteMarkers(document),
        ...findFootnoteLabelCaseProblems(document),
      ],
      unchangedByWordEdit: () => true,
    },
    // Chicago's full note first, then short ones: notes' texts and their order, which words typed in the prose leave alone.
    {
      diagnostics: ({ document, options }) => findNoteDisciplineProblems(document, options.footnoteIbid),
      unchangedByWordEdit: ({ within }) => within === 'sentence',
    },
    // Labels written with a space: words typed inside `[^Two Words]` change them.
    {
      diagnostics: ({ document }) => findMalformedNotes(document),
      unchangedByWordEdit: ({ before, after }) => !before.includes('[^') && !after.includes('[^'),
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
