// Staff side of the product, wired in one call from index.ts: Bot Framework /api/messages (the
// staff bot in Teams), the staff REST API, the Teams tab at /staff, and the staff alert jobs.
import type { Request, Response, Server } from 'restify';
import { CloudAdapter, TurnContext } from 'botbuilder';
import type { Models } from '../../models';
import type { CaseService } from '../../services/cases/types';
import type { ContactService } from '../../services/contacts/types';
import type { TenantMessenger } from '../../services/notifications/tenantMessenger';
import type { Scheduler } from '../../services/scheduler/types';
import type { Translator } from '../../services/translation/translator';
import type { Logger } from '../../services/logging/logger';
import type { PolicyPack } from '../../services/policy/packSchema';
import type { WorkingCalendar } from '../../services/policy/calendar';
import { createHandoffService, HandoffService } from '../../services/handoff/handoffService';
import { claimOnce } from '../../models/channelClaim';
import { defineStaffAlertJobs, scheduleStaffAlertScan, StaffAlertDeps } from '../../services/notifications/staffAlerts';
import { StaffBot, StaffBotPorts } from '../../bots/staffBot';
import { packNoticeInfo } from '../../dialogs/staff/packInfo';
import { registerStaffApi } from '../staff-api/routes';
import { registerStaffTab } from '../../web/staff/staffTab';
import { createTeamsAdapter, TeamsAdapterConfig } from './adapter';
import { ConversationRefStore } from './conversationRefs';
import { TeamsStaffNotifier } from './notifier';
import { authoriseStaff, REFUSAL_TEXT } from './staffAuth';
import { caseCard } from './cards/caseCard';
import { HELP_TEXT, logComplaintCard } from './cards/staffCards';

export interface StaffChannelConfig extends TeamsAdapterConfig {
  STAFF_TEAMS_TENANT_ID?: string;
  STAFF_USERS: string[];
  STAFF_API_TOKENS: string[];
  HOMES_COUNT?: number;
  STAFF_REMINDER_HOURS: number;
  STAFF_ALERT_SCAN_SECONDS: number;
}

export interface StaffChannelDeps {
  config: StaffChannelConfig;
  logger: Logger;
  models: Models;
  cases: CaseService;
  contacts?: ContactService;
  messenger?: TenantMessenger;
  translator: Translator;
  scheduler?: Scheduler;
  /** Shared take-over state (build it once in index.ts so the tenant bot can consult it too). */
  handoffs?: HandoffService;
  /** The app's pack and calendar (policy close jobs scheduled by staff actions). */
  policy?: { pack: PolicyPack; calendar: WorkingCalendar };
  /** Tenants reaching /api/messages on non-Teams Bot Framework channels (Azure Web Chat). */
  tenantBot?: { run(context: TurnContext): Promise<void> };
}

export interface StaffChannel {
  adapter: CloudAdapter;
  authEnabled: boolean;
  bot: StaffBot;
  notifier: TeamsStaffNotifier;
  handoffs: HandoffService;
  refs: ConversationRefStore;
  alertDeps: StaffAlertDeps;
}

export function registerStaffChannels(server: Server, deps: StaffChannelDeps): StaffChannel {
  const { config, logger, models } = deps;
  const { adapter, authEnabled, appId } = createTeamsAdapter(config, logger);
  const refs = new ConversationRefStore(models.StaffConversationRef);
  const notifier = new TeamsStaffNotifier(adapter, appId, refs, logger);
  const handoffs = deps.handoffs ?? createHandoffService(models.Handoff, deps.messenger, deps.translator, deps.policy?.pack);
  handoffs.setRelay(notifier);
  handoffs.setNotifier(notifier);
  const packInfo = (packId: string) => packNoticeInfo(packId);

  const access = { tenantId: config.STAFF_TEAMS_TENANT_ID ?? config.MICROSOFT_APP_TENANT_ID, users: config.STAFF_USERS };
  const ports: StaffBotPorts = {
    authorise(context) {
      const r = authoriseStaff(context.activity, access);
      if (r.ok) return { ok: true, staff: { id: r.staff.id, name: r.staff.name, role: r.staff.role } };
      logger.info({ reason: r.reason, channelId: context.activity.channelId }, 'staff bot refused a user');
      return { ok: false, refusal: REFUSAL_TEXT[r.reason] };
    },
    async saveConversation(context, opts) {
      await refs.save(TurnContext.getConversationReference(context.activity), opts);
    },
    cards: { caseCard, logComplaintCard, helpText: HELP_TEXT },
  };

  const alertDeps: StaffAlertDeps = {
    cases: deps.cases,
    claims: models.ChannelClaim,
    notifier,
    logger,
    reminderHours: config.STAFF_REMINDER_HOURS,
    escalationRole: (packId) => packInfo(packId)?.escalationRole,
  };
  const actionDeps = {
    cases: deps.cases,
    contacts: deps.contacts,
    messenger: deps.messenger,
    translator: deps.translator,
    logger,
    scheduler: deps.scheduler,
    packInfo,
    policy: deps.policy,
  };
  const bot = new StaffBot({ ...actionDeps, ports, handoffs, tenantBot: deps.tenantBot });

  // restify 12: async handler, (req, res) only. CloudAdapter answers 401 for a missing or invalid
  // token when MICROSOFT_APP_ID is set.
  server.post('/api/messages', async (req: Request, res: Response) => {
    await adapter.process(req as never, res as never, async (context) => {
      // The Bot Framework retries a POST it thinks failed: a staff message (e.g. "log" a complaint)
      // must still act once. The first instance to claim the activity id runs it.
      const a = context.activity;
      if (a.type === 'message' && a.id && a.conversation?.id) {
        if (!(await claimOnce(models.ChannelClaim, `teams-activity:${a.conversation.id}:${a.id}`))) {
          logger.info({ channelId: a.channelId }, 'duplicate Bot Framework activity ignored');
          return;
        }
      }
      await bot.run(context);
    });
  });

  registerStaffApi(server, { ...actionDeps, tokens: config.STAFF_API_TOKENS, homesCount: config.HOMES_COUNT });
  registerStaffTab(server);

  if (deps.scheduler) defineStaffAlertJobs(deps.scheduler, alertDeps);
  return { adapter, authEnabled, bot, notifier, handoffs, refs, alertDeps };
}

/** Starts the repeating staff alert scan (call once the scheduler is started). */
export async function startStaffAlerts(scheduler: Scheduler, config: Pick<StaffChannelConfig, 'STAFF_ALERT_SCAN_SECONDS'>): Promise<void> {
  await scheduleStaffAlertScan(scheduler, config.STAFF_ALERT_SCAN_SECONDS * 1000);
}
