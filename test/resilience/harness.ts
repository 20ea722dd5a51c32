// Real processes for fault tests: the built app (`node dist/index.js`, as `npm start` runs it) and
// a FerretDB of the test's own that can be stopped and started again on the same port.
// `npm test` builds dist/ before jest starts (scripts/bootstrap.js).
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureFerretDb, freePort } from '../../services/database/localMongo';

export const ROOT = path.resolve(__dirname, '..', '..');

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v as T;
    } catch (err) {
      last = err;
    }
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}

/** A FerretDB (SQLite) that the test owns: stop() and start() again keep the port and the data. */
export class OwnDatabase {
  private child?: ChildProcess;
  readonly dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resilience-db-'));
  private constructor(readonly port: number) {}

  static async create(): Promise<OwnDatabase> {
    const db = new OwnDatabase(await freePort());
    await db.start();
    return db;
  }

  uri(dbName: string): string {
    return `mongodb://127.0.0.1:${this.port}/${dbName}`;
  }

  async start(): Promise<void> {
    const binary = ensureFerretDb(ROOT, () => undefined);
    const dir = path.join(this.dataDir, 'ferretdb');
    fs.mkdirSync(dir, { recursive: true });
    this.child = spawn(binary, ['-listen-addr', `127.0.0.1:${this.port}`, '-sqlite-url', `file:${dir}/`, '-log-level', 'error'], { stdio: 'ignore' });
    await waitFor('FerretDB to listen', () => portOpen(this.port), 20_000);
  }

  /** Kills the server outright (SIGKILL), like a crashed database host. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async destroy(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

async function portOpen(port: number): Promise<boolean> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface AppProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** stdout+stderr so far (pino JSON lines at LOG_LEVEL). */
  output(): string;
  /** SIGKILL: no shutdown handlers run, like a crashed host. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `node dist/index.js` with the given environment and waits until /healthz answers. */
export async function spawnApp(env: Record<string, string>, port?: number): Promise<AppProcess> {
  const chosenPort = port ?? (await freePort());
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'index.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DOTENV_CONFIG_QUIET: 'true',
      LOG_LEVEL: 'info',
      ...env,
      PORT: String(chosenPort),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out = (out + d).slice(-2_000_000)));
  child.stderr?.on('data', (d) => (out = (out + d).slice(-2_000_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${chosenPort}`;
  await waitFor(
    'the app to answer /healthz',
    async () => {
      if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}:\n${out.slice(-3000)}`);
      const res = await fetch(`${url}/healthz`).catch(() => undefined);
      return res?.status === 200;
    },
    60_000,
    200,
  );
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    url,
    port: chosenPort,
    child,
    output: () => out,
    async kill9() {
      if (!alive()) return;
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!alive()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function distBuilt(): boolean {
  return fs.existsSync(path.join(ROOT, 'dist', 'index.js'));
}
