// Staff take-over of a tenant conversation. While a take-over is active, the tenant bot should
// hand each tenant message to `relayFromTenant` (which posts it to the staff member in Teams)
// instead of answering itself; staff replies go to the tenant on their own channel through the
// TenantMessenger, in the tenant's language. State lives in MongoDB (models/handoff.ts), so any
// instance sees it; the unique _id per tenant address means only one staff member holds it.
import type { Model } from 'mongoose';
import type { HandoffDoc } from '../../models/handoff';
import { rawCollection } from '../../models/rawCollection';
import type { TenantAddress, TenantMessenger } from '../notifications/tenantMessenger';
import type { Translator } from '../translation/translator';
import { sendToTenantInTheirLanguage } from '../translation/tenantDelivery';
import { forStaff, StaffTranslation } from '../translation/staffTranslation';
import type { StaffNotifier } from '../notifications/staffAlerts';

export interface Handoff {
  tenant: TenantAddress;
  language: string;
  caseReference?: string;
  staffId: string;
  staffName?: string;
  staffConversationId: string;
  startedAt: Date;
}

/** Posts a tenant's message to the staff conversation (implemented by channels/teams). */
export interface StaffRelay {
  relayToStaff(handoff: Handoff, message: StaffTranslation): Promise<void>;
}

export class HandoffConflictError extends Error {
  constructor(public readonly current: Handoff) {
    super(`This conversation is already taken over by ${current.staffName ?? current.staffId}.`);
    this.name = 'HandoffConflictError';
  }
}

export interface HandoffServiceDeps {
  handoffs: Model<HandoffDoc>;
  messenger?: TenantMessenger;
  translator: Translator;
  /**
   * The policy pack's interpreter text by language (`pack.interpreterNotices`): what a tenant is
   * told when staff words reach them untranslated, as in every other message from staff.
   */
  interpreterNotices?: Readonly<Record<string, string>>;
  /** Set by the Teams channel once its adapter exists. */
  relay?: StaffRelay;
  /** Set by the Teams channel: posts "a tenant needs a person" cards. */
  notifier?: StaffNotifier;
}

export interface StaffRequest {
  tenant: TenantAddress;
  language: string;
  contactId?: string;
  /** Why, in words for staff ("asked to speak to a person", "very upset, no case yet"). */
  reason: string;
  /** The tenant's own words. */
  text: string;
}

export const handoffKey = (t: { channel: string; id: string }) => `${t.channel}:${t.id}`;

function fromDoc(d: HandoffDoc): Handoff {
  return {
    tenant: d.tenant as TenantAddress,
    language: d.language,
    caseReference: d.caseReference,
    staffId: d.staffId,
    staffName: d.staffName,
    staffConversationId: d.staffConversationId,
    startedAt: d.startedAt,
  };
}

export class HandoffService {
  constructor(private readonly deps: HandoffServiceDeps) {}

  setRelay(relay: StaffRelay): void {
    this.deps.relay = relay;
  }

  setNotifier(notifier: StaffNotifier): void {
    this.deps.notifier = notifier;
  }

  /**
   * For the tenant bot: asks staff in Teams to pick up a conversation (a card with "Open a Stage 1
   * case" and "Take over"). Resolves false when no staff channel could be reached, so the bot can
   * tell the tenant how else to reach a person.
   */
  async requestStaff(request: StaffRequest): Promise<boolean> {
    if (!this.deps.notifier) return false;
    try {
      return (await this.deps.notifier.notify({ kind: 'conversation_needs_staff', ...request })) > 0;
    } catch {
      return false;
    }
  }

  /** Takes over; the same staff member taking over again refreshes the record, anyone else gets a conflict. */
  async start(input: Omit<Handoff, 'startedAt'>): Promise<Handoff> {
    const doc: HandoffDoc = { _id: handoffKey(input.tenant), ...input, startedAt: new Date() };
    try {
      await this.deps.handoffs.create(doc);
      return fromDoc(doc);
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      const current = await this.active(input.tenant);
      if (current && current.staffId !== input.staffId) throw new HandoffConflictError(current);
      await this.deps.handoffs.updateOne({ _id: doc._id, staffId: input.staffId }, { $set: { staffConversationId: input.staffConversationId, caseReference: input.caseReference } });
      return { ...(current ?? fromDoc(doc)), staffConversationId: input.staffConversationId };
    }
  }

  /** The active take-over for a tenant, if any. Tenant bots call this on every inbound message. */
  async active(tenant: { channel: string; id: string }): Promise<Handoff | null> {
    // Read on every tenant message: the driver's collection (models/rawCollection.ts).
    const d = await rawCollection(this.deps.handoffs).findOne({ _id: handoffKey(tenant) });
    return d ? fromDoc(d) : null;
  }

  /** Ends a take-over (only by the staff member holding it, unless `force`). True when one ended. */
  async end(tenant: { channel: string; id: string }, staffId: string, force = false): Promise<boolean> {
    const filter: Record<string, unknown> = { _id: handoffKey(tenant) };
    if (!force) filter.staffId = staffId;
    const r = await this.deps.handoffs.deleteOne(filter);
    return r.deletedCount === 1;
  }

  /**
   * Called by the tenant bot for each tenant message. Returns true when the conversation is taken
   * over and the message went to staff (the bot should then not answer it itself).
   */
  async relayFromTenant(tenant: { channel: string; id: string }, text: string): Promise<boolean> {
    const h = await this.active(tenant);
    if (!h || !this.deps.relay) return false;
    const view = await forStaff(this.deps.translator, text, h.language);
    await this.deps.relay.relayToStaff(h, view);
    return true;
  }

  /** Sends a staff reply to the tenant on their channel, in their language; returns the text sent. */
  async replyToTenant(handoff: Handoff, englishText: string): Promise<string> {
    if (!this.deps.messenger || !this.deps.messenger.canReach(handoff.tenant)) {
      throw new Error(`Cannot reach the tenant on ${handoff.tenant.channel} from here.`);
    }
    const { messenger, translator, interpreterNotices } = this.deps;
    const out = await sendToTenantInTheirLanguage({ messenger, translator, interpreterNotices }, handoff.tenant, englishText, handoff.language);
    return out.text;
  }

  async listForStaff(staffId: string): Promise<Handoff[]> {
    const docs = await this.deps.handoffs.find({ staffId }).lean<HandoffDoc[]>();
    return docs.map(fromDoc);
  }
}

/** The take-over service as the app builds it: tenants get the pack's interpreter text with untranslated staff replies. */
export function createHandoffService(
  handoffs: Model<HandoffDoc>,
  messenger: TenantMessenger | undefined,
  translator: Translator,
  pack: { interpreterNotices: Readonly<Record<string, string>> } | undefined,
): HandoffService {
  return new HandoffService({ handoffs, messenger, translator, interpreterNotices: pack?.interpreterNotices });
}
