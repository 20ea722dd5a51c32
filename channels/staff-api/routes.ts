// The staff REST API (DESIGN.md): bearer-token protected, zod-validated, used by the Teams tab.
// CaseRuleError codes map to 404/409/422 with the code and reason; bad input is a 400 with reasons.
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Actor, CaseFilter } from '../../services/cases/types';
import { CaseRuleError } from '../../services/cases/types';
import type { ContactService } from '../../services/contacts/types';
import type { Translator } from '../../services/translation/translator';
import { forStaff } from '../../services/translation/staffTranslation';
import { loadMonthlyReport, monthlyReportCsv, ReportInputError } from '../../services/reporting';
import { describeZodError, staffActionSchema } from '../../dialogs/staff/actionSchemas';
import { performStaffAction, StaffActionDeps } from '../../dialogs/staff/staffActions';
import { checkBearer } from './auth';
import { managerOnlyReason } from '../../dialogs/staff/permissions';
import { caseJson, caseSummaryJson, isOverdue } from './caseJson';

export interface StaffApiDeps extends StaffActionDeps {
  tokens: readonly string[];
  contacts?: ContactService;
  translator: Translator;
  homesCount?: number;
}

const STAGES = ['quick', 'stage1', 'stage2', 'service_request', 'feedback'] as const;
const STATUSES = ['open', 'acknowledged', 'on_hold', 'responded', 'escalated', 'not_accepted', 'withdrawn', 'closed'] as const;
const CHANNELS = ['sms', 'webchat', 'teams', 'phone', 'email', 'letter', 'in_person'] as const;

const listQuery = z.object({
  stage: z.enum(STAGES).optional(),
  status: z.enum(STATUSES).optional(),
  overdue: z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1').optional(),
  phone: z.string().trim().regex(/^\+[1-9]\d{6,14}$/, 'phone must be E.164, e.g. +447700900123').optional(),
  reference: z.string().trim().regex(/^CMP-\d{4}-\d{6}$/i, 'reference looks like CMP-2026-000123').optional(),
  handler: z.string().trim().min(1).max(200).optional(),
  channel: z.enum(CHANNELS).optional(),
  language: z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/, 'language is a code like en or pl').optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
const referenceParam = z.string().trim().regex(/^CMP-\d{4}-\d{6}$/i, 'reference looks like CMP-2026-000123').transform((s) => s.toUpperCase());
const monthQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must be YYYY-MM')
    .default(() => new Date().toISOString().slice(0, 7)),
});

const RULE_STATUS: Record<CaseRuleError['code'], number> = {
  not_found: 404,
  invalid_transition: 409,
  outside_window: 409,
  same_handler: 409,
  restricted: 409,
  needs_authority: 403,
  reasons_required: 422,
  extension_too_long: 422,
  compensation_over_limit: 422,
  invalid_input: 422,
};

function cleanQuery(q: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((q ?? {}) as Record<string, unknown>)) {
    if (typeof v === 'string' && v !== '') out[k] = v;
  }
  return out;
}

export function registerStaffApi(server: Server, deps: StaffApiDeps): void {
  /** The staff member behind a request, with the role their token carries. */
  const authoriseWithRole = (req: Request, res: Response): { actor: Actor; role: 'handler' | 'manager' } | null => {
    const check = checkBearer(req.header('authorization'), deps.tokens);
    if (!check.ok) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="staff"');
      res.send(401, { error: 'unauthorized', message: check.reason });
      return null;
    }
    const name = (req.header('x-staff-user') ?? '').replace(/[^\p{L}\p{N} .@'_-]/gu, '').slice(0, 100).trim();
    return { actor: { kind: 'staff', id: name ? `api:${name}` : check.tokenId!, name: name || undefined, channel: 'api', role: check.role ?? 'handler' }, role: check.role ?? 'handler' };
  };
  const authorise = (req: Request, res: Response): Actor | null => authoriseWithRole(req, res)?.actor ?? null;

  const fail = (res: Response, err: unknown, ref?: string) => {
    if (err instanceof CaseRuleError) {
      res.send(RULE_STATUS[err.code] ?? 409, { error: err.code, message: err.message });
      return;
    }
    if (err instanceof ReportInputError) {
      res.send(400, { error: 'invalid_input', message: err.message });
      return;
    }
    deps.logger.error({ err, reference: ref }, 'staff api failed');
    res.send(500, { error: 'internal', message: 'Something went wrong; nothing was changed unless the case history shows it.' });
  };

  server.get('/api/staff/cases', async (req: Request, res: Response) => {
    if (!authorise(req, res)) return;
    const parsed = listQuery.safeParse(cleanQuery(req.query));
    if (!parsed.success) {
      res.send(400, { error: 'invalid_input', message: describeZodError(parsed.error) });
      return;
    }
    const q = parsed.data;
    try {
      const filter: CaseFilter = {
        stage: q.stage,
        status: q.status,
        overdue: q.overdue,
        handler: q.handler,
        channel: q.channel,
        language: q.language,
        reference: q.reference?.toUpperCase(),
        limit: q.limit,
      };
      if (q.phone) {
        if (!deps.contacts) {
          res.send(400, { error: 'invalid_input', message: 'Searching by phone is not available on this instance.' });
          return;
        }
        const contact = await deps.contacts.findByPhone(q.phone);
        if (!contact) {
          res.send(200, { cases: [] });
          return;
        }
        filter.contactId = contact.id;
      }
      const now = new Date();
      let cases = await deps.cases.list(filter);
      // The overdue flag is recomputed here too, so the answer matches what the list shows.
      if (q.overdue !== undefined) cases = cases.filter((c) => isOverdue(c, now) === q.overdue);
      res.send(200, { cases: cases.map((c) => caseSummaryJson(c, now)) });
    } catch (err) {
      fail(res, err);
    }
  });

  server.get('/api/staff/cases/:reference', async (req: Request, res: Response) => {
    if (!authorise(req, res)) return;
    const ref = referenceParam.safeParse(req.params.reference);
    if (!ref.success) {
      res.send(400, { error: 'invalid_input', message: describeZodError(ref.error) });
      return;
    }
    try {
      const c = await deps.cases.get(ref.data);
      if (!c) {
        res.send(404, { error: 'not_found', message: `No case ${ref.data}.` });
        return;
      }
      const body: Record<string, unknown> = caseJson(c);
      if (c.originalText) body.originalView = await forStaff(deps.translator, c.originalText, c.language);
      res.send(200, body);
    } catch (err) {
      fail(res, err, ref.data);
    }
  });

  server.post('/api/staff/cases/:reference/actions', async (req: Request, res: Response) => {
    const who = authoriseWithRole(req, res);
    if (!who) return;
    const { actor } = who;
    const ref = referenceParam.safeParse(req.params.reference);
    if (!ref.success) {
      res.send(400, { error: 'invalid_input', message: describeZodError(ref.error) });
      return;
    }
    if (!req.body || typeof req.body !== 'object') {
      res.send(400, { error: 'invalid_input', message: 'Send a JSON body like {"action":"acknowledge"}.' });
      return;
    }
    const input = staffActionSchema.safeParse(req.body);
    if (!input.success) {
      res.send(400, { error: 'invalid_input', message: describeZodError(input.error) });
      return;
    }
    const managerOnly = managerOnlyReason(input.data);
    if (managerOnly && who.role !== 'manager') {
      res.send(403, { error: 'forbidden', message: `${managerOnly} (This API token is not a manager's token.)` });
      return;
    }
    try {
      const result = await performStaffAction(deps, ref.data, input.data, actor);
      res.send(200, { summary: result.summary, tenantNotified: result.tenantNotified, tenantNotice: result.tenantNotice ?? null, case: caseJson(result.case) });
    } catch (err) {
      fail(res, err, ref.data);
    }
  });

  const report = async (req: Request, res: Response, csv: boolean) => {
    if (!authorise(req, res)) return;
    const q = monthQuery.safeParse(cleanQuery(req.query));
    if (!q.success) {
      res.send(400, { error: 'invalid_input', message: describeZodError(q.error) });
      return;
    }
    try {
      const r = await loadMonthlyReport(deps.cases, q.data.month, deps.homesCount);
      if (!csv) {
        res.send(200, r);
        return;
      }
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="complaints-${r.month}.csv"`);
      res.sendRaw(200, monthlyReportCsv(r));
    } catch (err) {
      fail(res, err);
    }
  };
  server.get('/api/staff/reports/monthly.csv', async (req: Request, res: Response) => report(req, res, true));
  server.get('/api/staff/reports/monthly', async (req: Request, res: Response) => report(req, res, false));
}
