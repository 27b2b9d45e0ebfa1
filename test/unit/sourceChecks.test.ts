import { strict as assert } from 'node:assert';
import { marked } from '../helpers/markedText';
import { doc, testService } from '../helpers/service';

function diagnostics(text: string, prefix: RegExp = /^(source|bibliography)\./) {
  return testService()
    .computeDiagnostics(doc(text))
    .filter((d) => prefix.test(d.code));
}

const ENTRY_A = 'Okoro, Ada. 2024. “Ports Reopen after Strike.” Harbour Times. <https://harbour.example/news/ports-reopen-after-strike>.';
const ENTRY_B = 'Ministry of Water. n.d. “Drought Response Plan.” Accessed May 4, 2024. <https://water.example/drought-plan>.';

describe('Bibliography and source checks', () => {
  it('bibliography.duplicate: the later copy of the same work, by URL or by title and authors', () => {
    const { text, ranges } = marked(
      `Text.[^1]\n\n## Bibliography\n\n- ${ENTRY_A}\n⟦- Okoro, Ada. 2024. "Ports reopen after strike." Harbour Times.⟧\n\n[^1]: ${ENTRY_A}\n`,
    );
    const found = diagnostics(text).filter((d) => d.code === 'bibliography.duplicate');
    assert.deepEqual(
      found.map((d) => [d.severity, d.range]),
      [['warning', ranges[0]]],
    );
    assert.equal(found[0].message, 'This Bibliography entry repeats Okoro, Ada, “Ports Reopen after Strike” (line 5). Delete one of them.');
  });

  it('bibliography.duplicate: however the copy is written (APA beside Chicago, a title cut at its colon), not two editions of a series', () => {
    const entries = [
      'International Monetary Fund. 2023. *World Economic Outlook: April 2023*. Washington, DC: IMF.',
      'International Monetary Fund. 2023. *World Economic Outlook: October 2023*. Washington, DC: IMF.',
      'Okafor, Adaeze. 2019. “Storm Outages and the Rural Grid.” *Energy Policy Review* 9: 1–20.',
      '⟦Okafor, A. (2019). Storm outages and the rural grid. *Energy Policy Review*, 9, 1–20.⟧',
      'Roe, Rick. *Border Report*. Oslo: Institute, 2021.',
      '⟦Roe, Rick. 2021. *Border Report: Migration on the Eastern Frontier*. Oslo: Institute.⟧',
    ];
    const { text, ranges } = marked(
      `Text.[^1]\n\n## Bibliography\n\n${entries.map((e) => (e.startsWith('⟦') ? `⟦- ${e.slice(1)}` : `- ${e}`)).join('\n')}\n\n[^1]: Roe, *Border Report*, 2.\n`,
    );
    assert.deepEqual(
      diagnostics(text)
        .filter((d) => d.code === 'bibliography.duplicate')
        .map((d) => d.range),
      ranges,
    );
  });

  it('bibliography.duplicate: two entries of one directory ("s. v.") are two entries, the same one twice is a duplicate', () => {
    const entry = (headword: string) => `*The Harbour Directory of Newspapers, 1800-1900*, s. v. "${headword}," accessed 1 May 2016, http://harbour.example.`;
    const text = `## Bibliography\n\n${entry('Caledonian Mercury, The')}\n\n${entry('Glasgow Herald, The (1805 -\n1900)')}\n\n${entry('Glasgow Herald, The (1805 -\n1900)')}\n`;
    assert.deepEqual(
      diagnostics(text)
        .filter((d) => d.code === 'bibliography.duplicate')
        .map((d) => d.range.start.line),
      [7],
    );
  });

  it('bibliography.unsorted: on the first entry out of order, ignoring quotes and leading articles', () => {
    const sorted = `## Sources\n\n- “The Atlas of Rivers.” 2020.\n- Baker, Lee. 2021. “Canals.”\n- “A Census of Wells.” 2019.\n`;
    assert.deepEqual(
      diagnostics(sorted).filter((d) => d.code === 'bibliography.unsorted'),
      [],
    );
    const { text, ranges } = marked(`## Sources\n\n- Baker, Lee. 2021. “Canals.”\n⟦- “The Atlas of Rivers.” 2020.⟧\n`);
    const found = diagnostics(text).filter((d) => d.code === 'bibliography.unsorted');
    assert.deepEqual(
      found.map((d) => [d.severity, d.range]),
      [['information', ranges[0]]],
    );
  });

  it('bibliography.unsorted: a two-word family name before a title in neither quotes nor italics sorts by both words', () => {
    const entries = [
      'Ho, Lin. *Canals*. 2001.',
      'Hunter Blair, Peter. An Introduction to Anglo-Saxon England. Cambridge: Cambridge University Press, 1956.',
      'Ibarra, Luz. Wells and Water. 2010.',
    ];
    assert.deepEqual(
      diagnostics(`## Bibliography\n\n${entries.map((e) => `- ${e}`).join('\n')}\n`).filter((d) => d.code === 'bibliography.unsorted'),
      [],
    );
    const found = diagnostics(`## Bibliography\n\n- ${entries[2]}\n- ${entries[1]}\n`).filter((d) => d.code === 'bibliography.unsorted');
    assert.deepEqual(
      found.map((d) => d.range.start.line),
      [3],
    );
  });

  it('bibliography.unsorted: sorts by the family name as written before the first comma; "———." stays with the author above', () => {
    const entries = [
      'Cruz, Bo. 2020. “Wells.”',
      'de la Cruz Martínez, Ana María. 2019. “Rivers.”',
      'Hunter, Ann. 2018. “Dams.”',
      'Hunter Blair, Peter. 1970. *The World of Bede*.',
      '———. 1976. *Northumbria*.',
      'Lindqvist, Maja. 2024. “Pay.”',
    ];
    const section = (list: string[]) => `## Bibliography\n\n${list.map((e) => `- ${e}`).join('\n')}\n`;
    assert.deepEqual(
      diagnostics(section(entries)).filter((d) => d.code === 'bibliography.unsorted'),
      [],
    );
    const shuffled = [entries[3], entries[4], entries[5], entries[0], entries[2], entries[1]];
    const service = testService();
    const found = service.computeDiagnostics(doc(section(shuffled))).find((d) => d.code === 'bibliography.unsorted')!;
    assert.equal(found.range.start.line, 5, 'Cruz comes before Lindqvist');
    const sort = service.getCodeActions(doc(section(shuffled)), found.range).find((a) => a.title === 'Sort the Bibliography alphabetically')!;
    assert.equal(service.applyEdits(doc(section(shuffled)), sort.edits), section(entries));
  });

  it('bibliography.uncited and source.missing-from-bibliography: each side without the other', () => {
    const { text, ranges } = marked(
      `Claim.[^1] More.[^2]\n\n## Bibliography\n\n⟦- ${ENTRY_B}⟧\n- ${ENTRY_A}\n\n[^1]: Ada Okoro, “Ports Reopen after Strike,” Harbour Times, 2024.\n[^2]: Lin Wei, “⟦Shipping Lanes Under Pressure⟧,” Trade Weekly, 2023.\n`,
    );
    const found = diagnostics(text);
    assert.deepEqual(
      found.map((d) => [d.code, d.range]),
      [
        ['bibliography.uncited', ranges[0]],
        ['source.missing-from-bibliography', ranges[1]],
      ],
    );
    assert.equal(
      found[1].message,
      'The source in footnote [^2], Lin Wei, “Shipping Lanes Under Pressure”, is not in the Bibliography. Add it there, or correct the note if it should match an entry.',
    );
  });

  it('source.missing-from-bibliography: silent on a note a reader would match to an entry, reported on one no entry could be', () => {
    const entries = [
      'Okafor, Adaeze. 2019. “Storm Outages and the Rural Grid.” *Energy Policy Review* 9: 1–20.',
      'Roe, Rick. 2021. *Border Report: Migration on the Eastern Frontier*. Oslo: Institute.',
      'Ministry of Water. 2020. “National Water Accounts.” <https://water.example/accounts>.',
    ];
    const notes = [
      // Quoted in an entry's work, by another author.
      'Ada Mensah, interview, quoted in Adaeze Okafor, *Storm Outages*, 4.',
      // Two sources, one of them in the Bibliography.
      'Lin Wei, “Tariffs Bite,” Trade Weekly, 2023; Rick Roe, *Border Report*, 12.',
      // The entry's title, cut mid-way and in other quotation marks, under an author written otherwise.
      'A. Okafor-Eze, ‘Storm Outages and the,’ *Energy Policy Review*, 2019, 3.',
      // A page below the entry's address.
      '“Accounts by Region,” 2020, https://water.example/accounts/regions.',
      // A work no entry could be.
      'Kwame Diallo, “⟦Wells and Water Rights⟧,” *Sahel Review* 3 (2018): 4.',
    ];
    const { text, ranges } = marked(
      `${notes.map((_, i) => `Claim ${i + 1}.[^${i + 1}]`).join(' ')}\n\n## Bibliography\n\n${entries.map((e) => `- ${e}`).join('\n')}\n\n${notes.map((n, i) => `[^${i + 1}]: ${n}`).join('\n')}\n`,
    );
    assert.deepEqual(
      diagnostics(text)
        .filter((d) => d.code === 'source.missing-from-bibliography')
        .map((d) => d.range),
      ranges,
    );
  });

  it('bibliography.uncited: silent on a work the brief names as a reader would match it, reported on one it never names', () => {
    const entries = [
      'Mensah, Kwame, Ada Okoro, and Lin Wei. Forthcoming. “Grid Losses in Coastal Towns.” *Energy Policy Review*.',
      'Ministry of Water. 2020. *National Water Accounts 2020*. Accra: Ministry of Water.',
      'Okafor, Adaeze. 2019. “Storm Outages and the Rural Grid.” *Energy Policy Review* 9: 1–20.',
      'Roe, Rick. 2021. *Border Report: Migration on the Eastern Frontier*. Oslo: Institute.',
      'Wei, Lin. 2023. “Shipping Lanes Under Pressure.” *Trade Weekly*. <https://trade.example/lanes>.',
      'Diallo, Awa. 2018. “Wells and Water Rights.” *Sahel Review* 3: 4–9.',
    ];
    const body = [
      'Losses rose, as Mensah et al. (forthcoming) argue.[^1]',
      'Stocks fell (Ministry of Water 2020, fig 6.5).',
      'In her 2019 study, Okafor found the same.',
      'Crossings doubled.[^2]',
      'Shipping slowed ([see the lanes](https://trade.example/lanes)).',
    ].join(' ');
    const { text, ranges } = marked(
      `${body}\n\n## Bibliography\n\n${entries.map((e, i) => (i === 5 ? `⟦- ${e}⟧` : `- ${e}`)).join('\n')}\n\n[^1]: Cited in Okafor, “Storm Outages,” 4.\n[^2]: Roe, *Border Report*, 12.\n`,
    );
    assert.deepEqual(
      diagnostics(text)
        .filter((d) => d.code === 'bibliography.uncited')
        .map((d) => d.range),
      [ranges[0]],
    );
  });

  it('bibliography.uncited: silent on entries cited by short notes as journals write them, reported on the one no note names', () => {
    const entries = [
      'Brownlees, Nicholas. "\'Newes also came by Letters\': Functions and Features of Epistolary News in English News Publications." In *News Networks*, 349-410. Leiden: Brill, 2016.',
      'Cowan, Robert M. W. The Newspaper in Scotland: A Study of Its First Expansion, 1816-1860. Glasgow: Outram, 1946.',
      'Curwen, Henry. *A History of Booksellers: The Old and the New.* London: Chatto, 1873.',
      'Feely, Catherine. "\'What say you to free trade in literature?\' The Thief and the Politics of Piracy." *Journal of Victorian Culture* 19 (2014): 497-506.',
      '"The Newspaper Press of Scotland." *Fraser\'s Magazine* 12 (1835): 560-70.',
      'Blickhan, Samantha, and Victoria Van Hyning. “Individual vs. Collaborative Methods of Crowdsourced Transcription.” *Journal of Data Mining* (2019).',
      '⟦Mensah, Kofi. *Quotas and the Sugar Trade*. Accra: University Press, 2021.⟧',
    ];
    const notes = [
      'Brownlees, \\"Epistolary News,\\" 408; Cowan, *Newspaper in Scotland*, 166.',
      'Curwen, *History of Booksellers*, 145; \\"The Newspaper Press of Scotland,\\" 563.',
      'Feely, "The Thief," 503.',
      'Samantha Blinkhan et al., “Individual vs. Collaborative Methods of Crowdsourced Transcription,” 2019.',
    ];
    const { text, ranges } = marked(
      `${notes.map((_, i) => `Claim ${i + 1}.[^${i + 1}]`).join(' ')}\n\n## Bibliography\n\n${entries.join('\n\n')}\n\n${notes.map((n, i) => `[^${i + 1}]: ${n}`).join('\n')}\n`,
    );
    const uncited = diagnostics(text).filter((d) => d.code === 'bibliography.uncited');
    assert.deepEqual(
      uncited.map((d) => d.range),
      ranges,
    );
    assert.equal(
      uncited[0].message,
      'No footnote or citation refers to Mensah, Kofi, “Quotas and the Sugar Trade”. Cite it where you draw on it, or remove it from the Bibliography, unless your Bibliography also lists works you consulted.',
    );
  });

  it('compares a note with its entry only when the note cites that one work; one name written two ways is one author', () => {
    const entries = [
      'Liew, Chern Li. “Social Metadata and Public Contents in Memory Institutions.” *Preservation* 45, no. 3 (2016): 122–33. https://doi.org/10.1515/pdtc-2016-0017.',
      'Van Hyning, Victoria. “Harnessing Crowdsourcing for Scholarly Purposes.” *Literature Compass* 16 (2019): e12507.',
    ];
    const notes = [
      // Two sources: the first one's fields are not the entry's.
      'Ina-Maria Jansson, “Organization of User-Generated Information,” *Knowledge Organization* 44 (2017): 515–28; Chern Li Liew, “Social Metadata and Public Contents in Memory Institutions,” *Preservation* 45, no. 3 (2016): 122–33, https://doi.org/10.1515/pdtc-2016-0017.',
      'Victoria Van Hyning, “Harnessing Crowdsourcing for Scholarly Purposes,” *Literature Compass* 16 (2019): e12507.',
    ];
    const text = `A.[^1] B.[^2]\n\n## Bibliography\n\n${entries.map((e) => `- ${e}`).join('\n')}\n\n${notes.map((n, i) => `[^${i + 1}]: ${n}`).join('\n')}\n`;
    assert.deepEqual(diagnostics(text), []);
  });

  it('source.missing-from-bibliography: silent on a comment, a bare address or "see" in a note; a site named first in italics is the author of its pages', () => {
    const text = [
      'A.[^1] B.[^2] C.[^3] D.[^4]',
      '',
      '## Bibliography',
      '',
      '- *The Harbour Review.* “A Message From the Editor.” Accessed June 8, 2026. https://harbour.example/editor',
      '- *The Harbour Review.* “History.” Accessed June 8, 2026. https://harbour.example/history',
      '- Okafor, Ada. 2019. “Trade in West Africa.” Lagos Press.',
      '',
      '[^1]: There is some nuance missing here, however: the quota years were not “A Simple Story” for exporters.',
      '[^2]: That project is available at https://github.example/quota-tracker',
      '[^3]: For more on the ports, see Ministry of Transport, “Port Statistics 2020.”',
      '[^4]: Okafor, “Trade in West Africa,” 12.',
      '',
    ].join('\n');
    const found = diagnostics(text);
    assert.deepEqual(
      found.map((d) => d.code),
      ['bibliography.uncited', 'bibliography.uncited'],
    );
    assert.match(found[0].message, /The Harbour Review, “A Message From the Editor”/);
  });

  it('sorts an organisation or place written as author by its full name, and reads a link whose text is its own address', () => {
    const entries = [
      'Keenan, Charles. *The Baltimore Directory for 1822*. Baltimore, 1822.',
      'Maryland. Baltimore City. 1820 U.S. census, population schedule. Washington, D.C.: National Archives.',
      'United States. *Annual Reports of the Postmaster General*. Washington, D.C.: Government Printing Office, 1900.',
      'United States Congress. *Official Register of the United States*. Washington, DC: Government Printing Office, 1899.',
      'Zhou, Lin. “Update on the Harbour Archive.” 2013. [https://harbour.example/files/archive_report_2013.pdf](https://harbour.example/files/archive_report_2013.pdf "Update on the Harbour Archive").',
    ];
    const notes = entries.map((e) => e);
    const text = `${notes.map((_, i) => `Claim ${i + 1}.[^${i + 1}]`).join(' ')}\n\n## Bibliography\n\n${entries.map((e) => `- ${e}`).join('\n')}\n\n${notes.map((n, i) => `[^${i + 1}]: ${n}`).join('\n')}\n`;
    assert.deepEqual(
      diagnostics(text).map((d) => d.code),
      [],
    );
  });

  it('bibliography.unsorted: an author written without a comma may be sorted by the full name or the last word', () => {
    const section = (entries: string[]) => `## Bibliography\n\n${entries.map((e) => `- ${e}`).join('\n')}\n`;
    const malka = 'Malka, Adam. *The Men of Mobtown*. 2018.';
    const muller = 'Viola Franziska Müller, “Runaway Slaves in Antebellum Baltimore,” *Review* 2020.';
    const phillips = 'Phillips, Christopher. *Freedom’s Port*. 1997.';
    assert.deepEqual(
      diagnostics(section([malka, muller, phillips])).filter((d) => d.code === 'bibliography.unsorted'),
      [],
    );
    const found = diagnostics(section([phillips, 'Adam Malka, *The Men of Mobtown*, 2018.'])).filter((d) => d.code === 'bibliography.unsorted');
    assert.deepEqual(
      found.map((d) => d.range.start.line),
      [3],
    );
  });

  it('bibliography.unsorted: each part under its own subheading is sorted on its own', () => {
    const section = (secondary: string[]) =>
      `## Bibliography\n\n#### Primary Sources\n\nKeenan, Charles. *Directory for 1822*. 1822.\n\nMatchett, Edward. *Directory for 1816*. 1816.\n\n#### Secondary Sources\n\n${secondary.join('\n\n')}\n`;
    const secondary = ['Arnold, Joseph. *History of Baltimore*. 2015.', 'Clayton, Ralph. *Black Baltimore*. 1987.'];
    assert.deepEqual(
      diagnostics(section(secondary)).filter((d) => d.code === 'bibliography.unsorted'),
      [],
    );
    const found = diagnostics(section([...secondary].reverse())).filter((d) => d.code === 'bibliography.unsorted');
    assert.deepEqual(
      found.map((d) => d.range.start.line),
      [12],
    );
  });

  it('reads a note without the colon-less note below it, which runs into it as a lazy line', () => {
    const text =
      'Claim.[^1] More.[^2] Also.[^3]\n\n[^1]: John Rabe, *The Good Man of Nanking* (New York: Knopf, 1998), 12.\n[^2]: Rabe, *Good Man*, 67.\n[^3] “How John Rabe Saved Lives,” Britannica. Accessed November 22, 2024.\n';
    assert.deepEqual(
      diagnostics(text, /^source\./).map((d) => [d.code, d.range.start.line]),
      [],
    );
  });

  it('a listed issue is cited through its articles, a listed series through one of its volumes', () => {
    const text = [
      'A.[^1] B.[^2]',
      '',
      '## Bibliography',
      '',
      '- United States. *Annual Reports of the Postmaster General*. Washington, D.C.: Government Printing Office, 1900.',
      '- Withers, Audrey. *Vogue*, Condé Nast Publications, October, 1954.',
      '',
      '[^1]: “Mrs. Exeter’s List,” *Vogue*, October, 1954, 212.',
      '[^2]: United States, “1871 Annual Report of the Postmaster General,” 85.',
      '',
    ].join('\n');
    assert.deepEqual(diagnostics(text), []);
  });

  it('takes only references for entries: prose under a References heading is documentation, not a Bibliography', () => {
    const docs =
      '## References\n\nReference syntax relies on citation syntax. A basic reference is an at sign and a label.\n\nYou can capitalise the first letter to get a capital prefix.\n\nPrepending a dash suppresses the prefix.\n';
    assert.deepEqual(diagnostics(`Text.[^1]\n\n${docs}\n[^1]: Lin Wei, “Shipping Lanes Under Pressure,” Trade Weekly, 2023.\n`), []);
    const { text, ranges } = marked(`Text.[^1]\n\n## Bibliography\n\nWorks consulted for this brief:\n\n⟦- ${ENTRY_B}⟧\n- ${ENTRY_A}\n\n[^1]: ${ENTRY_A}\n`);
    assert.deepEqual(
      diagnostics(text).map((d) => [d.code, d.range]),
      [['bibliography.uncited', ranges[0]]],
    );
  });

  it('does not ask for notes to be in a Bibliography that holds no entries (a References heading over the notes)', () => {
    const text =
      'A claim.[^1] Another.[^2]\n\n## References\n\n[^1]: Stallman, R. (1998). GNU Make, Version 3.77. Free Software Foundation.\n[^2]: Chambers, John. 2008. “Software for Data Analysis.” Springer.\n';
    assert.deepEqual(diagnostics(text), []);
  });

  it('matches notes to their entry when the title holds a slash or quotation marks, curly, straight or nested', () => {
    const entries =
      '- Okafor, Adaeze. 2025. “Work/Life Balance in the ‘Gig’ Economy.” *Labour Review* 3: 1–9.\n- Okafor, Adaeze. 2025. “Storm Outages.” *Energy Review* 2: 1–9.';
    for (const note of [
      'Adaeze Okafor, “Work/Life Balance in the ‘Gig’ Economy,” *Labour Review* 3 (2025): 4.',
      'Adaeze Okafor, "Work/Life Balance in the "Gig" Economy," *Labour Review* 3 (2025): 4.',
      'Adaeze Okafor, “Work/Life Balance in the “Gig” Economy,” *Labour Review* 3 (2025): 4.',
      'Okafor, “Work/Life Balance,” 3.',
      'Okafor, *Work/Life Balance*, 3.',
    ]) {
      const found = diagnostics(`A claim.[^1]\n\n## Bibliography\n\n${entries}\n\n[^1]: ${note}\n`);
      assert.deepEqual(
        found.map((d) => [d.code, d.range.start.line]),
        [['bibliography.uncited', 5]],
        note,
      );
    }
  });

  it('matches a shortened note to its entry by the start of the title', () => {
    const text = `A.[^1] B.[^2]\n\n## Bibliography\n\n- ${ENTRY_A}\n\n[^1]: Ada Okoro, “Ports Reopen after Strike,” Harbour Times, 2024.\n[^2]: Okoro, “Ports Reopen,” 3.\n`;
    assert.deepEqual(diagnostics(text), []);
  });

  it("source.mismatch: names the field and both values, on the note's field", () => {
    const { text, ranges } = marked(
      `A.[^1]\n\n## Bibliography\n\n- ${ENTRY_B}\n\n[^1]: Ministry of Water. n.d. “Drought Response Plan.” Accessed ⟦April 30, 2024⟧. <⟦https://water.example/drought-plan-2⟧>.\n`,
    );
    const found = diagnostics(text).filter((d) => d.code === 'source.mismatch');
    assert.deepEqual(
      found.map((d) => d.range).sort((a, b) => a.start.character - b.start.character),
      ranges,
    );
    assert.deepEqual(found.map((d) => d.message).sort(), [
      'Footnote [^1] and its Bibliography entry (line 5) give different URLs: “https://water.example/drought-plan-2” in the note, “https://water.example/drought-plan” in the Bibliography. Make them the same.',
      'Footnote [^1] and its Bibliography entry (line 5) give different access dates: “April 30, 2024” in the note, “May 4, 2024” in the Bibliography. Make them the same.',
    ]);
  });

  it('source.incomplete: access date without URL (a DOI is one), n.d. without access date, a bare URL', () => {
    const text =
      'A.[^1] B.[^2] C.[^3] D.[^4]\n\n[^1]: Harbour Times, “Strike Ends,” accessed May 2, 2024.\n[^2]: Okoro, Ada. n.d. “Ports.” Harbour Times. https://harbour.example/ports\n[^3]: https://harbour.example/a/b\n' +
      '[^4]: Kofi Mensah, “Dredging the Delta,” *Journal of Ports* 4, no. 2 (2021): 12, accessed May 2, 2024, doi: 10.1234/ports.2021.12.\n';
    assert.deepEqual(
      diagnostics(text).map((d) => [d.code, d.range.start.line, d.message]),
      [
        ['source.incomplete', 2, 'The source in footnote [^1] is incomplete: it gives an access date but no URL; add the web address.'],
        ['source.incomplete', 3, 'The source in footnote [^2] is incomplete: it has no date (n.d.) and no access date; add the date you consulted it.'],
        ['source.incomplete', 4, 'The source in footnote [^3] is incomplete: it is only a web address; add the author or publisher and the title.'],
      ],
    );
  });

  it('source.url-title-mismatch: on the URL of a note whose link is another story', () => {
    const { text, ranges } = marked(
      'A.[^1]\n\n[^1]: Stewart, Phil. 2024. "US warns deployment could lengthen, broaden Ukraine war." Wire. <⟦https://www.wire.example/world/north-korea-may-seek-russian-icbm-nuclear-weapons-technology-south-korea-says-2024-10-30/⟧>.\n',
    );
    const found = diagnostics(text);
    assert.deepEqual(
      found.map((d) => [d.code, d.range]),
      [['source.url-title-mismatch', ranges[0]]],
    );
  });
});
