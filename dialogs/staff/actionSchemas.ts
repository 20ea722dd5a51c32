// The staff actions on a case, as data: one zod schema shared by the staff REST API and the
// Teams card submissions, so both refuse the same bad input with the same reasons.
import { z } from 'zod';

const text = (max: number) => z.string({ required_error: 'must not be empty' }).trim().min(1, 'must not be empty').max(max);
const isoDate = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) && !Number.isNaN(Date.parse(v)), 'must be a date (YYYY-MM-DD)')
  .transform((v) => new Date(v.length === 10 ? `${v}T12:00:00Z` : v));

/** Pounds ("12.50", "£12.50") or integer pence; normalised to integer pence. */
const money = z
  .union([z.number(), z.string().trim()])
  .transform((v, ctx) => {
    if (typeof v === 'number') {
      if (!Number.isInteger(v) || v < 0) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'compensationPence must be a whole number of pence, 0 or more' });
      return v;
    }
    if (v === '') return undefined;
    const m = /^£?(\d{1,7})(?:\.(\d{1,2}))?$/.exec(v);
    if (!m) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'compensation must be an amount in pounds, e.g. 25 or 25.50' });
      return z.NEVER;
    }
    return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  });

const lines = z
  .union([z.array(text(500)), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean)));

/** Booleans from JSON or from card toggles ("true"/"false"). */
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const DECISIONS = ['upheld', 'partly_upheld', 'not_upheld', 'resolved'] as const;
export const RESTRICTION_KINDS = ['contact_limit', 'single_channel', 'single_officer', 'no_further_complaints_same_matter'] as const;

export const staffActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('acknowledge') }),
  z.object({ action: z.literal('assign'), handler: text(200) }),
  z.object({
    action: z.literal('respond'),
    decision: z.enum(DECISIONS),
    reasons: text(5000),
    remedy: text(2000).optional(),
    compensationPence: money.optional(),
    compensation: money.optional(),
    outstandingActions: lines.optional(),
    rootCause: text(200).optional(),
    /** Who approved compensation above the pack's limit for the stage (the case service requires it then). */
    compensationApprovedBy: text(200).optional(),
  }),
  z.object({
    action: z.literal('extend'),
    reason: text(2000),
    newRespondBy: isoDate,
    exceptional: flag.optional(),
    tenantAgreed: flag.optional(),
  }),
  z.object({
    action: z.literal('escalate'),
    reasons: text(5000).optional(),
    onBehalf: z.boolean().optional(),
    overrideReason: text(2000).optional(),
  }),
  z.object({ action: z.literal('hold'), reason: text(2000) }),
  z.object({ action: z.literal('resume') }),
  z.object({ action: z.literal('not_accepted'), reason: text(2000) }),
  z.object({ action: z.literal('close'), reason: text(2000) }),
  z.object({
    action: z.literal('restrict'),
    kind: z.enum(RESTRICTION_KINDS),
    reason: text(2000),
    reviewBy: isoDate,
    detail: text(2000).optional(),
    maxMessagesPerDay: z.coerce.number().int().min(1).max(100).optional(),
    allowedChannel: z.enum(['sms', 'webchat', 'teams', 'phone', 'email', 'letter', 'in_person']).optional(),
  }),
  z.object({ action: z.literal('lift_restriction'), restrictionId: text(100), reason: text(2000) }),
  /** We wrote to the tenant for input we need; the pack may close the case if nothing comes back. */
  z.object({ action: z.literal('await_tenant'), reason: text(2000) }),
  /** The tenant got in touch (or we reached them): stops an unreachable-tenant close. */
  z.object({ action: z.literal('tenant_contact'), reason: text(2000).optional() }),
]);

export type StaffActionInput = z.infer<typeof staffActionSchema>;
export type StaffActionName = StaffActionInput['action'];
export const STAFF_ACTIONS: StaffActionName[] = staffActionSchema.options.map((o) => o.shape.action.value);

/** "field: reason; field: reason" for a refused input. */
export function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}
