/**
 * A cache that keeps what was used lately and forgets the rest: entries live in two generations;
 * when the current one fills, it becomes the previous one and the older is dropped, and an entry
 * read from the previous generation moves back into the current. So what the last versions of
 * the open briefs asked for stays, and at most twice `size` entries are held however many briefs
 * come and go (a map cleared only when full grew to 100,000 claim scores over 1,000 briefs).
 */
export class RecentCache<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();
  /** Every cache made, for moving them all on a generation when a brief closes. */
  private static readonly all: Array<RecentCache<unknown>> = [];

  constructor(private readonly size: number) {
    RecentCache.all.push(this as RecentCache<unknown>);
  }

  /**
   * A brief closed: every cache moves on a generation. What the open briefs use again moves back,
   * and the closed brief's entries are gone two closes later, so caches hold about what is open,
   * not the last few thousand sentences of briefs long closed.
   */
  static briefClosed(): void {
    for (const cache of RecentCache.all) cache.nextGeneration();
  }

  private nextGeneration(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  get(key: string, compute: () => V): V {
    let value = this.current.get(key);
    if (value !== undefined) return value;
    value = this.previous.get(key) ?? compute();
    this.set(key, value);
    return value;
  }

  has(key: string): boolean {
    return this.current.has(key) || this.previous.has(key);
  }

  /** Keeps a value computed elsewhere (in a worker thread). */
  set(key: string, value: V): void {
    if (this.current.size >= this.size) this.nextGeneration();
    this.current.set(key, value);
  }
}
