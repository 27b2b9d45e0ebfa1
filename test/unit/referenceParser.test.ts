import { strict as assert } from 'node:assert';
import { familyNamesOf, normalizeUrl, parseReference } from '../../src/core/references/referenceParser';
import { slugContradictsTitle } from '../../src/core/features/source/slugCheck';

function fields(text: string) {
  const r = parseReference(text);
  return {
    authors: r.authors?.text,
    families: r.familyNames,
    year: r.year?.text,
    noDate: r.noDate,
    title: r.title?.text,
    container: r.container?.text,
    url: r.url?.text,
    doi: r.doi,
    accessed: r.accessedIso,
  };
}

describe('reference parser', () => {
  it('reads a Chicago author-date news entry with several authors and an angle-bracket URL', () => {
    assert.deepEqual(
      fields(
        '- Okoro, Ada, Lin Wei, and Sam Hale. 2024. “Ports Reopen after Strike.” Harbour Times. <https://www.harbourtimes.example/news/ports-reopen-after-strike-2024>.',
      ),
      {
        authors: 'Okoro, Ada, Lin Wei, and Sam Hale',
        families: ['okoro', 'wei', 'hale'],
        year: '2024',
        noDate: false,
        title: 'Ports Reopen after Strike',
        container: 'Harbour Times',
        url: 'https://www.harbourtimes.example/news/ports-reopen-after-strike-2024',
        doi: undefined,
        accessed: undefined,
      },
    );
  });

  it('reads an APA article, whose title stands in no marks after the year, and an APA book, whose title is in italics', () => {
    assert.deepEqual(fields('- Roe, R., & Wei, L. (2021, May 2). U.S. trade policy after the strike: A review. *Trade Weekly*. https://trade.example/a'), {
      authors: 'Roe, R., & Wei, L',
      families: ['roe', 'wei'],
      year: '2021',
      noDate: false,
      title: 'U.S. trade policy after the strike: A review',
      container: '*Trade Weekly*',
      url: 'https://trade.example/a',
      doi: undefined,
      accessed: undefined,
    });
    assert.equal(fields('Roe, R. (2021). *Border report*. Institute.').title, 'Border report');
  });

  it("reads a site named first in italics as the author of the quoted page, and a Harvard entry's unmarked title", () => {
    const site = fields('- *The Harbour Review.* “History.” Accessed June 8, 2026. https://harbour.example/history');
    assert.deepEqual([site.authors, site.families, site.title], ['The Harbour Review', ['harbour review'], 'History']);
    assert.deepEqual(fields('- British Cactus and Succulent Society. “History of Growing Cacti.” 2020.').families, ['british cactus and succulent society']);
    const harvard = fields('Durkin, P., 2015. Our first discovery and a brief history. *Shakespeare’s World*. Available at https://blog.example/2015/first');
    assert.deepEqual([harvard.families, harvard.year, harvard.title], [['durkin'], '2015', 'Our first discovery and a brief history']);
    // No initial before the year: a short note, whose next words are no title.
    assert.equal(fields('Okafor, Trade, 2020. See also Mensah.').title, undefined);
  });

  it('reads a Chicago note to a journal article with a DOI', () => {
    const r = fields('Adaeze Okafor, "Storm Outages and the Rural Grid," *Energy Policy Review* 14, no. 2 (2025): 35, https://doi.org/10.5555/epr.2025.014.');
    assert.deepEqual(
      [r.authors, r.families, r.year, r.title, r.url, r.doi],
      ['Adaeze Okafor', ['okafor'], '2025', 'Storm Outages and the Rural Grid', 'https://doi.org/10.5555/epr.2025.014', '10.5555/epr.2025.014'],
    );
  });

  it('reads an undated government page with an access date, and an organisation as author', () => {
    const r = fields('Ministry of Water. n.d. "Drought Response Plan." Accessed 4 May 2024. https://water.gov.example/drought-plan');
    assert.deepEqual(
      [r.authors, r.families, r.year, r.noDate, r.title, r.accessed],
      ['Ministry of Water', ['ministry of water'], undefined, true, 'Drought Response Plan', '2024-05-04'],
    );
  });

  it('reads APA with initials and an ampersand, italics as the title, and et al.', () => {
    assert.deepEqual(familyNamesOf('Smith, J., & Lee, K.'), ['smith', 'lee']);
    assert.deepEqual(familyNamesOf('Nakamura, Yui, et al.'), ['nakamura']);
    assert.equal(fields('Smith, J., & Lee, K. (2020). *Coastal Policy in Practice*. Oxford University Press.').title, 'Coastal Policy in Practice');
  });

  it('reads all-caps, accented and non-Latin names', () => {
    assert.deepEqual(familyNamesOf('TONG, KIM, and ANIRUDDHA GHOSAL'), ['tong', 'ghosal']);
    assert.deepEqual(familyNamesOf('Müller, Jürgen'), ['muller']);
    assert.deepEqual(familyNamesOf('Иванов, Пётр'), ['иванов']);
  });

  it('keeps unreadable text as raw text and marks Ibid.', () => {
    const r = parseReference('Ibid., 51.');
    assert.equal(r.isIbid, true);
    assert.equal(r.raw, 'Ibid., 51.');
    assert.equal(parseReference('See the discussion above.').title, undefined);
  });

  it('compares URLs without scheme, www., trailing slash or fragment', () => {
    assert.equal(normalizeUrl('https://www.Example.org/a/b/#top'), 'example.org/a/b');
    assert.equal(normalizeUrl('http://example.org/a/b'), 'example.org/a/b');
  });
});

describe('URL slug against title', () => {
  it('fires when the slug is a different headline', () => {
    assert.equal(
      slugContradictsTitle(
        'https://www.wire.example/world/north-korea-may-seek-russian-icbm-nuclear-weapons-technology-south-korea-says-2024-10-30/',
        'US warns North Korea deployment could lengthen, broaden Ukraine war',
      ),
      true,
    );
  });

  it('stays quiet for matching slugs, keyword slugs, ids, dates and short slugs', () => {
    const quiet: Array<[string, string]> = [
      [
        'https://news.example/story/kursk-incursion-how-significant-is-ukraines-advance-into-russian-territory-13193173',
        "Kursk incursion: How significant is Ukraine's advance into Russian territory?",
      ],
      [
        'https://wire.example/article/vladimir-putin-kim-jong-un-russia-north-korea-summit-ukraine-a6b8d2c12de7',
        'Russia and North Korea sign partnership deal that appears to be the strongest since the Cold War',
      ],
      ['https://www.bbc.example/news/articles/cyv737vy376o', 'Ukraine war: NATO says North Korean troops deployed'],
      ['https://www.gov.example/cps/en/natohq/opinions_230105.htm', 'Doorstep statement by the Secretary General'],
      ['https://www.gov.example/2024/10/30/remarks', 'Remarks by the Secretary on the Korean Peninsula'],
      ['https://www.hrw.example/world-report/2021/country-chapters/north-korea', 'World Report 2021: North Korea'],
      // A link written as the work's authors and year, as blogs cite papers: no title to compare with.
      ['https://scholar.example/lkatz/publications/trends-us-wage-inequality-revising-revisionists', 'Autor, Katz and Kearney 2008'],
      ['https://papers.example/abs/labour-market-polarisation-evidence-from-europe', 'Goos et al. (2014)'],
    ];
    for (const [url, title] of quiet) assert.equal(slugContradictsTitle(url, title), false, url);
  });
});
