import { strict as assert } from 'node:assert';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { CLAIM_MODEL, handFeatures, isClaim, scoreSentence, thresholdFor, wordListsFor } from '../../src/core/features/claim/claimDetector';
import { claimText } from '../../src/core/features/claim/claimText';
import {
  bucketOf as bucketOfName,
  claimInputs,
  claimTokens,
  ClaimModel,
  type ClaimContext,
  type DocumentVoice,
} from '../../src/core/features/claim/claimModel';
import { documentVoice } from '../../src/core/features/claim/claimContext';
import { train } from '../eval/claimTrainer';
import { notClaimKey, readNotClaims } from '../../src/core/features/claim/notClaims';
import { marked } from '../helpers/markedText';
import { doc, testService } from '../helpers/service';

const lists = wordListsFor({ reportingVerbs: [], hedges: [] });
const features = (sentence: string) => handFeatures(sentence, lists).map((f) => f.id);
/** A sentence in the middle of a paragraph of body text, with unsourced neighbours. */
const MIDDLE: ClaimContext = {
  position: 'middle',
  inList: false,
  inQuote: false,
  heading: 'Background',
  previousSourced: false,
  nextSourced: false,
  voice: 'report',
};
const probability = (sentence: string) => scoreSentence(sentence, MIDDLE, lists).probability;

describe('claim features', () => {
  it('sees statistics, dates, quotations, reporting verbs, actions, trends, studies and the law', () => {
    assert.deepEqual(features('Outages rose 40 percent in 2024.'), ['statistic', 'date', 'trend']);
    assert.deepEqual(features('On June 18, 2024, Russia and North Korea signed a treaty.'), ['number', 'date', 'action', 'legal', 'named']);
    assert.deepEqual(features('The minister said the drought was "the worst in a generation."'), ['quotation', 'reporting']);
    assert.deepEqual(features('A 2023 survey of 400 utilities found that most lacked spare parts.'), ['number', 'year', 'study', 'comparative']);
  });

  it('reads hedges, recommendations, roadmap sentences and questions as lowering the score', () => {
    assert.deepEqual(features('Donor support might slow the programme down.'), ['hedge']);
    assert.deepEqual(features('Congress should fund the programme.'), ['recommendation']);
    assert.deepEqual(features('In this brief, I examine three options for reform.'), ['number', 'roadmap']);
    assert.deepEqual(features('Why did the talks fail in May?'), ['question']);
  });

  it('does not read the month of May or the country US as a hedge or first person', () => {
    assert.deepEqual(features('The US imposed sanctions in May 2024.'), ['date', 'action', 'legal']);
  });
});

describe('the learned claim model', () => {
  const claims = [
    'On June 18, 2024, Russia and North Korea signed a treaty on a comprehensive strategic partnership.',
    'The Department of Energy announced $2.3 billion in resilience grants on 12 March 2025.',
    "According to the association, member utilities maintain 42 percent of the nation's distribution lines.",
    'The chief executive stated that "no co-op should have to choose between a new substation and a fair rate."',
    'Studies show that early warning systems reduce flood deaths.',
    'Resolution No. 2270 prohibits the transfer of small arms to the DPRK.',
    'The U.S. Defense Secretary said the deployment would prolong the conflict.',
    'Illegal fishing costs coastal states an estimated $1.9 billion a year.',
  ];
  const arguments_ = [
    'Congress should scale the matching share to utility size.',
    'In this article, I examine the ways in which this cooperation affects policymaking.',
    'Such a change might speed up projects, but it could also spread funds thinly.',
    'Agencies shall publish their outage data by county.',
    'It is vital that donors coordinate their efforts.',
    'Why does this matter?',
    'Congress should raise the grant ceiling to $5 billion to reach the poorest counties.',
    'The ministers should heed the warning that "delay costs lives."',
  ];
  it("scores every claim above every piece of the writer's own argument, in the same place of a paragraph", () => {
    const lowestClaim = Math.min(...claims.map(probability));
    const highestArgument = Math.max(...arguments_.map(probability));
    assert.ok(lowestClaim > highestArgument, `lowest claim ${lowestClaim.toFixed(3)}, highest argument ${highestArgument.toFixed(3)}`);
  });

  it('flags the clearest claims at the balanced threshold, and none of the arguments', () => {
    const flags = (sentence: string) => isClaim(scoreSentence(sentence, MIDDLE, lists), 'balanced');
    for (const claim of [claims[0], claims[1], claims[6]]) assert.ok(flags(claim), claim);
    for (const argument of arguments_) assert.ok(!flags(argument), argument);
    assert.ok(probability(claims[0]) >= thresholdFor('report', 'balanced'));
  });

  it('gives evidence in words: the hand features that raised the score, or that the sentence states a fact', () => {
    assert.deepEqual(
      scoreSentence('Exports fell 12 percent in 2023.', MIDDLE, lists)
        .evidence.map((f) => f.id)
        .sort(),
      ['date', 'statistic', 'trend'],
    );
    assert.deepEqual(scoreSentence('Many services reject passwords with spaces.', MIDDLE, lists).evidence, []);
  });

  it('ships small weights, a threshold for each kind of document, and sensitivities ordered strict < balanced < lenient', () => {
    const size = statSync(join(__dirname, '../../src/core/features/claim/claimWeights.json')).size;
    assert.ok(size < 300_000, `${size} bytes`);
    assert.deepEqual(Object.keys(CLAIM_MODEL.definition.thresholds).sort(), ['mixed', 'own', 'report']);
    assert.ok(thresholdFor('report', 'strict') < thresholdFor('report', 'balanced') && thresholdFor('report', 'balanced') < thresholdFor('report', 'lenient'));
  });

  it('trains to the same weights on every run (a fixed seed), and learns what its data says', () => {
    const data = [
      ...Array.from({ length: 40 }, (_, i) => ({ inputs: ['h:statistic', `w:w${i % 7}`], label: 1 as const })),
      ...Array.from({ length: 40 }, (_, i) => ({ inputs: ['h:recommendation', `w:w${i % 5}`], label: 0 as const })),
    ];
    const options = { buckets: 1 << 10, epochs: 5, alpha: 0.1, beta: 1, l1: 1, l2: 1, seed: 7 };
    const first = train(data, options);
    assert.deepEqual(train(data, options), first);
    const weight = (name: string) => new Map(first.weights).get(bucketOfName(name, options.buckets)) ?? 0;
    assert.ok(weight('h:statistic') > 0 && weight('h:recommendation') < 0);
  });
});

describe('claim.uncited', () => {
  it('flags the uncited claim on its first three words, quoting its opening and its strongest reason, and not the cited one or the argument', () => {
    const { text, ranges } = marked(
      'Outages rose 40 percent in 2024.[^1] ⟦The minister said⟧ on 4 May 2024 that repairs would take a year. Congress should act.\n\n[^1]: Okafor, “Storm Outages,” 2025.\n',
    );
    const found = testService()
      .computeDiagnostics(doc(text))
      .filter((d) => d.code === 'claim.uncited');
    assert.deepEqual(
      found.map((d) => [d.severity, d.range]),
      [['information', ranges[0]]],
    );
    assert.equal(
      found[0].message,
      '“The minister said on 4 May 2024 that …” has no source, though it gives a date. Add a footnote or citation, or mark it "not a claim" if it is your own argument.',
    );
  });

  it('quotes a short sentence whole, without its markup', () => {
    const { text, ranges } = marked('**⟦Exports fell** 12⟧ percent in *2023*.\n');
    const found = testService()
      .computeDiagnostics(doc(text))
      .filter((d) => d.code === 'claim.uncited');
    assert.deepEqual(
      found.map((d) => [d.range, d.message.split(' has no source')[0]]),
      [[ranges[0], '“Exports fell 12 percent in 2023.”']],
    );
  });

  it('handles abbreviations and markers at the end: U.S. and No. do not split the sentence', () => {
    const { text } = marked('The U.S. Treasury listed 12 vessels under Order No. 13810 in March 2024. Congress should act.\n');
    assert.deepEqual(
      testService()
        .computeDiagnostics(doc(text))
        .map((d) => d.message.split(' has no source')[0]),
      ['“The U.S. Treasury listed 12 vessels under Order …”'],
    );
  });

  it('lets the note that closes a passage cover the sentences before it, and a next sentence that points back to it; the sentence scope does not', () => {
    const text =
      'The ministry said exports fell 12 percent in 2023. Imports rose 4 percent in 2023.[^1] The report also found that tariffs rose 9 percent in 2023.\n\nThe minister said on 4 May 2024 that repairs would take a year.\n\n[^1]: Ministry of Trade, 2024.\n';
    const starts = (service: ReturnType<typeof testService>) => service.computeDiagnostics(doc(text)).map((d) => d.range.start);
    assert.deepEqual(starts(testService()), [{ line: 2, character: 0 }]);
    const sentence = testService({
      claims: { enabled: true, scope: 'sentence', sensitivity: 'balanced', severity: 'information', reportingVerbs: [], hedges: [] },
    });
    assert.deepEqual(starts(sentence), [
      { line: 0, character: 0 },
      { line: 0, character: 87 },
      { line: 2, character: 0 },
    ]);
  });

  it('obeys the ignore marker, the front-matter switch, the setting and extra word lists', () => {
    const claim = 'Exports fell 12 percent in 2023.';
    assert.deepEqual(testService().computeDiagnostics(doc(`${claim} <!-- briefkit-ignore claim -->\n`)), []);
    assert.deepEqual(testService().computeDiagnostics(doc(`<!-- briefkit-ignore claim -->\n${claim} Imports rose 4 percent in 2023.\n`)), []);
    assert.deepEqual(testService().computeDiagnostics(doc(`---\nbriefkit-claims: off\n---\n\n${claim}\n`)), []);
    const off = {
      enabled: false,
      scope: 'sentence' as const,
      sensitivity: 'balanced' as const,
      severity: 'information' as const,
      reportingVerbs: [],
      hedges: [],
    };
    assert.deepEqual(testService({ claims: off }).computeDiagnostics(doc(`${claim}\n`)), []);
    const extraHedge = wordListsFor({ reportingVerbs: [], hedges: ['reportedly'] });
    assert.deepEqual(
      handFeatures('Sources reportedly disagree on the cause.', extraHedge).map((f) => f.id),
      ['hedge'],
    );
    const extraVerb = wordListsFor({ reportingVerbs: ['tweeted'], hedges: [] });
    assert.deepEqual(
      handFeatures('The minister tweeted that the border was closed.', extraVerb).map((f) => f.id),
      ['reporting', 'event'],
    );
  });

  it('offers to add a footnote after the final punctuation, to cite, or to mark it not a claim', async () => {
    const text = '---\nbibliography: refs.bib\n---\n\nExports fell 12 percent in 2023. Next.\n';
    const service = testService({}, { 'file:///work/refs.bib': '@misc{a, title={A}, year={2020}}' });
    const document = doc(text, 1, 'file:///work/brief.md');
    await service.loadBibliographies(document);
    const range = { start: { line: 4, character: 3 }, end: { line: 4, character: 3 } };
    const actions = service.getCodeActions(document, range);
    assert.deepEqual(
      actions.map((a) => a.title),
      [
        'Add footnote [^1] to this sentence',
        'Cite a source with [@…]',
        'Not a claim: stop flagging this sentence',
        'Not a claim in any brief of this workspace (remember this sentence)',
      ],
    );
    assert.deepEqual(actions[3].edits, []);
    assert.deepEqual(actions[3].command?.arguments, ['file:///work/brief.md', 'Exports fell 12 percent in 2023.']);
    const apply = (i: number) => service.applyEdits(document, actions[i].edits);
    assert.equal(apply(0), '---\nbibliography: refs.bib\n---\n\nExports fell 12 percent in 2023.[^1] Next.\n\n[^1]: \n');
    assert.deepEqual(actions[0].command?.arguments, ['file:///work/brief.md', { line: 6, character: 6 }]);
    assert.equal(apply(1), '---\nbibliography: refs.bib\n---\n\nExports fell 12 percent in 2023 [@]. Next.\n');
    assert.deepEqual(actions[1].command?.arguments, ['file:///work/brief.md', { line: 4, character: 34 }]);
    assert.equal(apply(2), '---\nbibliography: refs.bib\n---\n\nExports fell 12 percent in 2023. <!-- briefkit-ignore claim --> Next.\n');
  });
});

describe('what counts as a source for claim.uncited', () => {
  const claim = 'The Department of Energy announced $2.3 billion in resilience grants on 12 March 2025';
  const paragraph = (sentence: string) =>
    `# Background\n\nRural utilities serve many counties. ${sentence} Congress should extend them.\n\n[doe]: https://energy.gov/grants\n`;
  const flagged = (text: string) =>
    testService()
      .computeDiagnostics(doc(text))
      .filter((d) => d.code === 'claim.uncited')
      .map((d) => text.slice(text.split('\n').slice(0, d.range.start.line).join('\n').length + 1 + d.range.start.character).slice(0, 40));

  it('flags the claim when it carries nothing', () => {
    assert.deepEqual(flagged(paragraph(`${claim}.`)), [`${claim}.`.slice(0, 40)]);
  });

  const sourced: Array<[string, string]> = [
    ['an inline link', `According to the [department](https://energy.gov/grants), ${claim}.`],
    ['a reference-style link', `${claim}, [the department said][doe].`],
    ['an autolink', `${claim} (<https://energy.gov/grants>).`],
    ['a bare web address', `${claim} (see https://energy.gov/grants).`],
    ['an inline note', `${claim}.^[Department of Energy, press release, 12 March 2025.]`],
    ['an HTML note marker', `${claim}.<sup><a href="#fn1">1</a></sup>`],
    ['a link to a reference', `${claim} [[DOE]](#ref-doe).`],
    ['a numeric citation', `${claim} [3].`],
    ['a numeric citation with a range', `${claim} [3, 5–7].`],
    ['an author-date citation', `${claim} (Okafor 2025).`],
    ['two authors, a page', `${claim} (Okafor and Mensah 2019, 45).`],
    ['a corporate author', `${claim} (World Bank 2024).`],
    ['an author and page', `${claim} (Farmer, 20).`],
    ['an author-date citation after a lead-in', `${claim} (as described in Appleby et al, 1994).`],
  ];
  for (const [kind, sentence] of sourced) {
    it(`does not flag a claim sourced by ${kind}`, () => assert.deepEqual(flagged(paragraph(sentence)), []));
  }

  it('does not take a figure, table or section number in parentheses for a citation', () => {
    for (const part of ['(Figure 3)', '(Table 2)', '(Section 702)']) assert.equal(flagged(paragraph(`${claim} ${part}.`)).length, 1, part);
  });
});

describe('the writer’s own voice and markup are never uncited claims', () => {
  const claim = 'The Department of Energy announced $2.3 billion in resilience grants on 12 March 2025.';
  const flaggedIn = (middle: string) => {
    const text = `# Background\n\nRural utilities serve many counties. ${middle} Congress should extend them.\n`;
    return testService()
      .computeDiagnostics(doc(text))
      .filter((d) => d.code === 'claim.uncited').length;
  };
  it('still flags the claim itself', () => assert.equal(flaggedIn(claim), 1));
  const ownVoice: Array<[string, string]> = [
    ['the first person', 'We loaded all 12 GB of the tabular data on 12 March 2025.'],
    ['the reader addressed', 'You can load $2.3 billion of records in 2025 with one command.'],
    ['an instruction', 'Require that no more than $2 million be spent on any single contract after 12 March 2025.'],
    ['the writer’s recommendation', 'The Department of Energy must announce $2.3 billion in resilience grants by 12 March 2025.'],
    ['a question', 'Did the Department of Energy announce $2.3 billion in resilience grants on 12 March 2025?'],
    ['the document’s own act', 'Pursuant to the Executive Order of 12 March 2025, this Memorandum establishes a $2.3 billion framework for resilience grants.'],
    ['an essay’s roadmap', 'This essay seeks to explore how the Department of Energy spent $2.3 billion in resilience grants after 12 March 2025.'],
    ['a paper’s roadmap', 'The paper then explores how the Department of Energy spent $2.3 billion in resilience grants after 12 March 2025.'],
    ['inline code', 'The `announce()` call released $2.3 billion in grants on 12 March 2025.'],
  ];
  for (const [kind, sentence] of ownVoice) it(`does not flag ${kind}`, () => assert.equal(flaggedIn(sentence), 0));

  it('still flags a recommendation someone else made, reported', () => {
    assert.equal(flaggedIn('The Secretary of Energy said on 12 March 2025 that utilities must spend $2.3 billion on resilience.'), 1);
  });

  for (const [kind, sentence] of [
    ['a site generator’s tag', '{{< figure src="grid.png" caption="The Department of Energy announced $2.3 billion on 12 March 2025." >}}'],
    ['a licence in capitals', 'THE DEPARTMENT OF ENERGY ANNOUNCED $2.3 BILLION IN RESILIENCE GRANTS ON 12 MARCH 2025.'],
  ] as const) {
    it(`does not flag ${kind}`, () => assert.equal(flaggedIn(sentence), 0));
  }

  it("checks claims in a document with code blocks (a history essay with terminal transcripts), but not a table cell, a block quotation, a caption or a study's own results", () => {
    const code = '```\n$ ls\n```\n\n';
    const withCode = `# Background\n\n${code}${code}${code}Rural utilities serve many counties. ${claim} Congress should extend them.\n`;
    assert.deepEqual(
      testService()
        .computeDiagnostics(doc(withCode))
        .filter((d) => d.code === 'claim.uncited')
        .map((d) => d.range.start),
      [{ line: 14, character: 37 }],
    );
    const table = `# Background\n\n| Year | Event |\n| --- | --- |\n| 2025 | ${claim} |\n`;
    const quotation = `# Background\n\nThe agency put it this way:\n\n> ${claim}\n`;
    const caption = `# Background\n\n![Grants](grants.png)\n\nFigure 2: ${claim}\n`;
    const results = `# Results of the 2025 Grid Survey\n\n## Counties\n\n${claim}\n`;
    for (const text of [table, quotation, caption, results])
      assert.deepEqual(
        testService()
          .computeDiagnostics(doc(text))
          .filter((d) => d.code === 'claim.uncited'),
        [],
        text,
      );
  });

  it("tells a report about others from a document in its writer's own voice (a quarter of its sentences), and holds each to its own threshold", () => {
    const parse = (text: string) => testService().getDocument(doc(text));
    const own = 'I think the field has changed. We argue about it often. ';
    assert.equal(documentVoice(parse(`${own.repeat(6)}${'The grid is old. '.repeat(8)}`).sentences), 'own');
    assert.equal(documentVoice(parse(`${own.repeat(1)}${'The grid is old. '.repeat(14)}`).sentences), 'mixed');
    assert.equal(documentVoice(parse('The grid is old. '.repeat(20)).sentences), 'report');
    assert.equal(documentVoice(parse(own.repeat(4)).sentences), 'report', 'fewer than ten sentences');
    const model = new ClaimModel({ ...CLAIM_MODEL.definition, thresholds: { report: 0.5, mixed: 0.7, own: 1.01 } });
    const score = (voice: DocumentVoice, probability: number) => ({ probability, signalled: true, excluded: false, voice });
    assert.deepEqual(
      [
        isClaim(score('report', 0.6), 'balanced', model),
        isClaim(score('mixed', 0.6), 'balanced', model),
        isClaim(score('mixed', 0.6), 'strict', model),
        isClaim(score('own', 0.99), 'strict', model),
      ],
      [true, false, true, false],
    );
  });

  it('does not flag a literature note: a file whose front matter describes the one work it summarises', () => {
    const body = `# Background\n\nRural utilities serve many counties. ${claim} Congress should extend them.\n`;
    const count = (text: string) =>
      testService()
        .computeDiagnostics(doc(text))
        .filter((d) => d.code === 'claim.uncited').length;
    assert.equal(count(`---\ntitle: Grid grants\nauthor: Okafor, A.\ndate: 2025-03-12\n---\n\n${body}`), 1, 'a brief with an author and a date');
    assert.equal(count(`---\ntitle: Grid grants\nauthor: Okafor, A.\nyear: 2025\njournal: Energy Policy Review\npages: 33-51\n---\n\n${body}`), 0);
  });

  it('does not flag a research paper describing its own study, under Methodology, Limitations and their subsections', () => {
    const count = (heading: string, sub = '') =>
      testService()
        .computeDiagnostics(doc(`# Paper\n\n## ${heading}\n\n${sub}${claim}\n`))
        .filter((d) => d.code === 'claim.uncited').length;
    assert.equal(count('Background'), 1);
    assert.equal(count('Implementation of the Grants Act'), 1, 'about someone else’s act');
    assert.equal(count('Methodology'), 0);
    assert.equal(count('3.2 Evaluation Methods', '### Performance Metrics\n\n'), 0);
    assert.equal(count('Limitations'), 0);
  });

  it('reads HTML entities as the reader sees them: a quotation marked with &#8220; is a quotation', () => {
    assert.deepEqual(
      handFeatures('Reviewers wrote &#8220;the rewards were simply not commensurate with the effort.&#8221;', lists).map((f) => f.id),
      handFeatures('Reviewers wrote “the rewards were simply not commensurate with the effort.”', lists).map((f) => f.id),
    );
    assert.ok(handFeatures('Reviewers wrote &#8220;the rewards were simply not commensurate with the effort.&#8221;', lists).some((f) => f.id === 'quotation'));
  });

  it('does not flag a table Markdown did not read as one', () => {
    const text =
      '# Timeline\n\nThe steps took years. | Action | Steel (2017-2018) | Copper (2025) | Commerce Secretary initiates investigation | April 19, 2017 | March 10, 2025 | Then it ended.\n';
    assert.deepEqual(
      testService()
        .computeDiagnostics(doc(text))
        .filter((d) => d.code === 'claim.uncited' && d.range.start.character > 30),
      [],
    );
  });
});

describe('scoring without building input names', () => {
  it('reads tokens in any script: letters beyond ASCII and beyond the first plane, numbers folded by kind, trailing punctuation dropped', () => {
    assert.deepEqual(claimTokens('Ünïcödé 𝐁old-face O’Brien-, “quoted” cost $40 and 3.5% in 2019. The 1990s saw 1,200 ΣΊΣΥΦΟΣ ٣ rises…'), [
      'ünïcödé',
      '𝐁old-face',
      'o’brien',
      'quoted',
      'cost',
      '<money>',
      'and',
      '<percent>',
      'in',
      '<year>',
      'the',
      '<year>',
      'saw',
      '<number>',
      'σίσυφος',
      '٣',
      'rises',
    ]);
  });

  it('gives the same probability as the inputs training sees', () => {
    for (const sentence of [
      'Exports fell 12 percent in 2023.',
      'The U.S. Defense Secretary said the deployment would prolong the conflict.',
      'Why does this matter?',
      'Ünïcödé 𝐁old-face O’Brien-, “quoted” cost $40 and 3.5% in 2019, the 1990s saw 1,200 ΣΊΣΥΦΟΣ ٣ rises…',
    ]) {
      const plain = claimText(sentence);
      const features = handFeatures(sentence, lists);
      assert.equal(CLAIM_MODEL.probabilityOf(plain, features, MIDDLE), CLAIM_MODEL.probability(claimInputs(plain, features, MIDDLE, CLAIM_MODEL.clusters)));
    }
  });
});

describe('sentences remembered as not claims', () => {
  it('keys a sentence by its words: case, punctuation, line breaks, markers, citations and comments do not count', () => {
    const key = notClaimKey('Exports fell 12 percent in 2023.');
    for (const variant of [
      'exports fell\n12 percent, in 2023!',
      'Exports fell 12 percent in 2023.[^4]',
      'Exports fell 12 percent in 2023 [@wto2024].',
      'Exports fell 12 percent in 2023. <!-- briefkit-ignore claim -->',
    ]) {
      assert.equal(notClaimKey(variant), key, variant);
    }
    assert.notEqual(notClaimKey('Exports fell 13 percent in 2023.'), key);
    assert.deepEqual(readNotClaims('# header\r\n\r\n  One sentence.  \nTwo.\n'), ['One sentence.', 'Two.']);
  });

  it('does not flag a listed sentence, and still flags the others', () => {
    const text = 'Exports fell 12 percent in 2023. Imports rose 4 percent in 2024.\n';
    const codes = (notClaims: string[]) =>
      testService({ claims: { enabled: true, scope: 'sentence', sensitivity: 'balanced', severity: 'information', reportingVerbs: [], hedges: [], notClaims } })
        .computeDiagnostics(doc(text))
        .map((d) => [d.code, d.range.start.character]);
    assert.deepEqual(codes([]), [
      ['claim.uncited', 0],
      ['claim.uncited', 33],
    ]);
    assert.deepEqual(codes(['exports fell 12 percent in 2023']), [['claim.uncited', 33]]);
  });
});
