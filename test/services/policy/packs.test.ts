import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listPolicyPacks, loadPolicyPack, packsDirectory, PolicyPackError } from '../../../services/policy/packs';
import { loadConfig } from '../../../config';
import { startApp } from '../../../index';

describe('policy packs', () => {
  it('ships the six packs, all valid', () => {
    expect(listPolicyPacks().map((p) => p.id)).toEqual(['brighter-places', 'hoc-2024', 'red-kite', 'slh', 'tuntum', 'twenty11']);
  });

  it('holds the timescales of the POLICIES.md table', () => {
    const hoc = loadPolicyPack('hoc-2024');
    expect(hoc.earlyRoute.kind).toBe('none');
    expect([hoc.stage1.acknowledge, hoc.stage1.respond, hoc.stage2.acknowledge, hoc.stage2.respond].map((p) => p?.days)).toEqual([5, 10, 5, 20]);
    expect(hoc.stage2Request).toMatchObject({ window: null, reasonsRequired: false, handlerMustDiffer: true });
    expect(hoc.timeLimitToRaise.months).toBe(12);
    const tuntum = loadPolicyPack('tuntum');
    expect(tuntum.earlyRoute).toMatchObject({ kind: 'quick', respond: { days: 1, unit: 'working' }, formalWindow: { days: 5, unit: 'working' } });
    expect(tuntum.signposting.independentPanelText).toMatch(/Independent Complaints Panel/);
    const slh = loadPolicyPack('slh');
    expect(slh.compensation?.limits.map((l) => l.maxPence)).toEqual([1000, 50000, 500000]);
    expect(slh.compensation?.bands.map((b) => b.upToPence)).toEqual([2000, 10000, null]);
    expect(slh.overdue.alertRole).toBe('Director of Innovation, Technology & Risk');
    expect(slh.stage2Request).toMatchObject({ window: { days: 10, unit: 'working' }, reasonsRequired: true, closeWhenWindowPasses: true });
    const bp = loadPolicyPack('brighter-places');
    expect(bp.stage2Request.window).toEqual({ days: 15, unit: 'calendar' });
    expect(bp.stage1).toMatchObject({ respondFrom: 'receipt', extension: { maxWorkingDays: 10, exceptionalMaxWorkingDays: 20, beyondLimitByAgreement: true } });
    expect(bp.restrictions.reviewEveryMonths).toBe(3);
    for (const p of listPolicyPacks()) expect(p.signposting.ombudsman).toMatchObject({ phone: '0300 111 3000', email: 'info@housing-ombudsman.org.uk' });
  });

  describe('a pack that fails validation', () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packs-'));
      const good = JSON.parse(fs.readFileSync(path.join(packsDirectory(), 'slh.json'), 'utf8'));
      fs.writeFileSync(path.join(dir, 'bad-days.json'), JSON.stringify({ ...good, id: 'bad-days', stage1: { ...good.stage1, acknowledge: { days: -2, unit: 'working' } } }));
      fs.writeFileSync(path.join(dir, 'bad-json.json'), '{ "id": "bad-json", ');
      fs.writeFileSync(path.join(dir, 'wrong-id.json'), JSON.stringify(good));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('throws naming the file, the field and the reason', () => {
      expect(() => loadPolicyPack('bad-days', dir)).toThrow(PolicyPackError);
      expect(() => loadPolicyPack('bad-days', dir)).toThrow(/bad-days\.json: stage1\.acknowledge\.days: Number must be greater than or equal to 0/);
      expect(() => loadPolicyPack('bad-json', dir)).toThrow(/bad-json\.json: not valid JSON/);
      expect(() => loadPolicyPack('wrong-id', dir)).toThrow(/wrong-id\.json: id: "slh" must match the file name/);
    });

    it('names the available packs when the id is unknown', () => {
      expect(() => loadPolicyPack('nope')).toThrow(/Unknown policy pack "nope" \(available: brighter-places, hoc-2024/);
    });
  });

  it('stops start-up with the reason when POLICY_PACK is unknown', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', PORT: '0', POLICY_PACK: 'nope', MONGODB_URI: 'mongodb://127.0.0.1:1/unused' });
    await expect(startApp(config)).rejects.toThrow(/Unknown policy pack "nope"/);
  });
});
