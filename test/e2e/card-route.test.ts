import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { BIN, makeSandbox } from '../support/cli.js';
import { Terminal } from '../support/tmux.js';

/**
 * The card route end to end, on a fixed clock (COMPLAIN_NOW) that moves forward between steps as
 * the days would: a US case paid by credit card — the complaint, sent with a tracking number and
 * delivered; its deadline passes; the final notice; then the letter to the card issuer. Each
 * letter is a PDF made by LibreOffice, read back with pdftotext and pdfinfo.
 */
describe('the card route: a US case paid by credit card', () => {
  let sb: CliSandbox;
  const at = (now: string) => ({ env: { COMPLAIN_NOW: now, COMPLAIN_LANG: 'en' } });
  const run = (now: string, args: string[]) => {
    const r = sb.run(args, at(now));
    expect(r.status, `complain ${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r;
  };
  const json = <T>(now: string, args: string[]) => sb.json<T>(args, at(now));
  const pdf = (name: string) => {
    const file = join(sb.dir, name);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    return { info, text: text.replace(/\s+/g, ' ') };
  };

  beforeAll(() => {
    sb = makeSandbox();
    const T0 = '2026-10-20T15:00:00Z';
    run(T0, [
      'profile',
      '--name',
      'Jane Doe',
      '--address',
      '12 Elm St, Springfield, IL 62701',
      '--email',
      'jane@example.com',
      '--country',
      'US',
      '--language',
      'en',
      '--time-zone',
      'America/Chicago',
    ]);
    run(T0, [
      'new',
      '--company',
      'Gadget Mart',
      '--company-address',
      '500 Market St, Chicago, IL 60601',
      '--product',
      'Blender B-9',
      '--purchased',
      '2026-10-01',
      '--amount',
      '249.00 USD',
      '--order',
      'GM-5531',
      '--situation',
      'I ordered a blender from your online shop.',
      '--problem',
      'It never arrived.',
      '--request',
      'Refund the price.',
      '--remedy',
      'refund',
      '--jurisdiction',
      'US',
      '--paid-by',
      'card',
      '--card-type',
      'credit',
      '--card-issuer',
      'Chase',
      '--card-last4',
      '4242',
      '--statement-date',
      '2026-10-05',
    ]);
    run(T0, [
      'log',
      '1',
      '--channel',
      'phone',
      '--at',
      '2026-10-10 10:00',
      '--duration',
      '10m',
      '--rep',
      'Tom',
      '--reference',
      'T-77',
      '--summary',
      'They said it had shipped.',
      '--outcome',
      'unresolved',
    ]);
  }, 60_000);
  afterAll(() => sb?.cleanup());

  it('records the payment: show --json has the card by its last four digits', () => {
    const shown = json<Record<string, unknown>>('2026-10-20T15:05:00Z', ['show', '1']);
    expect(shown).toMatchObject({
      paidBy: 'card',
      cardType: 'credit',
      cardIssuer: 'Chase',
      cardLast4: '4242',
      statementDate: '2026-10-05',
      cardIssuerAddress: null,
    });
    const text = run('2026-10-20T15:05:00Z', ['show', '1']).stdout;
    expect(text).toMatch(/Paid by\s+credit card, Chase, •••• 4242, statement 2026-10-05/);
  });

  it('complaint, sent and delivered; the deadline passes; the final notice; the card letter', () => {
    // 20 October: the complaint, as a PDF, sent by certified mail.
    const complaint = json<{ kind: string; letter: { id: number } }>('2026-10-20T15:10:00Z', [
      'letter',
      '1',
      '-o',
      'complaint.pdf',
    ]);
    expect(complaint.kind).toBe('complaint');
    expect(pdf('complaint.pdf').info).toMatch(/Pages:\s+1\n/);
    run('2026-10-20T16:00:00Z', [
      'sent',
      '1',
      '--via',
      'certified-mail',
      '--tracking',
      'RR123456789US',
      '--on',
      '2026-10-20',
    ]);
    // 24 October: the return receipt says 23 October.
    run('2026-10-24T15:00:00Z', ['sent', '1', '--delivered', '2026-10-23']);
    const early = json<{ notes: string[]; cardRoute: { id: string } }>('2026-10-24T15:00:00Z', [
      'next',
      '1',
    ]);
    expect(early.cardRoute.id).toBe('us-fcba');
    expect(early.notes.at(-1)).toContain(
      'a parallel route is the billing-error notice to the card issuer (Fair Credit Billing Act), to Chase: complain letter 1 --to card-issuer',
    );

    // 20 November: the deadline (6 November, 14 days from the delivery) has passed.
    const NOV20 = '2026-11-20T15:00:00Z';
    const next = json<{ reason: string }>(NOV20, ['next', '1']);
    expect(next.reason).toContain("the letter's deadline passed 14 days ago (2026-11-06)");
    const notice = json<{ kind: string; cites: { tracking: string; deliveredOn: string }[] }>(
      NOV20,
      ['letter', '1', '-o', 'final.pdf'],
    );
    expect(notice.kind).toBe('final-notice');
    expect(notice.cites).toEqual([
      expect.objectContaining({ tracking: 'RR123456789US', deliveredOn: '2026-10-23' }),
    ]);
    const final = pdf('final.pdf');
    expect(final.info).toMatch(/Pages:\s+1\n/);
    expect(final.text).toContain('RR123456789US');
    expect(final.text).toContain('October 23, 2026');
    run(NOV20, [
      'sent',
      '1',
      '--letter',
      '2',
      '--via',
      'certified-mail',
      '--tracking',
      'RR987654321US',
      '--on',
      '2026-11-20',
    ]);

    // Half an hour later, the letter to the card issuer, within the 60 days of the 5 October
    // statement.
    const LATER = '2026-11-20T15:30:00Z';
    const card = json<{
      kind: string;
      cardRoute: { id: string; kind: string; verified: boolean };
      cites: { id: number; tracking: string }[];
      letter: { id: number };
    }>(LATER, [
      'letter',
      '1',
      '--to',
      'card-issuer',
      '--issuer-address',
      'Chase Card Services, P.O. Box 15299, Wilmington, DE 19850',
      '-o',
      'card.pdf',
    ]);
    expect(card.kind).toBe('card-issuer');
    expect(card.cardRoute).toEqual(
      expect.objectContaining({ id: 'us-fcba', kind: 'billing-error', verified: true }),
    );
    expect(card.cites.map((c) => c.tracking)).toEqual(['RR123456789US', 'RR987654321US']);
    const issuer = pdf('card.pdf');
    expect(issuer.info).toMatch(/Pages:\s+1\n/);
    expect(issuer.info).toMatch(/Producer:\s+LibreOffice/);
    expect(issuer.text).toContain(
      'Billing error notice, card ending 4242, statement of October 5, 2026',
    );
    expect(issuer.text).toContain('My statement of October 5, 2026 for the card ending 4242');
    expect(issuer.text).toContain('$249.00');
    expect(issuer.text).toContain('Fair Credit Billing Act');
    expect(issuer.text).toContain('P.O. Box 15299');
    expect(issuer.text).toContain('tracking number RR123456789US');
    expect(issuer.text).toContain('delivered on October 23, 2026');
    expect(issuer.text).not.toContain('Better Business Bureau');

    // The letters and their kinds; the issuer's address is kept on the case.
    const shown = json<{ letters: { kind: string }[]; cardIssuerAddress: string }>(LATER, [
      'show',
      '1',
    ]);
    expect(shown.letters.map((l) => l.kind)).toEqual(['complaint', 'final-notice', 'card-issuer']);
    expect(shown.cardIssuerAddress).toContain('P.O. Box 15299');

    // The card letter goes out and arrives: the issuer's clocks run from its delivery.
    run(NOV20, [
      'sent',
      '1',
      '--letter',
      String(card.letter.id),
      '--via',
      'certified-mail',
      '--tracking',
      'RR555000111US',
      '--on',
      '2026-11-20',
    ]);
    const NOV24 = '2026-11-24T15:00:00Z';
    run(NOV24, ['sent', '1', '--letter', String(card.letter.id), '--delivered', '2026-11-23']);
    const clocks = json<{ clocks: { id: string; owes: string; state: string; dueOn: string }[] }>(
      NOV24,
      ['clock', '1'],
    ).clocks.map((c) => [c.id, c.owes, c.state, c.dueOn]);
    expect(clocks).toEqual([
      ['us-card-billing-error', 'consumer', 'exercised', '2026-12-04'],
      ['us-card-acknowledge', 'issuer', 'running', '2026-12-23'],
      ['us-card-resolve', 'issuer', 'running', '2027-02-21'],
    ]);
    const due = json<{ upcoming: { what: string; dueOn: string; clock: { id: string } | null }[] }>(
      NOV24,
      ['due', '--days', '120'],
    );
    expect(
      due.upcoming.filter((i) => i.clock?.id.startsWith('us-card-')).map((i) => i.what),
    ).toEqual([
      'Chase (card issuer): 30 days for the card issuer to acknowledge the billing-error notice in writing',
      'Chase (card issuer): two billing cycles, at most 90 days, for the card issuer to resolve the billing error',
    ]);
    const later = json<{ notes: string[]; cardRoute: { letterId: number } }>(NOV24, ['next', '1']);
    expect(later.cardRoute.letterId).toBe(card.letter.id);
    expect(later.notes).toContain(
      `Card route: letter #${card.letter.id} to Chase was sent on 2026-11-20.`,
    );
    const text = run(NOV24, ['clock', '1']).stdout;
    expect(text).toContain("(the card issuer's duty)");
  }, 240_000);

  it('refuses the card letter for a case without the card, naming the edit command; writes nothing', () => {
    const NOW = '2026-11-24T16:00:00Z';
    run(NOW, [
      'new',
      '--company',
      'Corner Shop',
      '--product',
      'Toaster',
      '--amount',
      '40.00 USD',
      '--situation',
      's',
      '--problem',
      'p',
      '--request',
      'r',
      '--remedy',
      'refund',
      '--jurisdiction',
      'US',
      '--paid-by',
      'cash',
    ]);
    const r = sb.run(['letter', '2', '--to', 'card-issuer', '-o', 'nothing.docx'], at(NOW));
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      'complain: case #2 does not record a card payment: the letter to the card issuer needs the card — record them first: complain edit 2 --paid-by card --card-issuer … --card-last4 … --statement-date …',
    );
    expect(existsSync(join(sb.dir, 'nothing.docx'))).toBe(false);
    expect(json<{ letters: unknown[] }>(NOW, ['show', '2']).letters).toEqual([]);
  });

  it('never takes a whole card number, and never prints one back', () => {
    const NOW = '2026-11-24T16:10:00Z';
    const r = sb.run(
      ['edit', '2', '--paid-by', 'card', '--card-last4', '4111 1111 1111 1111'],
      at(NOW),
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('never the full card number; nothing was saved');
    expect(r.stderr).not.toMatch(/4111|1111 1111/);
    expect(json<{ paidBy: string }>(NOW, ['show', '2']).paidBy).toBe('cash');
    // A statement in the future and a card detail without a card payment are refused too.
    const future = sb.run(
      ['edit', '2', '--paid-by', 'card', '--statement-date', '2026-12-01'],
      at(NOW),
    );
    expect(future.status).toBe(1);
    expect(future.stderr).toContain('--statement-date 2026-12-01');
    const noCard = sb.run(['edit', '2', '--card-issuer', 'Amex'], at(NOW));
    expect(noCard.status).toBe(1);
    expect(noCard.stderr).toContain('--card-issuer is about a card payment');
  });

  it('edit records a card, and a payment changed from a card forgets the card', () => {
    const NOW = '2026-11-24T16:20:00Z';
    const card = json<Record<string, unknown>>(NOW, [
      'edit',
      '2',
      '--paid-by',
      'card',
      '--card-type',
      'debit',
      '--card-issuer',
      'Amex',
      '--card-last4',
      '0005',
      '--statement-date',
      '2026-11-01',
    ]);
    expect(card).toMatchObject({ paidBy: 'card', cardType: 'debit', cardLast4: '0005' });
    const cash = json<Record<string, unknown>>(NOW, ['edit', '2', '--paid-by', 'cash']);
    expect(cash).toMatchObject({
      paidBy: 'cash',
      cardType: null,
      cardIssuer: null,
      cardLast4: null,
      statementDate: null,
    });
  });

  it('in a terminal: asks only what the card letter needs (not the merchant’s address nor the remedy detail), previews, exports', async () => {
    const NOW = '2026-11-24T17:00:00Z';
    run(NOW, [
      'new',
      '--company',
      'Far Shop',
      '--product',
      'Lamp',
      '--amount',
      '80.00 USD',
      '--situation',
      's',
      '--problem',
      'It came broken.',
      '--request',
      'Something else.',
      '--remedy',
      'other',
      '--remedy-detail',
      'a new lamp',
      '--jurisdiction',
      'US',
      '--paid-by',
      'card',
      '--card-type',
      'debit',
      '--card-issuer',
      'Wells Fargo',
      '--card-last4',
      '9876',
      '--statement-date',
      '2026-11-10',
    ]);
    const term = new Terminal(
      [process.execPath, BIN, '--data-dir', sb.dataDir, 'letter', '3', '--to', 'card-issuer'],
      { NO_COLOR: '1', TZ: 'America/Chicago', COMPLAIN_NOW: NOW, COMPLAIN_LANG: 'en' },
      { cols: 120, rows: 50, cwd: sb.dir },
    );
    try {
      await term.waitFor('Papers you will enclose', 20_000);
      term.type('receipt, photo of the lamp');
      term.press('Enter');
      await term.waitFor('Deadline for their answer', 20_000);
      term.press('Enter');
      await term.waitFor('How will you send it?', 20_000);
      term.press('Enter');
      const preview = (await term.waitFor('Export the letter to DOCX now?', 20_000)).replace(
        /\s+/g,
        ' ',
      );
      expect(preview).toContain('Subject: Chargeback request, card ending 9876');
      expect(preview).toContain(
        'Please raise a chargeback and credit $80.00 back to my card account.',
      );
      expect(preview).not.toContain('no postal address on file');
      term.press('Enter');
      await term.waitFor('File name', 20_000);
      term.press('Enter');
      expect(await term.exitStatus(20_000)).toBe(0);
    } finally {
      term.close();
    }
    expect(existsSync(join(sb.dir, 'card-issuer-3-en.docx'))).toBe(true);
    const letters = json<{ letters: { kind: string; deadlineSpec: string }[] }>(NOW, [
      'show',
      '3',
    ]).letters;
    expect(letters).toEqual([
      expect.objectContaining({ kind: 'card-issuer', deadlineSpec: '30d' }),
    ]);
  }, 120_000);
});
