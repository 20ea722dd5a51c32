// Stored conversation references for proactive staff notifications (models/staffConversationRef.ts).
import type { Model } from 'mongoose';
import type { ConversationReference } from 'botbuilder';
import type { StaffConversationRefDoc } from '../../models/staffConversationRef';

export class ConversationRefStore {
  constructor(private readonly refs: Model<StaffConversationRefDoc>) {}

  /** Saves (or refreshes) where a conversation is; `subscribed` only changes when given. */
  async save(reference: Partial<ConversationReference>, opts: { subscribed?: boolean; scope?: 'all' | 'escalations'; addedBy?: string } = {}): Promise<void> {
    const id = reference.conversation?.id;
    if (!id) return;
    const set: Record<string, unknown> = {
      reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
      conversationType: reference.conversation?.conversationType,
      updatedAt: new Date(),
    };
    if (opts.subscribed !== undefined) set.subscribed = opts.subscribed;
    if (opts.addedBy) set.addedBy = opts.addedBy;
    if (opts.scope) set.scope = opts.scope;
    await this.refs.updateOne({ _id: id }, { $set: set, $setOnInsert: opts.subscribed === undefined ? { subscribed: false } : {} }, { upsert: true });
  }

  /** Subscribed conversations that want this kind of alert (escalation-only ones get missed deadlines). */
  async subscribed(alertKind?: string): Promise<Partial<ConversationReference>[]> {
    const docs = await this.refs.find({ subscribed: true }).lean<StaffConversationRefDoc[]>();
    return docs
      .filter((d) => (d.scope ?? 'all') === 'all' || alertKind === 'deadline_missed')
      .map((d) => d.reference as Partial<ConversationReference>);
  }

  async get(conversationId: string): Promise<Partial<ConversationReference> | null> {
    const d = await this.refs.findById(conversationId).lean<StaffConversationRefDoc>();
    return d ? (d.reference as Partial<ConversationReference>) : null;
  }

  async remove(conversationId: string): Promise<void> {
    await this.refs.deleteOne({ _id: conversationId });
  }
}
