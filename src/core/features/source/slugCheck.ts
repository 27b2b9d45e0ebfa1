import { foldForComparison } from '../../references/referenceParser';

/** Path words that say nothing about a story: sections, formats, languages. */
const PATH_NOISE = new Set([
  'news',
  'article',
  'articles',
  'story',
  'stories',
  'world',
  'www',
  'html',
  'htm',
  'php',
  'aspx',
  'index',
  'en',
  'us',
  'uk',
  'cps',
  'opinions',
  'politics',
  'business',
  'content',
  'pages',
  'page',
  'post',
  'posts',
  'blog',
  'blogs',
  'section',
  'sections',
  'amp',
  'live',
  'video',
  'media',
  'press',
  'release',
  'releases',
  'the',
  'and',
  'for',
  'with',
  'from',
  'that',
  'this',
  'are',
  'was',
  'has',
  'have',
  'its',
  'into',
  'over',
  'after',
  'about',
  'how',
  'what',
  'why',
  'who',
  'new',
  'says',
  'said',
]);

function words(text: string): string[] {
  return foldForComparison(text)
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 3 && !PATH_NOISE.has(w));
}

/** "korea" matches "korean", "russia" matches "russian": a shared start of 5 letters, or the whole short word. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = a.length <= b.length ? a : b;
  const longer = a.length <= b.length ? b : a;
  return shorter.length >= 4 && longer.startsWith(shorter.slice(0, Math.max(4, shorter.length - 1))) && longer.length - shorter.length <= 3;
}

/** The words of a URL's most descriptive path segment (the longest hyphenated one). */
export function slugWords(url: string): string[] {
  const path = /^https?:\/\/[^/]+(\/[^?#]*)?/i.exec(url)?.[1] ?? '';
  const segments = path.split('/').filter((s) => /(?<![a-z])[a-z]{3,}[-_][a-z]{3}/i.test(s));
  if (segments.length === 0) return [];
  const longest = segments.reduce((a, b) => (b.split(/[-_]/).length > a.split(/[-_]/).length ? b : a));
  return [...new Set(words(longest.replace(/[-_]/g, ' ')))];
}

/** Capitalised names joined by commas, "and", "&" or "et al.", then a year: an author-date label, not a title. */
const AUTHORS_AND_YEAR = /^\p{Lu}[\p{L}'’-]+(?:(?:,\s*|,?\s+(?:and|&)\s+)\p{Lu}[\p{L}'’-]+)*(?:,?\s+et\s+al\.?)?,?\s+\(?(?:1[5-9]|20)\d\d[a-z]?\)?$/u;

/**
 * True when a URL's slug reads like a different story from the cited title: the slug has at
 * least five words and fewer than a quarter of them, and of the title's words, are shared.
 * Ordinary URLs (ids, dates, short slugs) have no slug to judge and never fire.
 */
export function slugContradictsTitle(url: string, title: string): boolean {
  // A link written as its work's author and year ("Autor, Katz and Kearney 2008") names no title to compare.
  if (AUTHORS_AND_YEAR.test(title.trim())) return false;
  const slug = slugWords(url);
  if (slug.length < 5) return false;
  const titleWords = [...new Set(words(title))];
  if (titleWords.length < 3) return false;
  const slugShared = slug.filter((w) => titleWords.some((t) => sameWord(w, t))).length / slug.length;
  const titleShared = titleWords.filter((t) => slug.some((w) => sameWord(w, t))).length / titleWords.length;
  return slugShared < 0.25 && titleShared < 0.25;
}
