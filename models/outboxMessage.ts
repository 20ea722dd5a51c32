// Outbound messages waiting to be sent by a channel transport (SMS today). Claimed by one
// instance at a time with an atomic findOneAndUpdate and a lease; retried with backoff.
import { Connection, Model, Schema } from 'mongoose';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'suppressed';

export interface OutboxMessageDoc {
  _id: string;
  channel: string;
  to: string;
  body: string;
  /** Optional idempotency key: enqueueing the same key twice keeps one message. */
  dedupeKey: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  leaseUntil?: Date;
  lastError?: string;
  providerId?: string;
  /** Delivery status reported back by the provider (Twilio status callback). */
  deliveryStatus?: string;
  deliveryErrorCode?: string;
  deliveryUpdatedAt?: Date;
  createdAt: Date;
  sentAt?: Date;
  /** The message that must go first (the previous part of a reply split into several SMS). */
  waitsFor?: string;
  /** The part that waits for this one, set when it is queued: sent as soon as this one is done. */
  nextId?: string;
}

const schema = new Schema<OutboxMessageDoc>(
  {
    _id: { type: String, required: true },
    channel: { type: String, required: true },
    to: { type: String, required: true },
    body: { type: String, required: true },
    dedupeKey: { type: String, required: true, unique: true },
    status: { type: String, required: true },
    attempts: { type: Number, required: true, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    leaseUntil: Date,
    lastError: String,
    providerId: { type: String, index: true },
    deliveryStatus: String,
    deliveryErrorCode: String,
    deliveryUpdatedAt: Date,
    createdAt: { type: Date, required: true },
    sentAt: Date,
    waitsFor: String,
    nextId: String,
  },
  { versionKey: false },
);
schema.index({ status: 1, nextAttemptAt: 1 });

export function outboxMessageModel(connection: Connection): Model<OutboxMessageDoc> {
  return connection.model<OutboxMessageDoc>('OutboxMessage', schema, 'outbox_messages');
}
