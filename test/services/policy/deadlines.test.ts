import { createCalendar, HolidayRegion } from '../../../services/policy/calendar';
import { computeDeadlineDates, computeDeadlines, DeadlineStage } from '../../../services/policy/deadlines';
import { loadPolicyPack } from '../../../services/policy/packs';

type Vector = [pack: string, region: HolidayRegion, stage: DeadlineStage, received: string, acknowledged: string | null, responded: string | null, ack: string | null, respond: string | null, escalate: string | null];

// Worked by hand from the counting rule (day 0 = the start date; N-th working day after it).
// 2026: Good Friday 3 Apr, Easter Monday 6 Apr (not Scotland), Early May 4 May, St Patrick 17 Mar (NIR),
// St Andrew 30 Nov (SCT), Christmas Fri 25 Dec, Boxing Day substitute Mon 28 Dec; 2027: 1 Jan, 2 Jan substitute Mon 4 Jan (SCT).
const vectors: Vector[] = [
  // Stage 1 received Wed 1 Apr 2026 (Easter)
  ['hoc-2024', 'ENG', 'stage1', '2026-04-01', null, null, '2026-04-10', '2026-04-24', null],
  ['hoc-2024', 'WLS', 'stage1', '2026-04-01', null, null, '2026-04-10', '2026-04-24', null],
  ['hoc-2024', 'NIR', 'stage1', '2026-04-01', null, null, '2026-04-10', '2026-04-24', null],
  ['hoc-2024', 'SCT', 'stage1', '2026-04-01', null, null, '2026-04-09', '2026-04-23', null],
  ['hoc-2024', 'ENG', 'stage1', '2026-04-01', '2026-04-02', null, '2026-04-10', '2026-04-20', null],
  ['twenty11', 'ENG', 'stage1', '2026-04-01', null, null, '2026-04-07', '2026-04-21', null],
  ['twenty11', 'SCT', 'stage1', '2026-04-01', null, null, '2026-04-06', '2026-04-20', null],
  ['red-kite', 'ENG', 'stage1', '2026-04-01', null, null, '2026-04-07', '2026-04-21', null],
  ['slh', 'WLS', 'stage1', '2026-04-01', null, null, '2026-04-07', '2026-04-21', null],
  ['tuntum', 'ENG', 'stage1', '2026-04-01', null, null, '2026-04-08', '2026-04-22', null],
  ['brighter-places', 'ENG', 'stage1', '2026-04-01', null, null, '2026-04-10', '2026-04-17', null],
  // Stage 1 answered Mon 20 Apr: the window to ask for Stage 2
  ['hoc-2024', 'ENG', 'stage1', '2026-04-01', '2026-04-02', '2026-04-20', '2026-04-10', '2026-04-20', null],
  ['twenty11', 'ENG', 'stage1', '2026-04-01', '2026-04-02', '2026-04-20', '2026-04-07', '2026-04-20', '2026-05-19'],
  ['red-kite', 'ENG', 'stage1', '2026-04-01', '2026-04-02', '2026-04-20', '2026-04-07', '2026-04-20', null],
  ['slh', 'ENG', 'stage1', '2026-04-01', '2026-04-02', '2026-04-20', '2026-04-07', '2026-04-20', '2026-05-05'],
  ['tuntum', 'ENG', 'stage1', '2026-04-01', '2026-04-02', '2026-04-20', '2026-04-08', '2026-04-20', '2026-05-19'],
  ['brighter-places', 'ENG', 'stage1', '2026-04-01', '2026-04-02', '2026-04-20', '2026-04-10', '2026-04-17', '2026-05-05'],
  // Stage 2 requested Wed 1 Apr 2026
  ['hoc-2024', 'ENG', 'stage2', '2026-04-01', null, null, '2026-04-10', '2026-05-11', null],
  ['slh', 'ENG', 'stage2', '2026-04-01', null, null, '2026-04-07', '2026-05-06', null],
  ['brighter-places', 'ENG', 'stage2', '2026-04-01', null, null, '2026-04-08', '2026-05-01', null],
  ['twenty11', 'ENG', 'stage2', '2026-04-01', null, '2026-04-20', '2026-04-07', '2026-04-21', null],
  // Christmas: received Wed 23 Dec 2026
  ['twenty11', 'ENG', 'stage1', '2026-12-23', null, null, '2026-12-29', '2027-01-13', null],
  ['twenty11', 'NIR', 'stage1', '2026-12-23', null, null, '2026-12-29', '2027-01-13', null],
  ['twenty11', 'SCT', 'stage1', '2026-12-23', null, null, '2026-12-29', '2027-01-14', null],
  // St Patrick's Day and St Andrew's Day
  ['hoc-2024', 'ENG', 'stage1', '2026-03-16', null, null, '2026-03-23', '2026-04-08', null],
  ['hoc-2024', 'NIR', 'stage1', '2026-03-16', null, null, '2026-03-24', '2026-04-09', null],
  ['red-kite', 'ENG', 'stage1', '2026-11-27', null, null, '2026-12-01', '2026-12-15', null],
  ['red-kite', 'SCT', 'stage1', '2026-11-27', null, null, '2026-12-02', '2026-12-16', null],
  // received on a Saturday: day 0 is the Saturday
  ['hoc-2024', 'ENG', 'stage1', '2026-11-21', null, null, '2026-11-27', '2026-12-11', null],
  // early routes
  ['tuntum', 'ENG', 'quick', '2026-04-02', null, null, null, '2026-04-07', null],
  ['tuntum', 'SCT', 'quick', '2026-04-02', null, null, null, '2026-04-06', null],
  ['tuntum', 'ENG', 'quick', '2026-04-02', null, '2026-04-07', null, '2026-04-07', '2026-04-14'],
  ['twenty11', 'ENG', 'quick', '2026-04-02', null, null, '2026-04-08', null, null], // contact within 2 WD; resolved when it is
  ['red-kite', 'WLS', 'quick', '2026-04-02', null, null, null, '2026-04-08', null],
  ['slh', 'ENG', 'quick', '2026-04-02', null, null, null, null, null],
  ['hoc-2024', 'ENG', 'quick', '2026-04-02', null, null, null, null, null],
  ['brighter-places', 'ENG', 'quick', '2026-04-02', null, null, null, null, null],
];

describe('deadlines per pack and nation', () => {
  it.each(vectors)('%s %s %s received %s ack %s responded %s → %s / %s / %s', (packId, region, stage, received, acknowledged, responded, ack, respond, escalate) => {
    const result = computeDeadlineDates(loadPolicyPack(packId), createCalendar(region), { stage, receivedAt: received, acknowledgedAt: acknowledged, respondedAt: responded });
    expect(result).toEqual({ acknowledgeBy: ack, respondBy: respond, escalateBy: escalate });
  });

  it('covers every pack and every nation', () => {
    expect(new Set(vectors.map((v) => v[0]))).toEqual(new Set(['hoc-2024', 'twenty11', 'red-kite', 'slh', 'tuntum', 'brighter-places']));
    expect(new Set(vectors.map((v) => v[1]))).toEqual(new Set(['ENG', 'SCT', 'WLS', 'NIR']));
  });

  it('stores a deadline as the last moment of the London day', () => {
    const d = computeDeadlines(loadPolicyPack('hoc-2024'), createCalendar('ENG'), { stage: 'stage1', receivedAt: new Date('2026-07-01T08:00:00Z') });
    expect(d.acknowledgeBy?.toISOString()).toBe('2026-07-08T22:59:59.999Z'); // 23:59:59.999 BST
    expect(d.escalateBy).toBeNull();
  });
});
