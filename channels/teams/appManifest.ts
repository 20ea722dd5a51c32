// The Teams app manifest (schema v1.19) for the staff bot and the Complaints tab, and its
// validation against the JSON schema bundled in @microsoft/app-manifest (offline).
import fs from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

export const MANIFEST_VERSION = '1.19';

export interface ManifestInput {
  appId: string;
  baseUrl: string;
  appVersion: string;
  landlordName: string;
  accentColor?: string;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export class ManifestInputError extends Error {}

export function buildManifest(input: ManifestInput): Record<string, unknown> {
  if (!GUID.test(input.appId)) throw new ManifestInputError(`MICROSOFT_APP_ID must be the bot's Azure app id (a GUID), got "${input.appId}"`);
  let base: URL;
  try {
    base = new URL(input.baseUrl);
  } catch {
    throw new ManifestInputError(`PUBLIC_BASE_URL is not a URL: "${input.baseUrl}"`);
  }
  if (base.protocol !== 'https:') throw new ManifestInputError(`Teams loads tabs over https only: PUBLIC_BASE_URL is "${input.baseUrl}"`);
  const origin = base.origin;
  const commands = [
    { title: 'help', description: 'What the complaints bot can do' },
    { title: 'cases overdue', description: 'Live cases past a deadline' },
    { title: 'log', description: 'Log a complaint received by phone, letter, email or in person' },
    { title: 'subscribe here', description: 'Post complaint notifications in this conversation' },
  ];
  return {
    $schema: `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version: input.appVersion,
    id: input.appId,
    developer: {
      name: input.landlordName,
      websiteUrl: origin,
      privacyUrl: `${origin}/staff`,
      termsOfUseUrl: `${origin}/staff`,
    },
    name: { short: 'Complaints', full: `${input.landlordName} complaints` },
    description: {
      short: 'Handle tenant complaints in Teams',
      full: 'Notifications of new and escalated complaints and deadlines; acknowledge, respond, extend, escalate and close cases; take over tenant conversations on SMS and web chat; monthly complaint figures including TSM CH01 and CH02.',
    },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: input.accentColor ?? '#6264A7',
    bots: [
      {
        botId: input.appId,
        scopes: ['personal', 'team', 'groupChat'],
        supportsFiles: false,
        isNotificationOnly: false,
        commandLists: [
          { scopes: ['personal', 'team', 'groupChat'], commands },
        ],
      },
    ],
    staticTabs: [
      { entityId: 'complaints', name: 'Complaints', contentUrl: `${origin}/staff`, websiteUrl: `${origin}/staff`, scopes: ['personal'] },
    ],
    permissions: ['identity', 'messageTeamMembers'],
    validDomains: [base.host],
  };
}

export function manifestSchemaPath(version = MANIFEST_VERSION): string {
  const pkg = require.resolve('@microsoft/app-manifest/package.json');
  return path.join(path.dirname(pkg), 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
}

/** Validates against the bundled schema; returns "path: message" lines (empty when valid). */
export function validateManifest(manifest: unknown, version = MANIFEST_VERSION): string[] {
  const schema = JSON.parse(fs.readFileSync(manifestSchemaPath(version), 'utf8')) as Record<string, unknown>;
  const ajv = new AjvDraft04({ allErrors: true, strict: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}
