import type { CslItem } from '@citation-js/core';

type Name = NonNullable<CslItem['author']>[number];

function fullName(name: Name): string {
  return name.literal ?? [name.given, name.family].filter(Boolean).join(' ');
}

/** "Jane Doe", "Jane Doe and Rick Roe", "A, B, and C", "Jane Doe et al." (four or more), as Chicago notes list authors. */
export function noteAuthors(names: Name[] | undefined): string {
  return authorList((names ?? []).map(fullName).filter((n) => n !== ''));
}

/** Names as a Chicago note lists them: "A", "A and B", "A, B, and C", "A et al." (four or more, or `etAl`). */
export function authorList(list: readonly string[], etAl = false): string {
  if (list.length === 0) return '';
  if (list.length >= 4 || etAl) return `${list[0]} et al.`;
  if (list.length === 3) return `${list[0]}, ${list[1]}, and ${list[2]}`;
  return list.join(' and ');
}

export function issuedYear(item: CslItem): string | undefined {
  const year = item.issued?.['date-parts']?.[0]?.[0];
  return year === undefined ? undefined : String(year);
}

const PART_OF_A_WHOLE = new Set([
  'article',
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'chapter',
  'paper-conference',
  'webpage',
  'post',
  'post-weblog',
  'entry',
  'entry-encyclopedia',
  'entry-dictionary',
]);

/**
 * A first full note in Chicago notes-bibliography style, in Markdown:
 * `Jane Doe, “Title,” *Journal* 14, no. 2 (2020): 33–51, https://doi.org/…`.
 */
export function chicagoNote(item: CslItem): string {
  const parts: string[] = [];
  const authors = noteAuthors(item.author ?? item.editor);
  if (authors) parts.push(authors);
  const year = issuedYear(item);
  const title = item.title?.trim();
  const isPart = PART_OF_A_WHOLE.has(item.type ?? '') || (item['container-title'] !== undefined && item.type !== 'book' && item.type !== 'report');
  if (title) parts.push(isPart ? `“${title},”` : `*${title}*`);
  const container = item['container-title'];
  if (item.type === 'article-journal' && container) {
    let journal = `*${container}*`;
    if (item.volume !== undefined) journal += ` ${item.volume}`;
    if (item.issue !== undefined) journal += `, no. ${item.issue}`;
    if (year) journal += ` (${year})`;
    // Chicago writes page ranges with an en dash.
    if (item.page) journal += `: ${item.page.replace(/(\d)\s*[-‐]+\s*(\d)/g, '$1–$2')}`;
    parts.push(journal);
  } else {
    if (container) parts.push(`*${container}*`);
    const place = [item['publisher-place'], item.publisher].filter(Boolean).join(': ');
    if (place && !isPart) parts.push(year ? `(${place}, ${year})` : `(${place})`);
    else if (place) parts.push(place);
    if (year && (isPart || !place)) parts.push(year);
  }
  if (item.DOI) parts.push(`https://doi.org/${item.DOI}`);
  else if (item.URL) parts.push(item.URL);
  // Commas join the parts; a quoted title already carries its comma inside the quotes.
  let note = '';
  parts.forEach((part, i) => {
    if (i === 0) note = part;
    else note += (note.endsWith(',”') || part.startsWith('(') ? ' ' : ', ') + part;
  });
  return note.replace(/,”$/, '.”') + (note.endsWith('.') || note.endsWith('.”') || note.endsWith(',”') ? '' : '.');
}

/** "Doe 2020", "Doe and Roe 2021", "Doe et al. n.d." for completion lists. */
export function shortCitation(item: CslItem): string {
  const names = (item.author ?? item.editor ?? []).map((n) => n.family ?? n.literal ?? '').filter(Boolean);
  const who =
    names.length === 0 ? (item.title ?? item.id) : names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} and ${names[1]}` : `${names[0]} et al.`;
  return `${who} ${issuedYear(item) ?? 'n.d.'}`;
}
