import type { Document } from 'docx';
import { Packer } from 'docx';
import yazl from 'yazl';

/**
 * The DOCX file of a document: docx's own parts (the same XML `Packer.toBuffer` writes), zipped
 * with Node's zlib (through yazl) instead of docx's JavaScript DEFLATE (fflate), which took a third of a
 * letter's export. The zip holds the same files in the same order, DEFLATE-compressed.
 */
export async function packDocx(doc: Document, now: Date = new Date()): Promise<Buffer> {
  const compile = docxCompiler();
  if (!compile) return Packer.toBuffer(doc);
  return zipFiles(compile(doc), now);
}

/** The package's files by path, in the order docx zips them. */
type Compile = (doc: Document) => Map<string, string | Uint8Array>;

/**
 * docx 9 compiles a document to its files with `Packer.compiler.compile(file, prettify,
 * overrides)`, then zips them; the compiler is not part of its typed API, so where a later
 * version has none the export falls back to `Packer.toBuffer` (test/unit/docx-pack.test.ts
 * fails then, so that the fallback is not silent).
 */
export function docxCompiler(): Compile | undefined {
  const compiler = (Packer as unknown as { compiler?: { compile?: unknown } }).compiler;
  const compile = compiler?.compile;
  if (typeof compile !== 'function') return undefined;
  return (doc) =>
    (compile as (file: Document, prettify: undefined, overrides: never[]) => unknown).call(
      compiler,
      doc,
      undefined,
      [],
    ) as Map<string, string | Uint8Array>;
}

/**
 * A zip of `files` in their order, each DEFLATE-compressed by zlib, dated `at` (yazl, which the
 * case bundle writes its zips with too; it marks non-ASCII names as UTF-8).
 */
export async function zipFiles(files: Map<string, string | Uint8Array>, at: Date): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [path, data] of files)
    zip.addBuffer(typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data), path, {
      mtime: at,
      compress: true,
    });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
