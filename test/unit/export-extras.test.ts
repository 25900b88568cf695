import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAttach } from '../../src/commands/attach.js';
import { runExport } from '../../src/commands/export.js';
import { createCase } from '../../src/db/case-repo.js';
import type { TestContext } from '../support/context.js';
import { makeTestContext } from '../support/context.js';
import { TINY_PDF, sha256 } from '../support/files.js';
import { makeCaseFields } from '../support/snapshot.js';
import { readZipHashes } from '../support/zip.js';

describe('runExport: extra entries (the letter plugs in here)', () => {
  let t: TestContext;
  afterEach(() => t.cleanup());

  it('writes, indexes and verifies entries other features hand over', async () => {
    t = makeTestContext();
    const { ctx } = t;
    const id = createCase(
      ctx.db(),
      { name: 'Acme', channels: {} },
      makeCaseFields({ remedy: 'refund' }),
      ctx.now(),
    );
    writeFileSync(join(ctx.cwd, 'fatura.pdf'), TINY_PDF);
    await runAttach(
      {
        caseArg: String(id),
        files: ['fatura.pdf'],
        kind: 'receipt',
        label: 'Invoice',
        json: false,
      },
      ctx,
    );
    const letter = Buffer.from('PK fake docx for the test');
    const result = await runExport(
      {
        caseArg: String(id),
        all: false,
        output: 'bundle.zip',
        json: true,
        extraEntries: [
          {
            name: 'letter/letter-2026-11-23.docx',
            data: letter,
            kind: 'letter',
            label: 'Complaint letter',
          },
        ],
      },
      ctx,
    );
    if (result.kind !== 'bundle') throw new Error('expected a bundle');
    expect(result.bundle.index.files.map((f) => [f.file, f.kind, f.label])).toEqual([
      ['timeline.docx', 'timeline', 'Case timeline (DOCX)'],
      ['timeline.csv', 'timeline', 'Case timeline (CSV)'],
      ['letter/letter-2026-11-23.docx', 'letter', 'Complaint letter'],
      ['evidence/01-receipt-fatura.pdf', 'receipt', 'Invoice'],
    ]);
    const entries = await readZipHashes(join(ctx.cwd, 'bundle.zip'));
    expect(entries.get('letter/letter-2026-11-23.docx')?.sha256).toBe(sha256(letter));
    expect(entries.get('evidence/01-receipt-fatura.pdf')?.sha256).toBe(sha256(TINY_PDF));
  });
});
