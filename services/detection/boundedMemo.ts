// Remembers results of a pure function of a string (a stem, a word's polarity). Tenants reuse a
// small vocabulary, so most lookups hit; the memo is emptied when it reaches its limit, so memory
// stays bounded whatever text arrives.
export class BoundedMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new Error('a BoundedMemo needs a limit of at least 1');
  }

  /** The value for `key`, computed (and remembered) only when it is not remembered yet. */
  get(key: string, compute: (key: string) => V): V {
    const known = this.entries.get(key);
    if (known !== undefined || this.entries.has(key)) return known as V;
    const value = compute(key);
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
