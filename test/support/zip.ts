import { createHash } from 'node:crypto';
import yauzl from 'yauzl';

/** Every entry of a zip with its bytes' SHA-256 and size, read with a real zip reader. */
export async function readZipHashes(
  file: string,
): Promise<Map<string, { sha256: string; size: number; data?: Buffer }>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, validateEntrySizes: true });
  const out = new Map<string, { sha256: string; size: number; data?: Buffer }>();
  try {
    for await (const entry of zip.eachEntry()) {
      const stream = await zip.openReadStreamPromise(entry);
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of stream) {
        hash.update(chunk as Buffer);
        size += (chunk as Buffer).length;
        if (size < 1_000_000) chunks.push(chunk as Buffer);
      }
      out.set(entry.fileName, {
        sha256: hash.digest('hex'),
        size,
        ...(size < 1_000_000 ? { data: Buffer.concat(chunks) } : {}),
      });
    }
  } finally {
    zip.close();
  }
  return out;
}
