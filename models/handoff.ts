// A staff member has taken over a tenant's conversation. One document per tenant address
// (`channel:id` as _id, so a second take-over of the same tenant is refused by the unique key);
// ended take-overs are deleted and recorded in the case history by the caller.
import { Connection, Model, Schema } from 'mongoose';

export interface HandoffDoc {
  /** `${channel}:${tenantId}` */
  _id: string;
  tenant: { channel: string; id: string; conversation?: Record<string, unknown> };
  language: string;
  caseReference?: string;
  staffId: string;
  staffName?: string;
  /** The Teams conversation the staff member works in; the tenant's replies are posted there. */
  staffConversationId: string;
  startedAt: Date;
}

const schema = new Schema<HandoffDoc>(
  {
    _id: { type: String, required: true },
    tenant: { type: Schema.Types.Mixed, required: true },
    language: { type: String, required: true, default: 'en' },
    caseReference: String,
    staffId: { type: String, required: true },
    staffName: String,
    staffConversationId: { type: String, required: true },
    startedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);

export function handoffModel(connection: Connection): Model<HandoffDoc> {
  return connection.model<HandoffDoc>('Handoff', schema, 'handoffs');
}
