import { API_TOKEN, startStaffHarness, StaffHarness } from '../teams/staffHarness';
import type { CaseRecord } from '../../../services/cases/types';
import { DEFAULT_INTERPRETER_NOTICES } from '../../../services/translation';

const PHONE = '+447700900456';

describe('staff REST API', () => {
  let h: StaffHarness;
  const auth = { authorization: `Bearer ${API_TOKEN}`, 'x-staff-user': 'Sam Staff' };
  const get = (path: string, headers: Record<string, string> = auth) => fetch(`${h.url}${path}`, { headers });
  const act = (ref: string, body: unknown) =>
    fetch(`${h.url}/api/staff/cases/${ref}/actions`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  async function openCase(over: Record<string, unknown> = {}): Promise<CaseRecord> {
    const contact = await h.contacts.findOrCreateByIdentity({ channel: 'sms', id: PHONE }, { phone: PHONE, preferredLanguage: 'pl' });
    return h.cases.open(
      {
        contactId: contact.id,
        stage: 'stage1',
        channel: 'sms',
        address: { channel: 'sms', id: PHONE },
        language: 'pl',
        summary: 'Mould in the bedroom not treated',
        originalText: 'Pleśń w sypialni, nikt nie przyszedł',
        category: 'repairs',
        ...over,
      },
      { kind: 'tenant', id: contact.id, channel: 'sms' },
    );
  }

  beforeAll(async () => {
    h = await startStaffHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('refuses requests without a bearer token or with an unknown one (401)', async () => {
    const none = await get('/api/staff/cases', {});
    expect(none.status).toBe(401);
    expect((await none.json()).message).toMatch(/Missing Authorization/);
    const wrong = await get('/api/staff/cases', { authorization: 'Bearer not-a-staff-token' });
    expect(wrong.status).toBe(401);
    const report = await get('/api/staff/reports/monthly?month=2026-01', {});
    expect(report.status).toBe(401);
  });

  it('lists cases with the case JSON fields from DESIGN.md and filters by stage, language and phone', async () => {
    const c = await openCase();
    const res = await get(`/api/staff/cases?stage=stage1&language=pl&phone=${encodeURIComponent(PHONE)}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    const found = body.cases.find((x: { reference: string }) => x.reference === c.reference);
    expect(found).toMatchObject({ reference: c.reference, stage: 'stage1', status: 'open', channel: 'sms', language: 'pl', overdue: false });
    expect(Object.keys(found.deadlines).sort()).toEqual(['acknowledgeBy', 'escalateBy', 'respondBy']);
    expect(typeof found.receivedAt).toBe('string');
    const other = await (await get('/api/staff/cases?stage=stage2')).json();
    expect(other.cases.map((x: { reference: string }) => x.reference)).not.toContain(c.reference);
  });

  it('filters overdue cases: a case received 40 days ago is overdue, a new one is not', async () => {
    const old = await openCase({ receivedAt: new Date(Date.now() - 40 * 24 * 3600 * 1000) });
    const fresh = await openCase();
    const overdue = (await (await get('/api/staff/cases?overdue=true')).json()).cases.map((x: { reference: string }) => x.reference);
    expect(overdue).toContain(old.reference);
    expect(overdue).not.toContain(fresh.reference);
    const notOverdue = (await (await get('/api/staff/cases?overdue=false')).json()).cases.map((x: { reference: string }) => x.reference);
    expect(notOverdue).toContain(fresh.reference);
    expect(notOverdue).not.toContain(old.reference);
    expect((await get('/api/staff/cases?overdue=maybe')).status).toBe(400);
  });

  it('returns one case with its history and the tenant original words', async () => {
    const c = await openCase();
    const res = await get(`/api/staff/cases/${c.reference}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.reference).toBe(c.reference);
    expect(body.originalText).toBe('Pleśń w sypialni, nikt nie przyszedł');
    expect(body.originalView.note).toMatch(/No machine translation configured/);
    expect(Array.isArray(body.history)).toBe(true);
    expect(body.history.length).toBeGreaterThan(0);
  });

  it('answers 404 for an unknown reference and 400 for a malformed one', async () => {
    expect((await get('/api/staff/cases/CMP-2099-999999')).status).toBe(404);
    const bad = await get('/api/staff/cases/not-a-ref');
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/CMP-2026-000123/);
  });

  it('validates action bodies with reasons (400)', async () => {
    const c = await openCase();
    const unknown = await act(c.reference, { action: 'delete' });
    expect(unknown.status).toBe(400);
    const noReason = await act(c.reference, { action: 'hold' });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).message).toMatch(/reason/);
    const badDate = await act(c.reference, { action: 'extend', reason: 'survey needed', newRespondBy: 'next week' });
    expect((await badDate.json()).message).toMatch(/newRespondBy: must be a date/);
  });

  it('acknowledges, assigns and responds; the tenant gets the response with how to escalate', async () => {
    const c = await openCase();
    expect((await act(c.reference, { action: 'acknowledge' })).status).toBe(200);
    const assigned = await (await act(c.reference, { action: 'assign', handler: 'Hana Handler' })).json();
    expect(assigned.case.handler).toBe('Hana Handler');
    const res = await act(c.reference, {
      action: 'respond',
      decision: 'upheld',
      reasons: 'The repair was missed twice.',
      remedy: 'Mould treatment booked for Monday.',
      compensationPence: 5000,
      outstandingActions: ['Mould treatment', 'Follow-up inspection'],
      rootCause: 'missed appointment',
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.case.status).toBe('responded');
    expect(body.tenantNotified).toBe(true);
    expect(body.case.history.some((e: { actor: { name?: string } }) => e.actor.name === 'Sam Staff')).toBe(true);
    const sms = (await h.smsTo(PHONE)).join('\n');
    expect(sms).toContain('Decision: upheld');
    expect(sms).toContain('£50.00');
    expect(sms).toMatch(/stage 2/i);
    expect(sms).toMatch(/Housing Ombudsman/);
    // No translator configured: the English goes with the interpreter offer in the tenant's language.
    expect(sms).toContain(DEFAULT_INTERPRETER_NOTICES.pl.slice(0, 30));
  });

  it('maps case rule refusals to 409/422 with the rule code', async () => {
    const c = await openCase();
    const early = await act(c.reference, { action: 'escalate', onBehalf: true });
    expect([409, 422]).toContain(early.status);
    expect((await early.json()).error).toMatch(/invalid_transition|outside_window/);
    await act(c.reference, { action: 'acknowledge' });
    const tooLong = await act(c.reference, { action: 'extend', reason: 'waiting for a survey', newRespondBy: '2099-01-01' });
    expect(tooLong.status).toBe(422);
    expect((await tooLong.json()).error).toBe('extension_too_long');
  });

  it('holds, resumes, marks not accepted and tells the tenant about the Ombudsman', async () => {
    const c = await openCase();
    expect((await (await act(c.reference, { action: 'hold', reason: 'Subject access request in progress' })).json()).case.status).toBe('on_hold');
    expect((await (await act(c.reference, { action: 'resume' })).json()).case.status).not.toBe('on_hold');
    const r = await (await act(c.reference, { action: 'not_accepted', reason: 'Legal proceedings have started' })).json();
    expect(r.case.status).toBe('not_accepted');
    expect((await h.smsTo(PHONE)).join('\n')).toMatch(/Legal proceedings have started[\s\S]*Ombudsman/);
  });

  it('serves the monthly report as JSON and CSV, and refuses a bad month', async () => {
    const c = await openCase();
    const month = c.receivedAt.toISOString().slice(0, 7);
    const json = await (await get(`/api/staff/reports/monthly?month=${month}`)).json();
    expect(json.month).toBe(month);
    expect(json.received.total).toBeGreaterThanOrEqual(1);
    expect(json.received.byChannel.sms).toBeGreaterThanOrEqual(1);
    expect(json.tsm.homesCount).toBe(1000);
    const csv = await get(`/api/staff/reports/monthly.csv?month=${month}`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('section,measure,value');
    expect(text).toMatch(/received,total,\d+/);
    const bad = await get('/api/staff/reports/monthly?month=2026-13');
    expect(bad.status).toBe(400);
  });
});
