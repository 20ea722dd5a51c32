// npm run teams:package [-- --app-id GUID --base-url https://… --version 1.0.0 --out dist/teams-app.zip]
// Builds the Teams app package (manifest.json + icons) for the staff bot and tab, validates the
// manifest against the bundled Teams schema, and writes a zip to upload in Teams admin.
// stdout: one JSON line {file, bytes, manifestVersion}; stderr: what went wrong, for people.
import fs from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { findProjectRoot } from '../config';
import { buildManifest, ManifestInputError, MANIFEST_VERSION, validateManifest } from '../channels/teams/appManifest';
import { colorIcon, outlineIcon } from '../channels/teams/icons';

export interface PackageOptions {
  appId: string;
  baseUrl: string;
  appVersion: string;
  landlordName: string;
  out: string;
}

export function buildTeamsPackage(opts: PackageOptions): { file: string; bytes: number; manifest: Record<string, unknown> } {
  const manifest = buildManifest(opts);
  const problems = validateManifest(manifest);
  if (problems.length) throw new ManifestInputError(`manifest.json does not match the Teams v${MANIFEST_VERSION} schema:\n${problems.join('\n')}`);
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
  zip.addFile('color.png', colorIcon(String(manifest.accentColor)));
  zip.addFile('outline.png', outlineIcon());
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  zip.writeZip(opts.out);
  return { file: opts.out, bytes: fs.statSync(opts.out).size, manifest };
}

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

export function main(argv = process.argv.slice(2), env = process.env): number {
  const root = findProjectRoot();
  const appId = arg(argv, 'app-id') ?? env.MICROSOFT_APP_ID;
  const baseUrl = arg(argv, 'base-url') ?? env.PUBLIC_BASE_URL;
  if (!appId || !baseUrl) {
    process.stderr.write('teams:package needs the bot app id and the public https address: set MICROSOFT_APP_ID and PUBLIC_BASE_URL (or pass --app-id and --base-url).\n');
    return 2;
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  try {
    const result = buildTeamsPackage({
      appId,
      baseUrl,
      appVersion: arg(argv, 'version') ?? pkg.version,
      landlordName: arg(argv, 'landlord') ?? env.LANDLORD_NAME ?? 'Housing association',
      out: path.resolve(root, arg(argv, 'out') ?? 'dist/teams-app.zip'),
    });
    process.stdout.write(`${JSON.stringify({ file: result.file, bytes: result.bytes, manifestVersion: MANIFEST_VERSION })}\n`);
    process.stderr.write(`Teams app package written to ${result.file}: upload it in Teams (Apps → Manage your apps → Upload an app).\n`);
    return 0;
  } catch (err) {
    if (err instanceof ManifestInputError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

if (require.main === module) process.exit(main());
