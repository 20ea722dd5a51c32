// Loads policy packs (services/policy/packs/<id>.json) and validates them. A bad pack is an
// error naming the file, the field and the reason, so start-up can stop with a clear message.
import fs from 'node:fs';
import path from 'node:path';
import { policyPackSchema, PolicyPack } from './packSchema';

export const DEFAULT_POLICY_PACK = 'hoc-2024';

export class PolicyPackError extends Error {
  constructor(
    message: string,
    public readonly file?: string,
  ) {
    super(message);
    this.name = 'PolicyPackError';
  }
}

/** The packs folder in the sources, whether this module runs from sources or from dist/. */
export function packsDirectory(start = __dirname): string {
  let dir = start;
  for (;;) {
    const candidate = path.join(dir, 'services', 'policy', 'packs');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const local = path.join(start, 'packs');
  if (fs.existsSync(local)) return local;
  throw new PolicyPackError(`policy packs folder not found (looked for services/policy/packs above ${start})`);
}

/** Validates one pack's parsed JSON; `file` is used in the error message. */
export function parsePolicyPack(data: unknown, file: string): PolicyPack {
  const parsed = policyPackSchema.safeParse(data);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
    throw new PolicyPackError(`Invalid policy pack ${file}: ${reasons}`, file);
  }
  const expectedId = path.basename(file, '.json');
  if (parsed.data.id !== expectedId) {
    throw new PolicyPackError(`Invalid policy pack ${file}: id: "${parsed.data.id}" must match the file name "${expectedId}"`, file);
  }
  return parsed.data;
}

/** Reads and validates one pack file. */
export function readPolicyPackFile(file: string): PolicyPack {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new PolicyPackError(`Cannot read policy pack ${file}: ${(err as Error).message}`, file);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new PolicyPackError(`Invalid policy pack ${file}: not valid JSON (${(err as Error).message})`, file);
  }
  return parsePolicyPack(data, file);
}

/** Ids of the packs shipped in `dir`, sorted. */
export function listPolicyPackIds(dir = packsDirectory()): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.basename(f, '.json'))
    .sort();
}

const loaded = new Map<string, PolicyPack>();

/** Loads and validates a pack by id (cached per folder). Throws PolicyPackError naming file, field and reason. */
export function loadPolicyPack(id: string, dir = packsDirectory()): PolicyPack {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new PolicyPackError(`Unknown policy pack "${id}": pack ids are lower-case letters, digits and dashes`);
  const file = path.join(dir, `${id}.json`);
  const cached = loaded.get(file);
  if (cached) return cached;
  if (!fs.existsSync(file)) {
    throw new PolicyPackError(`Unknown policy pack "${id}" (available: ${listPolicyPackIds(dir).join(', ')})`);
  }
  const pack = readPolicyPackFile(file);
  loaded.set(file, pack);
  return pack;
}

/** Every pack in `dir`, validated (the first invalid one throws). */
export function listPolicyPacks(dir = packsDirectory()): PolicyPack[] {
  return listPolicyPackIds(dir).map((id) => loadPolicyPack(id, dir));
}
