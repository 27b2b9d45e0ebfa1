import type { LocatedReference } from './sourceIndex';
import type { ParsedReference } from './referenceParser';

/** A text cut to `max` characters in curly quotes, for a message. */
export function quoteShort(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `“${clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean}”`;
}

/** How a message names a source: "Drummond, Michael, “Kursk incursion…”", or its title, or its URL. */
export function describeSource(located: LocatedReference): string {
  const r = located.reference;
  let description = descriptions.get(r);
  if (description === undefined) {
    const title = r.title ? quoteShort(r.title.text, 50) : undefined;
    description = r.authors && title ? `${r.authors.text}, ${title}` : (title ?? (r.url ? r.url.text : quoteShort(r.raw)));
    descriptions.set(r, description);
  }
  return description;
}

/** Each parsed reference's description, worked out once: a reference is parsed once per text, and every version's messages name it again. */
const descriptions = new WeakMap<ParsedReference, string>();
