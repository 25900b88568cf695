import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliSandbox } from './cli.js';
import { newCaseArgs } from './cli.js';

/** A small but real PDF: one empty page. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n' +
    'xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \n' +
    'trailer<</Size 4/Root 1 0 R>>\nstartxref\n164\n%%EOF\n',
);

/** A real 1×1 JPEG. */
export const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function sha256File(file: string): string {
  return sha256(readFileSync(file));
}

/** Writes a file in the sandbox dir and returns its path. */
export function put(sb: CliSandbox, name: string, data: Buffer | string): string {
  const file = join(sb.dir, name);
  writeFileSync(file, data);
  return file;
}

/** The names in the evidence store (none when it does not exist yet). */
export function storeNames(sb: CliSandbox): string[] {
  try {
    return readdirSync(join(sb.dataDir, 'evidence')).sort();
  } catch {
    return [];
  }
}

/** Creates a case from flags and returns its id. */
export function newCase(sb: CliSandbox, company = 'Acme'): number {
  return sb.json<{ id: number }>(
    newCaseArgs({
      company,
      situation: 'I bought a kettle.',
      problem: 'It stopped heating.',
      request: 'Refund it.',
    }),
  ).id;
}
