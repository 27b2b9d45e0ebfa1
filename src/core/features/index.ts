import type { Feature } from '../feature';
import { bibliography } from './bibliography';
import { citations } from './citation';
import { claims } from './claim';
import { crossrefs } from './crossref';
import { footnotes } from './footnote';
import { frontMatter } from './frontmatter';
import { links } from './link';
import { sources } from './source';

/** Every feature of the language service, in the order they are asked. Adding a feature is one line here. */
export const FEATURES: readonly Feature[] = [frontMatter, bibliography, citations, crossrefs, footnotes, sources, links, claims];
