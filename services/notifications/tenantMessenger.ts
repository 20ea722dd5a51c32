// How services reach a tenant on their own channel (SMS, webchat, Teams/other Bot Framework
// channels) without knowing anything about those channels. Channel modules register a sender
// for their channel in index.ts; services only see this interface.

export type TenantChannel = 'sms' | 'webchat' | 'teams' | 'phone' | 'email' | 'letter' | 'in_person';

/** Where a tenant can be reached; stored on the contact/case so any instance can use it. */
export interface TenantAddress {
  channel: TenantChannel;
  /** E.164 phone for sms, Direct Line user id for webchat, Teams/AAD user id for teams. */
  id: string;
  /** Channel-specific routing data, e.g. a serialised Bot Framework ConversationReference. */
  conversation?: Record<string, unknown>;
}

export interface TenantSender {
  readonly channel: TenantChannel;
  /** Queues or delivers `text` to the address; resolves once it is durably queued. */
  send(address: TenantAddress, text: string): Promise<void>;
}

export class TenantMessenger {
  private readonly senders = new Map<TenantChannel, TenantSender>();

  register(sender: TenantSender): void {
    this.senders.set(sender.channel, sender);
  }

  canReach(address: TenantAddress): boolean {
    return this.senders.has(address.channel);
  }

  async send(address: TenantAddress, text: string): Promise<void> {
    const sender = this.senders.get(address.channel);
    if (!sender) throw new Error(`no sender registered for channel ${address.channel}`);
    await sender.send(address, text);
  }
}
