import { strict as assert } from 'node:assert';
import { LineIndex } from '../../src/core';
import { doc, testService } from '../helpers/service';

const FULL_DOE = 'Jane Doe, *Border Report: Crossings and Closures* (Oslo: Institute, 2023), 14.';
const FULL_OKAFOR = 'Ada Okafor, “Storm Outages and the Rural Grid,” *Energy Policy Review* 14, no. 2 (2025): 33.';

function problems(text: string, options = {}) {
  const service = testService(options);
  const found = service.computeDiagnostics(doc(text)).filter((d) => /^footnote\.(repeated-full-citation|short-before-full|ibid)$/.test(d.code));
  const lines = new LineIndex(text);
  return found.map((d) => {
    const actions = service.getCodeActions(doc(text), d.range, [d.code]);
    return {
      code: d.code,
      at: text.slice(lines.offsetAt(d.range.start), lines.offsetAt(d.range.end)),
      message: d.message,
      fixed: actions[0] ? service.applyEdits(doc(text), actions[0].edits) : undefined,
    };
  });
}

describe('Chicago note discipline', () => {
  it('says a later note repeats a full citation, and shortens it keeping its page', () => {
    const text = `Crossings fell.[^1] Storms grew.[^2] Closures rose.[^3]\n\n[^1]: ${FULL_DOE}\n[^2]: ${FULL_OKAFOR}\n[^3]: Jane Doe, *Border Report: Crossings and Closures* (Oslo: Institute, 2023), 27.\n`;
    const [found, ...others] = problems(text);
    assert.deepEqual(others, []);
    assert.equal(found.code, 'footnote.repeated-full-citation');
    assert.equal(
      found.message,
      'Note [^3] cites this work in full again; note [^1] already did. After the first note, Chicago uses the short form: Doe, *Border Report*, 27.',
    );
    assert.equal(
      found.fixed,
      text.replace('[^3]: Jane Doe, *Border Report: Crossings and Closures* (Oslo: Institute, 2023), 27.', '[^3]: Doe, *Border Report*, 27.'),
    );
  });

  it('follows the order readers meet the notes, not the order the notes are written in', () => {
    // [^b] is defined first but cited second: the full note [^a] comes first to readers, so [^b] short is right.
    const right = `Storms grew.[^a] Again.[^b]\n\n[^b]: Okafor, “Storm Outages,” 35.\n[^a]: ${FULL_OKAFOR}\n`;
    assert.deepEqual(problems(right), []);
    const wrong = `Storms grew.[^b] Again.[^a]\n\n[^b]: Okafor, “Storm Outages,” 35.\n[^a]: ${FULL_OKAFOR}\n`;
    const [found] = problems(wrong);
    assert.equal(found.code, 'footnote.short-before-full');
    assert.equal(
      found.message,
      'Note [^b] cites this work in short form, but readers meet it before the full citation in note [^a]. Give the full citation in the first note.',
    );
    assert.equal(
      found.fixed,
      wrong.replace('[^b]: Okafor, “Storm Outages,” 35.', '[^b]: Ada Okafor, “Storm Outages and the Rural Grid,” *Energy Policy Review* 14, no. 2 (2025): 35.'),
    );
  });

  it('flags Ibid. only when the house rule discourages it, and replaces it with the short form of the note before', () => {
    const text = `Crossings fell.[^1] And more.[^2]\n\n[^1]: ${FULL_DOE}\n[^2]: Ibid., 16.\n`;
    assert.deepEqual(problems(text), []);
    const [found] = problems(text, { footnoteIbid: 'discourage' });
    assert.equal(found.code, 'footnote.ibid');
    assert.equal(found.fixed, text.replace('[^2]: Ibid., 16.', '[^2]: Doe, *Border Report*, 16.'));
    const quoted = problems(`Storms.[^1] Again.[^2]\n\n[^1]: ${FULL_OKAFOR}\n[^2]: Ibid.\n`, { footnoteIbid: 'discourage' });
    assert.equal(quoted[0].fixed?.split('\n')[3], '[^2]: Okafor, “Storm Outages.”');
  });

  it('stays silent where it cannot be sure: notes with several sources, different works, notes with no author', () => {
    const text = [
      'One.[^1] Two.[^2] Three.[^3] Four.[^4]',
      '',
      `[^1]: ${FULL_DOE}`,
      '[^2]: Doe, *Border Report*, 14; Okafor, “Storm Outages,” 35.',
      '[^3]: Jane Doe, *River Report* (Oslo: Institute, 2024), 3.',
      '[^4]: “Storm Outages and the Rural Grid,” 2025.',
      '',
    ].join('\n');
    assert.deepEqual(problems(text), []);
  });

  it("takes a note that gives its publication but no date or address for an essay's middle form, neither full nor short", () => {
    const middle = 'The Doors, “Peace Frog Lyrics,” *Genius Lyrics*.';
    assert.deepEqual(problems(`One.[^1] Two.[^2] Three.[^3]\n\n[^1]: ${middle}\n[^2]: ${FULL_OKAFOR}\n[^3]: ${middle}\n`), []);
  });

  it('writes short forms as Chicago does: two authors, et al., roman pages', () => {
    const fixedIbid = (full: string, ibid: string) =>
      problems(`A.[^1] B.[^2]\n\n[^1]: ${full}\n[^2]: ${ibid}\n`, { footnoteIbid: 'discourage' })[0]?.fixed?.split('\n')[3];
    assert.equal(
      fixedIbid('Roger C. Schank and Robert P. Abelson, *Scripts Plans Goals and Understanding* (New Jersey: Erlbaum, 1977), 12.', 'Ibid., 14.'),
      '[^2]: Schank and Abelson, *Scripts Plans Goals*, 14.',
    );
    assert.equal(
      fixedIbid('Tomas Mikolov et al., “Efficient Estimation of Word Representations,” *arXiv*, 2013.', 'Ibid.'),
      '[^2]: Mikolov et al., “Efficient Estimation of Word.”',
    );
    // A title in British single quotes is not read as a title: the note is left alone, and Ibid. gets no rewrite.
    assert.equal(
      fixedIbid('Italo Calvino, ‘Cybernetics and Ghosts’, in *The Literature Machine* (London: Secker and Warburg, 1987), 3–27.', 'Ibid., 10.'),
      undefined,
    );
    assert.equal(
      fixedIbid('Jane Bennett, *Vibrant Matter: A Political Ecology of Things* (Durham, NC: Duke University Press, 2009).', 'Ibid., viii.'),
      '[^2]: Bennett, *Vibrant Matter*, viii.',
    );
  });

  it('offers no rewrite that would lose what a note says after its page', () => {
    const found = problems(
      `A.[^1] B.[^2]\n\n[^1]: Matthew Justice, *How Computers Really Work* (No Starch Press, 2021), 3.\n[^2]: Ibid., Chapter 1 (Digital Logic and Hardware Fundamentals).\n`,
      { footnoteIbid: 'discourage' },
    );
    assert.deepEqual(
      found.map((f) => [f.code, f.fixed]),
      [['footnote.ibid', undefined]],
    );
  });

  it('leaves commentary alone, though it quotes a title and names a person', () => {
    const text = `A.[^1] B.[^2]\n\n[^1]: ${FULL_DOE}\n[^2]: As Jane Doe put it in *Border Report: Crossings and Closures* (2023), the figures are rough.\n`;
    assert.deepEqual(problems(text), []);
  });

  it('gives Ibid. no rewrite when the note before it is one it cannot read, or an inline note', () => {
    const unread = problems(
      `A.[^1] B.[^2] C.[^3]\n\n[^1]: ${FULL_DOE}\n[^2]: Lloyd, Anne. 1974. Zoning Ordinance. Pittsburgh: CMU. 296.\n[^3]: Ibid., 303.\n`,
      { footnoteIbid: 'discourage' },
    );
    assert.deepEqual(
      unread.map((f) => [f.code, f.fixed]),
      [['footnote.ibid', undefined]],
    );
    const inline = problems(`A.[^1] B.^[Ministry of Water, *Annual Report*, 2024.] C.[^3]\n\n[^1]: ${FULL_DOE}\n[^3]: Ibid., 9.\n`, {
      footnoteIbid: 'discourage',
    });
    assert.deepEqual(
      inline.map((f) => [f.code, f.fixed]),
      [['footnote.ibid', undefined]],
    );
  });

  it('names three authors, and family names with particles, as the note writes them', () => {
    const fixedIbid = (full: string) => problems(`A.[^1] B.[^2]\n\n[^1]: ${full}\n[^2]: Ibid., 4.\n`, { footnoteIbid: 'discourage' })[0]?.fixed?.split('\n')[3];
    assert.equal(fixedIbid('Jane Doe, Rick Roe, and Ann Poe, *Ports and Power* (Oslo: Institute, 2020), 2.'), '[^2]: Doe, Roe, and Poe, *Ports and Power*, 4.');
    assert.equal(fixedIbid('Ana María de la Cruz, *Agua y poder* (Lima: IEP, 2019), 8.'), '[^2]: de la Cruz, *Agua y poder*, 4.');
    assert.equal(fixedIbid('Jane Doe, ed., *Ports and Power* (Oslo: Institute, 2020), 2.'), '[^2]: Doe, *Ports and Power*, 4.');
  });

  describe('rewrites a note only when every word of it is accounted for', () => {
    const NEWS = 'Lena Marsh, “Ports Brace for the Winter Storm Season,” *Coastal Herald*, March 8, 2017.';
    const BY_HAND =
      'After the first note, Chicago uses the short form (author’s surname, short title, page). Shorten this note by hand, keeping any comment it makes beyond the citation.';
    const notes = (found: ReturnType<typeof problems>) => found.map((f) => [f.code, f.fixed?.split('\n').slice(2, -1)]);

    it('never takes the year of a date for a page, shortening a newspaper note or writing it in full', () => {
      const repeated = problems(`A.[^1] B.[^2]\n\n[^1]: ${NEWS}\n[^2]: ${NEWS}\n`);
      assert.deepEqual(notes(repeated), [['footnote.repeated-full-citation', [`[^1]: ${NEWS}`, '[^2]: Marsh, “Ports Brace.”']]]);
      assert.match(repeated[0].message, /uses the short form: Marsh, “Ports Brace\.”$/);
      const early = problems(`A.[^1] B.[^2]\n\n[^1]: Marsh, “Ports Brace,” 5.\n[^2]: ${NEWS}\n`);
      assert.deepEqual(notes(early), [
        ['footnote.short-before-full', ['[^1]: Lena Marsh, “Ports Brace for the Winter Storm Season,” *Coastal Herald*, March 8, 2017, 5.', `[^2]: ${NEWS}`]],
      ]);
      // A year where a page would stand is a page only when the note has its date already.
      const paged = problems(`A.[^1] B.[^2]\n\n[^1]: ${FULL_DOE}\n[^2]: Jane Doe, *Border Report: Crossings and Closures* (Oslo: Institute, 2023), 2013.\n`);
      assert.deepEqual(
        paged.map((f) => f.fixed?.split('\n')[3]),
        ['[^2]: Doe, *Border Report*, 2013.'],
      );
      const report = 'World Bank, *Water Outlook: Basins at Risk*, World Bank Group, 2024';
      assert.deepEqual(
        problems(`A.[^1] B.[^2]\n\n[^1]: ${report}, 3.\n[^2]: ${report}, 12.\n`).map((f) => f.fixed?.split('\n')[3]),
        ['[^2]: World Bank, *Water Outlook*, 12.'],
      );
    });

    it('offers no rewrite of a note with a comment after its page, and says to shorten it by hand', () => {
      for (const note of [
        'Jane Doe, *Border Report: Crossings and Closures* (Oslo: Institute, 2023), 27. Compare Smith, 2019.',
        'Jane Doe, *Border Report: Crossings and Closures* (Oslo: Institute, 2023), 27, discussing the 1998 treaty, 4.',
      ]) {
        const found = problems(`A.[^1] B.[^2]\n\n[^1]: ${FULL_DOE}\n[^2]: ${note}\n`);
        assert.deepEqual(notes(found), [['footnote.repeated-full-citation', undefined]], note);
        assert.equal(found[0].message, `Note [^2] cites this work in full again; note [^1] already did. ${BY_HAND}`);
        // Written in full for a short note met before it, it would bring its comment and lose its page.
        assert.deepEqual(
          notes(problems(`A.[^1] B.[^2]\n\n[^1]: Doe, *Border Report*, 9.\n[^2]: ${note}\n`)),
          [['footnote.short-before-full', undefined]],
          note,
        );
        // "Ibid." after it could mean either work.
        assert.deepEqual(
          notes(problems(`A.[^1] B.[^2]\n\n[^1]: ${note}\n[^2]: Ibid., 5.\n`, { footnoteIbid: 'discourage' })),
          [['footnote.ibid', undefined]],
          note,
        );
      }
    });

    it('offers no rewrite of a short note that says more than the short form', () => {
      const found = problems(`A.[^1] B.[^2]\n\n[^1]: Okafor, “Storm Outages,” 35, on rural lines.\n[^2]: ${FULL_OKAFOR}\n`);
      assert.deepEqual(notes(found), [['footnote.short-before-full', undefined]]);
    });

    it('shortens a note whose title is a link to the link’s text', () => {
      const fixedNote = (note: string) => problems(`A.[^1] B.[^2]\n\n[^1]: ${FULL_DOE}\n[^2]: ${note}\n`)[0]?.fixed?.split('\n')[3];
      assert.equal(
        fixedNote('Jane Doe, [*Border Report: Crossings and Closures*](https://example.org/border) (Oslo: Institute, 2023), 13.'),
        '[^2]: Doe, *Border Report*, 13.',
      );
      assert.equal(
        fixedNote('Jane Doe, [Border Report: Crossings and Closures](https://example.org/border) (Oslo: Institute, 2023), 13.'),
        '[^2]: Doe, Border Report, 13.',
      );
    });
  });

  it('does not judge notes written as bibliography entries, family name first', () => {
    const entry = 'Rothstein, Richard. 2018. *The Color of Law*. New York: Liveright.';
    assert.deepEqual(problems(`A.[^1] B.[^2]\n\n[^1]: ${entry} 55.\n[^2]: ${entry} 60.\n`), []);
  });
});
