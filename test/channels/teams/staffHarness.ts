// Starts the staff side (Teams /api/messages, staff API, tab) on a real HTTP server against the
// run's real database, with the real CaseService/ContactService, the real SMS sender + outbox as
// the tenant's channel, and a local fake Bot Connector for the bot's replies.
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { testMongoUri, uniqueDbName } from '../../helpers/db';
import { connectDatabase } from '../../../services/database/connection';
import { createModels, Models } from '../../../models';
import type { Connection } from 'mongoose';
import { createLogger } from '../../../services/logging/logger';
import { createHttpServer } from '../../../channels/http/server';
import { createCaseService } from '../../../services/cases/caseService';
import { createContactService } from '../../../services/contacts/contactService';
import { createPolicyContext } from '../../../services/policy';
import { TenantMessenger } from '../../../services/notifications/tenantMessenger';
import { Outbox } from '../../../services/notifications/outbox';
import { SmsSender } from '../../../channels/sms/smsSender';
import { SmsOptOuts } from '../../../channels/sms/optOuts';
import { createTranslator } from '../../../services/translation';
import { registerStaffChannels, StaffChannel, StaffChannelConfig } from '../../../channels/teams';
import type { CaseService } from '../../../services/cases/types';
import type { ContactService } from '../../../services/contacts/types';
import { startFakeBotConnector, FakeBotConnector } from '../../fakes/botConnector';
import { createMongoScheduler } from '../../../services/scheduler/mongoScheduler';
import type { Scheduler } from '../../../services/scheduler/types';

export const STAFF_TENANT = 'tenant-aad-1111';
export const HANDLER = { id: 'aad-handler-1', name: 'Hana Handler' };
export const MANAGER = { id: 'aad-manager-1', name: 'Mo Manager' };
export const API_TOKEN = 'staff-token-for-tests-0123456789';

export interface StaffHarness {
  url: string;
  db: { connection: Connection; models: Models };
  cases: CaseService;
  contacts: ContactService;
  staff: StaffChannel;
  connector: FakeBotConnector;
  /** The real MongoDB scheduler when the harness was started with `{ scheduler: true }` (not polling; tests call runDue). */
  scheduler?: Scheduler;
  /** Bodies queued to a phone number in the SMS outbox (what the tenant will receive). */
  smsTo(phone: string): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startStaffHarness(overrides: Partial<StaffChannelConfig> = {}, packId = 'hoc-2024', options: { scheduler?: boolean } = {}): Promise<StaffHarness> {
  // Only the models the staff side uses are initialised (index builds), so another feature's
  // schema cannot break these tests.
  const connection = await connectDatabase(testMongoUri(), uniqueDbName('staff'));
  const db = { connection, models: createModels(connection) };
  const used = [db.models.Counter, db.models.ChannelClaim, db.models.OutboxMessage, db.models.SmsOptOut, db.models.StaffConversationRef, db.models.Handoff];
  await Promise.all(used.map((m) => (m as { init(): Promise<unknown> }).init()));
  const logger = createLogger(process.env.STAFF_TEST_LOG ?? 'silent');
  const m = db.models;
  await Promise.all([m.Case, m.CaseEvent, m.Contact, m.ContactIdentity, m.ContactRevision].map((x) => (x as { init(): Promise<unknown> }).init()));
  const policy = createPolicyContext(packId, 'ENG');
  const cases = createCaseService({ models: m, pack: policy.pack, calendar: policy.calendar });
  const contacts = createContactService({ models: m });
  const translator = createTranslator({ TRANSLATOR_PROVIDER: 'none' }, logger);
  const messenger = new TenantMessenger();
  const outbox = new Outbox(db.models.OutboxMessage, db.models.ChannelClaim, logger);
  messenger.register(new SmsSender(outbox, new SmsOptOuts(db.models.SmsOptOut, logger), logger));

  const config: StaffChannelConfig = {
    STAFF_TEAMS_TENANT_ID: STAFF_TENANT,
    STAFF_USERS: [HANDLER.id, `${MANAGER.id}:manager`],
    STAFF_API_TOKENS: [API_TOKEN],
    HOMES_COUNT: 1000,
    STAFF_REMINDER_HOURS: 24,
    STAFF_ALERT_SCAN_SECONDS: 60,
    ...overrides,
  };
  const server = createHttpServer({ logger, isReady: async () => true });
  let scheduler: Scheduler | undefined;
  if (options.scheduler) {
    await Promise.all([m.Job, m.JobClaim, m.JobHistory].map((x) => (x as { init(): Promise<unknown> }).init()));
    scheduler = createMongoScheduler({ models: m, logger });
  }
  const staff = registerStaffChannels(server, { config, logger, models: db.models, cases, contacts, messenger, translator, scheduler, policy });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const connector = await startFakeBotConnector();

  return {
    url,
    db,
    cases,
    contacts,
    staff,
    connector,
    scheduler,
    async smsTo(phone) {
      const docs = await db.models.OutboxMessage.find({ to: phone }).sort({ _id: 1 }).lean();
      return docs.map((d) => String((d as { body?: unknown }).body));
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.close();
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
    },
  };
}

export interface ActivityOptions {
  from?: { id: string; name?: string };
  tenantId?: string;
  conversationId?: string;
  conversationType?: 'personal' | 'channel' | 'groupChat';
  channelId?: string;
  authorization?: string;
}

/** POSTs a Teams message activity (text or an Action.Submit value) to /api/messages. */
export async function postActivity(h: StaffHarness, activity: Record<string, unknown>, opts: ActivityOptions = {}): Promise<Response> {
  const from = opts.from ?? HANDLER;
  const tenantId = opts.tenantId ?? STAFF_TENANT;
  const body = {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: opts.channelId ?? 'msteams',
    serviceUrl: h.connector.url,
    from: { id: `29:${from.id}`, aadObjectId: from.id, name: from.name },
    recipient: { id: '28:complaints-bot', name: 'Complaints' },
    conversation: { id: opts.conversationId ?? `a:personal-${from.id}`, conversationType: opts.conversationType ?? 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    locale: 'en-GB',
    ...activity,
  };
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.authorization) headers.authorization = opts.authorization;
  return fetch(`${h.url}/api/messages`, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** Sends a message and waits for the bot's reply in that conversation; returns the reply. */
export async function say(h: StaffHarness, activity: Record<string, unknown>, opts: ActivityOptions = {}): Promise<{ text: string; card?: Record<string, unknown> }> {
  const conversationId = opts.conversationId ?? `a:personal-${(opts.from ?? HANDLER).id}`;
  const before = h.connector.activities(conversationId).length;
  const res = await postActivity(h, activity, { ...opts, conversationId });
  if (res.status >= 300) throw new Error(`POST /api/messages answered ${res.status}: ${await res.text()}`);
  const all = await h.connector.waitForActivities(before + 1, conversationId);
  const reply = all[before];
  const attachments = (reply.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined) ?? [];
  return { text: String(reply.text ?? ''), card: attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content };
}

/** Titles of the card's actions, including those inside Action.ShowCard forms. */
export function actionTitles(card: Record<string, unknown> | undefined): string[] {
  return ((card?.actions as { title: string }[] | undefined) ?? []).map((a) => a.title);
}

/** The submit data of an action (top level or inside a ShowCard) with the given title. */
export function submitData(card: Record<string, unknown> | undefined, title: string): Record<string, unknown> {
  for (const a of (card?.actions as Record<string, unknown>[] | undefined) ?? []) {
    if (a.title === title && a.type === 'Action.Submit') return a.data as Record<string, unknown>;
    if (a.title === title && a.type === 'Action.ShowCard') {
      const inner = ((a.card as { actions: Record<string, unknown>[] }).actions ?? [])[0];
      return inner.data as Record<string, unknown>;
    }
  }
  throw new Error(`no action "${title}" on the card: ${actionTitles(card).join(', ')}`);
}
