// Starts a local MongoDB-wire server when no MONGODB_URI is configured: a `mongod` on PATH if
// there is one, else FerretDB v1.24.2 (SQLite backend) built from tools/ferretdb into the
// git-ignored `.tools/` folder on first use, with its `_id` index bug fixed (buildFerretDb.ts). Used by `npm start` and by the jest global setup.
import { spawn, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { buildPatchedFerretDb, FerretDbBuildError } from './buildFerretDb';

export interface LocalMongo {
  uri: string;
  kind: 'mongod' | 'ferretdb';
  pid: number;
  stop(): Promise<void>;
}

export interface LocalMongoOptions {
  dataDir: string;
  projectRoot: string;
  /** Where progress goes; stdout is reserved for command output. */
  say?: (msg: string) => void;
}

export class LocalMongoUnavailableError extends Error {}

export async function startLocalMongo(opts: LocalMongoOptions): Promise<LocalMongo> {
  const say = opts.say ?? ((m: string) => process.stderr.write(`${m}\n`));
  const port = await freePort();
  const mongod = findOnPath('mongod');
  let child: ChildProcess;
  let kind: LocalMongo['kind'];
  if (mongod) {
    const dbPath = path.join(opts.dataDir, 'mongod');
    fs.mkdirSync(dbPath, { recursive: true });
    kind = 'mongod';
    child = spawn(mongod, ['--dbpath', dbPath, '--port', String(port), '--bind_ip', '127.0.0.1', '--quiet'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } else {
    const binary = ensureFerretDb(opts.projectRoot, say);
    const dbDir = path.join(opts.dataDir, 'ferretdb');
    fs.mkdirSync(dbDir, { recursive: true });
    kind = 'ferretdb';
    // synchronous(normal) with FerretDB's default WAL journal: a commit no longer waits for an
    // fsync (measured 2-7x faster writes), and the data still survives a crash of any process;
    // only a power cut can lose the last commits. Production runs on MongoDB, not this server.
    const sqliteUrl = `file:${dbDir}/?_pragma=synchronous(normal)`;
    child = spawn(binary, ['-listen-addr', `127.0.0.1:${port}`, '-sqlite-url', sqliteUrl, '-log-level', 'error'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  }
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const ready = await Promise.race([waitForPort(port, 20000), exited.then(() => false)]);
  if (!ready) {
    child.kill('SIGKILL');
    throw new LocalMongoUnavailableError(`The local ${kind} did not start on port ${port}.\n${stderr}`);
  }
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    kind,
    pid: child.pid ?? -1,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Path of the FerretDB binary, building it with Go the first time (see buildFerretDb.ts). */
export function ensureFerretDb(projectRoot: string, say: (msg: string) => void): string {
  const go = findOnPath('go');
  try {
    if (!go) throw new FerretDbBuildError('Go is not installed');
    return buildPatchedFerretDb({ go, projectRoot, say });
  } catch (err) {
    if (!(err instanceof FerretDbBuildError)) throw err;
    throw new LocalMongoUnavailableError(
      `No database: MONGODB_URI is not set, there is no \`mongod\` on PATH, and FerretDB could not be built (${err.message}).\n` +
        'Install one of: MongoDB 6+ (mongod on PATH), Go 1.24+ (https://go.dev/dl), or set MONGODB_URI.',
    );
  }
}

function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
