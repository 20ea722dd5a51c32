// formidable v1 (restify's own multipart parser) has no type definitions; this is the part we use.
import { createRequire } from 'node:module';
import type { IncomingMessage } from 'node:http';

export interface FormidableFile {
  path: string;
  name: string | null;
  type: string | null;
  size: number;
}

export interface FormidableForm {
  multiples: boolean;
  maxFileSize: number;
  parse(req: IncomingMessage, callback: (err: Error | null, fields: Record<string, unknown>, files: Record<string, FormidableFile | FormidableFile[]>) => void): void;
}

const load = createRequire(require.resolve('restify'));
export const formidable = load('formidable') as { IncomingForm: new () => FormidableForm };
