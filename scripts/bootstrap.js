#!/usr/bin/env node
// Makes `npm start` and `npm test` work as the very first command on a fresh clone:
// installs npm dependencies when missing or stale, builds the TypeScript, makes sure the
// tools the tests need are present (Chromium), then runs the requested thing.
// Plain Node with no dependencies, because it runs before `npm ci` has.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const say = (msg) => process.stderr.write(`[bootstrap] ${msg}\n`);

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (res.error) throw res.error;
  return res.status ?? 1;
}

function mtime(file) {
  try {
    return fs.statSync(path.join(root, file)).mtimeMs;
  } catch {
    return 0;
  }
}

function ensureDependencies() {
  const marker = 'node_modules/.package-lock.json';
  const lockChanged = mtime('package-lock.json') > mtime(marker);
  if (mtime(marker) && !lockChanged) return;
  say('installing npm dependencies (first run) ...');
  // stdout of npm goes to stderr: stdout belongs to the command's data (e.g. `detect`).
  const status = run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    stdio: ['ignore', process.stderr, 'inherit'],
  });
  if (status !== 0) {
    say('npm ci failed: check your access to the npm registry, then run the command again.');
    process.exit(status);
  }
}

function ensureBuilt() {
  const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
  const status = run(tsc, ['-p', 'tsconfig.build.json'], { stdio: ['ignore', process.stderr, 'inherit'] });
  if (status !== 0) {
    say('TypeScript build failed (see above).');
    process.exit(status);
  }
}

function ensureChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  if (candidates.some((p) => fs.existsSync(p))) return;
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    say('installing Chromium from Debian for the browser tests (first run) ...');
    const quiet = { stdio: ['ignore', process.stderr, 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
    run('apt-get', ['update', '-qq'], quiet);
    if (run('apt-get', ['install', '-y', '-qq', 'chromium'], quiet) === 0) {
      // Best effort: Debian's Chromium has no Bengali or Gurmukhi font, so screenshots of those
      // pages would show boxes. Tests check text, lang and direction, never glyphs.
      run('apt-get', ['install', '-y', '-qq', 'fonts-lohit-beng-bengali', 'fonts-lohit-guru'], quiet);
      return;
    }
  }
  say('Chromium is missing and could not be installed: run `apt-get install chromium` (Debian) or set CHROMIUM_PATH.');
  process.exit(1);
}

function main() {
  const [mode, ...rest] = process.argv.slice(2);
  process.env.DOTENV_CONFIG_QUIET = 'true';
  ensureDependencies();
  switch (mode) {
    case 'build':
      ensureBuilt();
      return;
    case 'start':
      ensureBuilt();
      return exitWith(run(process.execPath, ['dist/index.js', ...rest], { stdio: 'inherit' }));
    case 'test': {
      ensureChromium();
      ensureBuilt(); // integration tests start the built app as a real process
      const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
      return exitWith(run(process.execPath, [jest, ...rest], { stdio: 'inherit' }));
    }
    case 'run': {
      ensureBuilt();
      const [script, ...args] = rest;
      return exitWith(run(process.execPath, [script, ...args], { stdio: 'inherit' }));
    }
    default:
      say(`unknown mode "${mode}" (expected start, test, build or run)`);
      process.exit(2);
  }
}

function exitWith(status) {
  process.exit(status);
}

main();
