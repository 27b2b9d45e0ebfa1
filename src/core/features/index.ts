import type { Feature } from '../feature';
import { citations } from './citations';
import { claims } from './claims';
import { footnotes } from './footnotes';
import { frontMatter } from './frontMatter';
import { links } from './links';
import { sources } from './sources';

/** Every feature of the language service, in the order they are asked. Adding a feature is one line here. */
export const FEATURES: readonly Feature[] = [frontMatter, citations, footnotes, sources, links, claims];
