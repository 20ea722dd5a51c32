// Starts a local MongoDB-wire server when no MONGODB_URI is configured: a `mongod` on PATH if
// there is one, else FerretDB v1.24.2 (SQLite backend) built from tools/ferretdb into the
// git-ignored `.tools/` folder on first use. Used by `npm start` and by the jest global setup.
import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

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

/** Path of the FerretDB binary, building it with Go the first time. */
export function ensureFerretDb(projectRoot: string, say: (msg: string) => void): string {
  const toolsDir = path.join(projectRoot, '.tools');
  const binary = path.join(toolsDir, 'ferretdb-local');
  if (fs.existsSync(binary)) return binary;
  const go = findOnPath('go');
  if (!go) {
    throw new LocalMongoUnavailableError(
      'No database: MONGODB_URI is not set, there is no `mongod` on PATH, and Go is not installed to build FerretDB.\n' +
        'Install one of: MongoDB 6+ (mongod on PATH), Go 1.24+ (https://go.dev/dl), or set MONGODB_URI.',
    );
  }
  fs.mkdirSync(toolsDir, { recursive: true });
  say('Building the local database server (FerretDB v1.24.2) with Go, first run only, about 2 minutes ...');
  const source = path.join(projectRoot, 'tools', 'ferretdb');
  const attempt = (extraEnv: Record<string, string>) =>
    spawnSync(go, ['build', '-o', binary, '.'], {
      cwd: source,
      env: { ...process.env, GOFLAGS: '-mod=mod', CGO_ENABLED: '0', ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  let result = attempt({});
  if (result.status !== 0) {
    // A Go release too old or too new for FerretDB's modules: fetch the matching toolchain.
    say('Retrying with GOTOOLCHAIN=go1.24.3 ...');
    result = attempt({ GOTOOLCHAIN: 'go1.24.3' });
  }
  if (result.status !== 0 || !fs.existsSync(binary)) {
    throw new LocalMongoUnavailableError(
      `Could not build FerretDB with Go:\n${(result.stderr || '').slice(-2000)}\n` +
        'Install MongoDB 6+ (mongod on PATH) or set MONGODB_URI to an existing server.',
    );
  }
  return binary;
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
