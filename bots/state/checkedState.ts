// Conversation state read and written with its eTag. botbuilder's BotState always saves with
// eTag "*" (last write wins), which would let two turns of one conversation silently overwrite
// each other; this keeps the eTag read at the start of the turn and writes against it, so a
// concurrent turn makes the save fail (StateConflictError) instead of losing its changes.
import type { StatePropertyAccessor, Storage, TurnContext } from 'botbuilder';

interface Slot {
  key: string;
  eTag?: string;
  value: Record<string, unknown>;
  loadedJson: string;
}

export class CheckedState {
  private readonly slot = Symbol('checkedState');

  constructor(
    private readonly storage: Storage,
    private readonly keyOf: (context: TurnContext) => string,
  ) {}

  async load(context: TurnContext): Promise<void> {
    const key = this.keyOf(context);
    const items = await this.storage.read([key]);
    const { eTag, ...value } = (items[key] ?? {}) as Record<string, unknown> & { eTag?: string };
    context.turnState.set(this.slot, { key, eTag, value, loadedJson: JSON.stringify(value) } satisfies Slot);
  }

  private get(context: TurnContext): Slot {
    const slot = context.turnState.get(this.slot) as Slot | undefined;
    if (!slot) throw new Error('state not loaded for this turn');
    return slot;
  }

  /** Writes the state if it changed. New state is written as revision 1, so a racing first turn conflicts too. */
  async save(context: TurnContext): Promise<void> {
    const slot = this.get(context);
    const json = JSON.stringify(slot.value);
    if (json === slot.loadedJson) return;
    const item = { ...slot.value, eTag: slot.eTag ?? '0' };
    await this.storage.write({ [slot.key]: item });
    slot.eTag = item.eTag;
    slot.loadedJson = json;
  }

  property<T>(name: string): StatePropertyAccessor<T> {
    return {
      get: async (context: TurnContext, defaultValue?: T) => {
        const { value } = this.get(context);
        if (value[name] === undefined && defaultValue !== undefined) value[name] = defaultValue;
        return value[name] as T;
      },
      set: async (context: TurnContext, v: T) => {
        this.get(context).value[name] = v;
      },
      delete: async (context: TurnContext) => {
        delete this.get(context).value[name];
      },
    };
  }
}
