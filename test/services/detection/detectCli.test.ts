// The `detect` command end to end: the real CLI compiled from source, fed JSON lines on stdin.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runScript } from '../../helpers/runScript';

const root = path.resolve(__dirname, '../../..');
const outDir = path.join(root, 'test-output', 'detect-cli');
const cli = path.join(outDir, 'scripts', 'detect.js');

function runCli(input: string) {
  // runScript takes an absolute path: this test compiles its own copy of the command.
  return runScript(cli, [], { input });
}

beforeAll(() => {
  // Compile only the command and what it imports, so the test does not depend on the rest of the tree building.
  fs.rmSync(outDir, { recursive: true, force: true });
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = [
    tsc,
    '--outDir',
    outDir,
    '--rootDir',
    root,
    '--module',
    'commonjs',
    '--target',
    'es2022',
    '--esModuleInterop',
    '--resolveJsonModule',
    '--skipLibCheck',
    '--noEmitOnError',
    'false',
  ];
  try {
    execFileSync(
      process.execPath,
      [...args, path.join(root, 'scripts/detect.ts'), path.join(root, 'services/detection/natural-modules.d.ts')],
      { cwd: root, stdio: 'pipe' },
    );
  } catch (err) {
    // Type errors still emit JavaScript; only a missing output is fatal.
    if (!fs.existsSync(cli)) throw err;
  }
}, 120_000);

describe('npm run detect (scripts/detect.ts)', () => {
  it('writes one JSON detection per input line and nothing else on stdout', async () => {
    const input = [
      '{"id":"a","text":"third time I have rung about the boiler and nobody has come"}',
      '{"id":"b","text":"I can smell gas in the hall"}',
      '{"id":"c","text":"Dziękuję bardzo za szybką naprawę"}',
    ].join('\n');
    const { code, stdout } = await runCli(input);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 'c']);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['confidence', 'dissatisfied', 'flags', 'id', 'intent', 'language']);
    }
    expect(lines[0]).toMatchObject({ intent: 'complaint', dissatisfied: true, language: 'en' });
    expect(lines[1].flags).toContain('urgent_safety');
    expect(lines[2]).toMatchObject({ intent: 'compliment', language: 'pl' });
  }, 60_000);

  it('reports a bad line and carries on with the rest', async () => {
    const input = [
      'not json at all',
      '{"id":"x"}',
      '{"text":"no id"}',
      '{"id":"ok","text":"the bathroom light is broken"}',
    ].join('\n');
    const { code, stdout, stderr } = await runCli(input);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ id: 'x' });
    expect(lines[0].error).toMatch(/text/);
    expect(lines[1]).toMatchObject({ id: 'ok', intent: 'service_request' });
    expect(stderr).toMatch(/not JSON/);
    expect(stderr).toMatch(/without an id/);
  }, 60_000);

  it('mostly agrees with the labelled lines in detect-dev.jsonl', async () => {
    const devFile = path.resolve(root, '..', 'shared', 'data', 'detect-dev.jsonl');
    const local = path.join(__dirname, 'fixtures', 'detect-dev.jsonl');
    const file = fs.existsSync(devFile) ? devFile : local;
    const gold = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; text: string; intent: string; dissatisfied: boolean; lang: string });
    const { stdout } = await runCli(gold.map((g) => JSON.stringify({ id: g.id, text: g.text })).join('\n'));
    const got = new Map(
      stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .map((d) => [d.id, d]),
    );
    const agree = gold.filter(
      (g) => got.get(g.id)?.intent === g.intent && got.get(g.id)?.dissatisfied === g.dissatisfied,
    );
    expect(agree.length / gold.length).toBeGreaterThanOrEqual(0.85);
    expect(gold.filter((g) => got.get(g.id)?.language === g.lang).length).toBe(gold.length);
  }, 60_000);
});
