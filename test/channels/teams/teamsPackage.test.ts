import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import AdmZip from 'adm-zip';
import { buildTeamsPackage } from '../../../scripts/teams-package';
import { buildManifest, validateManifest } from '../../../channels/teams/appManifest';

const APP_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const base = { appId: APP_ID, baseUrl: 'https://complaints.example.org', appVersion: '1.2.3', landlordName: 'Example Homes' };

function pngSize(buf: Buffer): { width: number; height: number } {
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('Teams app package', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-pkg-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a zip with a manifest valid against the bundled Teams schema and correctly sized icons', () => {
    const out = path.join(dir, 'teams-app.zip');
    const result = buildTeamsPackage({ ...base, out });
    expect(result.bytes).toBeGreaterThan(0);
    const zip = new AdmZip(out);
    expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.readAsText('manifest.json'));
    expect(validateManifest(manifest)).toEqual([]);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.staticTabs[0].contentUrl).toBe('https://complaints.example.org/staff');
    expect(manifest.validDomains).toEqual(['complaints.example.org']);
    expect(pngSize(zip.readFile('color.png')!)).toEqual({ width: 192, height: 192 });
    expect(pngSize(zip.readFile('outline.png')!)).toEqual({ width: 32, height: 32 });
    // The PNG data really inflates to 192 rows of RGBA pixels.
    const png = zip.readFile('color.png')!;
    const idatLen = png.readUInt32BE(33);
    expect(zlib.inflateSync(png.subarray(41, 41 + idatLen)).length).toBe(192 * (192 * 4 + 1));
  });

  it('reports schema violations with the field path', () => {
    const manifest = buildManifest(base);
    const broken = { ...manifest, accentColor: 'purple', bots: [{ ...(manifest.bots as object[])[0], scopes: ['everywhere'] }] };
    const problems = validateManifest(broken);
    expect(problems.join('\n')).toMatch(/\/accentColor/);
    expect(problems.join('\n')).toMatch(/\/bots\/0\/scopes/);
  });

  it('refuses an app id that is not a GUID and a base URL that is not https', () => {
    expect(() => buildManifest({ ...base, appId: 'my-bot' })).toThrow(/GUID/);
    expect(() => buildManifest({ ...base, baseUrl: 'http://localhost:3978' })).toThrow(/https/);
  });
});
