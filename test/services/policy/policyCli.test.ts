import { main } from '../../../scripts/policy';

function runWithEnv(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env });
  return { code, out, err: err.join('\n') };
}

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: {} });
  return { code, out, err: err.join('\n') };
}

describe('policy command', () => {
  it('prints one JSON line of ISO dates for deadlines', () => {
    const r = run('deadlines', '--pack', 'hoc-2024', '--stage', 'stage1', '--received', '2026-04-01');
    expect(r.code).toBe(0);
    expect(r.out).toEqual(['{"acknowledgeBy":"2026-04-10","respondBy":"2026-04-24","escalateBy":null}']);
  });

  it('uses --acknowledged, --responded and --region', () => {
    const r = run('deadlines', '--pack', 'twenty11', '--stage', 'stage1', '--received', '2026-12-23', '--acknowledged', '2026-12-24', '--responded', '2027-01-08', '--region', 'SCT');
    expect(r.code).toBe(0);
    // ack by 29 Dec; respond 10 WD from 24 Dec skipping Christmas, Boxing Day substitute, 1 Jan and 4 Jan (SCT) → 13 Jan; 20 WD from 8 Jan → 5 Feb
    expect(JSON.parse(r.out[0])).toEqual({ acknowledgeBy: '2026-12-29', respondBy: '2027-01-13', escalateBy: '2027-02-05' });
  });

  it('prints null where the pack sets no timescale', () => {
    const r = run('deadlines', '--pack', 'slh', '--stage', 'quick', '--received', '2026-04-01');
    expect(JSON.parse(r.out[0])).toEqual({ acknowledgeBy: null, respondBy: null, escalateBy: null });
  });

  it('lists the packs, one JSON line each', () => {
    const r = run('list');
    expect(r.code).toBe(0);
    expect(r.out.map((l) => JSON.parse(l).id)).toEqual(['brighter-places', 'hoc-2024', 'red-kite', 'slh', 'tuntum', 'twenty11']);
  });

  it.each([
    [['deadlines', '--stage', 'stage1', '--received', '2026-04-01'], /--pack is required/],
    [['deadlines', '--pack', 'nope', '--stage', 'stage1', '--received', '2026-04-01'], /Unknown policy pack "nope"/],
    [['deadlines', '--pack', 'slh', '--stage', 'stage3', '--received', '2026-04-01'], /--stage must be one of quick, stage1, stage2/],
    [['deadlines', '--pack', 'slh', '--stage', 'stage1', '--received', '2026-02-30'], /--received must be a real date/],
    [['deadlines', '--pack', 'slh', '--stage', 'stage1'], /--received is required/],
    [['deadlines', '--pack', 'slh', '--stage', 'stage1', '--received', '2026-04-01', '--region', 'FRA'], /--region must be one of ENG, SCT, WLS, NIR/],
    [['deadlines', '--pack', 'slh', '--stage', 'stage1', '--received', '2026-04-01', '--acknowledged', '2026-03-01'], /before --received/],
    [['deadlines', '--pack', 'slh', '--stage', 'stage1', '--received', '2026-04-01', '--colour', 'red'], /Unknown option '--colour'/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [[], /usage:/],
  ])('refuses %j with a message on stderr and exit code 2', (argv, message) => {
    const r = run(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toMatch(message as RegExp);
  });
  describe('nation when --region is not given', () => {
    // Received Thu 31 Dec 2026, twenty11 acknowledges within 2 WD: England skips only 1 Jan
    // (→ Tue 5 Jan); Scotland also skips 4 Jan, the substitute for 2 Jan (→ Wed 6 Jan).
    const args = ['deadlines', '--pack', 'twenty11', '--stage', 'stage1', '--received', '2026-12-31'];

    it('uses HOLIDAY_REGION, like the running app', () => {
      expect(JSON.parse(runWithEnv({ HOLIDAY_REGION: 'SCT' }, ...args).out[0]).acknowledgeBy).toBe('2027-01-06');
      expect(JSON.parse(runWithEnv({ HOLIDAY_REGION: 'ENG' }, ...args).out[0]).acknowledgeBy).toBe('2027-01-05');
    });

    it('uses ENG when HOLIDAY_REGION is unset or blank', () => {
      expect(JSON.parse(runWithEnv({}, ...args).out[0]).acknowledgeBy).toBe('2027-01-05');
      expect(JSON.parse(runWithEnv({ HOLIDAY_REGION: ' ' }, ...args).out[0]).acknowledgeBy).toBe('2027-01-05');
    });

    it('lets --region win over HOLIDAY_REGION', () => {
      expect(JSON.parse(runWithEnv({ HOLIDAY_REGION: 'ENG' }, ...args, '--region', 'SCT').out[0]).acknowledgeBy).toBe('2027-01-06');
    });

    it('refuses an unknown HOLIDAY_REGION naming the variable, exit code 2', () => {
      const r = runWithEnv({ HOLIDAY_REGION: 'FRA' }, ...args);
      expect(r.code).toBe(2);
      expect(r.out).toEqual([]);
      expect(r.err).toMatch(/HOLIDAY_REGION must be one of ENG, SCT, WLS, NIR, got "FRA"/);
    });
  });
});
