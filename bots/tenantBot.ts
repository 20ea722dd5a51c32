// The tenant bot: the same conversation on every channel (SMS, webchat, Teams, ...). It works out
// who is writing (channel identity → contact) and in which language, gives emergency instructions
// at once when a message sounds dangerous, answers pending follow-ups, and runs the dialogs.
// State is read and written with its eTag: when another turn of the same conversation wrote
// first, the turn is run again once on the fresh state (its replies held back until the state is
// saved), and if that also clashes the tenant is asked kindly to send the message again.
import { Activity, ActivityHandler, ResourceResponse, TurnContext } from 'botbuilder';
import type { Actor } from '../services/cases/types';
import { tenantWaitCheckFor } from '../services/cases/tenantContact';
import type { ChannelIdentity } from '../services/contacts/types';
import { createReferenceGuard } from '../services/ratelimit/referenceGuard';
import { defineTenantJobs, handlePendingReply, readPending } from '../dialogs/followUps';
import { QUICK_FIX_FOLLOW_UP_JOB } from '../dialogs/complaintDialog';
import type { Scheduler } from '../services/scheduler/types';
import { createCatalogs, Catalogs } from '../dialogs/i18n';
import { languageNamed } from '../dialogs/languages';
import { tellPromptsInEnglish } from '../dialogs/languageNotice';
import { MainDialog } from '../dialogs/mainDialog';
import { channelOf, phoneText, say, setTurn, TenantBotDeps, TenantConversation, TenantTurn } from '../dialogs/tenantTurn';
import { CheckedState } from './state/checkedState';
import { isStateConflict, MongoStorage } from './state/mongoStorage';
import type { Models } from '../models';
import { createDetector } from '../services/detection';
import type { Detector } from '../services/detection/types';
import { createOneTimeCodes } from '../services/identity/oneTimeCodes';
import { createStateStore } from '../services/state/stateStore';

export type { TenantBotDeps } from '../dialogs/tenantTurn';
export { QUICK_FIX_FOLLOW_UP_JOB } from '../dialogs/complaintDialog';
export { SATISFACTION_SURVEY_JOB, SURVEY_SCAN_JOB, sendQuickFixFollowUp, sendSatisfactionSurvey, surveyClosedCases } from '../dialogs/followUps';

/** Emergency numbers are national, not landlord policy: the same for every pack. */
export const EMERGENCY = { gas: '0800 111 999', danger: '999' } as const;

/** Words of at least this many words make a first-message language guess confident enough to use. */
const CONFIDENT_WORDS = 4;
const MAX_TEXT = 8000;

export function identityOf(activity: Partial<Activity>): ChannelIdentity {
  const channel = channelOf(activity.channelId ?? '');
  const from = activity.from ?? { id: 'unknown', name: '' };
  const id = channel === 'teams' ? (from.aadObjectId ?? from.id) : from.id;
  return { channel, id };
}

export class TenantBot extends ActivityHandler {
  private readonly catalogs: Catalogs;
  private readonly dialog = new MainDialog();
  private readonly state: CheckedState;

  constructor(private readonly deps: TenantBotDeps) {
    super();
    this.catalogs = deps.catalogs ?? createCatalogs();
    this.state = new CheckedState(deps.storage, (context) => {
      const a = context.activity;
      return `${a.channelId}/conversations/${a.conversation?.id ?? 'none'}`;
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      // Web Chat joins with a conversationUpdate: greet once, in the browser's language when we
      // have it (only a hint: the first message still decides), and remember we did.
      const added = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient?.id);
      if (added.length && context.activity.channelId !== 'sms') {
        const hint = (context.activity.locale ?? '').toLowerCase().split('-')[0];
        const lang = this.catalogs.languages.includes(hint) ? hint : 'en';
        await this.state.load(context);
        const convo = this.state.property<TenantConversation>('tenant');
        const data = await convo.get(context, {});
        if (!data.greeted) {
          await context.sendActivity(this.catalogs.t(lang, 'greeting', { landlord: this.landlord() }));
          await convo.set(context, { ...data, greeted: true });
          await this.state.save(context).catch((err: unknown) => {
            if (!isStateConflict(err)) throw err;
          });
        }
      }
      await next();
    });
  }

  /** Quick-fix follow-ups and satisfaction surveys (needs `messenger` in deps to reach tenants). */
  async defineJobs(scheduler: Scheduler, options: { surveyScanEveryMs?: number } = {}): Promise<void> {
    const { messenger } = this.deps;
    if (!messenger) throw new Error('tenant follow-up jobs need a TenantMessenger');
    await defineTenantJobs(scheduler, { ...this.deps, messenger, catalogs: this.catalogs }, QUICK_FIX_FOLLOW_UP_JOB, options.surveyScanEveryMs);
  }

  private landlord(): string {
    return this.deps.landlordName ?? this.deps.pack.landlord;
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const held: Partial<Activity>[] = [];
    let holding = true;
    context.onSendActivities(async (_ctx, activities, next) => {
      if (!holding) return next();
      held.push(...activities);
      return activities.map((): ResourceResponse => ({ id: '' }));
    });

    for (let attempt = 1; attempt <= 2; attempt++) {
      held.length = 0;
      try {
        await this.turn(context);
        holding = false;
        if (held.length) await context.sendActivities(held);
        return;
      } catch (err) {
        if (!isStateConflict(err)) {
          holding = false;
          if (held.length) await context.sendActivities(held);
          throw err;
        }
        this.deps.logger.warn({ attempt }, 'conversation state changed by another turn; retrying');
      }
    }
    holding = false;
    const lang = await this.knownLanguage(identityOf(context.activity));
    await context.sendActivity(this.catalogs.t(lang, 'busy'));
  }

  private async knownLanguage(identity: ChannelIdentity): Promise<string> {
    const contact = await this.deps.contacts.findByIdentity(identity).catch(() => null);
    return contact?.preferredLanguage ?? 'en';
  }

  private async turn(context: TurnContext): Promise<void> {
    const { deps } = this;
    const activity = context.activity;
    await this.state.load(context);
    const convoAccessor = this.state.property<TenantConversation>('tenant');
    const convo = await convoAccessor.get(context, {});
    const identity = identityOf(activity);
    // Longer than any real message; the case service refuses text over 10,000 characters.
    const text = (activity.text ?? '').trim().slice(0, MAX_TEXT);
    const isNewConversation = !convo.lang;
    const contact = await deps.contacts.findOrCreateByIdentity(identity, identity.channel === 'sms' ? { phone: identity.id } : undefined);

    let lang = convo.lang ?? contact.preferredLanguage ?? 'en';
    let unsureLanguage: string | undefined;
    const firstGuess = deps.detector.detect(text, convo.lang ? { language: convo.lang } : undefined);
    // A message that only names a language is answered by switching to it (dialogs), not by guessing.
    if (isNewConversation && text && !languageNamed(text)) {
      const guess = firstGuess.language;
      const known = this.catalogs.languages.includes(guess);
      const confident = text.split(/\s+/).length >= CONFIDENT_WORDS;
      // A language without a catalog is still the tenant's language (kept for staff and replies;
      // prompts fall back to English), but only when the message is long enough to be sure.
      if (guess !== lang && (known || confident)) {
        // A short message is a weak clue: use the guess for one question, confirmed by the tenant.
        if (!confident) unsureLanguage = guess;
        lang = guess;
      }
      convo.lang = lang;
      if (lang !== contact.preferredLanguage && !unsureLanguage) await deps.contacts.update(contact.id, { preferredLanguage: lang });
    }
    const detection = isNewConversation ? firstGuess : deps.detector.detect(text, { language: lang });
    const actor: Actor = { kind: 'tenant', id: contact.id, channel: identity.channel };
    // Any message counts as the tenant getting in touch, whatever it says and whoever answers it.
    if (deps.tenantWaits) {
      await deps.tenantWaits.noteTenantWroteIn(contact.id, actor).catch((err: Error) => deps.logger.warn({ reason: err.message }, 'could not record that the tenant got in touch'));
    }
    const turn: TenantTurn = {
      deps,
      catalogs: this.catalogs,
      now: (deps.clock ?? (() => new Date()))(),
      identity,
      address: { channel: identity.channel, id: identity.id, conversation: TurnContext.getConversationReference(activity) as Record<string, unknown> },
      contact,
      convo,
      lang,
      text,
      attachments: activity.attachments ?? [],
      detection,
      actor,
      unsureLanguage,
    };
    setTurn(context, turn);

    // Safety first, whatever the message is about and whatever step we are at.
    if (detection.flags.includes('urgent_safety')) {
      await context.sendActivity(say(context, 'urgent', { gas: phoneText(context, EMERGENCY.gas), danger: phoneText(context, EMERGENCY.danger) }));
      convo.flags = [...new Set([...(convo.flags ?? []), 'urgent_safety'])];
    }
    if (detection.flags.includes('abusive')) {
      await context.sendActivity(say(context, 'abusive'));
      convo.flags = [...new Set([...(convo.flags ?? []), 'abusive'])];
    }

    // Their language has no prompt catalog: say once, in English, that questions come in English and how to get an interpreter.
    if (!unsureLanguage) await tellPromptsInEnglish(context);

    // A member of staff has taken this conversation over: they answer, not the bot.
    if (text && deps.handoffs && (await deps.handoffs.relayFromTenant(identity, text))) {
      await convoAccessor.set(context, convo);
      await this.state.save(context);
      return;
    }

    const dialogAccessor = this.state.property('dialogState');
    const dialogState = (await dialogAccessor.get(context, {})) as { dialogStack?: unknown[] };
    const idle = !dialogState.dialogStack || dialogState.dialogStack.length === 0;
    let handled = false;
    if (idle && text) {
      const pending = await readPending(deps.storage, identity);
      if (pending) handled = await handlePendingReply(context, pending);
    }
    if (!handled) await this.dialog.run(context, dialogAccessor);
    if (turn.lang !== lang) convo.lang = turn.lang;
    await convoAccessor.set(context, convo);
    await this.state.save(context);
  }
}

export function createTenantBot(deps: TenantBotDeps): TenantBot {
  return new TenantBot(deps);
}

export interface TenantBotWiring extends Omit<TenantBotDeps, 'storage' | 'verification' | 'detector'> {
  models: Models;
  /** Built from the shipped corpus when omitted (a few hundred ms at start-up). */
  detector?: Detector;
}

/** The tenant bot with its MongoDB state and one-time codes, as index.ts builds it. */
export function createTenantBotForApp(wiring: TenantBotWiring): TenantBot {
  const { models, detector, ...rest } = wiring;
  return createTenantBot({
    ...rest,
    detector: detector ?? createDetector(),
    storage: new MongoStorage(createStateStore(models.BotState)),
    verification: createOneTimeCodes({ codes: models.OneTimeCode, attempts: models.OneTimeCodeAttempt }),
    referenceGuard: rest.referenceGuard ?? createReferenceGuard({ models, logger: rest.logger }),
    // Costs nothing per turn under packs that never close a complaint for want of a reply.
    tenantWaits: rest.tenantWaits ?? tenantWaitCheckFor(rest.pack, models.Counter, rest.cases),
  });
}
