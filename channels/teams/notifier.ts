// Posts staff alerts and relayed tenant messages into Teams proactively, from stored
// conversation references (CloudAdapter.continueConversationAsync). Works from any instance.
import { CardFactory, CloudAdapter, ConversationReference } from 'botbuilder';
import type { StaffAlert, StaffNotifier } from '../../services/notifications/staffAlerts';
import type { Handoff, StaffRelay } from '../../services/handoff/handoffService';
import type { StaffTranslation } from '../../services/translation/staffTranslation';
import type { Logger } from '../../services/logging/logger';
import { ConversationRefStore } from './conversationRefs';
import { alertBanner, alertCard, tenantMessageCard } from './cards/staffCards';
import type { AdaptiveCard } from './cards/elements';

export class TeamsStaffNotifier implements StaffNotifier, StaffRelay {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly refs: ConversationRefStore,
    private readonly logger: Logger,
  ) {}

  private async post(reference: Partial<ConversationReference>, card: AdaptiveCard, summary: string): Promise<void> {
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      await context.sendActivity({ type: 'message', summary, attachments: [CardFactory.adaptiveCard(card)] });
    });
  }

  async notify(alert: StaffAlert): Promise<number> {
    const targets = await this.refs.subscribed(alert.kind);
    if (targets.length === 0) {
      this.logger.warn({ kind: alert.kind }, 'staff alert not posted: no Teams conversation is subscribed (say "subscribe here" in Teams)');
      throw new Error('no subscribed Teams conversation');
    }
    let reached = 0;
    let lastError: Error | undefined;
    for (const ref of targets) {
      try {
        await this.post(ref, alertCard(alert), alertBanner(alert));
        reached += 1;
      } catch (err) {
        lastError = err as Error;
        this.logger.warn({ kind: alert.kind, conversation: ref.conversation?.id, reason: lastError.message }, 'staff alert post failed');
      }
    }
    if (reached === 0 && lastError) throw lastError;
    return reached;
  }

  async relayToStaff(handoff: Handoff, message: StaffTranslation): Promise<void> {
    const ref = await this.refs.get(handoff.staffConversationId);
    if (!ref) throw new Error('the staff conversation of this take-over is not known');
    await this.post(ref, tenantMessageCard(handoff, message), 'Tenant replied');
  }
}
