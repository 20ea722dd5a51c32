// Runs one bot turn for an inbound activity that arrived on a channel we host ourselves
// (webchat over our Direct Line, SMS over Twilio) and hands back what the bot said. The
// Bot Framework connector is not involved: replies are collected here and each channel decides
// how to deliver them (append to the Direct Line log, TwiML, or the SMS outbox).
import { randomUUID } from 'node:crypto';
import {
  Activity,
  ActivityTypes,
  BotAdapter,
  ConversationReference,
  ResourceResponse,
  TurnContext,
} from 'botbuilder';

/** What every tenant-facing bot offers (botbuilder's ActivityHandler has it). */
export interface TurnBot {
  run(context: TurnContext): Promise<void>;
}

/** Delivers replies as the bot sends them (e.g. appends them to a Direct Line conversation). */
export type Deliver = (activities: Partial<Activity>[]) => Promise<void>;

export interface CollectingAdapterOptions {
  /** Default delivery for every send, in turns and in proactive (continueConversation) sends. */
  deliver?: Deliver;
  /** Called when the bot throws; defaults to a kind apology so the tenant is never left hanging. */
  onError?: (error: Error, context: TurnContext) => Promise<void>;
  /** Longest `delay` activity honoured, ms (bots use them for pacing; we never stall a channel long). */
  maxDelayMs?: number;
}

export interface TurnOptions {
  /** Overrides the adapter's delivery for this turn; `null` collects only (SMS answers in TwiML). */
  deliver?: Deliver | null;
}

const COLLECTED = Symbol('collectedReplies');
const DELIVER = Symbol('turnDeliver');

export const APOLOGY_TEXT = 'Sorry, something went wrong on our side. Please try again in a moment.';

export class CollectingAdapter extends BotAdapter {
  private readonly deliverDefault?: Deliver;
  private readonly maxDelayMs: number;

  constructor(options: CollectingAdapterOptions = {}) {
    super();
    this.deliverDefault = options.deliver;
    this.maxDelayMs = options.maxDelayMs ?? 2000;
    const onError = options.onError;
    this.onTurnError = async (context, error) => {
      if (onError) {
        await onError(error, context);
        return;
      }
      await context.sendActivity(APOLOGY_TEXT);
    };
  }

  /** Runs `logic` (usually `bot.run`) for one inbound activity; resolves with every reply sent. */
  async processActivity(
    activity: Partial<Activity>,
    logic: (context: TurnContext) => Promise<void>,
    options: TurnOptions = {},
  ): Promise<Partial<Activity>[]> {
    const context = new TurnContext(this, activity);
    const collected: Partial<Activity>[] = [];
    context.turnState.set(COLLECTED, collected);
    context.turnState.set(DELIVER, options.deliver === undefined ? this.deliverDefault : options.deliver);
    await this.runMiddleware(context, logic);
    return collected;
  }

  /** Same as processActivity, with the tenant bot as the logic. */
  runTurn(bot: TurnBot, activity: Partial<Activity>, options: TurnOptions = {}): Promise<Partial<Activity>[]> {
    return this.processActivity(activity, (context) => bot.run(context), options);
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const collected = (context.turnState.get(COLLECTED) as Partial<Activity>[] | undefined) ?? [];
    const deliver = context.turnState.has(DELIVER) ? (context.turnState.get(DELIVER) as Deliver | null | undefined) : this.deliverDefault;
    const responses: ResourceResponse[] = [];
    const batch: Partial<Activity>[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        if (batch.length && deliver) await deliver(batch.splice(0));
        const ms = Math.min(Number(activity.value) || 0, this.maxDelayMs);
        await new Promise((resolve) => setTimeout(resolve, ms));
        responses.push({ id: '' });
        continue;
      }
      if (activity.type === ActivityTypes.InvokeResponse) {
        // Invokes do not happen on SMS/webchat; keep the value for a caller that wants it.
        context.turnState.set('invokeResponse', activity);
        responses.push({ id: '' });
        continue;
      }
      const reply: Partial<Activity> = { ...activity, id: activity.id ?? randomUUID(), timestamp: activity.timestamp ?? new Date() };
      collected.push(reply);
      batch.push(reply);
      responses.push({ id: reply.id as string });
    }
    if (batch.length && deliver) await deliver(batch);
    return responses;
  }

  async updateActivity(): Promise<void> {
    // Neither SMS nor our Direct Line can edit a message already shown to the tenant.
    throw new Error('updateActivity is not supported on this channel');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('deleteActivity is not supported on this channel');
  }

  /** Proactive messages (follow-ups, staff replies): delivered through the adapter's default `deliver`. */
  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.continueAndCollect(reference, logic);
  }

  /** Like continueConversation, resolving with what the logic sent. */
  async continueAndCollect(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'ContinueConversation' },
      reference,
      true,
    );
    return this.processActivity(activity, logic);
  }
}

/** Plain text of a bot reply for text-only channels (SMS): text plus any suggested actions as words. */
export function replyText(activity: Partial<Activity>): string {
  const parts: string[] = [];
  if (activity.text) parts.push(activity.text);
  const actions = activity.suggestedActions?.actions ?? [];
  const titles = actions.map((a) => String(a.title ?? a.value ?? '')).filter(Boolean);
  if (titles.length) parts.push(titles.join(' / '));
  return parts.join('\n').trim();
}
