import { afterEach, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { BIN, makeSandbox, newCaseArgs } from '../support/cli.js';
import { Terminal } from '../support/tmux.js';

// The wizards in a real terminal (tmux), typed as a person would.
const ENV = { NO_COLOR: '1', TZ: 'Europe/Istanbul', TERM: 'xterm-256color' };

let term: Terminal | undefined;
let sb: CliSandbox | undefined;
afterEach(() => {
  term?.close();
  sb?.cleanup();
  term = undefined;
  sb = undefined;
});

function open(sandbox: CliSandbox, args: string[]): Terminal {
  return new Terminal([process.execPath, BIN, '--data-dir', sandbox.dataDir, ...args], ENV);
}

describe('complain new in a terminal', () => {
  it('asks for the profile once, walks through the case, takes a correction with the arrow keys, saves', async () => {
    sb = makeSandbox();
    term = open(sb, ['new']);
    const t = term;
    await t.answer('Your full name', 'Ayşe Yılmaz');
    await t.answer('Your postal address', 'Bağdat Cd. 12, 34710 Kadıköy/İstanbul');
    await t.answer('Your phone number', '');
    await t.answer('Your e-mail address', 'ayse@example.com');
    await t.answer('Your country', 'TR');
    await t.answer('Language of your letters', ''); // Türkçe is the default for TR
    await t.answer('Your time zone', ''); // the computer's: Europe/Istanbul
    await t.answer('Which company?', 'Acme Elektronik');
    await t.answer('Their phone number', '444 0 444');
    for (const q of ['complaints e-mail', 'website', 'chat', 'social media', 'postal address'])
      await t.answer(q, '');
    await t.answer('Which product or service?', 'Kettle K-200');
    await t.answer('A short title', ''); // default from the product
    await t.answer('When did you buy it', '2026-10-02');
    await t.answer('Order number', 'A-1001');
    await t.answer('account number', '');
    // An amount without a currency is refused on the spot, with the fix.
    await t.waitForPrompt('How much did you pay?');
    t.type('1.249,90');
    t.press('Enter');
    await t.waitFor('has no currency — write it like "59.90 EUR"');
    t.type(' TL');
    t.press('Enter');
    // Paid by credit card: the issuer and the last four digits; a whole card number is refused
    // on the spot without being shown again.
    await t.choose('How did you pay?', 1); // not recorded, card
    await t.choose('credit card or a debit card', 1); // not recorded, credit
    await t.answer('Which bank issued the card?', 'Garanti BBVA');
    await t.waitForPrompt("The card's last four digits");
    t.type('4111 1111 1111 4242');
    t.press('Enter');
    await t.waitFor("takes the card's last four digits only, never the full card number");
    // Only the input line holds what was typed: the error does not repeat it.
    expect(t.screen().split('4111 1111').length - 1).toBe(1);
    for (let i = 0; i < 19; i++) t.press('BSpace');
    t.type('4242');
    t.press('Enter');
    await t.answer('Date of the statement', '2026-10-05');
    await t.answer('When did the problem start?', '2026-10-09');
    await t.answer('The situation', 'I bought a kettle from your online shop.');
    await t.answer('The problem', 'It stopped heating after a week.');
    await t.answer('Your request', 'Refund the full price.');
    await t.choose('Which remedy', 0);
    await t.answer('Remedy detail', '');
    await t.answer('consumer law applies', ''); // the profile's country
    // The summary: change the order number, with the arrow keys.
    const summary = await t.waitFor('Save this case?');
    expect(summary).toMatch(/Order\s+A-1001/);
    await t.choose('Save this case?', 1);
    await t.choose('Which field?', 4); // company, product, title, purchased, order
    await t.answer('Order number', 'A-1002');
    await t.choose('Save this case?', 0);
    expect(await t.exitStatus()).toBe(0);
    expect(t.screen()).toContain('Saved case #1: Kettle K-200.');

    const created = sb.json<Record<string, unknown>>(['show', '1']);
    expect(created).toMatchObject({
      orderRef: 'A-1002',
      amount: { minor: 124990, currency: 'TRY' },
      jurisdiction: 'TR',
      company: { name: 'Acme Elektronik', phone: '444 0 444' },
      paidBy: 'card',
      cardType: 'credit',
      cardIssuer: 'Garanti BBVA',
      cardLast4: '4242',
      statementDate: '2026-10-05',
    });
    expect(sb.json(['profile'])).toMatchObject({
      fullName: 'Ayşe Yılmaz',
      address: 'Bağdat Cd. 12\n34710 Kadıköy/İstanbul',
      language: 'tr',
      timeZone: 'Europe/Istanbul',
    });
  });

  it('Ctrl-C saves nothing, not even the profile, and exits 130', async () => {
    sb = makeSandbox();
    term = open(sb, ['new']);
    await term.answer('Your full name', 'Ayşe');
    await term.waitForPrompt('Your postal address');
    term.press('C-c');
    expect(await term.exitStatus()).toBe(130);
    expect(term.screen()).toContain('Cancelled: nothing was saved.');
    expect(sb.run(['profile']).status).toBe(1);
  });
});

describe('complain log in a terminal', () => {
  it('records a transferred call with a promise and rude conduct', async () => {
    sb = makeSandbox();
    sb.run(['profile', '--name', 'Ayşe', '--country', 'TR', '--time-zone', 'Europe/Istanbul']);
    sb.run(newCaseArgs({ remedy: 'repair', jurisdiction: null }));
    term = open(sb, ['log']);
    const t = term;
    await t.choose('How did you contact them?', 0); // phone
    await t.answer('When did it start?', '2h ago');
    await t.answer('How long did it take?', '25m');
    await t.answer('Who did you speak to?', 'Ayşe K.');
    await t.answer("Ayşe K.'s employee or agent ID", '4411');
    await t.answer('Transferred to someone else?', 'Selin');
    await t.answer("Selin's employee or agent ID", '');
    await t.answer('Transferred to someone else?', '');
    await t.answer('Department', 'Technical');
    await t.answer('Reference or ticket number', 'TCK-88812');
    await t.answer('What was said?', 'They will send a technician.');
    await t.answer('What are the next steps?', 'technician visit');
    await t.answer('Who is responsible?', '');
    await t.answer('How long will it take?', '3 working days');
    await t.answer('Did they promise anything?', 'technician visit');
    await t.answer('By when?', 'in 3 days');
    await t.answer('Another promise?', '');
    await t.choose('How did it end?', 1); // from the default, unresolved, down to transferred
    await t.choose('Did you ask for a supervisor?', 3); // no, asked, granted, refused
    await t.answer('Was anyone rude?', 'y');
    await t.answer('Their exact words', 'Not my problem.');
    await t.answer('Their exact words', '');
    await t.answer('Save this contact?', '');
    // A repair case of goods: the wizard asks whether this call asked for the repair (issue 13).
    await t.answer('Did you ask for a repair in this contact?', '');
    expect(await t.exitStatus()).toBe(0);
    const file = sb.json<{ contacts: Record<string, unknown>[] }>(['show', '1']);
    expect(file.contacts).toHaveLength(1);
    expect(file.contacts[0]).toMatchObject({
      channel: 'phone',
      durationMinutes: 25,
      reps: [
        { name: 'Ayşe K.', repId: '4411' },
        { name: 'Selin', repId: null },
      ],
      department: 'Technical',
      reference: 'TCK-88812',
      outcome: 'transferred',
      supervisor: 'refused',
      rude: true,
      quotes: ['Not my problem.'],
      promises: [{ text: 'technician visit', state: 'pending' }],
    });
  });

  it('Ctrl-C in the middle leaves no contact behind', async () => {
    sb = makeSandbox();
    sb.run(newCaseArgs({ remedy: 'repair' }));
    term = open(sb, ['log', '1']);
    await term.choose('How did you contact them?', 0);
    await term.answer('When did it start?', '');
    await term.answer('How long did it take?', '5m');
    await term.waitForPrompt('Who did you speak to?');
    term.type('Mehm');
    term.press('C-c');
    expect(await term.exitStatus()).toBe(130);
    expect(sb.json<{ contacts: unknown[] }>(['show', '1']).contacts).toEqual([]);
  });
});
