import { strict as assert } from 'node:assert';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { doc, testService } from '../helpers/service';
import { generateBrief } from '../bench/generate';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapMB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

describe('memory while typing', () => {
  it('keeps no old version of the brief: 60 edits in different places grow the heap by under 15 MB (60 old versions would be over 70 MB)', function () {
    this.timeout(120000);
    let { text } = generateBrief(60000, 1200, 900, 11);
    const service = testService();
    service.computeDiagnostics(doc(text, 0));
    const size = (text.length * 2) / 1e6;
    const before = heapMB();
    for (let version = 1; version <= 60; version++) {
      // An edit in a different block each time: each version re-parses one block, cut from that version's text.
      const at = text.indexOf('. ', Math.floor((text.length * version) / 61));
      text = `${text.slice(0, at)} x${text.slice(at)}`;
      service.computeDiagnostics(doc(text, version));
    }
    const grown = heapMB() - before;
    // What may grow: the scores and readings of the sentences and notes the edits made (a few MB).
    assert.ok(grown < 15, `heap grew ${grown.toFixed(1)} MB over 60 edits of a ${size.toFixed(1)} MB brief`);
  });
});
