import { openTestDb, TestDb } from '../../helpers/db';
import { createCaseService } from '../../../services/cases/caseService';
import { recordTenantContactIfAwaited } from '../../../services/cases/tenantContact';
import type { Actor } from '../../../services/cases/types';
import { createCalendar } from '../../../services/policy/calendar';
import { loadPolicyPack } from '../../../services/policy/packs';

const officer: Actor = { kind: 'staff', id: 'officer-1', channel: 'teams' };

describe('a tenant writing in while staff wait for their input', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb('tenantcontact');
  });
  afterAll(async () => db.drop());

  it('marks only the cases waiting for them as reached, once, and never another tenant’s', async () => {
    const cases = createCaseService({ models: db.models, pack: loadPolicyPack('brighter-places'), calendar: createCalendar('ENG') });
    const tenant: Actor = { kind: 'tenant', id: 'contact-tc', channel: 'webchat' };
    const base = { contactId: 'contact-tc', stage: 'stage1' as const, channel: 'webchat' as const, language: 'en' };
    const waiting = await cases.open({ ...base, summary: 'Mould in the bathroom' }, tenant);
    const other = await cases.open({ ...base, summary: 'Fence never repaired' }, tenant);
    await cases.recordEvent(waiting.reference, { action: 'awaiting_tenant', reason: 'photos of the mould' }, officer);
    const stranger = await cases.open({ ...base, contactId: 'contact-x', summary: 'Noise' }, { ...tenant, id: 'contact-x' });
    await cases.recordEvent(stranger.reference, { action: 'awaiting_tenant', reason: 'dates' }, officer);

    expect(await recordTenantContactIfAwaited(cases, 'contact-tc', tenant)).toEqual([waiting.reference]);
    const after = (await cases.get(waiting.reference))!;
    expect(after.history.at(-1)).toMatchObject({ action: 'tenant_contact', actor: { kind: 'tenant', id: 'contact-tc', channel: 'webchat' }, reason: 'the tenant wrote in on webchat' });
    expect((await cases.get(other.reference))!.history.map((e) => e.action)).toEqual(['open']);
    expect((await cases.get(stranger.reference))!.history.at(-1)?.action).toBe('awaiting_tenant');
    expect(await recordTenantContactIfAwaited(cases, 'contact-tc', tenant)).toEqual([]);
  });
});
