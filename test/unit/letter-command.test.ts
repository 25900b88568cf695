import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runLetter, toLetterOptions } from '../../src/commands/letter.js';
import { runSent, toSentOptions } from '../../src/commands/sent.js';
import { listLetters } from '../../src/db/letter-repo.js';
import type { TestContext } from '../support/context.js';
import { makeTestContext, scriptedPrompter } from '../support/context.js';
import { NOW, seedFixtureCase, TZ } from '../support/letter-fixture.js';

let t: TestContext | undefined;
afterEach(() => t?.cleanup());

/** The fixture case and its contacts in a real temporary database. */
function seed(test: TestContext): number {
  return seedFixtureCase(test.ctx.db());
}

describe('complain letter on a terminal', () => {
  it('asks for what is missing, previews, lints and offers to export', async () => {
    const prompter = scriptedPrompter(['', '10bd', 'kep', true, '']);
    t = makeTestContext({ now: NOW, prompter });
    const id = seed(t);
    const out = join(t.ctx.paths.dataDir, '..');
    const result = await runLetter(
      toLetterOptions(String(id), { enclose: ['invoice'], lang: 'tr' }),
      {
        ...t.ctx,
        // The export's default file name lands in the test's directory, not the repository.
        prompter: async () => ({
          ...prompter,
          input: async (o) =>
            o.message === 'File name'
              ? prompter.input({ ...o, default: join(out, o.default ?? '') })
              : prompter.input(o),
        }),
      },
    );
    expect(prompter.asked).toEqual([
      'What exactly do you ask for? (amount, item, by when; Enter to skip)',
      // The 30 working days from the first contact (6 Oct) ran out on 18 Nov: 7 days, not 30bd again.
      'Deadline for their answer: 14d (calendar days), 10bd (business days) or a date — default 7d (30 November 2026)',
      'How will you send it? (so that you can prove it arrived)',
      'Export the letter to DOCX now?',
      'File name',
    ]);
    expect(t.stdout()).toContain('Sayın Yetkili,');
    expect(t.stderr()).toContain('Lint: no warnings.');
    expect(result.letter.deadline).toMatchObject({ on: '2026-12-07', specText: '10bd' });
    expect(result.text).toContain('Gönderim şekli: kayıtlı elektronik posta (KEP).');
    const file = join(out, `complaint-${id}-tr.docx`);
    expect(result.exported?.path).toBe(file);
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    const [record] = listLetters(t.ctx.db(), id);
    expect(record).toMatchObject({
      language: 'tr',
      deadlineOn: '2026-12-07',
      deadlineSpec: '10bd',
      sendMethod: 'kep',
      enclosures: ['invoice'],
      remedy: 'repair',
    });
    expect(record!.fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses -o - when stdout is a terminal', async () => {
    t = makeTestContext({ now: NOW, prompter: scriptedPrompter([]) });
    const id = seed(t);
    await expect(runLetter(toLetterOptions(String(id), { output: '-' }), t.ctx)).rejects.toThrow(
      'will not write a DOCX file to the terminal',
    );
  });

  it('recounts the deadline from the delivery date', async () => {
    t = makeTestContext({ now: NOW });
    const id = seed(t);
    const out = join(t.ctx.paths.dataDir, '..', 'l.docx');
    await runLetter(toLetterOptions(String(id), { output: out, deadline: '14d' }), t.ctx);
    // A week later, on the same database.
    const later = new Date('2026-11-30T09:00:00Z');
    const ctx = { ...t.ctx, now: () => later, clock: () => ({ now: later, timeZone: TZ }) };
    const sent = await runSent(
      toSentOptions(String(id), { via: 'registered-mail', on: '2026-11-24', tracking: 'RR1' }),
      ctx,
    );
    expect(sent.letter).toMatchObject({ deadlineOn: '2026-12-07', sentVia: 'registered-mail' });
    expect(sent.deadlineMoved).toBe(false);
    const delivered = await runSent(toSentOptions(String(id), { delivered: '2026-11-27' }), ctx);
    expect(delivered.deadlineMoved).toBe(true);
    expect(delivered.letter).toMatchObject({
      sentOn: '2026-11-24',
      deliveredOn: '2026-11-27',
      tracking: 'RR1',
      deadlineOn: '2026-12-11',
      deadlineFrom: '2026-11-27',
    });
    await expect(
      runSent(toSentOptions(String(id), { delivered: '2026-11-20' }), ctx),
    ).rejects.toThrow('before the day it was sent');
  });
});
