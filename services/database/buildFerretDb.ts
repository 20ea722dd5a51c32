// Builds the local FerretDB v1.24.2 server (tools/ferretdb wraps its embeddable package) into the
// git-ignored `.tools/` folder, with one upstream bug fixed.
//
// The bug: FerretDB v1.24's SQLite backend creates its unique `_id` index on the expression
// `_ferretdb_sjson->"_id"` but selects by `_ferretdb_sjson->'$._id'`. Both mean the same JSON
// path, yet SQLite matches index expressions by their text, so every find, update and delete by
// `_id` scanned the whole table (EXPLAIN QUERY PLAN: `SCAN`; 46 ms per find at 2,200 bot_state
// documents, growing with the collection, which is what slowed long benchmark runs to a crawl).
// Selecting with the index's own path, `->'_id'`, gives `SEARCH ... USING INDEX` and reads the
// same rows. The same bug on FerretDB's PostgreSQL backend: FerretDB/FerretDB#4646. FerretDB v1
// is no longer developed, so the fix is applied here, to a copy of the module source, at build
// time. The data files are unchanged and stay readable by an unpatched FerretDB.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const FERRETDB_VERSION = 'v1.24.2';
/** Bump when the patch changes, so an older build in `.tools/` is not reused. */
const BUILD_NAME = `ferretdb-local-${FERRETDB_VERSION}-idindex`;

const PATCHED_FILE = path.join('internal', 'backends', 'sqlite', 'metadata', 'metadata.go');
const UNPATCHED_LINE = `IDColumn = DefaultColumn + "->'$._id'"`;
const PATCHED_LINE = `IDColumn = DefaultColumn + "->'_id'"`;

export class FerretDbBuildError extends Error {}

/** Rewrites the `_id` selector in a FerretDB source tree; throws if the source is not the expected one. */
export function patchIdSelector(moduleDir: string): void {
  const file = path.join(moduleDir, PATCHED_FILE);
  const source = fs.readFileSync(file, 'utf8');
  if (source.includes(PATCHED_LINE)) return;
  if (!source.includes(UNPATCHED_LINE)) {
    throw new FerretDbBuildError(`${file} does not contain ${UNPATCHED_LINE}: not the FerretDB ${FERRETDB_VERSION} source this patch is for`);
  }
  fs.writeFileSync(file, source.replace(UNPATCHED_LINE, PATCHED_LINE));
}

export interface BuildOptions {
  go: string;
  projectRoot: string;
  say: (msg: string) => void;
}

/** Path of the patched binary, building it the first time (about 2 minutes). */
export function buildPatchedFerretDb({ go, projectRoot, say }: BuildOptions): string {
  const toolsDir = path.join(projectRoot, '.tools');
  const binary = path.join(toolsDir, BUILD_NAME);
  if (fs.existsSync(binary)) return binary;
  fs.mkdirSync(toolsDir, { recursive: true });
  say(`Building the local database server (FerretDB ${FERRETDB_VERSION}) with Go, first run only, about 2 minutes ...`);

  const wrapperSource = path.join(projectRoot, 'tools', 'ferretdb');
  // Per-process folders and an atomic rename: two test runs starting at once both build, safely.
  const buildDir = path.join(toolsDir, `ferretdb-build-${process.pid}`);
  const moduleCopy = path.join(toolsDir, `ferretdb-src-${process.pid}`);
  const partial = `${binary}.${process.pid}.partial`;
  removeTree(buildDir);
  fs.mkdirSync(buildDir, { recursive: true });
  for (const name of ['go.mod', 'go.sum', 'main.go']) fs.copyFileSync(path.join(wrapperSource, name), path.join(buildDir, name));

  const run = (args: string[], extraEnv: Record<string, string>) =>
    spawnSync(go, args, {
      cwd: buildDir,
      env: { ...process.env, GOFLAGS: '-mod=mod', CGO_ENABLED: '0', ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
  const attempt = (extraEnv: Record<string, string>): string | undefined => {
    const download = run(['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], extraEnv);
    if (download.status !== 0) return download.stderr || download.stdout;
    const dir = (JSON.parse(download.stdout) as { Dir?: string }).Dir;
    if (!dir) return `go mod download gave no source folder: ${download.stdout}`;
    // The module cache is read-only: patch a writable copy and point the wrapper at it.
    removeTree(moduleCopy);
    fs.cpSync(dir, moduleCopy, { recursive: true });
    makeWritable(moduleCopy);
    patchIdSelector(moduleCopy);
    const replace = run(['mod', 'edit', `-replace=${FERRETDB_MODULE}=${moduleCopy}`], extraEnv);
    if (replace.status !== 0) return replace.stderr;
    const build = run(['build', '-o', partial, '.'], extraEnv);
    return build.status === 0 && fs.existsSync(partial) ? undefined : build.stderr || 'go build failed';
  };

  try {
    let failure = attempt({});
    if (failure !== undefined) {
      // A Go release too old or too new for FerretDB's modules: fetch the matching toolchain.
      say('Retrying with GOTOOLCHAIN=go1.24.3 ...');
      failure = attempt({ GOTOOLCHAIN: 'go1.24.3' });
    }
    if (failure !== undefined) throw new FerretDbBuildError(`Could not build FerretDB with Go:\n${failure.slice(-2000)}`);
    fs.renameSync(partial, binary);
    return binary;
  } finally {
    removeTree(buildDir);
    removeTree(moduleCopy);
    fs.rmSync(partial, { force: true });
  }
}

/** Removes a copy of the module cache, whose folders are read-only until made writable. */
function removeTree(dir: string): void {
  if (!fs.existsSync(dir)) return;
  makeWritable(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}

function makeWritable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(full);
    else fs.chmodSync(full, 0o644);
  }
}
