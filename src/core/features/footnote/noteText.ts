/** A note's text on one line, Markdown markers removed, for completion details and symbols. */
export function noteSummary(content: string, max = 80): string {
  const plain = content
    .replace(/\[\^[^[\]\s]+\]/g, '')
    .replace(/!?\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= max) return plain;
  // Cut at a space, where one is not far back: "(Oslo:…", not "(Oslo: Institut…".
  const cut = plain.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A note's full text for Markdown hovers: continuation indentation removed. */
export function noteMarkdown(content: string): string {
  return content.replace(/(\r\n|\r|\n)( {4}|\t)/g, '$1').trim();
}
