// Runs the policy command the way people do (compiled script, real process): without --region
// the nation comes from HOLIDAY_REGION, like the running app. `npm test` builds dist/ first.
import { runScript } from '../helpers/runScript';

function runPolicy(args: string[], env: Record<string, string | undefined>) {
  const base: NodeJS.ProcessEnv = { ...process.env, DOTENV_CONFIG_QUIET: 'true' };
  delete base.HOLIDAY_REGION;
  return runScript('policy.js', args, { env: { ...base, ...env } });
}

describe('npm run policy -- deadlines (HOLIDAY_REGION)', () => {
  // Received Thu 31 Dec 2026, twenty11 acknowledges within 2 WD: Scotland also keeps 4 Jan (2 Jan's substitute).
  const args = ['deadlines', '--pack', 'twenty11', '--stage', 'stage1', '--received', '2026-12-31'];

  it('counts Scottish holidays when HOLIDAY_REGION=SCT and English ones when it is unset', async () => {
    const scot = await runPolicy(args, { HOLIDAY_REGION: 'SCT' });
    expect(scot.code).toBe(0);
    expect(JSON.parse(scot.stdout).acknowledgeBy).toBe('2027-01-06');
    const eng = await runPolicy(args, {});
    expect(eng.code).toBe(0);
    expect(JSON.parse(eng.stdout).acknowledgeBy).toBe('2027-01-05');
  });

  it('exits 2 naming HOLIDAY_REGION when it is not a UK nation', async () => {
    const r = await runPolicy(args, { HOLIDAY_REGION: 'FRA' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/HOLIDAY_REGION must be one of ENG, SCT, WLS, NIR, got "FRA"/);
  });
});
