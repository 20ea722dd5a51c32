import { buildMonthlyReport, monthlyReportCsv, monthRange, ReportInputError } from '../../../services/reporting';
import type { CaseRecord, Stage, StageResponse } from '../../../services/cases/types';

const d = (s: string) => new Date(s);

function caseRecord(over: Partial<CaseRecord> & { reference: string }): CaseRecord {
  return {
    id: over.reference,
    packId: 'hoc-2024',
    stage: 'stage1',
    status: 'open',
    contactId: 'c1',
    channel: 'sms',
    language: 'en',
    summary: 's',
    evidence: [],
    flags: [],
    receivedAt: d('2026-03-02T10:00:00Z'),
    handlers: {},
    deadlines: { acknowledgeBy: d('2026-03-09'), respondBy: d('2026-03-23'), escalateBy: null },
    stageDeadlines: { stage1: { acknowledgeBy: d('2026-03-09'), respondBy: d('2026-03-23'), escalateBy: null } },
    extensions: [],
    responses: [],
    history: [],
    ...over,
  };
}

const response = (stage: Stage, at: string, extra: Partial<StageResponse> = {}): StageResponse => ({
  stage,
  decision: 'upheld',
  reasons: 'r',
  at: d(at),
  by: 'staff1',
  ...extra,
});

describe('monthly report', () => {
  const cases: CaseRecord[] = [
    // On time, with compensation, root cause.
    caseRecord({
      reference: 'CMP-2026-000001',
      category: 'repairs',
      status: 'responded',
      responses: [response('stage1', '2026-03-20T15:00:00Z', { compensationPence: 5000, rootCause: 'contractor no-show' })],
    }),
    // Late without extension.
    caseRecord({
      reference: 'CMP-2026-000002',
      category: 'repairs',
      channel: 'webchat',
      status: 'responded',
      responses: [response('stage1', '2026-03-25T09:00:00Z', { decision: 'not_upheld' })],
    }),
    // Late against the original date but within an extension taken before responding.
    caseRecord({
      reference: 'CMP-2026-000003',
      category: 'staff conduct',
      status: 'responded',
      extensions: [{ stage: 'stage1', reason: 'survey', previousRespondBy: d('2026-03-23'), newRespondBy: d('2026-03-31'), at: d('2026-03-19'), by: 's' }],
      responses: [response('stage1', '2026-03-30T09:00:00Z', { decision: 'partly_upheld', compensationPence: 2500 })],
    }),
    // Received in February, escalated to Stage 2 in March.
    caseRecord({
      reference: 'CMP-2026-000004',
      receivedAt: d('2026-02-10T10:00:00Z'),
      stage: 'stage2',
      status: 'escalated',
      history: [{ at: d('2026-03-05T10:00:00Z'), actor: { kind: 'tenant', id: 'c', channel: 'sms' }, action: 'escalate', fromStage: 'stage1', toStage: 'stage2' }],
    }),
    // A service request received in March: counted in volumes, never in CH01.
    caseRecord({ reference: 'CMP-2026-000005', stage: 'service_request', category: 'repairs' }),
    // April: outside the month.
    caseRecord({ reference: 'CMP-2026-000006', receivedAt: d('2026-04-01T00:00:00Z') }),
  ];

  it('counts volumes by stage, category and channel for cases received in the month only', () => {
    const r = buildMonthlyReport(cases, { month: '2026-03', homesCount: 2000 });
    expect(r.received.total).toBe(4);
    expect(r.received.byStage).toEqual({ stage1: 3, service_request: 1 });
    expect(r.received.byCategory).toEqual({ repairs: 3, 'staff conduct': 1 });
    expect(r.received.byChannel).toEqual({ sms: 3, webchat: 1 });
  });

  it('counts outcomes, root causes and compensation from responses given in the month', () => {
    const r = buildMonthlyReport(cases, { month: '2026-03' });
    expect(r.responses.total).toBe(3);
    expect(r.responses.byDecision).toEqual({ upheld: 1, not_upheld: 1, partly_upheld: 1 });
    expect(r.responses.byRootCause['contractor no-show']).toBe(1);
    expect(r.compensation).toEqual({ totalPence: 7500, cases: 2, byStage: { stage1: 7500 } });
  });

  it('treats a response inside an extension as within timescale and a late one as not', () => {
    const r = buildMonthlyReport(cases, { month: '2026-03' });
    expect(r.timeliness.byStage.stage1).toEqual({ responses: 3, withinTimescale: 2, percent: 66.7 });
    expect(r.tsm.ch02.stage1).toBe(66.7);
    expect(r.tsm.ch02.stage2).toBeNull();
  });

  it('computes CH01 per 1,000 homes by stage, counting Stage 2 requests made in the month', () => {
    const r = buildMonthlyReport(cases, { month: '2026-03', homesCount: 2000 });
    expect(r.escalatedToStage2).toBe(1);
    expect(r.tsm.ch01).toEqual({ stage1: 1.5, stage2: 0.5 });
  });

  it('leaves CH01 empty without a homes count', () => {
    expect(buildMonthlyReport(cases, { month: '2026-03' }).tsm.ch01).toEqual({ stage1: null, stage2: null });
  });

  it('refuses a month that is not YYYY-MM', () => {
    expect(() => monthRange('2026-13')).toThrow(ReportInputError);
    expect(() => buildMonthlyReport([], { month: 'March' })).toThrow(/YYYY-MM/);
  });

  it('renders CSV rows with the TSM figures and neutralises formula-like text', () => {
    const withFormula = [caseRecord({ reference: 'CMP-2026-000007', category: '=HYPERLINK("x")' })];
    const csv = monthlyReportCsv(buildMonthlyReport([...cases, ...withFormula], { month: '2026-03', homesCount: 2000 }));
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('section,measure,value');
    expect(lines).toContain('tsm,CH01 stage 1 per 1000 homes,2');
    expect(lines).toContain('tsm,CH02 stage 1 % within Code timescales,66.7');
    expect(lines).toContain('compensation,total pence,7500');
    expect(csv).toContain(`received by category,"'=HYPERLINK(""x"")",1`);
  });
});
