// Staff opening cases: a complaint received by phone, letter, email or in person, or a tenant
// conversation turned into a case. Both go through the CaseService like any other case.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Actor, CaseRecord, CaseService } from '../../services/cases/types';
import type { ContactService } from '../../services/contacts/types';
import type { TenantAddress, TenantChannel, TenantMessenger } from '../../services/notifications/tenantMessenger';
import type { Translator } from '../../services/translation/translator';
import { sendToTenantInTheirLanguage } from '../../services/translation/tenantDelivery';

export const logComplaintSchema = z.object({
  channel: z.enum(['phone', 'letter', 'email', 'in_person']),
  receivedAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'receivedAt must be a date (YYYY-MM-DD)')
    .transform((v) => new Date(`${v}T12:00:00Z`))
    .refine((d) => !Number.isNaN(d.getTime()) && d.getTime() <= Date.now() + 24 * 3600 * 1000, 'receivedAt cannot be in the future'),
  summary: z.string().trim().min(1, 'a summary is required').max(500),
  originalText: z.string().trim().max(10000).optional(),
  desiredOutcome: z.string().trim().max(2000).optional(),
  phone: z.string().trim().regex(/^\+[1-9]\d{6,14}$/, 'phone must be E.164, e.g. +447700900123').optional(),
  language: z.string().trim().regex(/^[a-z]{2,3}$/i, 'language is a code like en or pl').default('en'),
  /** When the matter happened (or the tenant became aware of it): checked against the pack's time limit. */
  incidentDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'incidentDate must be a date (YYYY-MM-DD)')
    .transform((v) => new Date(`${v}T12:00:00Z`))
    .refine((d) => !Number.isNaN(d.getTime()), 'incidentDate must be a real date')
    .optional(),
  /** Why an older matter is accepted anyway (recorded in the case history). */
  timeLimitOverride: z.string().trim().min(1).max(2000).optional(),
});
export type LogComplaintInput = z.infer<typeof logComplaintSchema>;

export interface StaffIntakeDeps {
  cases: CaseService;
  contacts?: ContactService;
  messenger?: TenantMessenger;
  translator: Translator;
}

export async function logOffChannelComplaint(deps: StaffIntakeDeps, input: LogComplaintInput, actor: Actor): Promise<CaseRecord> {
  if (!deps.contacts) throw new Error('contacts are not available on this instance');
  const language = input.language.toLowerCase();
  // With a phone number the tenant gets updates by SMS; without one, by the channel staff used.
  const identity = input.phone ? { channel: 'sms' as TenantChannel, id: input.phone } : { channel: input.channel as TenantChannel, id: `staff-logged:${randomUUID()}` };
  const contact = await deps.contacts.findOrCreateByIdentity(identity, { preferredLanguage: language, phone: input.phone });
  const address: TenantAddress | undefined = input.phone ? { channel: 'sms', id: input.phone } : undefined;
  return deps.cases.open(
    {
      contactId: contact.id,
      stage: 'stage1',
      channel: input.channel,
      address,
      language,
      summary: input.summary,
      originalText: input.originalText,
      desiredOutcome: input.desiredOutcome,
      receivedAt: input.receivedAt,
      incidentDate: input.incidentDate,
      timeLimitOverride: input.timeLimitOverride,
    },
    actor,
  );
}

export const conversationToCaseSchema = z.object({
  tenant: z.object({ channel: z.enum(['sms', 'webchat', 'teams']), id: z.string().min(1).max(200), conversation: z.record(z.unknown()).optional() }),
  language: z.string().trim().min(2).max(12).default('en'),
  contactId: z.string().min(1).max(100).optional(),
  text: z.string().trim().min(1).max(10000),
});
export type ConversationToCaseInput = z.infer<typeof conversationToCaseSchema>;

/** Opens a Stage 1 case from a tenant conversation and tells the tenant its reference. */
export async function openCaseFromConversation(deps: StaffIntakeDeps, input: ConversationToCaseInput, actor: Actor): Promise<{ case: CaseRecord; tenantTold: boolean }> {
  let contactId = input.contactId;
  if (!contactId) {
    if (!deps.contacts) throw new Error('contacts are not available on this instance');
    contactId = (await deps.contacts.findOrCreateByIdentity({ channel: input.tenant.channel, id: input.tenant.id }, { preferredLanguage: input.language })).id;
  }
  const summary = input.text.length > 200 ? `${input.text.slice(0, 197)}...` : input.text;
  const created = await deps.cases.open(
    { contactId, stage: 'stage1', channel: input.tenant.channel, address: input.tenant, language: input.language, summary, originalText: input.text },
    actor,
  );
  let tenantTold = false;
  if (deps.messenger?.canReach(input.tenant)) {
    const by = created.deadlines.respondBy ? ` We will respond by ${created.deadlines.respondBy.toLocaleDateString('en-GB', { timeZone: 'Europe/London' })}.` : '';
    await sendToTenantInTheirLanguage(
      { messenger: deps.messenger, translator: deps.translator },
      input.tenant,
      `We have logged your complaint. Your reference is ${created.reference}.${by}`,
      input.language,
    );
    tenantTold = true;
  }
  return { case: created, tenantTold };
}
