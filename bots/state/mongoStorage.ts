// botbuilder's Storage over the project's MongoDB (services/state/stateStore.ts). Semantics match
// botbuilder's MemoryStorage: a missing or `*` eTag writes whatever is there (last write wins);
// a stale eTag throws, so two turns of one conversation cannot silently overwrite each other.
import type { Storage, StoreItems } from 'botbuilder';
import { StateConflictError, StateStore } from '../../services/state/stateStore';

export { StateConflictError };

export class MongoStorage implements Storage {
  constructor(private readonly store: StateStore) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const found = await this.store.read(key);
      if (found) items[key] = { ...found.value, eTag: found.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = (item ?? {}) as Record<string, unknown> & { eTag?: string };
      const etag = await this.store.write(key, value, typeof eTag === 'string' ? eTag : undefined);
      // BotState keeps the written object as its cache: the next save in the same process must
      // carry the new eTag, as MemoryStorage does.
      if (item && typeof item === 'object') (item as { eTag?: string }).eTag = etag;
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) await this.store.delete(key);
  }
}

export function isStateConflict(err: unknown): boolean {
  return err instanceof StateConflictError;
}
