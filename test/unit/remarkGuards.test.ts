import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import type { Extension } from 'micromark-util-types';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmFootnoteWithoutBackwardSearch } from '../../src/core/parse/remarkGuards';

/** remark with GFM footnotes as `footnotes` gives them, and nothing else of GFM. */
function parserWith(footnotes: () => Extension): Processor<Root> {
  return unified()
    .use(remarkParse)
    .use(function gfmFootnotes(this: Processor) {
      (this.data().micromarkExtensions ??= []).push(footnotes());
      (this.data().fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown());
    }) as unknown as Processor<Root>;
}

const asPublished = parserWith(gfmFootnote);
const guarded = parserWith(gfmFootnoteWithoutBackwardSearch);
/** Notes and a link that the brackets below may call. */
const DEFINITIONS = '\n\n[^a]: A note.\n[^a\\]b]: A note with a bracket.\n[^x]: Another.\n[r]: https://example.org\n';

describe("GFM footnotes without the search back at every ']'", () => {
  it('reads `![^a]` as a `!` before a note call, as the extension does', () => {
    const tree = guarded.parse(`See ![^a] and [![^x]](https://example.org).${DEFINITIONS}`);
    assert.deepEqual(tree, asPublished.parse(`See ![^a] and [![^x]](https://example.org).${DEFINITIONS}`));
    const paragraph = tree.children[0] as { children: Array<{ type: string; value?: string }> };
    assert.deepEqual(paragraph.children.slice(0, 3).map((node) => [node.type, node.value]), [
      ['text', 'See !'],
      ['footnoteReference', undefined],
      ['text', ' and '],
    ]);
  });

  it('parses any text of brackets, notes, links, code and escapes to the same tree as the extension', () => {
    const fragment = fc.constantFrom('[', ']', '![', '[^', '^', 'a', 'x', ']b', '(', ')', '(https://example.org)', '[r]', '\\', '`', ' ', '\n', '*', '<https://x.org/[>', 'a\\]b');
    const text = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (body) => {
        assert.deepEqual(guarded.parse(body + DEFINITIONS), asPublished.parse(body + DEFINITIONS));
      }),
      { numRuns: 1000 },
    );
  });
});
