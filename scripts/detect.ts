// `npm run --silent detect`: JSON lines {"id","text"} on stdin, one detection per line on stdout.
// A bad line gets an error object for its id (or a message on stderr when it has no id);
// the command carries on and exits non-zero only when stdin cannot be read.
import readline from 'node:readline';
import { z } from 'zod';
import { createDetector } from '../services/detection/detector';
import type { Detector } from '../services/detection/types';

const inputSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  language: z.string().optional(),
});

export function detectLine(detector: Detector, line: string): { out?: string; err?: string } {
  if (!line.trim()) return {};
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { err: `skipped a line that is not JSON: ${line.slice(0, 80)}` };
  }
  const parsed = inputSchema.safeParse(json);
  if (!parsed.success) {
    const id =
      typeof json === 'object' && json !== null && 'id' in json ? String((json as { id: unknown }).id) : undefined;
    const reason = parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ');
    if (id === undefined) return { err: `skipped a line without an id: ${reason}` };
    return { out: JSON.stringify({ id, error: reason }) };
  }
  const { id, text, language } = parsed.data;
  const d = detector.detect(text, language ? { language } : undefined);
  return {
    out: JSON.stringify({
      id,
      intent: d.intent,
      dissatisfied: d.dissatisfied,
      confidence: d.confidence,
      language: d.language,
      flags: d.flags,
    }),
  };
}

async function main(): Promise<void> {
  let detector: Detector;
  try {
    detector = createDetector();
  } catch (err) {
    process.stderr.write(`detect: cannot load the detector: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  process.stdin.on('error', (err) => {
    process.stderr.write(`detect: cannot read stdin: ${err.message}\n`);
    process.exit(1);
  });
  for await (const line of rl) {
    const { out, err } = detectLine(detector, line);
    if (out) process.stdout.write(`${out}\n`);
    if (err) process.stderr.write(`detect: ${err}\n`);
  }
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`detect: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
