// The staff bot in Microsoft Teams: authorises staff, runs typed commands and card submissions
// (Action.Submit and Action.Execute) through the shared staff actions, keeps conversation
// references for proactive alerts, and relays a taken-over tenant conversation both ways.
// Non-Teams Bot Framework channels (e.g. Azure Web Chat) go to the tenant bot when one is given.
import {
  AdaptiveCardInvokeResponse,
  AdaptiveCardInvokeValue,
  Attachment,
  CardFactory,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import type { Actor, CaseRecord } from '../services/cases/types';
import { CaseRuleError } from '../services/cases/types';
import type { HandoffService, Handoff } from '../services/handoff/handoffService';
import { HandoffConflictError } from '../services/handoff/handoffService';
import { forStaff, StaffTranslation } from '../services/translation/staffTranslation';
import type { TenantAddress } from '../services/notifications/tenantMessenger';
import type { Logger } from '../services/logging/logger';
import { describeZodError, staffActionSchema } from '../dialogs/staff/actionSchemas';
import { performStaffAction, StaffActionDeps } from '../dialogs/staff/staffActions';
import { parseStaffCommand, StaffCommand } from '../dialogs/staff/commands';
import { isOverdue, withoutEmpty } from '../dialogs/staff/caseViews';
import { managerOnlyLoggingReason, managerOnlyReason } from '../dialogs/staff/permissions';
import { conversationToCaseSchema, logComplaintSchema, logOffChannelComplaint, openCaseFromConversation } from '../dialogs/staff/staffIntake';
import { stageName } from '../dialogs/staff/tenantNotices';

export type StaffRole = 'handler' | 'manager';
export interface StaffMember {
  id: string;
  name?: string;
  role: StaffRole;
}
export type StaffAuthorisation = { ok: true; staff: StaffMember } | { ok: false; refusal: string };

/** Channel-specific pieces the bot needs without depending on the channel layer. */
export interface StaffBotPorts {
  authorise(context: TurnContext): StaffAuthorisation;
  saveConversation(context: TurnContext, opts: { subscribed?: boolean; scope?: 'all' | 'escalations'; addedBy?: string }): Promise<void>;
  cards: {
    caseCard(c: CaseRecord, original?: StaffTranslation, banner?: string): object;
    logComplaintCard(): object;
    helpText: string;
  };
}

export interface StaffBotDeps extends StaffActionDeps {
  ports: StaffBotPorts;
  handoffs: HandoffService;
  /** Runs non-Teams Bot Framework channels (tenants on Azure Web Chat etc.). */
  tenantBot?: { run(context: TurnContext): Promise<void> };
  logger: Logger;
}

type Reply = { text?: string; card?: object };

export class StaffBot extends TeamsActivityHandler {
  constructor(private readonly deps: StaffBotDeps) {
    super();

    this.onMessage(async (context, next) => {
      const auth = this.deps.ports.authorise(context);
      if (!auth.ok) {
        await context.sendActivity(auth.refusal);
        return next();
      }
      const value = context.activity.value as Record<string, unknown> | undefined;
      const reply = value && typeof value === 'object' && typeof value.verb === 'string'
        ? await this.handleSubmit(context, auth.staff, value)
        : await this.handleCommand(context, auth.staff, parseStaffCommand(context.activity.text ?? ''));
      await this.send(context, reply);
      return next();
    });

    this.onConversationUpdate(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const added = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
      if (added) {
        const auth = this.deps.ports.authorise(context);
        if (auth.ok) {
          // Added to a team channel by staff: alerts go there; in a personal chat only on "subscribe here".
          const isChannel = context.activity.conversation?.conversationType === 'channel';
          await this.deps.ports.saveConversation(context, { subscribed: isChannel ? true : undefined, addedBy: auth.staff.id });
          await context.sendActivity(
            isChannel
              ? 'Complaint notifications will be posted in this channel. Say "help" for what I can do.'
              : 'Hello! Say "help" for what I can do, or "subscribe here" to get complaint notifications in this chat.',
          );
        }
      }
      return next();
    });
  }

  /** Non-Teams channels belong to tenants: hand them to the tenant bot. */
  override async run(context: TurnContext): Promise<void> {
    if (context.activity.channelId !== 'msteams' && context.activity.channelId !== 'emulator') {
      if (this.deps.tenantBot) {
        await this.deps.tenantBot.run(context);
        return;
      }
      if (context.activity.type === 'message') {
        await context.sendActivity('Sorry, this address is for staff in Microsoft Teams. Tenants can reach us by web chat or SMS.');
      }
      return;
    }
    await super.run(context);
  }

  /** Action.Execute (Universal Actions): answered in the invoke response. */
  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const auth = this.deps.ports.authorise(context);
    if (!auth.ok) return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: auth.refusal as unknown as Record<string, unknown> };
    const data = { ...((invokeValue.action?.data ?? {}) as Record<string, unknown>) };
    if (!data.verb) data.verb = invokeValue.action?.verb ?? 'staff';
    const reply = await this.handleSubmit(context, auth.staff, data);
    if (reply.card) {
      return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: reply.card as Record<string, unknown> };
    }
    return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: (reply.text ?? "Done.") as unknown as Record<string, unknown> };
  }

  private async send(context: TurnContext, reply: Reply): Promise<void> {
    const attachments: Attachment[] = reply.card ? [CardFactory.adaptiveCard(reply.card)] : [];
    await context.sendActivity({ type: 'message', text: reply.text, attachments });
  }

  private actor(staff: StaffMember): Actor {
    return { kind: 'staff', id: staff.id, name: staff.name, channel: 'teams', role: staff.role };
  }

  private async caseReply(c: CaseRecord, text?: string): Promise<Reply> {
    const original = c.originalText ? await forStaff(this.deps.translator, c.originalText, c.language) : undefined;
    return { text, card: this.deps.ports.cards.caseCard(c, original) };
  }

  private async runAction(staff: StaffMember, reference: string, raw: Record<string, unknown>): Promise<Reply> {
    const parsed = staffActionSchema.safeParse(withoutEmpty(raw));
    if (!parsed.success) return { text: `I couldn't do that: ${describeZodError(parsed.error)}` };
    const managerOnly = managerOnlyReason(parsed.data);
    if (managerOnly && staff.role !== 'manager') return { text: managerOnly };
    try {
      const result = await performStaffAction(this.deps, reference, parsed.data, this.actor(staff));
      const told = result.tenantNotified ? ' The tenant has been told on their channel.' : result.tenantNotice ? ` ${result.tenantNotice}` : '';
      return await this.caseReply(result.case, `${result.summary}${told}`);
    } catch (err) {
      return this.explain(err, reference);
    }
  }

  private explain(err: unknown, reference?: string): Reply {
    if (err instanceof CaseRuleError) return { text: `I couldn't do that on ${reference ?? 'the case'}: ${err.message}` };
    if (err instanceof HandoffConflictError) return { text: err.message };
    this.deps.logger.error({ err, reference }, 'staff action failed');
    return { text: 'Sorry, something went wrong and nothing was changed. Please try again.' };
  }

  private async handleSubmit(context: TurnContext, staff: StaffMember, value: Record<string, unknown>): Promise<Reply> {
    const { verb, reference, ...fields } = value;
    const ref = typeof reference === 'string' ? reference.toUpperCase() : undefined;
    try {
      switch (verb) {
        case 'staff':
          if (!ref) return { text: 'That card is missing its case reference.' };
          return await this.runAction(staff, ref, fields);
        case 'log': {
          const parsed = logComplaintSchema.safeParse(withoutEmpty(fields));
          if (!parsed.success) return { text: `I couldn't log that: ${describeZodError(parsed.error)}` };
          const managerOnly = managerOnlyLoggingReason(parsed.data);
          if (managerOnly && staff.role !== 'manager') return { text: managerOnly };
          const created = await logOffChannelComplaint(this.deps, parsed.data, this.actor(staff));
          return await this.caseReply(created, `Logged ${created.reference} (received by ${parsed.data.channel.replace('_', ' ')}).`);
        }
        case 'open_from_conversation': {
          const parsed = conversationToCaseSchema.safeParse(withoutEmpty(fields));
          if (!parsed.success) return { text: `I couldn't open a case: ${describeZodError(parsed.error)}` };
          const { case: created, tenantTold } = await openCaseFromConversation(this.deps, parsed.data, this.actor(staff));
          return await this.caseReply(created, `Opened ${created.reference} from the conversation.${tenantTold ? ' The tenant has been given the reference.' : ''}`);
        }
        case 'take_over':
          return await this.takeOver(context, staff, ref, fields);
        case 'end_take_over':
          return await this.endTakeOver(staff, ref, fields.tenant);
        default:
          return { text: "I don't recognise that card action. Say \"help\" for what I can do." };
      }
    } catch (err) {
      return this.explain(err, ref);
    }
  }

  private async tenantFor(ref: string | undefined, tenant: unknown): Promise<{ address: TenantAddress; language: string; reference?: string } | string> {
    if (ref) {
      const c = await this.deps.cases.get(ref);
      if (!c) return `No case ${ref}.`;
      if (!c.address) return `${ref} has no tenant conversation to take over (received by ${c.channel}).`;
      return { address: c.address, language: c.language, reference: c.reference };
    }
    const t = tenant as { channel?: string; id?: string; conversation?: Record<string, unknown> } | undefined;
    if (t?.channel && t.id) {
      const address = { channel: t.channel as TenantAddress['channel'], id: t.id, conversation: t.conversation };
      return { address, language: 'en', reference: await this.liveCaseOf(address) };
    }
    return 'Which conversation? Give a case reference.';
  }

  /** The tenant's most recent live case, so a take-over from a conversation card is still on a case's record. */
  private async liveCaseOf(address: TenantAddress): Promise<string | undefined> {
    if (!this.deps.contacts || !['sms', 'webchat', 'teams'].includes(address.channel)) return undefined;
    const contact = await this.deps.contacts.findByIdentity({ channel: address.channel, id: address.id }).catch(() => null);
    if (!contact) return undefined;
    const cases = await this.deps.cases.listForContact(contact.id);
    return cases.find((c) => !['closed', 'withdrawn', 'not_accepted'].includes(c.status))?.reference;
  }

  /** Take-overs go in the case history (who, when, which channel); the take-over itself never fails on it. */
  private async auditTakeOver(reference: string | undefined, action: 'take_over' | 'take_over_end', staff: StaffMember, channel: string): Promise<void> {
    if (!reference) return;
    const reason = action === 'take_over' ? `${staff.name ?? staff.id} took over the tenant's ${channel} conversation` : `${staff.name ?? staff.id} handed the ${channel} conversation back to the assistant`;
    await this.deps.cases
      .recordEvent(reference, { action, reason }, this.actor(staff))
      .catch((err: Error) => this.deps.logger.warn({ reference, reason: err.message }, 'take-over not recorded in the case history'));
  }

  private async takeOver(context: TurnContext, staff: StaffMember, ref: string | undefined, fields: Record<string, unknown>): Promise<Reply> {
    const target = await this.tenantFor(ref, fields.tenant);
    if (typeof target === 'string') return { text: target };
    const language = typeof fields.language === 'string' ? fields.language : target.language;
    await this.deps.ports.saveConversation(context, {});
    const h = await this.deps.handoffs.start({
      tenant: target.address,
      language,
      caseReference: target.reference,
      staffId: staff.id,
      staffName: staff.name,
      staffConversationId: context.activity.conversation.id,
    });
    await this.deps.handoffs
      .replyToTenant(h, 'A member of our complaints team has joined the conversation and will reply here.')
      .catch((err: Error) => this.deps.logger.warn({ reason: err.message }, 'could not tell the tenant about the take-over'));
    await this.auditTakeOver(h.caseReference, 'take_over', staff, h.tenant.channel);
    const label = h.caseReference ?? `${h.tenant.channel}:${h.tenant.id}`;
    return { text: `You have taken over ${label}. The tenant's messages will appear here. Reply with: reply ${label} <message>. Finish with: end ${label}.` };
  }

  private async handoffFor(staff: StaffMember, target: string): Promise<Handoff | string> {
    const mine = await this.deps.handoffs.listForStaff(staff.id);
    const h = mine.find((x) => x.caseReference === target || `${x.tenant.channel}:${x.tenant.id}` === target);
    return h ?? `You have not taken over ${target}. Say "take over ${target}" first.`;
  }

  private async endTakeOver(staff: StaffMember, ref: string | undefined, tenant: unknown): Promise<Reply> {
    const t = tenant as { channel?: string; id?: string } | undefined;
    const target = ref ?? (t?.channel && t.id ? `${t.channel}:${t.id}` : '');
    const h = await this.handoffFor(staff, target);
    if (typeof h === 'string') return { text: h };
    await this.deps.handoffs.replyToTenant(h, 'Thank you. The assistant will help you from here; you can ask for a person at any time.').catch(() => undefined);
    await this.deps.handoffs.end(h.tenant, staff.id);
    await this.auditTakeOver(h.caseReference, 'take_over_end', staff, h.tenant.channel);
    return { text: `Take-over of ${target} ended; the assistant answers the tenant again.` };
  }

  private async handleCommand(context: TurnContext, staff: StaffMember, cmd: StaffCommand): Promise<Reply> {
    try {
      switch (cmd.kind) {
        case 'help':
          return { text: this.deps.ports.cards.helpText };
        case 'subscribe':
          await this.deps.ports.saveConversation(context, { subscribed: true, scope: cmd.scope, addedBy: staff.id });
          return {
            text:
              cmd.scope === 'escalations'
                ? 'Subscribed to escalations: missed response deadlines will be posted here.'
                : 'Subscribed: new and escalated complaints and deadline alerts will be posted here.',
          };
        case 'unsubscribe':
          await this.deps.ports.saveConversation(context, { subscribed: false });
          return { text: 'Unsubscribed: no more complaint notifications here.' };
        case 'show': {
          const c = await this.deps.cases.get(cmd.reference);
          return c ? this.caseReply(c) : { text: `No case ${cmd.reference}.` };
        }
        case 'list': {
          const stage = cmd.filter === 'quick' || cmd.filter === 'stage1' || cmd.filter === 'stage2' ? cmd.filter : undefined;
          const live = (await this.deps.cases.list({ stage, limit: 200 })).filter((c) => ['open', 'escalated', 'acknowledged', 'on_hold', 'responded'].includes(c.status));
          const shown = cmd.filter === 'overdue' ? live.filter((c) => isOverdue(c)) : live;
          if (shown.length === 0) return { text: cmd.filter === 'overdue' ? 'No overdue cases.' : 'No live cases.' };
          const lines = shown.slice(0, 25).map((c) => `- ${c.reference} · ${stageName(c.stage)} · ${c.status.replace('_', ' ')}${isOverdue(c) ? ' · OVERDUE' : ''} · ${c.handlers[c.stage] ?? 'unassigned'}`);
          return { text: `${shown.length} case(s):\n${lines.join('\n')}${shown.length > 25 ? '\n(first 25 shown; use the Complaints tab for all)' : ''}` };
        }
        case 'action':
          return await this.runAction(staff, cmd.reference, cmd.input);
        case 'form': {
          const c = await this.deps.cases.get(cmd.reference);
          if (!c) return { text: `No case ${cmd.reference}.` };
          const button = { respond: 'Record response', extend: 'Extend', restrict: 'Restrict contact' }[cmd.form];
          return await this.caseReply(c, `Use "${button}" on the card below.`);
        }
        case 'log':
          return { text: 'Fill in the form to log the complaint.', card: this.deps.ports.cards.logComplaintCard() };
        case 'take_over':
          return await this.takeOver(context, staff, cmd.reference, {});
        case 'reply': {
          const h = await this.handoffFor(staff, cmd.target);
          if (typeof h === 'string') return { text: h };
          await this.deps.handoffs.replyToTenant(h, cmd.text);
          return { text: `Sent to the tenant on ${h.tenant.channel}${h.language !== 'en' ? ` (in ${h.language} where a translation is available)` : ''}.` };
        }
        case 'end':
          return await this.endTakeOver(staff, /^CMP-/.test(cmd.target) ? cmd.target : undefined, /^CMP-/.test(cmd.target) ? undefined : { channel: cmd.target.split(':')[0], id: cmd.target.split(':').slice(1).join(':') });
        case 'unknown':
          return { text: `Sorry, I didn't understand "${cmd.text.slice(0, 80)}". Say "help" for the commands.` };
      }
    } catch (err) {
      return this.explain(err);
    }
  }
}
