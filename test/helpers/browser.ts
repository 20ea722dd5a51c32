// Real headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, Browser } from 'playwright-core';
import { findProjectRoot } from '../../config';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: run \`npm test\` (scripts/bootstrap.js installs Debian's chromium) or apt-get install chromium`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/** test-output/<name>, created on demand (git-ignored). */
export function testOutputPath(name: string): string {
  const dir = path.join(findProjectRoot(__dirname), 'test-output');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
