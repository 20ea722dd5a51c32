// The single check every inbound tenant message passes before a bot turn (SMS webhook, Direct
// Line activity): a per-sender flood limit, then the contact's daily cap when the landlord has
// restricted contact under its unacceptable-behaviour policy (contact_limit in the pack).
import type { ChannelIdentity, ContactService, Restriction } from '../contacts/types';
import { countHit, createRateLimiter, RateLimitModels } from './rateLimiter';
import { londonDayBounds } from './londonDay';

export interface InboundGuardOptions {
  models: RateLimitModels;
  /** Messages one sender (phone / Direct Line user) may send per window. Default 30 per 10 minutes. */
  perSender?: { limit: number; windowMs: number };
  /** When given, contact_limit restrictions are enforced per contact across channels. */
  contacts?: Pick<ContactService, 'findByIdentity' | 'activeRestrictions'>;
}

export interface InboundDecision {
  allowed: boolean;
  reason?: 'rate_limited' | 'contact_limit';
  /** Milliseconds until the sender may write again (0 when allowed). */
  retryAfterMs: number;
  /** First refusal in this window: tell the sender once, then stay quiet. */
  firstRefusal: boolean;
  /** The restriction that refused the message, for the kind reply and the audit. */
  restriction?: Restriction;
}

export interface InboundGuard {
  check(identity: ChannelIdentity, now?: Date): Promise<InboundDecision>;
}

export const DEFAULT_PER_SENDER = { limit: 30, windowMs: 10 * 60 * 1000 };

export function createInboundGuard(opts: InboundGuardOptions): InboundGuard {
  const perSender = opts.perSender ?? DEFAULT_PER_SENDER;
  const senderLimiter = createRateLimiter({ models: opts.models, name: 'inbound-sender', ...perSender });
  return {
    async check(identity, now = new Date()) {
      const flood = await senderLimiter.hit(`${identity.channel}:${identity.id}`, now);
      if (!flood.allowed) return { allowed: false, reason: 'rate_limited', retryAfterMs: flood.retryAfterMs, firstRefusal: flood.firstRefusal };

      const contact = opts.contacts ? await opts.contacts.findByIdentity(identity) : null;
      if (!contact || !opts.contacts) return { allowed: true, retryAfterMs: 0, firstRefusal: false };
      const strictest = strictestDailyCap(opts.contacts.activeRestrictions(contact, now));
      if (!strictest) return { allowed: true, retryAfterMs: 0, firstRefusal: false };
      const day = londonDayBounds(now);
      const decision = await countHit(opts.models.RateLimitCounter, 'contact-limit', contact.id, strictest.maxMessagesPerDay, day.start, day.end, now);
      if (decision.allowed) return { allowed: true, retryAfterMs: 0, firstRefusal: false };
      return { allowed: false, reason: 'contact_limit', retryAfterMs: decision.retryAfterMs, firstRefusal: decision.firstRefusal, restriction: strictest };
    },
  };
}

/** The contact_limit restriction with the lowest daily message cap, if any is in force. */
export function strictestDailyCap(active: Restriction[]): (Restriction & { maxMessagesPerDay: number }) | undefined {
  let best: (Restriction & { maxMessagesPerDay: number }) | undefined;
  for (const r of active) {
    if (r.kind !== 'contact_limit' || typeof r.maxMessagesPerDay !== 'number' || r.maxMessagesPerDay < 0) continue;
    if (!best || r.maxMessagesPerDay < best.maxMessagesPerDay) best = { ...r, maxMessagesPerDay: r.maxMessagesPerDay };
  }
  return best;
}
