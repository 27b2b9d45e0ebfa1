import { strict as assert } from 'node:assert';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { detached } from '../../src/core/text/detached';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** MB of heap held by 100 cuts of 200 characters from a 40 MB brief, once the brief itself is dropped. */
function heldByCuts(cut: (text: string, start: number) => string): { cuts: string[]; heldMB: number } {
  gc();
  const before = process.memoryUsage().heapUsed;
  let brief: string | undefined = 'Ports reopened in May. '.repeat(1_800_000);
  const cuts = Array.from({ length: 100 }, (_, i) => cut(brief!, i * 1000));
  brief = undefined;
  gc();
  return { cuts, heldMB: (process.memoryUsage().heapUsed - before) / 1e6 };
}

describe('detached text', () => {
  it('keeps only the cut, where a slice keeps the whole brief it was cut from', () => {
    const sliced = heldByCuts((text, start) => text.slice(start, start + 200));
    assert.ok(sliced.heldMB > 30, `slices held ${sliced.heldMB.toFixed(1)} MB`);
    const copies = heldByCuts((text, start) => detached(text.slice(start, start + 200)));
    assert.ok(copies.heldMB < 5, `detached cuts held ${copies.heldMB.toFixed(1)} MB`);
    assert.deepEqual(copies.cuts, sliced.cuts);
  });

  it('leaves short text as it is', () => {
    assert.equal(detached('Ports'), 'Ports');
    assert.equal(detached(''), '');
  });
});
