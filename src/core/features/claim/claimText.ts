/** Punctuation that blogs exported from WordPress keep as HTML entities (`&#8220;`, `&rsquo;`), as the reader sees it. */
const ENTITIES: Record<string, string> = {
  '#8211': '–',
  '#8212': '—',
  '#8216': '‘',
  '#8217': '’',
  '#8220': '“',
  '#8221': '”',
  '#8230': '…',
  '#39': "'",
  '#160': ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  quot: '"',
  apos: "'",
  amp: '&',
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#\d{2,4}|[a-z]{2,6});/g, (entity, name: string) => ENTITIES[name] ?? entity);
}

/** Removes footnote markers and citations so they do not count as numbers or names, and reads HTML entities as their characters. */
export function claimText(sentence: string): string {
  if (sentence.includes('&')) sentence = decodeEntities(sentence);
  // Sentences come with their spaces already collapsed: only markers and citations need taking out.
  if (!sentence.includes('[')) return sentence.trim();
  return sentence
    .replace(/\[\^[^[\]\s]+\]/g, '')
    .replace(/\[[^[\]@]*@[^[\]]*\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
