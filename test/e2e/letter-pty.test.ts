import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { BIN, makeSandbox } from '../support/cli.js';
import { Terminal } from '../support/tmux.js';

describe('complain letter in a real terminal (tmux)', () => {
  let sb: CliSandbox;
  let term: Terminal | undefined;
  beforeAll(() => {
    sb = makeSandbox();
    sb.run([
      'profile',
      '--name',
      'Ayşe Yılmaz',
      '--address',
      'Bağdat Cd. 12, 34710 Kadıköy/İstanbul',
      '--country',
      'TR',
      '--language',
      'tr',
      '--time-zone',
      'Europe/Istanbul',
    ]);
    sb.json([
      'new',
      '--company',
      'Acme Elektronik',
      '--company-address',
      'Büyükdere Cd. 1, 34394 Şişli/İstanbul',
      '--product',
      'Çaydanlık',
      '--order',
      'A-1001',
      '--situation',
      'Çaydanlık aldım.',
      '--problem',
      'Isıtmıyor.',
      '--request',
      'İade.',
      '--remedy',
      'refund',
      '--jurisdiction',
      'TR',
    ]);
    // A second case whose company has no postal address and nothing attached.
    sb.json([
      'new',
      '--company',
      'Beta Mağazacılık',
      '--product',
      'Ütü',
      '--situation',
      'Ütü aldım.',
      '--problem',
      'Buhar vermiyor.',
      '--request',
      'Yenisiyle değiştirilsin.',
      '--remedy',
      'replacement',
      '--remedy-detail',
      'aynı model yeni bir ütü',
      '--jurisdiction',
      'TR',
    ]);
  });
  afterAll(() => {
    term?.close();
    sb.cleanup();
  });

  it('asks for what is missing, previews, and exports on Enter', async () => {
    term = new Terminal(
      [process.execPath, BIN, '--data-dir', sb.dataDir, 'letter', '1', '--enclose', 'fatura'],
      { NO_COLOR: '1', TZ: 'Europe/Istanbul' },
      { cols: 120, rows: 40, cwd: sb.dir },
    );
    await term.waitFor('What exactly do you ask for?', 20_000);
    term.type('1.249,90 TL kartıma iade edilsin');
    term.press('Enter');
    await term.waitFor('Deadline for their answer', 20_000);
    term.press('Enter');
    await term.waitFor('How will you send it?', 20_000);
    term.press('Down', 'Enter'); // the second method: registered mail
    const preview = await term.waitFor('Export the letter to DOCX now?', 20_000);
    expect(preview).toContain('Sayın Yetkili,');
    expect(preview).toContain('(1.249,90 TL kartıma iade edilsin) talep ediyorum.');
    expect(preview).toContain('Gönderim şekli: iadeli taahhütlü posta.');
    expect(preview).toContain('Lint: no warnings.');
    term.press('Enter');
    await term.waitFor('File name', 20_000);
    term.press('Enter');
    expect(await term.exitStatus(20_000)).toBe(0);
    expect(existsSync(join(sb.dir, 'complaint-1-tr.docx'))).toBe(true);
    const shown = sb.json<{ letters: { sendMethod: string; deadlineSpec: string }[] }>([
      'show',
      '1',
    ]);
    expect(shown.letters).toEqual([
      expect.objectContaining({ sendMethod: 'registered-mail', deadlineSpec: '14d' }),
    ]);
  });

  it('asks for the company postal address and the enclosures when the case lacks them', async () => {
    term?.close();
    term = new Terminal(
      [process.execPath, BIN, '--data-dir', sb.dataDir, 'letter', '2'],
      { NO_COLOR: '1', TZ: 'Europe/Istanbul' },
      { cols: 120, rows: 40, cwd: sb.dir },
    );
    await term.waitFor('no postal address on file', 20_000);
    term.type('Levent Cd. 5, 34330 Beşiktaş/İstanbul');
    term.press('Enter');
    await term.waitFor('Papers you will enclose', 20_000);
    term.type('fatura, arıza fotoğrafları');
    term.press('Enter');
    await term.waitFor('Deadline for their answer', 20_000);
    term.press('Enter');
    await term.waitFor('How will you send it?', 20_000);
    term.press('Enter');
    const preview = await term.waitFor('Export the letter to DOCX now?', 20_000);
    expect(preview).toContain('Levent Cd. 5');
    expect(preview).toContain('34330 Beşiktaş/İstanbul');
    expect(preview).toMatch(/fatura, arıza fotoğrafları/);
    term.press('Enter');
    await term.waitFor('File name', 20_000);
    term.press('Enter');
    expect(await term.exitStatus(20_000)).toBe(0);
    const shown = sb.json<{
      company: { address: string | null };
      letters: { enclosures: string[] }[];
    }>(['show', '2']);
    expect(shown.letters[0]!.enclosures).toEqual(['fatura', 'arıza fotoğrafları']);
    expect(shown.company.address).toBe('Levent Cd. 5\n34330 Beşiktaş/İstanbul');
    // The next letter has the address and asks no more for it.
    const again = sb.run(['letter', '2', '--no-input']);
    expect(again.stdout).toContain('Levent Cd. 5');
  });
});
