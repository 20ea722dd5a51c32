// Configuration from the environment, parsed once by zod at start-up (names are a stable
// interface: see ../shared/DESIGN.md). A bad value stops start-up with the variable and reason.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const csv = optionalString.transform((v) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [],
);

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  MONGODB_URI: optionalString,
  DATA_DIR: z.string().default('./data'),
  POLICY_PACK: z.string().default('hoc-2024'),
  HOLIDAY_REGION: z.enum(['ENG', 'SCT', 'WLS', 'NIR']).default('ENG'),
  PUBLIC_BASE_URL: optionalString,
  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_FROM_NUMBER: optionalString,
  TWILIO_API_BASE_URL: optionalString,
  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TENANT_ID: optionalString,
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  STAFF_API_TOKENS: csv,
  DIRECTLINE_SECRET: optionalString,
  /** The landlord's name on the webchat page and in SMS keyword replies; defaults to the policy pack's `landlord`. */
  LANDLORD_NAME: optionalString,
  TRANSLATOR_PROVIDER: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : undefined),
    z.enum(['none', 'azure', 'libretranslate']).default('none'),
  ),
  TRANSLATOR_KEY: optionalString,
  TRANSLATOR_ENDPOINT: optionalString,
  TRANSLATOR_REGION: optionalString,
  /** Time limit for one machine translation before the original text is used instead. */
  TRANSLATOR_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(3000),
  /** Browser origins allowed to call the API cross-origin (comma-separated); empty = CORS closed. */
  CORS_ORIGINS: csv,
  /** Direct Line transcripts older than this are deleted by the retention job. */
  TRANSCRIPT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /** Staff in Teams (H5): the Teams (AAD) tenant whose users may act as staff. */
  STAFF_TEAMS_TENANT_ID: optionalString,
  /** Staff in Teams: AAD object ids or UPNs, each optionally `:manager` (managers may restrict contact). */
  STAFF_USERS: csv,
  /** Homes owned/managed, for TSM CH01 (complaints per 1,000 homes). */
  HOMES_COUNT: z.coerce.number().int().min(1).optional(),
  /** Hours before a deadline's last day ends when staff get a reminder. */
  STAFF_REMINDER_HOURS: z.coerce.number().int().min(1).max(240).default(24),
  /** How often the staff alert scan runs (new/escalated cases, deadlines). */
  STAFF_ALERT_SCAN_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /** Bot Framework OpenID metadata (sovereign/private clouds; tests point it at a local issuer). */
  BOT_OPENID_METADATA_URL: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface AppConfig extends RawConfig {
  publicBaseUrl: string;
  dataDir: string;
  projectRoot: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, projectRoot = findProjectRoot()): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${reasons}`);
  }
  const raw = parsed.data;
  return {
    ...raw,
    projectRoot,
    dataDir: path.resolve(projectRoot, raw.DATA_DIR),
    publicBaseUrl: (raw.PUBLIC_BASE_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, ''),
  };
}

/** The checkout's root, whether running from sources (ts-jest) or from dist/. */
export function findProjectRoot(start = __dirname): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
