import type MarkdownIt from 'markdown-it';
import type { PluginSimple } from 'markdown-it';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import footnotes from 'markdown-it-footnote';
import { isBibliographyHeading, type RenderedCitations } from '../core';

/**
 * Finds the rendered citations for the text being parsed, or undefined while they are not known:
 * citations then show as written, marked pending. VS Code parses a document's text with an empty
 * `env` (it names the document only when rendering tokens), so the text is all there is to go by.
 */
export type CitationsLookup = (source: string) => RenderedCitations | undefined;

interface BriefEnv {
  briefkitCitations?: RenderedCitations;
}

/** A bracketed Pandoc citation: `[@key]`, `[see @a, p. 4; -@b]`; not a link `[x](y)`, `[x][y]` or a definition `[x]:`. */
const BRACKETED = /^\[([^[\]\n]*)\](?![([:])/;
const HAS_KEY = /(?:^|[\s;])-?@[\p{L}\p{N}_]/u;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** Per render: how many times each citation text has been seen, to pair the n-th with the n-th rendering. */
const seen = new WeakMap<object, Map<string, number>>();

/** The rendering of this occurrence of a citation: undefined while unknown, `{}` when its keys are in no bibliography file. */
function nextRendering(state: StateInline, text: string, rendered: RenderedCitations | undefined): { html?: string } | undefined {
  if (!rendered) return undefined;
  let counts = seen.get(state.env);
  if (!counts) seen.set(state.env, (counts = new Map()));
  const occurrence = counts.get(text) ?? 0;
  counts.set(text, occurrence + 1);
  return rendered.citations.filter((c) => c.text === text)[occurrence];
}

/**
 * VS Code's Markdown preview, brief-aware: footnotes rendered (markdown-it-footnote), `[@key]`
 * citations in the brief's style (as footnotes in a note style, as Pandoc does), and the works
 * they cite listed at the end of the Bibliography section, or under a new heading at the end.
 */
export function briefkitMarkdownIt(md: MarkdownIt, lookup: CitationsLookup): MarkdownIt {
  // Its types describe markdown-it's CommonJS build; the plugin itself works with either.
  md.use(footnotes as unknown as PluginSimple);

  // Before 'normalize', which rewrites line endings: the text is still the document's own.
  md.core.ruler.before('normalize', 'briefkit_lookup', (state: StateCore) => {
    (state.env as BriefEnv).briefkitCitations = lookup(state.src);
  });

  md.inline.ruler.before('link', 'briefkit_citation', (state: StateInline, silent: boolean) => {
    if (state.src.charCodeAt(state.pos) !== 0x5b /* [ */) return false;
    const match = BRACKETED.exec(state.src.slice(state.pos, state.posMax));
    if (!match || !HAS_KEY.test(match[1])) return false;
    if (!silent) {
      const rendered = (state.env as BriefEnv).briefkitCitations;
      const html = nextRendering(state, match[0], rendered)?.html;
      if (html !== undefined && rendered?.noteStyle) {
        // As markdown-it-footnote does for an inline note ^[...], so citation notes and footnotes share one numbering.
        const env = state.env as { footnotes?: { list?: Array<{ content: string; tokens: unknown[] }> } };
        env.footnotes ??= {};
        env.footnotes.list ??= [];
        const note = new state.Token('html_inline', '', 0);
        note.content = html;
        const id = env.footnotes.list.length;
        env.footnotes.list[id] = { content: match[0], tokens: [note] };
        state.push('footnote_ref', '', 0).meta = { id };
      } else {
        const token = state.push('html_inline', '', 0);
        token.content =
          html !== undefined
            ? `<span class="briefkit-citation">${html}</span>`
            : rendered
              ? `<span class="briefkit-citation briefkit-unresolved" title="No bibliography file of this brief has this key">${escapeHtml(match[0])}</span>`
              : `<span class="briefkit-citation briefkit-pending" title="BriefKit renders citations of briefs open in an editor">${escapeHtml(match[0])}</span>`;
      }
    }
    state.pos += match[0].length;
    return true;
  });

  md.core.ruler.before('footnote_tail', 'briefkit_bibliography', (state: StateCore) => {
    const entries = (state.env as BriefEnv).briefkitCitations?.bibliography ?? [];
    if (entries.length === 0) return;
    const list = new state.Token('html_block', '', 0);
    list.content = `<div class="briefkit-bibliography csl-bib-body">\n${entries.map((entry) => `<div class="csl-entry">${entry}</div>`).join('\n')}\n</div>\n`;
    const tokens = state.tokens;
    const heading = tokens.findIndex((t, i) => t.type === 'heading_open' && isBibliographyHeading(tokens[i + 1]?.content ?? ''));
    if (heading >= 0) {
      const level = Number(tokens[heading].tag.slice(1));
      const next = tokens.findIndex((t, i) => i > heading && t.type === 'heading_open' && Number(t.tag.slice(1)) <= level);
      tokens.splice(next < 0 ? tokens.length : next, 0, list);
      return;
    }
    const open = Object.assign(new state.Token('heading_open', 'h2', 1), { block: true });
    const title = new state.Token('inline', '', 0);
    title.content = 'Bibliography';
    title.children = [Object.assign(new state.Token('text', '', 0), { content: 'Bibliography' })];
    tokens.push(open, title, Object.assign(new state.Token('heading_close', 'h2', -1), { block: true }), list);
  });
  return md;
}
