import { htmlToText } from '../../bibliography/bibliographyOutput';
import type { RenderedCitations } from '../../bibliography/citationRendering';
import type { BriefDocument } from '../../document';
import type { BriefInlayHint } from '../../language';

/** A note style's full citation is a sentence long: the hint shows its start, the tooltip all of it. */
const MAX_LABEL = 60;

function shortened(text: string): string {
  if (text.length <= MAX_LABEL) return text;
  const cut = text.lastIndexOf(' ', MAX_LABEL - 1);
  return `${text.slice(0, cut > MAX_LABEL / 2 ? cut : MAX_LABEL - 1)}…`;
}

/** After each `[@key]` whose works a bibliography file has, the citation as the brief's style renders it. */
export function citationHints(document: BriefDocument, rendered: RenderedCitations): BriefInlayHint[] {
  const bracketed = document.citations.filter((citation) => citation.bracketed);
  return bracketed.flatMap((citation, i) => {
    const html = rendered.citations[i]?.html;
    if (!html) return [];
    const text = htmlToText(html, false).trim();
    const tooltip = rendered.noteStyle ? `As the note will read: ${text}` : text;
    return [{ position: document.lines.positionAt(citation.end), label: shortened(text), kind: 'citation' as const, tooltip }];
  });
}
