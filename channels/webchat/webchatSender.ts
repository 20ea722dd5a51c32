// Lets services reach a tenant on webchat (staff replies, follow-ups): the message is appended to
// the tenant's Direct Line conversation and shows up in Web Chat, now or when they reconnect.
import type { TenantAddress, TenantSender } from '../../services/notifications/tenantMessenger';
import type { DirectLineStore } from './conversationStore';

export class WebchatSender implements TenantSender {
  readonly channel = 'webchat' as const;

  constructor(
    private readonly store: DirectLineStore,
    private readonly sendToConversation: (conversationId: string, text: string) => Promise<void>,
  ) {}

  async send(address: TenantAddress, text: string): Promise<void> {
    const conversationId = conversationIdOf(address) ?? (await this.store.latestForUser(address.id))?._id;
    if (!conversationId) throw new Error('no webchat conversation for this tenant');
    await this.sendToConversation(conversationId, text);
  }
}

/** Accepts either a ConversationReference ({ conversation: { id } }) or { conversationId }. */
function conversationIdOf(address: TenantAddress): string | undefined {
  const ref = address.conversation;
  if (!ref) return undefined;
  const nested = (ref.conversation as { id?: unknown } | undefined)?.id;
  if (typeof nested === 'string') return nested;
  return typeof ref.conversationId === 'string' ? ref.conversationId : undefined;
}
