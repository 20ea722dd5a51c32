// Starts a server as its own Node process (the product, or a baseline), times it to readiness,
// and reads its resident memory from /proc, so the load generator never shares its CPU or heap.
import { spawn, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

export interface ChildServer {
  pid: number;
  url: string;
  /** Spawn → first 200 from the readiness URL. */
  coldStartMs: number;
  rssMb(): number;
  stop(): Promise<void>;
}

export interface ChildServerOptions {
  /** Script and arguments for `node`. */
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  /** Path answering 200 once the server can take traffic. */
  readyPath: string;
  cwd: string;
  timeoutMs?: number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resident set size of a process in MB (Linux /proc). */
export function processRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Math.round((Number(match[1]) / 1024) * 10) / 10;
}

/** Told about every child started, so an interrupted run can stop them. */
let onStart: ((stop: () => Promise<void>) => void) | undefined;
export function trackChildren(register: (stop: () => Promise<void>) => void): void {
  onStart = register;
}

export async function startChildServer(opts: ChildServerOptions): Promise<ChildServer> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, opts.args, {
    cwd: opts.cwd,
    env: opts.env,
    // stdout (pino JSON at the configured level) is discarded, as a log shipper would take it away.
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  let exited: string | undefined;
  const exitedPromise = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exited = `exited with ${signal ?? code}`;
      resolve();
    });
  });
  const url = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exitedPromise;
      clearTimeout(timer);
    }
  };
  for (;;) {
    if (exited) throw new Error(`${opts.args[0]} ${exited} before it was ready:\n${stderr}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${opts.args[0]} was not ready within ${opts.timeoutMs ?? 60_000} ms:\n${stderr}`);
    }
    const ok = await fetch(url + opts.readyPath).then((r) => r.status === 200, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const coldStartMs = Math.round(performance.now() - started);
  onStart?.(stop);
  const pid = child.pid as number;
  return { pid, url, coldStartMs, rssMb: () => processRssMb(pid), stop };
}
