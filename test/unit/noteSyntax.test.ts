import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { marked } from '../helpers/markedText';
import { doc, testService } from '../helpers/service';

/** footnote.malformed findings of a fixture whose expected ranges are marked ⟦…⟧, and the whole brief's codes. */
function malformed(source: string) {
  const { text, ranges } = marked(source);
  const all = testService().computeDiagnostics(doc(text));
  const found = all.filter((d) => d.code === 'footnote.malformed');
  return { text, ranges, found, codes: all.map((d) => d.code) };
}

/** The text after the preferred fix of the finding at `index`. */
function fixed(text: string, index = 0): string {
  const service = testService();
  const document = doc(text);
  const diagnostic = service.computeDiagnostics(document).filter((d) => d.code === 'footnote.malformed')[index];
  const action = service.getCodeActions(document, diagnostic.range).find((a) => a.isPreferred && a.diagnosticCodes?.includes('footnote.malformed'));
  assert.ok(action, `no fix for ${diagnostic.message}`);
  return service.applyEdits(document, action.edits);
}

describe('footnote.malformed: a label with a space', () => {
  const source = 'Tariffs rose.⟦[^Two Words]⟧ Ports closed.[^3]\n\n⟦[^Two Words]⟧: Okafor, *Trade*, 2020.\n\n[^3]: Mensah, *Ports*, 2021.\n';

  it('reports the marker and its note, saying what GitHub and pandoc print', () => {
    const { found, ranges } = malformed(source);
    assert.deepEqual(
      found.map((d) => [d.severity, d.range]),
      [
        ['warning', ranges[0]],
        ['warning', ranges[1]],
      ],
    );
    assert.equal(
      found[0].message,
      "GitHub and pandoc print [^Two Words] as text, not as a note marker: a note's label cannot have a space in it. Write [^Two-Words] here and in its note.",
    );
    assert.equal(
      found[1].message,
      "GitHub and pandoc print this note as text: its label [^Two Words] has a space in it, which a note's label cannot have. Write [^Two-Words] here and in the markers that point to it.",
    );
  });

  it('renames the marker and the note in one fix', () => {
    assert.equal(
      fixed(marked(source).text),
      'Tariffs rose.[^Two-Words] Ports closed.[^3]\n\n[^Two-Words]: Okafor, *Trade*, 2020.\n\n[^3]: Mensah, *Ports*, 2021.\n',
    );
    const after = testService().computeDiagnostics(doc(fixed(marked(source).text)));
    assert.deepEqual(after, []);
  });

  it('offers no rename onto a label another note has', () => {
    const text = 'A.[^Two Words] B.[^Two-Words]\n\n[^Two Words]: One.\n\n[^Two-Words]: Two.\n';
    const service = testService();
    const document = doc(text);
    const diagnostic = service.computeDiagnostics(document).find((d) => d.code === 'footnote.malformed')!;
    assert.deepEqual(
      service.getCodeActions(document, diagnostic.range).filter((a) => a.diagnosticCodes?.includes('footnote.malformed')),
      [],
    );
  });

  it('says nothing of a bracket that names no note, or of code', () => {
    assert.deepEqual(malformed('Match any letter but these: [^ see above].\n').found, []);
    assert.deepEqual(malformed('Write `[^Two Words]: text` for … no.\n\n```\n[^Two Words]: Okafor.\n```\n').found, []);
  });
});

describe('footnote.malformed: a space after the caret', () => {
  it('a marker `[^ 18]` whose note is written right: pandoc prints it as text', () => {
    const { found, ranges, codes } = malformed('Ports closed.⟦[^ 18]⟧\n\n[^18]: Mensah, *Ports*, 2021.\n');
    assert.deepEqual(codes, ['footnote.malformed']);
    assert.deepEqual(found[0].range, ranges[0]);
    assert.equal(
      found[0].message,
      'pandoc prints [^ 18] as text, not as a note marker (GitHub reads it as note 18): there is a space after "[^". Write [^18].',
    );
    assert.equal(fixed('Ports closed.[^ 18]\n\n[^18]: Mensah, *Ports*, 2021.\n'), 'Ports closed.[^18]\n\n[^18]: Mensah, *Ports*, 2021.\n');
  });

  it('a note line `[^ 18]: …` is the note, written so no reader sees it: one finding on it, no "undefined" marker', () => {
    const { found, ranges, codes } = malformed('Ports closed.[^18]\n\n⟦[^ 18]⟧: Mensah, *Ports*, 2021.\n');
    assert.deepEqual(codes, ['footnote.malformed']);
    assert.deepEqual(found[0].range, ranges[0]);
    assert.equal(found[0].message, 'GitHub and pandoc print this line as text, not as note [^18]: there is a space after "[^". Write "[^18]:".');
    assert.equal(fixed('Ports closed.[^18]\n\n[^ 18]: Mensah, *Ports*, 2021.\n'), 'Ports closed.[^18]\n\n[^18]: Mensah, *Ports*, 2021.\n');
  });
});

describe('footnote.malformed: notes pandoc reads as something else', () => {
  it('notes between two lines of dashes are a table to pandoc', () => {
    const { found, ranges } = malformed('Tariffs rose.[^1] Ports closed.[^2]\n\n⟦----⟧\n[^1]: Okafor, *Trade*, 2020.\n[^2]: Mensah, *Ports*, 2021.\n----\n');
    assert.deepEqual(
      found.map((d) => d.range),
      [ranges[0]],
    );
    assert.equal(
      found[0].message,
      'pandoc reads the notes below this line of dashes as a table that ends at the dashes on line 6: none of them is a note, and every marker prints as text. Leave a blank line after this line of dashes and before the one on line 6.',
    );
    assert.equal(
      fixed(marked('Tariffs rose.[^1] Ports closed.[^2]\n\n----\n[^1]: Okafor, *Trade*, 2020.\n[^2]: Mensah, *Ports*, 2021.\n----\n').text),
      'Tariffs rose.[^1] Ports closed.[^2]\n\n----\n\n[^1]: Okafor, *Trade*, 2020.\n[^2]: Mensah, *Ports*, 2021.\n\n----\n',
    );
  });

  it('a note followed directly by a line of dashes is a heading to pandoc', () => {
    const { found, ranges } = malformed('Tariffs rose.[^1]\n\n[^1]: Okafor, *Trade*, 2020.\n⟦----⟧\n');
    assert.deepEqual(
      found.map((d) => d.range),
      [ranges[0]],
    );
    assert.equal(
      found[0].message,
      'pandoc reads note [^1] as a heading, because this line of dashes follows it directly: the note is lost and its marker prints as text. Leave a blank line above this line.',
    );
    assert.equal(
      fixed('Tariffs rose.[^1]\r\n\r\n[^1]: Okafor, *Trade*, 2020.\r\n----\r\n'),
      'Tariffs rose.[^1]\r\n\r\n[^1]: Okafor, *Trade*, 2020.\r\n\r\n----\r\n',
    );
  });

  it('a note right below a paragraph, list item or quotation is more of that text to pandoc; below a heading or table it is a note', () => {
    const { found, ranges } = malformed('Tariffs rose.[^1] Ports closed.[^2]\n- an item\n⟦[^1]⟧: Okafor, *Trade*, 2020.\n\n> A quotation.\n⟦[^2]⟧: Mensah.\n');
    assert.deepEqual(
      found.map((d) => d.range),
      ranges,
    );
    assert.equal(
      found[0].message,
      'pandoc reads note [^1] as more of the text above it, because no blank line separates them: the note is lost and its marker prints as text (GitHub reads it). Leave a blank line above the note.',
    );
    assert.deepEqual(malformed('Tariffs rose.[^1][^2]\n\n## Notes\n[^1]: Okafor.\n\n| a | b |\n|---|---|\n| c | d |\n[^2]: Mensah.\n').found, []);
  });
});

/** Whether a reader's HTML still shows a note marker or note line as text. */
const printsMarkerAsText = (html: string) => /\[\^[^\]\n]*\]/.test(html);

function render(command: string, args: string[], text: string): string {
  const result = spawnSync(command, args, { input: text, encoding: 'utf8' });
  if (result.error) throw new Error(`${command} is needed for this test (npm test installs it): ${result.error.message}`);
  return result.stdout;
}

describe('footnote.malformed against the readers (pandoc, cmark-gfm)', () => {
  const cases = [
    'A.[^Two Words] B.[^3]\n\n[^Two Words]: One.\n\n[^3]: Three.\n',
    'A.[^ 18]\n\n[^18]: Eighteen.\n',
    'A.[^18]\n\n[^ 18]: Eighteen.\n',
    'A.[^1] B.[^2]\n\n----\n[^1]: One.\n[^2]: Two.\n----\n',
    'A.[^1] B.[^2]\n\n--------------------------------\n[^1]: One.\n\n[^2]: Two.\n\n--------------------------------\n',
    'A.[^1] B.[^2]\n\n- - - -\n[^1]: One.\n[^2]: Two.\n- - - -\n',
    'A.[^1] B.[^2]\n\n----\n[^1]: One.\n[^2]: Two.\n\n## Next\n\nText.\n\n----\n',
    'A.[^1] B.[^2]\n\n[^1]: One.\n[^2]: Two.\n----\n',
    'A.[^1]\nMore.\n[^1]: One.\n',
    'A.[^1]\n\n> quote\n[^1]: One.\n',
    // Written right: no finding, and both readers show every note.
    'A.[^1] B.[^2]\n\n----------\n[^1]: One.\n[^2]: Two.\n',
    'A.[^1] B.[^2]\n\n----\n\n[^1]: One.\n[^2]: Two.\n\n----\n',
    'A.[^1] B.[^2]\n\n----\n[^1]: One.\n[^2]: Two.\n\nText.\n\n* * *\n',
    'A.[^1] B.[^2]\n\n## Notes\n[^1]: One.\n[^2]: Two.\n',
    'A.[^1] B.[^2]\n\n[^1]: One,\n    continued.\n[^2]: Two.\n',
  ];

  it('speaks exactly where pandoc or GitHub prints a marker or note as text, and its fixes leave none', () => {
    for (const text of cases) {
      const broken =
        printsMarkerAsText(render('pandoc', ['-f', 'markdown', '-t', 'html'], text)) ||
        printsMarkerAsText(render('cmark-gfm', ['--extension', 'footnotes'], text));
      const found = testService()
        .computeDiagnostics(doc(text))
        .filter((d) => d.code === 'footnote.malformed');
      assert.equal(found.length > 0, broken, `${JSON.stringify(text)}: ${found.map((d) => d.message).join(' | ') || 'no finding'}`);
      let repaired = text;
      while (
        testService()
          .computeDiagnostics(doc(repaired))
          .some((d) => d.code === 'footnote.malformed')
      )
        repaired = fixed(repaired);
      assert.equal(
        printsMarkerAsText(render('pandoc', ['-f', 'markdown', '-t', 'html'], repaired)),
        false,
        `pandoc, after the fixes: ${JSON.stringify(repaired)}`,
      );
      assert.equal(
        printsMarkerAsText(render('cmark-gfm', ['--extension', 'footnotes'], repaired)),
        false,
        `cmark-gfm, after the fixes: ${JSON.stringify(repaired)}`,
      );
    }
  });
});
