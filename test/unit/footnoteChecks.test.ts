import { strict as assert } from 'node:assert';
import type { BriefOptions } from '../../src/core';
import { marked } from '../helpers/markedText';
import { doc, testService } from '../helpers/service';

function problems(source: string, code: string, options: Partial<BriefOptions> = {}) {
  const { text, ranges } = marked(source);
  const found = testService(options)
    .computeDiagnostics(doc(text))
    .filter((d) => d.code === code);
  return { found, ranges, summary: found.map((d) => ({ severity: d.severity, range: d.range })) };
}

describe('footnote checks', () => {
  it('footnote.duplicate: a second note with the same label, on the later copy', () => {
    const { found, ranges } = problems('A.[^1] B.[^2]\n\n[^1]: One.\n[^2]: Two.\n⟦[^1]⟧: One.\n⟦[^2]⟧: Other.\n', 'footnote.duplicate');
    assert.deepEqual(
      found.map((d) => [d.severity, d.range]),
      [
        ['error', ranges[0]],
        ['error', ranges[1]],
      ],
    );
    assert.equal(found[0].message, 'Footnote [^1] is written twice with the same text (first on line 3). Delete this copy.');
    assert.equal(
      found[1].message,
      'Footnote [^2] is written twice with different text (first on line 4); readers only see the first. Merge the notes or give this one a new label.',
    );
  });

  it('footnote.empty: a note with no text', () => {
    const { found, ranges } = problems('A.[^1] B.[^2]\n\n⟦[^1]⟧:\n[^2]: Two.\n', 'footnote.empty');
    assert.deepEqual(
      found.map((d) => [d.severity, d.range, d.message]),
      [['warning', ranges[0], 'Footnote [^1] has no text. Write the note after "[^1]: ", or remove the note and its marker.']],
    );
  });

  it('footnote.order: reported where a higher number is cited before a lower one', () => {
    const { found, ranges } = problems('A.[^1] B.⟦[^3]⟧ C.[^2] D.[^4] E.[^1]\n\n[^1]: 1.\n[^2]: 2.\n[^3]: 3.\n[^4]: 4.\n', 'footnote.order');
    assert.deepEqual(
      found.map((d) => d.range),
      [ranges[0]],
    );
    assert.equal(
      found[0].message,
      'Footnote [^3] is cited before [^2], so the numbers do not run in reading order. Use "Renumber footnotes" to number them 1, 2, 3… as they appear.',
    );
    assert.deepEqual(problems('A.[^1] B.[^2] C.[^x]\n\n[^1]: 1.\n[^2]: 2.\n[^x]: x.\n', 'footnote.order').found, []);
  });

  it('footnote.order: silent on notes numbered in runs on purpose, reported when one note drifts', () => {
    const notes = (numbers: number[]) => `${numbers.map((n) => `S.[^${n}]`).join(' ')}\n\n${numbers.map((n) => `[^${n}]: Note ${n}.`).join('\n')}\n`;
    // A section numbered to match the full guide it comes from, then a section of its own.
    assert.deepEqual(problems(notes([39, 40, 41, 42, 43, 1, 2, 3]), 'footnote.order').found, []);
    // A note inserted, a note moved, a pair swapped: each leaves a run shorter than three.
    assert.deepEqual(
      problems(notes([1, 2, 3, 9, 4, 5, 6]), 'footnote.order').found.map((d) => d.range.start.character),
      [23],
    );
    assert.deepEqual(
      problems(notes([1, 2, 3, 4, 6, 5]), 'footnote.order').found.map((d) => d.range.start.character),
      [30],
    );
    assert.deepEqual(
      problems(notes([2, 1, 3, 4, 5]), 'footnote.order').found.map((d) => d.range.start.character),
      [2],
    );
  });

  it('footnote.placement: a marker before punctuation in Chicago style, after it in the other style, or never', () => {
    const source = 'It spread to other nations⟦[^8]⟧. He agreed,[^9] and left⟦[^1][^2]⟧; then wait...\n\n[^1]: a\n[^2]: b\n[^8]: c\n[^9]: d\n';
    const after = problems(source, 'footnote.placement', { footnotePlacement: 'after-punctuation' });
    assert.deepEqual(
      after.summary,
      after.ranges.map((range) => ({ severity: 'information', range })),
    );
    assert.equal(after.found[0].message, 'Put the footnote marker [^8] after the ".", as Chicago style does: ".[^8]".');
    const before = problems('Claim⟦.⟧[^1] Another[^2].\n\n[^1]: a\n[^2]: b\n', 'footnote.placement', { footnotePlacement: 'before-punctuation' });
    assert.deepEqual(
      before.found.map((d) => d.message),
      ['Put the footnote marker [^1] before the ".", as this brief\'s style asks: "[^1].".'],
    );
    assert.deepEqual(before.found[0].range.start.character, 6);
    assert.deepEqual(problems(source, 'footnote.placement', { footnotePlacement: 'off' }).found, []);
  });

  it('footnote.legacy-marker: superscript digits after words and HTML note markers, not squares or note lines', () => {
    const { found, ranges } = problems(
      'Costs rose 40 percent.⟦¹⁰⟧ The zone covers 2,000 km² of water and "ends here."⟦²⟧\n\n¹⁰ The note text itself.\n\nVoters agreed.⟦<sup id="r1"><a href="#fn1">3</a></sup>⟧\n\n`x²` and `a¹` in code.\n',
      'footnote.legacy-marker',
    );
    assert.deepEqual(
      found.map((d) => d.range),
      ranges,
    );
    assert.equal(
      found[0].message,
      '"¹⁰" looks like a footnote number pasted from Word or a PDF. Use "Convert to Markdown footnotes" to turn it into [^10] with its note.',
    );
    assert.equal(
      found[2].message,
      'This HTML note marker (note 3) is not a Markdown footnote. Use "Convert to Markdown footnotes" to turn it into [^3] with its note.',
    );
  });

  it("footnote.legacy-marker: leaves alone a site's own HTML notes kept outside the text, which converting would empty", () => {
    const page =
      '---\ntitle: Governance\nfootnotes: |\n  <p class="footnotes">[28] Okafor, “Trade,” 2018.</p><p class="footnotes">[29] Mensah, “Ports,” 2017.</p>\n---\n\n' +
      'Members lead the pack.[<sup>28</sup>](#footnotes) A 2017 law made it mandatory.[<sup>29</sup>](#footnotes)\n\n' +
      'Voters agreed.<sup><a href="#note-3">3</a></sup>\n\n<div id="note-3">3. Kept by the template.</div>\n';
    assert.deepEqual(problems(page, 'footnote.legacy-marker').found, []);
    const service = testService();
    assert.deepEqual(service.getCodeActions(doc(page), { start: { line: 6, character: 22 }, end: { line: 6, character: 22 } }), []);
    // The same marker with its note pasted below it is converted, link and all.
    const pasted = 'Members lead the pack.[<sup>28</sup>](#footnotes)\n\n## Notes\n\n28. Okafor, “Trade,” 2018.\n';
    const marker = problems(pasted, 'footnote.legacy-marker').found;
    assert.equal(marker.length, 1);
    const fix = service.getCodeActions(doc(pasted), marker[0].range).find((a) => a.title === 'Convert to Markdown footnotes')!;
    assert.equal(service.applyEdits(doc(pasted), fix.edits), 'Members lead the pack.[^28]\n\n## Notes\n\n[^28]: Okafor, “Trade,” 2018.\n');
  });

  it('footnote.legacy-marker: leaves exponents and runs of superscript characters alone, after emphasis and quotes still a marker', () => {
    const { found, ranges } = problems(
      'A grid cell is 12225 km<sup>2</sup> or 4721 mi<sup>2</sup>; budgets of 10⁶ dollars; a cubic x³ term; the generator writes ⁰¹²³⁴⁵⁶⁷⁸⁹. The region “burned.”*⟦²⟧\n',
      'footnote.legacy-marker',
    );
    assert.deepEqual(
      found.map((d) => d.range),
      ranges,
    );
  });

  it('footnote.legacy-marker: a superscript after a digit or % is a marker when its note starts a line below, an exponent otherwise', () => {
    const { found, ranges } = problems(
      '⁵ A note above the text, so not the note of the 9%⁵ below.\n\nBudgets of 10⁶ dollars. Prices rose 12%⟦³⟧ in 2024⟦⁴⟧, and 9%⁵ before.\n\n³ Ministry of Water, *Accounts*, 2024.\n⁴ Okafor, 2025.\n',
      'footnote.legacy-marker',
    );
    assert.deepEqual(
      found.map((d) => d.range),
      ranges,
    );
    const numbered = problems('Prices rose 12%⟦³⟧.\n\n## Notes\n\n3. Ministry of Water, 2024.\n', 'footnote.legacy-marker');
    assert.deepEqual(
      numbered.found.map((d) => d.range),
      numbered.ranges,
    );
  });
});

describe('footnote.placement follows the brief’s own house style', () => {
  const before = 'One[^1]. Two[^2]. Three[^3]. Four[^4]. Five[^5], and six.[^6]\n\n' + [1, 2, 3, 4, 5, 6].map((n) => `[^${n}]: Note ${n}.`).join('\n') + '\n';
  it('flags only the exception when four in five markers precede the punctuation', () => {
    const { found, ranges } = problems(before.replace('six.[^6]', 'six.⟦[^6]⟧'), 'footnote.placement');
    assert.deepEqual(
      found.map((d) => d.range),
      ranges,
    );
    assert.equal(found[0].message, 'Put the footnote marker [^6] before the ".", as this brief\'s other notes do: "[^6].".');
  });

  it('checks markers at every punctuation mark, after a closing quotation mark, before a dash, and reads a comma between markers as a separator', () => {
    const text =
      'A function is **anonymous**[^1], like this. Models were run[^2],[^3]. Then it ended.[^4]\n\n' +
      [1, 2, 3, 4].map((n) => `[^${n}]: Note ${n}.`).join('\n') +
      '\n';
    assert.deepEqual(
      problems(text, 'footnote.placement').found.map((d) => d.message),
      [
        'Put the footnote marker [^1] after the ",", as Chicago style does: ",[^1]".',
        'Put the footnote marker [^3] after the ".", as Chicago style does: ".[^3]".',
      ],
    );
    const marks =
      'He called it “a retreat[^1].” Then: costs rose[^2]; the plan—approved[^3]—failed.[^4] Aid fell—[^5] and stopped.[^6] As [see @doe2020][^7]: it held.\n\n' +
      [1, 2, 3, 4, 5, 6, 7].map((n) => `[^${n}]: Note ${n}.`).join('\n') +
      '\n';
    const service = testService();
    const found = service.computeDiagnostics(doc(marks)).filter((d) => d.code === 'footnote.placement');
    assert.deepEqual(
      found.map((d) => d.message),
      [
        'Put the footnote marker [^1] after the ".”", as Chicago style does: ".”[^1]".',
        'Put the footnote marker [^2] after the ";", as Chicago style does: ";[^2]".',
        'Put the footnote marker [^5] before the dash, as Chicago style does: "[^5]—".',
      ],
    );
    const fixAll = found.flatMap(
      (d) =>
        service
          .getCodeActions(doc(marks), d.range)
          .filter((a) => a.isPreferred)
          .slice(0, 1)[0].edits,
    );
    assert.equal(
      service.applyEdits(doc(marks), fixAll).split('\n')[0],
      'He called it “a retreat.”[^1] Then: costs rose;[^2] the plan—approved[^3]—failed.[^4] Aid fell[^5]— and stopped.[^6] As [see @doe2020][^7]: it held.',
    );
  });

  it('does not move a marker that already follows a stop when a second stop follows it (a typo, not a misplaced marker)', () => {
    assert.deepEqual(problems('As shown in [Figure 4].[^1]. Costs rose.[^2]\n\n[^1]: One.\n[^2]: Two.\n', 'footnote.placement').found, []);
  });

  it('keeps Chicago for a brief with too few markers to have a style, and obeys an explicit setting', () => {
    assert.equal(problems('Only one[^1].\n\n[^1]: Note.\n', 'footnote.placement').found.length, 1);
    assert.equal(problems(before, 'footnote.placement', { footnotePlacement: 'after-punctuation' }).found.length, 5);
  });
});

describe('GFM parity', () => {
  it('reads [^ 18] as a reference to [^18], as cmark-gfm and pandoc do', () => {
    assert.deepEqual(problems('Text.[^ 18] More.\n\n[^18]: Note.\n', 'footnote.unused').found, []);
    assert.deepEqual(
      testService()
        .getDocument(doc('Text.[^ 18] More.\n\n[^18]: Note.\n'))
        .footnoteReferences.map((r) => r.key),
      ['18'],
    );
  });
});

describe('a note written without its colon', () => {
  it('offers to make the line the note ([^1] → [^1]:), before appending an empty note', () => {
    const text = 'Elections were close.[^1]\n\n[^1] Popkin, Samuel, *The Reasoning Voter* (Chicago, 1991).\n';
    const service = testService();
    const document = doc(text);
    const undefinedMarkers = service.computeDiagnostics(document).filter((d) => d.code === 'footnote.undefined');
    const marker = undefinedMarkers.find((d) => d.range.start.line === 2)!;
    assert.equal(
      marker.message,
      'This line reads as the note for [^1], but without a colon after the label GitHub and pandoc print it as text, and the marker has no note. Write "[^1]:".',
    );
    // The marker in the text keeps the plain message.
    assert.equal(undefinedMarkers[0].message, 'Footnote [^1] has no note. Add a line "[^1]: " with the note\'s text, or remove the marker.');
    const actions = service.getCodeActions(document, marker.range);
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [
        ['Make this line the note for [^1] (add the colon)', true],
        ['Add a note for [^1]', false],
      ],
    );
    const fixed = service.applyEdits(document, actions[0].edits);
    assert.equal(fixed, text.replace('[^1] Popkin', '[^1]: Popkin'));
    assert.deepEqual(
      service.computeDiagnostics(doc(fixed, 2)).filter((d) => d.code.startsWith('footnote.')),
      [],
    );
  });
});
