// Composition root: reads config, starts (or connects to) the database, builds services and
// channel adapters, and starts the HTTP server. Nothing else in the project opens connections.
import type { Server } from 'restify';
import type { Connection } from 'mongoose';
import { AppConfig, ConfigError, loadConfig } from './config';
import { createLogger, Logger } from './services/logging/logger';
import { connectDatabase } from './services/database/connection';
import { LocalMongo, LocalMongoUnavailableError, startLocalMongo } from './services/database/localMongo';
import { createHttpServer } from './channels/http/server';
import { createDatabaseReadiness } from './channels/http/readiness';
import { scheduleTranscriptRetention } from './services/privacy';
import { createModels, Models } from './models';
import { createTranslator, Translator } from './services/translation';
import { createMongoScheduler } from './services/scheduler/mongoScheduler';
import type { Scheduler } from './services/scheduler/types';
import { createPolicyContext, PolicyContext, PolicyPackError } from './services/policy';
import { definePolicyCloseJobs, schedulePolicyCloseSweep } from './services/policy/closeJobs';
import { notifyClosedByPolicy } from './services/notifications/staffAlerts';
import { scheduleStatePrune } from './services/state/pruneRevisions';
import { createCaseService } from './services/cases/caseService';
import { buildContactCaseIndex } from './services/cases/caseIndex';
import { markExistingWaits } from './services/cases/tenantContact';
import type { CaseService } from './services/cases/types';
import { createContactService } from './services/contacts/contactService';
import type { ContactService } from './services/contacts/types';
import { createHandoffService, HandoffService } from './services/handoff/handoffService';
import { registerStaffChannels, startStaffAlerts, StaffChannel } from './channels/teams';
import { TenantMessenger } from './services/notifications/tenantMessenger';
import { createTenantBotForApp, TenantBot } from './bots/tenantBot';
import { registerTenantChannels, TenantChannels } from './channels/tenantChannels';
import { defineWebchatResumeJob } from './channels/webchat/resumeJob';
import { createInboundGuard, scheduleRateLimitSweep } from './services/ratelimit';

export interface App {
  config: AppConfig;
  logger: Logger;
  connection: Connection;
  models: Models;
  services: AppServices;
  bots: AppBots;
  server: Server;
  /** Staff side: Teams adapter, staff bot, alert notifier. */
  staff: StaffChannel;
  /** Tenant side we host: webchat (Direct Line store, tokens) and SMS (outbox, opt-outs, sender). */
  tenantChannels: TenantChannels;
  /** http://127.0.0.1:PORT of the listening server. */
  url: string;
  stop(): Promise<void>;
}

/** Services built once per app instance (plain TypeScript; dialogs and channels call them). */
export interface AppServices {
  translator: Translator;
  /** Durable jobs shared by every instance; features define their jobs in the background-work section. */
  scheduler: Scheduler;
  /** The configured policy pack (POLICY_PACK) and the nation's working-day calendar (HOLIDAY_REGION). */
  policy: PolicyContext;
  contacts: ContactService;
  cases: CaseService;
  /** Staff take-overs of tenant conversations: tenant bots call `relayFromTenant` on each message. */
  handoffs: HandoffService;
}

/** Bots the channels run. */
export interface AppBots {
  /** The tenant conversation (every tenant channel runs it). */
  tenant: TenantBot;
  /** Reaches tenants on their own channel; channels register their senders on it. */
  tenantMessenger: TenantMessenger;
}

export interface BuildOptions {
  logger?: Logger;
  /** Database name override (tests use one database per test file). */
  dbName?: string;
  /** Poll for scheduler jobs (default true); tests that drive `runDue` themselves pass false. */
  startScheduler?: boolean;
}

/** Builds and starts the whole product. `config.MONGODB_URI` must be set (see `main`). */
export async function startApp(config: AppConfig, options: BuildOptions = {}): Promise<App> {
  if (!config.MONGODB_URI) throw new ConfigError('startApp needs MONGODB_URI (main() starts a local server when unset)');
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  // A bad pack stops start-up before anything else, naming the file, field and reason.
  const policy = createPolicyContext(config.POLICY_PACK, config.HOLIDAY_REGION);
  const connection = await connectDatabase(config.MONGODB_URI, options.dbName);
  const models = createModels(connection);
  await Promise.all(Object.values(models).map((m) => m.init()));
  // Tenants' case lists by _id (services/cases/caseIndex.ts): built once per database, a no-op after.
  await buildContactCaseIndex(models);

  // --- services (plain TypeScript, no HTTP/botbuilder) ---
  const translator = createTranslator(config, logger, { timeoutMs: config.TRANSLATOR_TIMEOUT_MS });
  // Reaches tenants on their own channel; channels register their senders on it.
  const tenantMessenger = new TenantMessenger();
  const services: AppServices = {
    translator,
    scheduler: createMongoScheduler({ models, logger }),
    policy,
    contacts: createContactService({ models }),
    cases: createCaseService({ models, pack: policy.pack, calendar: policy.calendar }),
    handoffs: createHandoffService(models.Handoff, tenantMessenger, translator, policy.pack),
  };

  // --- bots ---
  const bots: AppBots = {
    tenantMessenger,
    tenant: createTenantBotForApp({
      models,
      logger,
      cases: services.cases,
      contacts: services.contacts,
      translator: services.translator,
      pack: policy.pack,
      // The name the page and SMS keyword replies use, so the bot's greeting names the same landlord.
      landlordName: config.LANDLORD_NAME,
      calendar: policy.calendar,
      scheduler: services.scheduler,
      messenger: tenantMessenger,
      handoffs: services.handoffs,
    }),
  };

  const server = createHttpServer({ logger, isReady: createDatabaseReadiness(connection), corsOrigins: config.CORS_ORIGINS });

  // --- channel routes ---
  // Staff: Teams bot at /api/messages, staff REST API, the /staff tab, staff alert jobs.
  const staff = registerStaffChannels(server, {
    config,
    logger,
    models,
    cases: services.cases,
    contacts: services.contacts,
    messenger: tenantMessenger,
    translator: services.translator,
    scheduler: services.scheduler,
    handoffs: services.handoffs,
    tenantBot: bots.tenant,
    policy,
  });

  // Tenants: webchat page at /, Direct Line 3.0 under /v3/directline, Twilio SMS at /api/sms;
  // their TenantSenders go on tenantMessenger; the SMS outbox polls with the scheduler.
  const tenantChannels = await registerTenantChannels({
    server,
    models,
    logger,
    config,
    bot: bots.tenant,
    messenger: tenantMessenger,
    landlordName: config.LANDLORD_NAME ?? policy.pack.landlord,
    contacts: services.contacts,
    inboundCheck: createInboundGuard({ models, contacts: services.contacts }),
    startOutbox: options.startScheduler !== false,
  });

  // --- background work (scheduler jobs) ---
  await bots.tenant.defineJobs(services.scheduler);
  await scheduleTranscriptRetention({ scheduler: services.scheduler, connection, retentionDays: config.TRANSCRIPT_RETENTION_DAYS, logger });
  await startStaffAlerts(services.scheduler, config);
  // Cases the pack closes by itself (SLH: no Stage 2 request in the window; unreachable tenant).
  definePolicyCloseJobs(services.scheduler, {
    cases: services.cases,
    pack: policy.pack,
    calendar: policy.calendar,
    messenger: tenantMessenger,
    translator,
    logger,
    onClosed: (c, reason, tenantTold) => notifyClosedByPolicy(staff.alertDeps, c, reason, tenantTold),
  });
  await schedulePolicyCloseSweep(services.scheduler, policy.pack);
  // Waits for a tenant recorded before the tenant bot noticed replies get their marker (no-op under other packs).
  await markExistingWaits(policy.pack, models.Counter, services.cases);
  // Webchat messages a crashed instance left unanswered are answered by one instance (every 30 s).
  await defineWebchatResumeJob(services.scheduler, tenantChannels.webchat, logger);
  await scheduleRateLimitSweep({ scheduler: services.scheduler, models, logger });
  // Old bot state revisions go hourly, off the turn path (a delete rewrites the collection on FerretDB v1).
  await scheduleStatePrune(services.scheduler, models.BotState, logger);
  // (define jobs above this line; polling starts last so every handler is known)
  if (options.startScheduler !== false) services.scheduler.start();

  await new Promise<void>((resolve) => server.listen(config.PORT, '0.0.0.0', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${address.port}`;
  logger.info({ port: address.port }, 'listening');

  return {
    config,
    logger,
    connection,
    models,
    services,
    bots,
    server,
    staff,
    tenantChannels,
    url,
    async stop() {
      await services.scheduler.stop();
      // WebSocket streams keep the HTTP server open; close them (and the outbox poller) first.
      await tenantChannels.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connection.close();
    },
  };
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
  const logger = createLogger(config.LOG_LEVEL);

  let localDb: LocalMongo | undefined;
  if (!config.MONGODB_URI) {
    try {
      localDb = await startLocalMongo({ dataDir: config.dataDir, projectRoot: config.projectRoot });
    } catch (err) {
      if (err instanceof LocalMongoUnavailableError) {
        process.stderr.write(`${err.message}\n`);
        process.exit(3);
      }
      throw err;
    }
    config = { ...config, MONGODB_URI: localDb.uri };
    logger.info({ kind: localDb.kind, dataDir: config.dataDir }, 'started local database');
  }

  const app = await startApp(config, { logger });
  logger.info({ url: config.publicBaseUrl, startupMs: Date.now() - startedAt }, 'ready');
  process.stderr.write(`Complaints bot ready: webchat at ${config.publicBaseUrl}/ (staff tab at /staff)\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.stop().catch((err) => logger.error({ err }, 'error while stopping'));
    await localDb?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

if (require.main === module) {
  main().catch((err) => {
    if (err instanceof PolicyPackError) {
      process.stderr.write(`Start-up failed: ${err.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`Start-up failed: ${(err as Error).stack ?? err}\n`);
    process.exit(1);
  });
}
