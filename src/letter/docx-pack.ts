import { crc32, deflateRawSync } from 'node:zlib';
import type { Document } from 'docx';
import { Packer } from 'docx';

/**
 * The DOCX file of a document: docx's own parts (the same XML `Packer.toBuffer` writes), zipped
 * with Node's zlib instead of docx's JavaScript DEFLATE (fflate), which took a third of a
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

/** MS-DOS date and time (local time, as zip tools write and show them). */
function dosDateTime(at: Date): { date: number; time: number } {
  const year = Math.min(Math.max(at.getFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
  };
}

/** A zip file (no ZIP64: a letter's parts are far below 4 GB), every file DEFLATE-compressed. */
export function zipFiles(files: Map<string, string | Uint8Array>, at: Date): Buffer {
  const { date, time } = dosDateTime(at);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [path, data] of files) {
    const raw = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const packed = deflateRawSync(raw);
    const name = Buffer.from(path, 'utf8');
    // Bit 11: the name is UTF-8 (set only when it is not plain ASCII).
    const flags = name.length === path.length ? 0 : 0x0800;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (DEFLATE)
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8); // DEFLATE
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(date, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(raw.length, 24);
    entry.writeUInt16LE(name.length, 28);
    // Extra field, comment, disk number, internal and external attributes: none.
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, name, packed);
    central.push(entry, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}
