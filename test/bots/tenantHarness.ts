// Drives the tenant bot with botbuilder's TestAdapter against the real database and the real
// case, contact, detection and policy services. Outbound messages the bot starts itself (one-time
// codes, follow-ups) go through the real TenantMessenger to a sender that records them, standing
// in for the SMS/webchat channels (tested end to end by the channel tests).
import { Activity, Attachment, TestAdapter } from 'botbuilder';
import { createTenantBot, TenantBot } from '../../bots/tenantBot';
import { MongoStorage } from '../../bots/state/mongoStorage';
import type { TenantBotDeps } from '../../dialogs/tenantTurn';
import { createCaseService } from '../../services/cases/caseService';
import { tenantWaitCheckFor } from '../../services/cases/tenantContact';
import { createContactService } from '../../services/contacts/contactService';
import { createDetector } from '../../services/detection';
import type { Detector } from '../../services/detection/types';
import { createOneTimeCodes } from '../../services/identity/oneTimeCodes';
import { createLogger } from '../../services/logging/logger';
import { TenantAddress, TenantMessenger, TenantSender } from '../../services/notifications/tenantMessenger';
import { createPolicyContext } from '../../services/policy';
import { createStateStore } from '../../services/state/stateStore';
import { createMongoScheduler } from '../../services/scheduler/mongoScheduler';
import type { Scheduler } from '../../services/scheduler/types';
import { createTranslator } from '../../services/translation';
import { loadConfig } from '../../config';
import { openTestDb, TestDb } from '../helpers/db';

let sharedDetector: Detector | undefined;
/** Training the detector takes a moment: one per test file. */
export function detector(): Detector {
  sharedDetector ??= createDetector();
  return sharedDetector;
}

export interface Sent {
  address: TenantAddress;
  text: string;
}

class RecordingSender implements TenantSender {
  constructor(
    readonly channel: TenantAddress['channel'],
    private readonly sent: Sent[],
  ) {}
  async send(address: TenantAddress, text: string): Promise<void> {
    this.sent.push({ address, text });
  }
}

export interface Harness {
  db: TestDb;
  deps: TenantBotDeps;
  bot: TenantBot;
  /** What the bot sent outside a turn (codes, follow-ups), oldest first. */
  sent: Sent[];
  clock: { now: Date };
  /** The real MongoDB scheduler (not polling: tests call runDue). */
  scheduler: Scheduler;
  chat(channelId: string, userId: string, conversationId?: string): Chat;
  /** A new bot (as after a restart) on the same database. */
  restart(): TenantBot;
  close(): Promise<void>;
}

export interface HarnessOptions {
  pack?: string;
  now?: Date;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const db = await openTestDb('bot');
  const clock = { now: options.now ?? new Date() };
  const policy = createPolicyContext(options.pack ?? 'hoc-2024', 'ENG');
  const sent: Sent[] = [];
  const messenger = new TenantMessenger();
  messenger.register(new RecordingSender('sms', sent));
  messenger.register(new RecordingSender('webchat', sent));
  const logger = createLogger('silent');
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const scheduler = createMongoScheduler({ models: db.models, logger, clock: () => clock.now });
  const makeDeps = (): TenantBotDeps => {
    const cases = createCaseService({
      models: db.models,
      pack: policy.pack,
      calendar: policy.calendar,
      clock: () => clock.now,
    });
    return {
      storage: new MongoStorage(createStateStore(db.models.BotState)),
      cases,
      tenantWaits: tenantWaitCheckFor(policy.pack, db.models.Counter, cases),
      contacts: createContactService({ models: db.models, clock: () => clock.now }),
      detector: detector(),
      translator: createTranslator(config, logger, { timeoutMs: 1000 }),
      pack: policy.pack,
      calendar: policy.calendar,
      verification: createOneTimeCodes({
        codes: db.models.OneTimeCode,
        attempts: db.models.OneTimeCodeAttempt,
        clock: () => clock.now,
      }),
      messenger,
      scheduler,
      logger,
      clock: () => clock.now,
      landlordName: 'Test Homes',
    };
  };
  const deps = makeDeps();
  const harness: Harness = {
    db,
    deps,
    bot: createTenantBot(deps),
    sent,
    scheduler,
    clock,
    chat: (channelId, userId, conversationId) =>
      new Chat(() => harness.bot, channelId, userId, conversationId ?? `${channelId}:${userId}`),
    restart() {
      harness.bot = createTenantBot(makeDeps());
      return harness.bot;
    },
    close: () => db.drop(),
  };
  return harness;
}

/** One tenant on one channel; `say` runs a turn and returns the bot's replies as text. */
export class Chat {
  constructor(
    private readonly bot: () => TenantBot,
    readonly channelId: string,
    readonly userId: string,
    readonly conversationId: string,
  ) {}

  async say(text: string, attachments: Attachment[] = []): Promise<string[]> {
    const adapter = new TestAdapter(async (context) => this.bot().run(context), {
      channelId: this.channelId,
      conversation: { id: this.conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: this.userId, name: '' },
      recipient: { id: 'bot', name: 'bot' },
    } as Partial<Activity>);
    await adapter.receiveActivity({
      type: 'message',
      text,
      attachments,
      channelId: this.channelId,
      from: { id: this.userId, name: '' },
    });
    return adapter.activeQueue.splice(0).map((a) => a.text ?? '');
  }

  /** Says each line in turn; returns the replies to the last. */
  async sayAll(lines: string[]): Promise<string[]> {
    let last: string[] = [];
    for (const line of lines) last = await this.say(line);
    return last;
  }
}

export function joined(replies: string[]): string {
  return replies.join('\n');
}
