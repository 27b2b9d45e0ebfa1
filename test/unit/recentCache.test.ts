import { strict as assert } from 'node:assert';
import { RecentCache } from '../../src/core/text/recentCache';

describe('RecentCache', () => {
  it('computes a value once per key and forgets the oldest key past its size', () => {
    const computed: string[] = [];
    const cache = new RecentCache<string>(2);
    const get = (key: string) => cache.get(key, () => (computed.push(key), key.toUpperCase()));
    assert.deepEqual([get('a'), get('b'), get('a')], ['A', 'B', 'A']);
    assert.deepEqual(computed, ['a', 'b']);
    get('c'); // 'a' is the oldest entry and goes
    get('b');
    get('a');
    assert.deepEqual(computed, ['a', 'b', 'c', 'a']);
  });
});
