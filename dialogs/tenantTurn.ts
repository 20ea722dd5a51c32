// What every tenant dialog needs for one turn: the services (deps) and who is writing, in which
// language. The bot puts a TenantTurn on the TurnContext; dialogs read it with turnOf().
import type { Attachment, Storage, TurnContext } from 'botbuilder';
import type { Actor, CaseService } from '../services/cases/types';
import type { ChannelIdentity, ContactRecord, ContactService } from '../services/contacts/types';
import type { Detection, Detector } from '../services/detection/types';
import type { OneTimeCodes } from '../services/identity/oneTimeCodes';
import type { Logger } from '../services/logging/logger';
import type { TenantAddress, TenantChannel, TenantMessenger } from '../services/notifications/tenantMessenger';
import type { PolicyPack, WorkingCalendar } from '../services/policy';
import type { Scheduler } from '../services/scheduler/types';
import type { ReferenceGuard } from '../services/ratelimit/referenceGuard';
import type { Translator } from '../services/translation/translator';
import type { TenantWaitCheck } from '../services/cases/tenantContact';
import type { Catalogs } from './i18n';
import { phoneFor } from './format';

export interface TenantBotDeps {
  storage: Storage;
  cases: CaseService;
  contacts: ContactService;
  detector: Detector;
  translator: Translator;
  pack: PolicyPack;
  calendar: WorkingCalendar;
  /** One-time codes for status checks by reference. */
  verification: OneTimeCodes;
  /** Sends one-time codes (to the phone on record) and scheduled follow-ups; without it codes cannot be sent. */
  messenger?: TenantMessenger;
  /** Quick-fix follow-ups are scheduled here when given (job QUICK_FIX_FOLLOW_UP_JOB). */
  scheduler?: Scheduler;
  logger: Logger;
  clock?: () => Date;
  /** Prompt catalogs; loaded from locales/ when omitted. */
  catalogs?: Catalogs;
  /** Shown in greetings and code texts. */
  landlordName?: string;
  /** Limits reference lookups per sender (guessing); a refused lookup looks like an unknown reference. */
  referenceGuard?: ReferenceGuard;
  /**
   * Only for packs that close a complaint when the tenant cannot be reached (`unreachableCloseAfter`):
   * each turn tells it the tenant wrote in, so a case waiting for them is not closed (one `_id` read).
   */
  tenantWaits?: TenantWaitCheck;
  /** Staff take-overs (services/handoff): while one is active the message goes to staff instead. */
  handoffs?: {
    relayFromTenant(tenant: { channel: string; id: string }, text: string): Promise<boolean>;
    /** Asks staff in Teams to pick the conversation up (a card with "Take over"); false when nobody can be told. */
    requestStaff?(request: { tenant: TenantAddress; language: string; contactId?: string; reason: string; text: string }): Promise<boolean>;
  };
}

/** Conversation data kept in bot state (MongoDB) between turns. */
export interface TenantConversation {
  lang?: string;
  greeted?: boolean;
  /** Flags seen in this conversation (abusive, urgent_safety), carried onto the case opened. */
  flags?: string[];
  /** The language without a catalog the tenant was last told about (prompts in English, interpreter). */
  englishPromptsToldFor?: string;
}

export interface TenantTurn {
  deps: TenantBotDeps;
  catalogs: Catalogs;
  now: Date;
  identity: ChannelIdentity;
  address: TenantAddress;
  contact: ContactRecord;
  convo: TenantConversation;
  lang: string;
  text: string;
  attachments: Attachment[];
  detection: Detection;
  actor: Actor;
  /** A language detected from a short first message, to be confirmed before use. */
  unsureLanguage?: string;
}

const TURN = Symbol('tenantTurn');

export function setTurn(context: TurnContext, turn: TenantTurn): void {
  context.turnState.set(TURN, turn);
}

export function turnOf(context: TurnContext): TenantTurn {
  const turn = context.turnState.get(TURN) as TenantTurn | undefined;
  if (!turn) throw new Error('tenant turn not set: dialogs run inside the tenant bot');
  return turn;
}

/**
 * The language prompts and dates are written in: the tenant's own when it has a catalog, else
 * English. `turn.lang` stays the tenant's language (stored on the contact and cases) either way.
 */
export function promptLanguage(turn: Pick<TenantTurn, 'catalogs' | 'lang'>): string {
  return turn.catalogs.languages.includes(turn.lang) ? turn.lang : 'en';
}

/** The prompt `key` in the tenant's current language (English when it has no catalog). */
export function say(context: TurnContext, key: string, vars: Record<string, string | number> = {}): string {
  const turn = turnOf(context);
  return turn.catalogs.t(turn.lang, key, { landlord: turn.deps.landlordName ?? turn.deps.pack.landlord, ...vars });
}

/** A phone number as this tenant's channel shows it best (kept left to right in webchat, see dialogs/format.ts). */
export function phoneText(context: TurnContext, phone: string): string {
  return phoneFor(turnOf(context).identity.channel, phone);
}

export async function send(context: TurnContext, key: string, vars: Record<string, string | number> = {}): Promise<void> {
  await context.sendActivity(say(context, key, vars));
}

export function channelOf(channelId: string): TenantChannel {
  if (channelId === 'sms') return 'sms';
  if (channelId === 'msteams') return 'teams';
  return 'webchat';
}

export function identityKey(identity: ChannelIdentity): string {
  return `${identity.channel}:${identity.id}`;
}

/** Storage key of the follow-up a tenant owes us an answer to (survey, quick-fix check). */
export function pendingKey(identity: ChannelIdentity): string {
  return `tenant-pending/${identity.channel}/${identity.id}`;
}
