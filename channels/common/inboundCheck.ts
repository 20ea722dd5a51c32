// The check every inbound tenant message passes before a bot turn (flood limit, contact limits
// decided under the landlord's unacceptable-behaviour policy). Implemented by
// services/ratelimit (createInboundGuard); channels only need this shape.
import type { TenantChannel } from '../../services/notifications/tenantMessenger';

export interface InboundDecisionLike {
  allowed: boolean;
  reason?: string;
  /** True for the first refusal in a window: say so once, then stay quiet. */
  firstRefusal: boolean;
  retryAfterMs: number;
}

export interface InboundCheck {
  check(identity: { channel: TenantChannel; id: string }, now?: Date): Promise<InboundDecisionLike>;
}

/** The one kind reply a refused sender gets; their message is kept either way. */
export function refusalText(decision: InboundDecisionLike): string {
  if (decision.reason === 'contact_limit') {
    return "We've received today's messages and kept them. Under the arrangement we agreed with you, we can't reply to more today; we'll be in touch.";
  }
  const minutes = Math.max(1, Math.ceil(decision.retryAfterMs / 60000));
  return `We've had a lot of messages in a short time. We've kept them; please wait ${minutes} minute${minutes === 1 ? '' : 's'} before sending more.`;
}
