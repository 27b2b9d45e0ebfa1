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

  constructor(private readonly size: number) {}

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
    if (this.current.size >= this.size) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }
}
