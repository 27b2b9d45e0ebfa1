import type { Feature } from '../../feature';
import { findLinkProblems } from './linkChecks';

/** Web addresses in notes and the Bibliography, as the host's link checker found them (opt-in). */
export const links: Feature = {
  name: 'links',
  checks: [
    {
      diagnostics: ({ document, options, linkStatus }) => (options.linksCheck ? findLinkProblems(document, linkStatus) : []),
      // The addresses are in notes and the Bibliography (where words may be part of an address), never in a prose sentence's words.
      reads: ['noteText', 'entries', 'markup', 'files'],
    },
  ],
};
