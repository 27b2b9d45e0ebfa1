import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LineIndex, type BriefDiagnostic } from '../../src/core';
import { parseBibliographyFile } from '../../src/core/bibliographyFiles/bibliographyFile';
import { doc, testService } from '../helpers/service';
import { observable, wholeDocumentModel } from '../helpers/wholeDocument';
import { applyFixes, FIXES } from '../../src/cli/fix';
import { changeBetween, splitIntoChunks, splitIntoChunksAfterEdit } from '../../src/core/parse/blockSplitter';
import { keptAcross, wordEditOf } from '../../src/core/wordEdit';
import { FEATURES } from '../../src/core/features';

/** Pieces writers paste into briefs, including broken and unusual ones. */
const fragment = fc.oneof(
  fc.constantFrom(
    '[^1]',
    '[^2]',
    '[^note]',
    '^[An inline note.]',
    '[^ 2]',
    '\n[^2]: Second note.\n',
    '\n[^1]: A note.\n',
    '.[^3]',
    '[^3].',
    ',[^1] ',
    '[^Note]',
    '[^',
    ']',
    '[^1]: ',
    '\n[^1]: A note.\n',
    '\n[^2]:\n',
    '\n[^3]: Text\n\n    More text.\n',
    '[@doe2020]',
    '[see @roe, p. 4; -@doe2020]',
    '@key',
    'mail@example.org',
    '“quoted.”',
    '"quote"',
    '\n- item',
    '\n1. item',
    '\n> quote',
    '\n| a | b |\n| --- | --- |\n| c[^1] | d |\n',
    '\n```\ncode [^1]\n',
    '\n```\n',
    '`[^1]`',
    '\r\n',
    '\r',
    '\n',
    '\n\n',
    '😀',
    '𝔘',
    '\u200b',
    '¹',
    '²³',
    ' km² ',
    '<sup><a href="#fn1">1</a></sup>',
    '<li id="fn1">Note</li>',
    '<!-- briefkit-ignore claim -->',
    '<div>',
    '</div>',
    '\n## Bibliography\n',
    '\n# Notes\n',
    '- Doe, Jane. 2020. “Title.” Press. <https://example.org/a-b-c-d-e-f>.',
    '---\n',
    'title: x\n',
    'U.S. ',
    'No. 5 ',
    '3.5 percent',
    'On May 4, 2024, ',
    ' said ',
    ' should ',
    '. ',
    '? ',
    '*',
    '_',
    '\\[^1]',
    '[x](http://e.org/[^1])',
  ),
  fc.string({ maxLength: 12 }),
);
const markdown = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));

function insideDocument(text: string, d: { range: BriefDiagnostic['range'] }): boolean {
  const lines = new LineIndex(text);
  const ok = (p: { line: number; character: number }) => {
    if (p.line < 0 || p.line >= lines.lineCount) return false;
    const lineText = text.slice(lines.lineStart(p.line), p.line + 1 < lines.lineCount ? lines.lineStart(p.line + 1) : text.length).replace(/\r?\n$|\r$/, '');
    return p.character >= 0 && p.character <= lineText.length;
  };
  return ok(d.range.start) && ok(d.range.end);
}

/**
 * Shapes where cutting the brief into blocks has gone wrong or could: HTML blocks around fences,
 * citations beside markers, CRLF, and runs of notes and list items with no blank line between
 * them, which are cut too (lazy lines, tables, quotes, breaks and fences inside them). No
 * indented code: after one and a blank line, micromark reads `3) x` as a paragraph where
 * cmark-gfm and pandoc read a list, and a chunk starting at `3) x` reads it as they do. No fence
 * opened on an item's marker line (`- ```` then `- b`): micromark ends that item past the next
 * item's marker.
 */
const blockEdges = fc
  .array(
    fc.constantFrom(
      '<details>\n',
      '<summary>More</summary>\n',
      '</details>\n',
      '```\n',
      '~~~\n',
      'code [^2]\n',
      '\n',
      '\r\n',
      '  indented\n',
      'See [@nosuchkey][^1].\n',
      'See [@grant2023][@nosuchkey2].\n',
      '[@a]',
      '[^1]',
      '[^2]: Two.\n',
      '[^1]: One.\n',
      '<div>\n',
      '</div>\n',
      'Text.\n',
      '- item\n',
      '> quote\n',
      '* star item[^1]\n',
      '1. first\n',
      '2. second[^2]\n',
      '3) third\n',
      '- - -\n',
      '---\n',
      '===\n',
      'lazy line.\n',
      '| a | b |\n',
      '| - | - |\n',
      '# Heading\n',
      '## Bibliography\n',
      '> [^3]: Quoted.\n',
      '[^ 2]: Spaced.\n',
      '[^3]: Three [^1].\n',
      '  ```\n',
      '<!--\n',
      '-->\n',
      '[^4]:\n',
      '-\n',
      '+ plus\n',
      '[ref]: https://e.org\n',
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('properties over generated briefs', () => {
  it('the brief cut into blocks reads as one parse of the whole brief does', () => {
    fc.assert(
      fc.property(fc.oneof(blockEdges, markdown), (text) => {
        assert.deepEqual(observable(testService().getDocument(doc(text, 1))), observable(wholeDocumentModel(text, 1)), JSON.stringify(text));
      }),
      { numRuns: Number(process.env.BRIEFKIT_PROPERTY_RUNS ?? 800) },
    );
  });

  it("cutting an edited brief from the previous version's chunks gives the chunks of cutting it whole", () => {
    const edit = fc.record({ at: fc.nat(), removed: fc.nat({ max: 40 }), inserted: fc.oneof(fragment, fragment, blockEdges, markdown) });
    fc.assert(
      // Many blocks, so that most edits land past the first two chunks and the scan meets the old cuts again.
      fc.property(
        fc.array(fc.oneof(blockEdges, markdown), { minLength: 3, maxLength: 12 }).map((blocks) => blocks.join('\n\n')),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        (text, edits) => {
          let previous = { text, chunks: splitIntoChunks(text) };
          for (const { at, removed, inserted } of edits) {
            const from = at % (previous.text.length + 1);
            const edited = previous.text.slice(0, from) + inserted + previous.text.slice(from + removed);
            const chunks = splitIntoChunksAfterEdit(edited, previous);
            assert.deepEqual(chunks, splitIntoChunks(edited), JSON.stringify({ before: previous.text, after: edited }));
            previous = { text: edited, chunks };
          }
        },
      ),
      { numRuns: Number(process.env.BRIEFKIT_PROPERTY_RUNS ?? 800) },
    );
  });

  it("after every edit, the diagnostics are those a fresh check of the new text gives (word edits keep the previous version's)", () => {
    // Edits where a word edit is likeliest to be misread: letters and spaces typed beside
    // markers, citations, links, parentheses and punctuation, as well as anything else.
    const typed = fc.oneof(
      { arbitrary: fc.constantFrom('x', 'é', 'ab', ' ', ' q', 'Z'), weight: 3 },
      fc.constantFrom('.', '[', ']', '(', ')', '^', '@', '1', '\n', '*', '¹', '-', ':', 'Dr. ', '(Okafor 2025)', 'www.'),
    );
    const edit = fc.record({ at: fc.nat(), remove: fc.integer({ min: 0, max: 2 }), typed, nearMarkup: fc.boolean() });
    const brief = fc
      .array(
        fc.oneof(
          fragment,
          fc.constantFrom(
            'Exports rose sharply in 2024 ',
            'Okafor (2019) argues ',
            'as (see Okafor 2019) shows. ',
            '(see Doe 2020; Okafor 2018) ',
            'word',
            ' and ',
            '\n\n## Bibliography\n\n- Okafor, Ada. 2019. “Trade.” Press.\n- Doe, Jane. 2020. “Title.” Press.\n\n',
            '\n\n## References\n\n- Mensah, Kofi. 2021. “Quotas and the Sugar Trade.” Accra University Press.\n- Okafor, Ada. 2019. “Trade in West Africa.” Lagos Press.\n\n',
            '\n\n[^1]: Ministry of Trade, annual report on exports and quotas.\n',
            '\n\n[^2]: Okafor, “Trade,” chapter two, which reviews the quota years.\n',
          ),
        ),
        { maxLength: 40 },
      )
      .map((parts) => parts.join(''));
    const wordEdits = { sentence: 0, note: 0, entry: 0 };
    // Every check group must have kept its findings across word edits often enough to be tested by this comparison.
    const GROUPS = FEATURES.flatMap((feature) => feature.checks ?? []);
    const keptByGroup = GROUPS.map(() => 0);
    fc.assert(
      fc.property(brief, fc.array(edit, { minLength: 1, maxLength: 6 }), (start, edits) => {
        const service = testService();
        let text = start;
        service.computeDiagnostics(doc(text, 1));
        edits.forEach(({ at, remove, typed, nearMarkup }, i) => {
          const markup = [...text.matchAll(/[[\]()^@¹`*_:<>.-]/g)].map((m) => m.index);
          const offset = nearMarkup && markup.length > 0 ? markup[at % markup.length] + (at % 2) : at % (text.length + 1);
          const before = text;
          text = text.slice(0, offset) + typed + text.slice(offset + remove);
          const previous = service.getDocument(doc(before, i + 1));
          const kept = service.computeDiagnostics(doc(text, i + 2));
          const wordEdit = wordEditOf(service.getDocument(doc(text, i + 2)), { previous, change: changeBetween(before, text) });
          if (wordEdit) {
            wordEdits[wordEdit.within]++;
            GROUPS.forEach((group, g) => (keptByGroup[g] += keptAcross(wordEdit, group.reads) ? 1 : 0));
          }
          assert.deepEqual(
            kept,
            testService().computeDiagnostics(doc(text, i + 2)),
            `after typing ${JSON.stringify(typed)} at ${offset} of ${JSON.stringify(before)}`,
          );
        });
      }),
      { numRuns: 400 },
    );
    // The generator must reach the cases it is about.

    assert.ok(wordEdits.sentence > 100 && wordEdits.note > 30 && wordEdits.entry > 30, `only ${JSON.stringify(wordEdits)} word edits`);
    assert.deepEqual(
      GROUPS.map((group, g) => `${group.reads.join('+')}: ${keptByGroup[g] >= 20 ? 'kept often' : `kept only ${keptByGroup[g]} times`}`),
      GROUPS.map((group) => `${group.reads.join('+')}: kept often`),
    );
  });

  it('never throws, and every diagnostic lies inside the document', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const diagnostics = testService().computeDiagnostics(doc(text));
        for (const d of diagnostics) assert.ok(insideDocument(text, d), `${d.code} ${JSON.stringify(d.range)} outside ${JSON.stringify(text)}`);
      }),
      { numRuns: 300 },
    );
  });

  it('every quick fix applies cleanly: edits inside the document, none overlapping', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const service = testService();
        const whole = new LineIndex(text).rangeAt(0, text.length);
        for (const action of service.getCodeActions(doc(text), whole)) {
          for (const edit of action.edits) assert.ok(insideDocument(text, edit), `${action.title}: ${JSON.stringify(edit.range)}`);
          service.applyEdits(doc(text), action.edits);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('renumbering twice equals renumbering once', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const service = testService();
        const once = service.applyEdits(doc(text), service.renumberFootnotes(doc(text), { numberNamedLabels: false }));
        const again = testService();
        assert.deepEqual(again.renumberFootnotes(doc(once), { numberNamedLabels: false }), [], JSON.stringify({ text, once }));
      }),
      { numRuns: 300 },
    );
  });

  it('conversion followed by renumbering loses no letter or digit of the text', () => {
    const count = (text: string) => {
      const counts = new Map<string, number>();
      for (const ch of text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, '')) if (/[\p{L}\p{N}]/u.test(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
      return counts;
    };
    fc.assert(
      fc.property(markdown, (text) => {
        const first = testService();
        const converted = first.applyEdits(doc(text), first.convertLegacyFootnotes(doc(text)));
        const second = testService();
        const renumbered = second.applyEdits(doc(converted), second.renumberFootnotes(doc(converted), { numberNamedLabels: false }));
        // Labels are renumbered, a note's number becomes its label, and HTML markup around notes is
        // dropped on purpose: none of them is the writer's text.
        const labels = /\[\^ ?[^\]\s[^]*\]/g;
        const after = count(renumbered.replace(labels, ''));
        const before = count(
          text
            .replace(/<sup\b[\s\S]*?<\/sup>/gi, '')
            .replace(/<\/?[A-Za-z][^>]*>/g, '')
            .replace(labels, '')
            .replace(/^ {0,3}\d{1,4}[.)]?(?=\s)/gm, ''),
        );
        for (const [ch, n] of before) assert.ok((after.get(ch) ?? 0) >= n, `lost "${ch}" from ${JSON.stringify(text)} → ${JSON.stringify(renumbered)}`);
      }),
      { numRuns: 300 },
    );
  });

  it('briefkit fix (renumber, placement, duplicates) leaves the note a reader sees at every marker unchanged', () => {
    // As GitHub and pandoc read it: at each marker, in order, the first note with its label; inline notes in place.
    // A marker inside a note is renumbered and placed with the rest, so markers are not part of the comparison.
    const words = (note: string) =>
      note
        .replace(/\[\^ ?[^\]\s[]+\]/g, '')
        .replace(/\s+/g, ' ')
        .trim();
    const notesAtMarkers = (text: string) => {
      const model = testService().getDocument(doc(text));
      const firstNote = new Map<string, string>();
      for (const d of model.footnoteDefinitions) if (!firstNote.has(d.key)) firstNote.set(d.key, words(d.content));
      return [
        ...model.footnoteReferences.map((r) => ({ at: r.start, note: firstNote.get(r.key) ?? null })),
        ...model.inlineNotes.map((n) => ({ at: n.start, note: words(text.slice(n.start, n.end)) })),
      ]
        .sort((a, b) => a.at - b.at)
        .map((n) => n.note);
    };
    fc.assert(
      fc.property(markdown, (text) => {
        const fixed = applyFixes(
          testService(),
          'file:///brief.md',
          text,
          FIXES.filter((fix) => fix !== 'convert'),
        ).text;
        assert.deepEqual(notesAtMarkers(fixed), notesAtMarkers(text), JSON.stringify({ text, fixed }));
      }),
      { numRuns: 1000 },
    );
  });

  it('bibliography files of any shape never throw', () => {
    const bib = fc
      .array(
        fc.constantFrom(
          '@article{',
          '@book(',
          'key,',
          'title = {',
          '}',
          '{',
          '"',
          ' = ',
          'year=2020',
          ',',
          '\n',
          '\u0000',
          'TY  - JOUR\n',
          'ER  - \n',
          '[',
          ']',
          '{"id":"a"}',
          'id: a\n',
          '- ',
        ),
        { maxLength: 30 },
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(bib, fc.constantFrom('a.bib', 'a.json', 'a.yaml', 'a.ris'), (text, name) => {
        const file = parseBibliographyFile(`file:///${name}`, text);
        assert.ok(Array.isArray(file.entries) && Array.isArray(file.problems));
      }),
      { numRuns: 300 },
    );
  });
});
