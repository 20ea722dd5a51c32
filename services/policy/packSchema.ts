// The shape of a policy pack: one landlord's complaint policy as data (POLICIES.md, one column
// each). Every number the product enforces comes from here; nothing in code says "if landlord".
// Packs are JSON files in services/policy/packs/, validated with this schema when loaded.
import { z } from 'zod';

/** A length of time as the source states it: working days (Mon–Fri, not a public holiday) or plain days. */
export const periodSchema = z
  .object({
    days: z.number().int().min(0).max(366),
    unit: z.enum(['working', 'calendar']),
  })
  .strict();
export type Period = z.infer<typeof periodSchema>;

export const extensionRuleSchema = z
  .object({
    /** Whether the source allows a stage to be extended at all. */
    allowed: z.boolean(),
    /** Usual limit on the total extension of one stage, in working days; null = the source sets none. */
    maxWorkingDays: z.number().int().positive().nullable(),
    /** Limit in exceptional circumstances (Brighter Places: 20 WD); null = none beyond the usual limit. */
    exceptionalMaxWorkingDays: z.number().int().positive().nullable(),
    /** Longer than the limit only when the tenant agrees. */
    beyondLimitByAgreement: z.boolean(),
    /** Every extension must be agreed with the tenant (Tuntum: by telephone, confirmed in writing). */
    requiresTenantAgreement: z.boolean(),
    /** The tenant is given the Ombudsman's details when an extension is taken. */
    giveOmbudsmanDetails: z.boolean(),
    note: z.string().min(1),
  })
  .strict()
  .refine((r) => r.exceptionalMaxWorkingDays === null || (r.maxWorkingDays !== null && r.exceptionalMaxWorkingDays >= r.maxWorkingDays), {
    message: 'exceptionalMaxWorkingDays must be at least maxWorkingDays (and needs maxWorkingDays)',
    path: ['exceptionalMaxWorkingDays'],
  });
export type ExtensionRule = z.infer<typeof extensionRuleSchema>;

export const formalStageSchema = z
  .object({
    name: z.string().min(1),
    /** Acknowledge within, counted from receipt (Stage 1) or from the escalation request (Stage 2). */
    acknowledge: periodSchema.nullable(),
    /** Full response within. */
    respond: periodSchema.nullable(),
    /** What the response period counts from: the acknowledgement, or receipt/request itself. */
    respondFrom: z.enum(['acknowledgement', 'receipt']),
    extension: extensionRuleSchema,
    /** Who answers at this stage, in the tenant's words. */
    handlerDescription: z.string().min(1),
  })
  .strict();
export type FormalStageRule = z.infer<typeof formalStageSchema>;

export const earlyRouteSchema = z
  .object({
    /** none = no separate stage (resolve early within Stage 1); quick = a separate early case (Stage 0, quick fix …). */
    kind: z.enum(['none', 'quick']),
    name: z.string().min(1),
    description: z.string().min(1),
    /** Used only when the tenant does not want the formal process (Twenty11). */
    onlyIfTenantDeclinesFormal: z.boolean(),
    /** Contact/acknowledge the tenant within, from receipt. */
    acknowledge: periodSchema.nullable(),
    /** Resolve/respond within, from receipt. */
    respond: periodSchema.nullable(),
    /** The tenant may go formal within this period of the quick response; null = no limit stated. */
    formalWindow: periodSchema.nullable(),
    /** A confirmation is sent to the tenant when the quick case is resolved. */
    confirmationSent: z.boolean(),
  })
  .strict()
  .refine((r) => r.kind === 'quick' || (r.acknowledge === null && r.respond === null && r.formalWindow === null), {
    message: 'an early route of kind "none" has no timescales',
    path: ['kind'],
  });
export type EarlyRoute = z.infer<typeof earlyRouteSchema>;

export const stage2RequestSchema = z
  .object({
    /** The tenant may ask for Stage 2 within this period of the Stage 1 response; null = not fixed. */
    window: periodSchema.nullable(),
    windowNote: z.string().min(1),
    /** The tenant must say why they remain dissatisfied (and what they want). */
    reasonsRequired: z.boolean(),
    reasonsNote: z.string().min(1),
    /** The Stage 2 handler must not be the Stage 1 handler. */
    handlerMustDiffer: z.boolean(),
    handlerNote: z.string().min(1),
    /** The landlord may decline to escalate (Tuntum: no service failure found). */
    mayDecline: z.boolean(),
    /** The case is closed when no request arrives inside the window (SLH). */
    closeWhenWindowPasses: z.boolean(),
  })
  .strict();

const snakeCode = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a snake_case code');

export const exclusionSchema = z.object({ code: snakeCode, description: z.string().min(1) }).strict();

export const compensationSchema = z
  .object({
    limits: z
      .array(
        z
          .object({
            stage: z.enum(['quick', 'stage1', 'stage2']),
            maxPence: z.number().int().nonnegative(),
            approvedBy: z.string().min(1),
          })
          .strict(),
      )
      .min(1),
    /** Who approves an award above every stage limit. */
    aboveLimitsApprovedBy: z.string().min(1),
    bands: z
      .array(
        z
          .object({
            name: z.enum(['low', 'medium', 'high']),
            description: z.string().min(1),
            /** Upper bound of the band in pence, inclusive; null for the top band. */
            upToPence: z.number().int().positive().nullable(),
          })
          .strict(),
      )
      .min(1),
    rentAccountCredit: z.boolean(),
    note: z.string().min(1),
  })
  .strict();
export type CompensationRules = z.infer<typeof compensationSchema>;

export const ombudsmanSchema = z
  .object({
    name: z.string().min(1),
    phone: z.string().min(1),
    email: z.string().email(),
    website: z.string().url(),
    address: z.string().min(1),
  })
  .strict();

export const signpostingSchema = z
  .object({
    ombudsman: ombudsmanSchema,
    /** Weeks to wait after the internal process before going to the Ombudsman unless a designated person refers; null = none. */
    ombudsmanWaitWeeks: z.number().int().positive().nullable(),
    /** Tenant-facing text naming the Ombudsman and how to reach it. */
    ombudsmanText: z.string().min(1),
    designatedPersonText: z.string().min(1).nullable(),
    independentPanelText: z.string().min(1).nullable(),
    /** What the tenant can do once the landlord's process is over. */
    afterInternalProcessText: z.string().min(1),
  })
  .strict();
export type Signposting = z.infer<typeof signpostingSchema>;

export const languageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "pt-BR"');

export const policyPackSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
    name: z.string().min(1),
    landlord: z.string().min(1),
    source: z.string().min(1),
    earlyRoute: earlyRouteSchema,
    stage1: formalStageSchema,
    stage2: formalStageSchema,
    stage2Request: stage2RequestSchema,
    timeLimitToRaise: z
      .object({
        months: z.number().int().positive().nullable(),
        discretion: z.boolean(),
        /** Who may exclude an older matter (Twenty11: senior authority). */
        exclusionAuthority: z.string().min(1).nullable(),
        note: z.string().min(1),
      })
      .strict(),
    exclusions: z.array(exclusionSchema).min(1),
    compensation: compensationSchema.nullable(),
    restrictions: z
      .object({
        decidedBy: z.string().min(1),
        reviewEveryMonths: z.number().int().positive().nullable(),
        note: z.string().min(1),
      })
      .strict(),
    overdue: z
      .object({
        /** Named senior role alerted when a response misses its deadline; null = the complaints team. */
        alertRole: z.string().min(1).nullable(),
      })
      .strict(),
    /** Close after writing to a tenant who cannot be reached for needed input; null = not stated. */
    unreachableCloseAfter: periodSchema.nullable(),
    /** Right to go to the Ombudsman stated when refusing; the Ombudsman's details at every stage. */
    signposting: signpostingSchema,
    /** Interpreter/translation support text by language; `en` required. */
    interpreterNotices: z.record(languageTag, z.string().min(1)).refine((r) => typeof r.en === 'string', { message: 'needs an "en" text' }),
  })
  .strict();

export type PolicyPack = z.infer<typeof policyPackSchema>;
