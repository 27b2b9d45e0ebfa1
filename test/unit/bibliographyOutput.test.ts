import { strict as assert } from 'node:assert';
import type { CslItem } from '@citation-js/core';
import { formatBibliography, OUTPUT_FORMATS, renderWorks, type OutputFormat } from '../../src/core/bibliography/bibliographyOutput';
import { cslFromReference, type BibliographyWork } from '../../src/core/bibliography/bibliographyWorks';
import { parseReference } from '../../src/core/references/referenceParser';

/** A title from a bibliography file with a line break before a CI runner's workflow command, and terminal escapes (OSC, BEL, CSI, the C1 CSI). */
const HOSTILE_TITLE = 'Grid Storms\n::warning file=evil.md,line=1::INJECTED \x1b]0;Owned\x07\x1b[31mRed\u009b0m Earnings';
/** What a reader should see of it: one line, the escape sequences' printable characters only. */
const TITLE_SEEN = 'Grid Storms ::warning file=evil.md,line=1::INJECTED ]0;Owned[31mRed0m Earnings';
/** Accents, CJK, Arabic (right to left), an emoji and a no-break space: text to keep as it is. */
const WORLD_TITLE = 'Réseaux électriques\u00a0: 電網与风暴, شبكة الكهرباء 🌩';

function work(item: CslItem, firstOffset: number, asWritten?: string): BibliographyWork {
  return { id: item.id, item, citedAt: [], firstOffset, origins: [], entries: [], asWritten };
}

const works = (): BibliographyWork[] => [
  work(
    {
      id: 'storms',
      type: 'report',
      title: HOSTILE_TITLE,
      author: [{ family: 'Okafor', given: 'Adaeze' }],
      issued: { 'date-parts': [[2025]] },
      publisher: 'Grid\r\n::error::Institute',
      DOI: '10.5555/storms\x1b[0m',
    },
    0,
  ),
  work(
    {
      id: 'reseaux',
      type: 'book',
      title: WORLD_TITLE,
      author: [{ family: 'Dubois', given: 'Anaïs' }],
      issued: { 'date-parts': [[2024]] },
      publisher: 'Presses du Nord',
    },
    1,
  ),
];

const render = (format: OutputFormat, items = works()) => formatBibliography(items, { style: 'apa', format, order: 'cited', lang: 'en-US' });

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('bibliography output: field values with line breaks and escape sequences', () => {
  for (const format of OUTPUT_FORMATS) {
    it(`${format}: no line starts a workflow command and no control character is written raw`, () => {
      const output = render(format);
      assert.deepEqual(
        output.split('\n').filter((line) => /^\s*::/.test(line)),
        [],
      );
      assert.doesNotMatch(output, CONTROL);
    });
  }

  it('text: the title on its line, as a reader should see it; other scripts kept', () => {
    assert.equal(
      render('text'),
      // Text output shows a no-break space as a space, as it always has.
      `Okafor, A. (2025). ${TITLE_SEEN}. Grid ::error::Institute. https://doi.org/10.5555/storms[0m\nDubois, A. (2024). ${WORLD_TITLE.replace('\u00a0', ' ')}. Presses du Nord.\n`,
    );
  });

  it('markdown and html: the title on its line, escaped as each format escapes; other scripts kept', () => {
    assert.equal(
      render('markdown').split('\n')[0],
      '- Okafor, A. (2025). *Grid Storms ::warning file=evil.md,line=1::INJECTED \\]0;Owned\\[31mRed0m Earnings*. Grid ::error::Institute. <https://doi.org/10.5555/storms[0m>',
    );
    // citeproc writes the space before a colon as a narrow no-break space.
    assert.equal(
      render('html'),
      '<div class="csl-bib-body">\n' +
        `  <div class="csl-entry">Okafor, A. (2025). <i>${TITLE_SEEN.replace(' ::', '\u202f::')}</i>. Grid\u202f::error::Institute. https://doi.org/10.5555/storms[0m</div>\n` +
        `  <div class="csl-entry">Dubois, A. (2024). <i>${WORLD_TITLE}</i>. Presses du Nord.</div>\n` +
        '</div>\n',
    );
  });

  it('bibtex: each field on its line, the title as a reader should see it, a DOI without its escape', () => {
    const bibtex = render('bibtex', works().slice(0, 1));
    assert.equal(
      bibtex,
      '@techreport{Okafor2025Grid,\n\tauthor = {Okafor, Adaeze},\n\tdoi = {10.5555/storms[0m},\n\tyear = {2025},\n\tinstitution = {Grid ::error::Institute},\n' +
        '\ttitle = {Grid {Storms} ::warning file=evil.md,line=1::INJECTED ]0;{Owned}[31mRed0m {Earnings}},\n}\n\n',
    );
  });

  it('csl-json: each value exactly as the file gives it, its controls written as JSON escapes', () => {
    const json = render('csl-json');
    assert.equal((JSON.parse(json) as CslItem[])[0].title, HOSTILE_TITLE);
    assert.equal((JSON.parse(json) as CslItem[])[1].title, WORLD_TITLE);
    assert.ok(json.includes('"title": "Grid Storms\\n::warning file=evil.md,line=1::INJECTED \\u001b]0;Owned\\u0007\\u001b[31mRed\\u009b0m Earnings"'), json);
  });

  it("a note shown as written (BriefKit could not read it) is on one line too, and in the preview's entries", () => {
    const written = [work({ id: 'note-1', type: 'article', title: 'x' }, 0, 'Haddad, *Aid\u2028::warning::Corridors* \x1b[31mnotes')];
    assert.equal(render('text', written), 'Haddad, Aid ::warning::Corridors [31mnotes\n');
    assert.equal(
      renderWorks(works(), { style: 'apa', order: 'cited', lang: 'en-US' })[0].html,
      `Okafor, A. (2025). <i>${TITLE_SEEN.replace(' ::', '\u202f::')}</i>. Grid\u202f::error::Institute. https://doi.org/10.5555/storms[0m`,
    );
  });
});

describe('an unsigned news or web source written in the brief', () => {
  it("starts with its title in Chicago, not with the site's name in italics in the author's place; a signed one keeps its authors", () => {
    const render = (entry: string) => {
      const item = cslFromReference(parseReference(entry), 'x');
      return formatBibliography([work(item, 0)], { style: 'chicago-author-date', format: 'markdown', order: 'style' });
    };
    assert.match(
      render('“Ukraine War: Nato Says North Korean Troops Deployed.” 2024. BBC. <https://www.bbc.com/news/articles/a1>.'),
      /^- “Ukraine War: Nato Says North Korean Troops Deployed\.” 2024\. BBC\./,
    );
    assert.match(
      render('Guinto, Joel. 2024. “Putin and Kim Pledge Mutual Help.” BBC. <https://www.bbc.com/news/articles/b2>.'),
      /^- Guinto, Joel\. 2024\. “Putin and Kim Pledge Mutual Help\.” \*BBC\*/,
    );
  });
});
