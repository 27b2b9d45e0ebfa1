/** A note's text on one line, Markdown markers removed, for completion details and symbols. */
export function noteSummary(content: string, max = 80): string {
  const plain = content
    .replace(/\[\^[^[\]\s]+\]/g, '')
    .replace(/!?\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}

/** A note's full text for Markdown hovers: continuation indentation removed. */
export function noteMarkdown(content: string): string {
  return content.replace(/(\r\n|\r|\n)( {4}|\t)/g, '$1').trim();
}
