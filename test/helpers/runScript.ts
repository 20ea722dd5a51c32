// Runs one of the project's compiled commands (dist/scripts/*.js) the way people do: a real Node
// process, arguments, environment and stdin; resolves with its exit code and both streams.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(script: string, args: string[] = [], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<ScriptRun> {
  const file = path.isAbsolute(script) ? script : path.join(PROJECT_ROOT, 'dist', 'scripts', script);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { cwd: PROJECT_ROOT, env: { DOTENV_CONFIG_QUIET: 'true', ...(options.env ?? process.env) } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
