import { strict as assert } from 'node:assert';
import { marked } from '../helpers/markedText';
import { createBriefService, DEFAULT_OPTIONS } from '../../src/core';
import { doc, testService } from '../helpers/service';

async function check(text: string, files: Record<string, string> = {}, uri = 'file:///work/brief.md') {
  const service = testService({}, files);
  const document = doc(text, 1, uri);
  await service.loadBibliographies(document);
  return { diagnostics: service.computeDiagnostics(document), model: service.getDocument(document) };
}

const codes = (diagnostics: Array<{ code: string }>) => diagnostics.map((d) => d.code);

describe('what an @key names', () => {
  it('reads pandoc-crossref and Quarto cross-references as references to the document, not citations', async () => {
    const text = [
      '# Method {#sec:method}',
      '',
      'See @fig:map, [@fig:map; @tbl:costs] and [@Fig:map] for pandoc-crossref, and @fig-grid, @tbl-determinism and @fig-heatmap for Quarto and R Markdown.',
      '',
      '![Outages by county](map.png){#fig:map}',
      '',
      '| A | B |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      ': Costs {#tbl:costs}',
      '',
      '```{r}',
      '#| label: fig-grid',
      'plot(1)',
      '```',
      '',
      '```{r tbl-determinism, echo=FALSE}',
      'table(1)',
      '```',
      '',
      "```{r, label='fig-heatmap'}",
      'plot(2)',
      '```',
      '',
    ].join('\n');
    const { diagnostics, model } = await check(text);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(
      model.citations.flatMap((c) => c.items.map((i) => [i.key, i.kind])),
      [
        ['fig:map', 'crossref'],
        ['fig:map', 'crossref'],
        ['tbl:costs', 'crossref'],
        ['Fig:map', 'crossref'],
        ['fig-grid', 'crossref'],
        ['tbl-determinism', 'crossref'],
        ['fig-heatmap', 'crossref'],
      ],
    );
  });

  it('crossref.undefined: a cross-reference to a label the standalone document does not define', async () => {
    const { text, ranges } = marked('# Results {#sec-results}\n\nAs @sec-results shows, and as ⟦@fig-missing⟧ does not.\n');
    const { diagnostics } = await check(text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range]),
      [['crossref.undefined', ranges[0]]],
    );
    assert.equal(
      diagnostics[0].message,
      'No figure, table, section or equation in this document has the label "fig-missing". Add {#fig-missing} to the one you mean (after its heading or caption), or correct the label.',
    );
  });

  it('reads a kind of cross-reference the front matter adds (crossref: custom) as a cross-reference, not a work', async () => {
    const { text, ranges } = marked(
      '---\ncrossref:\n  custom:\n    - kind: float\n      key: appfig\n      reference-prefix: Figure A\n---\n\nAs @appfig-states shows, and ⟦@appfig-missing⟧ does not.\n\n::: {#appfig-states}\n![States](states.png)\n:::\n',
    );
    const { diagnostics } = await check(text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range]),
      [['crossref.undefined', ranges[0]]],
    );
  });

  it('stays silent on cross-references in a Quarto book, where the label may be in another chapter', async () => {
    const files = { 'file:///book/_quarto.yml': 'project:\n  type: book\n' };
    const { diagnostics } = await check('In @sec-strings you learned about strings.\n', files, 'file:///book/regexps.qmd');
    assert.deepEqual(diagnostics, []);
  });

  it('reads Manubot identifiers whole, including :// and shortDOIs, and reports only a malformed one', async () => {
    const { text, ranges } = marked(
      'Shown [@doi:10.1371/journal.pcbi.1007128; @doi:10/c8xttz; @pmid:29424689; @arxiv:1806.05726v1] and [@url:https://github.com/manubot/rootstock; @url:http://blog.example.org/timestamps/; @https://example.org/a.pdf], [@isbn:9781339919881], [@wikidata:Q50051684], but not ⟦@doi:1371/x⟧.\n',
    );
    const { diagnostics, model } = await check(text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range]),
      [['citation.malformed-identifier', ranges[0]]],
    );
    assert.deepEqual(
      model.citations.flatMap((c) => c.items.map((i) => i.key)).filter((key) => /^(?:url:)?https?:/.test(key)),
      ['url:https://github.com/manubot/rootstock', 'url:http://blog.example.org/timestamps/', 'https://example.org/a.pdf'],
    );
  });

  it('reports an identifier whose prefix is typed twice or followed by a space as malformed, not as a missing key', async () => {
    const { text, ranges } = marked('Shown [⟦@doi:@doi:10.1000/182⟧; ⟦@pmid: 29424689⟧] and [@doi:10.1000/182].\n');
    const { diagnostics } = await check(text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range, d.message.split(' is not')[0]]),
      [
        ['citation.malformed-identifier', ranges[0], '"@doi:@doi:10.1000/182"'],
        ['citation.malformed-identifier', ranges[1], '"@pmid: 29424689"'],
      ],
    );
  });

  it('never reads an e-mail address or an @handle in a link for a citation', async () => {
    const { model } = await check(
      'Write to press@energy.gov, or ask [@travelingheidi](https://twitter.com/travelingheidi) on [@kim][kim].\n\n[kim]: https://twitter.com/kim\n',
    );
    assert.deepEqual(model.citations, []);
  });
});

describe('bibliographies named by the project', () => {
  const BIB = '@book{xie2015, title={Dynamic Documents with R and knitr}, author={Xie, Yihui}, year={2015}}\n';

  it('finds a Quarto project’s bibliography in _quarto.yml, and _metadata.yml beside the chapter first', async () => {
    const quarto = { 'file:///book/_quarto.yml': 'project:\n  type: book\nbibliography: references.bib\n', 'file:///book/references.bib': BIB };
    assert.deepEqual(codes((await check('As @xie2015 shows, and [@nobody].\n', quarto, 'file:///book/chapters/intro.qmd')).diagnostics), [
      'citation.undefined',
    ]);
    const metadata = { ...quarto, 'file:///book/chapters/_metadata.yml': 'bibliography: ../references.bib\n' };
    assert.deepEqual(codes((await check('As @xie2015 shows.\n', metadata, 'file:///book/chapters/intro.qmd')).diagnostics), []);
  });

  it('finds a bookdown book’s bibliography in index.Rmd for every chapter', async () => {
    const files = {
      'file:///book/_bookdown.yml': 'book_filename: "demo"\n',
      'file:///book/index.Rmd': '--- \ntitle: "A Book"\nbibliography: [book.bib]\n---\n\n# Prerequisites\n',
      'file:///book/book.bib': BIB,
    };
    const { diagnostics } = await check('We used knitr [@xie2015] and [@missing2020].\n', files, 'file:///book/01-intro.Rmd');
    assert.deepEqual(codes(diagnostics), ['citation.undefined']);
    assert.match(diagnostics[0].message, /add the work to book\.bib\.$/);
  });

  it('finds a bookdown book’s bibliography in the pandoc_args of _output.yml when index.Rmd names none', async () => {
    const files = {
      'file:///book/_bookdown.yml': 'book_filename: "demo"\n',
      'file:///book/index.Rmd': '---\ntitle: "A Book"\n---\n',
      'file:///book/_output.yml':
        'bookdown::gitbook:\n  pandoc_args: [\n    "--csl", "./assets/apa.csl",\n    "--bibliography", "./assets/refs.bib"\n  ]\nbookdown::pdf_book:\n  pandoc_args: --bibliography=./assets/refs.bib\n',
      'file:///book/assets/refs.bib': BIB,
    };
    const { diagnostics } = await check('We used knitr [@xie2015] and [@missing2020].\n', files, 'file:///book/01-intro.Rmd');
    assert.deepEqual(codes(diagnostics), ['citation.undefined']);
    assert.match(diagnostics[0].message, /add the work to .*refs\.bib\.$/);
  });

  it('bibliography.file-missing / file-outside-workspace: a bibliography the project names that cannot be read is reported on the first cited work', async () => {
    const { text, ranges } = marked('# Results\n\nAs ⟦@xie2015⟧ shows, and [@nobody].\n');
    const missing = { 'file:///book/_quarto.yml': 'project:\n  type: book\nbibliography: references.bib\n' };
    const { diagnostics } = await check(text, missing, 'file:///book/chapters/intro.qmd');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range]),
      [['bibliography.file-missing', ranges[0]]],
    );
    assert.equal(
      diagnostics[0].message,
      '../_quarto.yml names the bibliography file "references.bib", which BriefKit cannot find, so BriefKit cannot check the citations in this brief. The path is relative to the folder of _quarto.yml; check its spelling and folder there.',
    );

    const outside = { 'file:///book/_quarto.yaml': 'bibliography: ../shared/refs.bib\n', 'file:///shared/refs.bib': BIB };
    const service = createBriefService({
      logger: { debug: () => undefined, info: () => undefined, warn: (m) => assert.fail(m), error: (m) => assert.fail(m) },
      getOptions: () => DEFAULT_OPTIONS,
      readFile: async (uri) => outside[uri as keyof typeof outside],
      mayRead: (uri) => uri.startsWith('file:///book/'),
      readOutsideHint: 'turn on briefkit.allowBibliographyOutsideWorkspace',
    });
    const brief = doc(text, 1, 'file:///book/intro.qmd');
    await service.loadBibliographies(brief);
    const refused = service.computeDiagnostics(brief);
    assert.deepEqual(
      refused.map((d) => [d.code, d.range]),
      [['bibliography.file-outside-workspace', ranges[0]]],
    );
    assert.equal(
      refused[0].message,
      '_quarto.yaml names the bibliography file "../shared/refs.bib", which is outside the workspace, so BriefKit cannot check the citations in this brief. Move the file into the workspace, or turn on briefkit.allowBibliographyOutsideWorkspace.',
    );
  });

  it('stays silent on a missing packages.bib that a knitr chunk of index.Rmd writes on every build', async () => {
    const files = {
      'file:///book/_bookdown.yml': 'book_filename: "demo"\n',
      'file:///book/index.Rmd':
        '---\nbibliography: [book.bib, "packages.bib"]\n---\n\n```{r include=FALSE}\nknitr::write_bib(c("knitr"), "packages.bib")\n```\n',
      'file:///book/book.bib': BIB,
    };
    assert.deepEqual((await check('We used knitr [@xie2015].\n', files, 'file:///book/01-intro.Rmd')).diagnostics, []);
  });

  it('finds a Manubot manuscript’s manual references', async () => {
    const files = {
      'file:///ms/content/metadata.yaml': 'title: Manuscript\n',
      'file:///ms/content/manual-references.json': JSON.stringify([
        { id: 'url:https://example.org/a', type: 'webpage', title: 'A' },
        { id: 'smith2020', type: 'book', title: 'B' },
      ]),
    };
    const { diagnostics } = await check('See [@smith2020].\n', files, 'file:///ms/content/02.main.md');
    assert.deepEqual(diagnostics, []);
  });
});

describe('cross-references across the chapters of one manuscript', () => {
  it('finds a label another Markdown file in the same folder defines, and still reports one none defines', async () => {
    const files = { 'file:///thesis/10_chapter_2.md': '# Literature review {#sec:lit-review}\n\nText.\n' };
    const { text, ranges } = marked('# Introduction {#sec:intro}\n\n@sec:lit-review reviews the literature; ⟦@sec:research-code⟧ shows the code.\n');
    const { diagnostics } = await check(text, files, 'file:///thesis/09_chapter_1.md');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range]),
      [['crossref.undefined', ranges[0]]],
    );
  });

  it('reads pandoc-crossref’s autoSectionLabels, HTML ids and Manubot aliases as definitions', async () => {
    const text =
      '---\nautoSectionLabels: true\n---\n\nSee @sec:wrapping-div, [@fig:subfigures] and [@deep-review].\n\n## Wrapping div\n\n<div id="fig:subfigures">\n\n![a](a.png)\n\n</div>\n\n[@deep-review]: doi:10.1098/rsif.2017.0387\n';
    assert.deepEqual((await check(text)).diagnostics, []);
  });
});
