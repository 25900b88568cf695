import { afterEach, describe, expect, it } from 'vitest';
import { runContactEdit } from '../../src/commands/contact.js';
import { runList, toListOptions } from '../../src/commands/list.js';
import { givenFromFlags, runLog, toLogOptions } from '../../src/commands/log.js';
import { runNew, toNewOptions } from '../../src/commands/new.js';
import { runShow } from '../../src/commands/show.js';
import { CancelledError, MissingFlagsError } from '../../src/errors.js';
import type { TestContext } from '../support/context.js';
import { makeTestContext, scriptedPrompter } from '../support/context.js';

let t: TestContext | undefined;
afterEach(() => t?.cleanup());

describe('runNew', () => {
  it('asks for the profile the first time, then every case field, then saves once', async () => {
    const prompter = scriptedPrompter([
      // profile
      'Ayşe Yılmaz',
      'Bağdat Cd. 12, Kadıköy',
      '+90 555',
      'ayse@example.com',
      'TR',
      'tr',
      'Europe/Istanbul',
      // company (none known yet) and its channels
      'Acme Elektronik',
      '444 0 444',
      '',
      '',
      '',
      '',
      '',
      // fields in order: product, title, purchased, order, account, amount, how it was paid (and
      // for a card: its type, issuer, last four digits, statement), occurred, situation, problem,
      // request, remedy, detail, jurisdiction
      'Kettle K-200',
      '',
      '2026-10-02',
      'A-1001',
      '',
      '1.249,90 TL',
      'card',
      'credit',
      'Garanti BBVA',
      '4242',
      '2026-10-05',
      '2026-10-09',
      'Bought online.',
      'Stopped heating.',
      'Refund it.',
      'refund',
      '',
      'TR',
      // summary: correct the order number, then save
      'change',
      'orderRef',
      'A-1002',
      'save',
    ]);
    t = makeTestContext({ prompter });
    const created = await runNew(toNewOptions({}), t.ctx);
    expect(created).toMatchObject({
      id: 1,
      title: 'Kettle K-200',
      orderRef: 'A-1002',
      amount: { minor: 124990, currency: 'TRY' },
      company: { name: 'Acme Elektronik', phone: '444 0 444' },
      jurisdiction: 'TR',
      paidBy: 'card',
      cardType: 'credit',
      cardIssuer: 'Garanti BBVA',
      cardLast4: '4242',
      statementDate: '2026-10-05',
    });
    expect(t.ctx.profile()).toMatchObject({ fullName: 'Ayşe Yılmaz', language: 'tr' });
  });

  it('saves nothing when the user cancels at the summary', async () => {
    const prompter = scriptedPrompter([
      'Ayşe',
      '',
      '',
      '',
      'TR',
      'tr',
      'Europe/Istanbul',
      'Acme',
      '',
      '',
      '',
      '',
      '',
      '',
      'Kettle',
      '',
      '',
      '',
      '',
      '',
      '',
      's',
      'p',
      'r',
      'refund',
      '',
      'TR',
      'cancel',
    ]);
    t = makeTestContext({ prompter });
    await expect(runNew(toNewOptions({}), t.ctx)).rejects.toThrow(CancelledError);
    expect((await runList(toListOptions({ all: true }), t.ctx)).cases).toEqual([]);
    expect(t.ctx.profile()).toBeUndefined();
  });

  it('names every missing flag without a terminal', async () => {
    t = makeTestContext();
    const error = await runNew(toNewOptions({ product: 'Kettle' }), t.ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingFlagsError);
    expect((error as MissingFlagsError).flags).toEqual([
      '--company',
      '--situation',
      '--problem',
      '--request',
      '--remedy',
      '--jurisdiction',
    ]);
  });
});

/** The flags of `complain new` for a plain kettle case. */
const KETTLE_FLAGS = {
  company: 'Acme',
  product: 'Kettle',
  situation: 's',
  problem: 'p',
  request: 'r',
  remedy: 'repair',
  jurisdiction: 'TR',
};

describe('runLog', () => {
  it('asks through a transfer and two promises', async () => {
    t = makeTestContext();
    await runNew(toNewOptions(KETTLE_FLAGS), t.ctx);
    t.cleanup();
    const prompter = scriptedPrompter([
      'phone',
      'today 10:05',
      '25m',
      'Ayşe K.',
      '4411',
      'Selin D.',
      '',
      '',
      'Technical',
      'TCK-1',
      'They will send a technician.',
      'technician visit',
      'service team',
      '3 days',
      'technician visit',
      'friday',
      'call back',
      'tomorrow',
      '',
      'transferred',
      'refused',
      true,
      'Not my problem.',
      '',
      true,
      // A repair case of goods: did this call ask for the repair? (issue 13) No.
      false,
    ]);
    const t2 = makeTestContext({ prompter });
    t = t2;
    await runNew(toNewOptions(KETTLE_FLAGS), { ...t2.ctx, interactive: false });
    const result = await runLog(toLogOptions(undefined, {}), t2.ctx);
    expect(result.exercised).toBeUndefined();
    expect(result.contact).toMatchObject({
      channel: 'phone',
      reference: 'TCK-1',
      reps: [
        { name: 'Ayşe K.', repId: '4411' },
        { name: 'Selin D.', repId: null },
      ],
      supervisor: 'refused',
      rude: true,
      quotes: ['Not my problem.'],
      outcome: 'transferred',
    });
    expect(result.contact.startedAt.toISOString()).toBe('2026-11-23T07:05:00.000Z');
    expect(result.contact.endedAt?.toISOString()).toBe('2026-11-23T07:30:00.000Z');
    expect(result.contact.promises.map((p) => [p.text, p.dueAt.toISOString()])).toEqual([
      ['call back', '2026-11-24T20:59:59.999Z'],
      ['technician visit', '2026-11-27T20:59:59.999Z'],
    ]);
    const file = await runShow({ caseArg: '1', json: true }, t2.ctx);
    expect(file.contacts).toHaveLength(1);
  });
});

describe('runContactEdit on a terminal', () => {
  it('asks only for the part the user picks, then saves', async () => {
    const prompter = scriptedPrompter(['reference', 'TCK-9', 'supervisor', 'granted', 'save']);
    t = makeTestContext({ prompter });
    const quiet = { ...t.ctx, interactive: false };
    await runNew(toNewOptions(KETTLE_FLAGS), quiet);
    await runLog(
      toLogOptions('1', {
        channel: 'phone',
        at: '2026-11-23 10:00',
        duration: '10m',
        summary: 'first call',
        rep: [{ name: 'Ayşe', repId: '1' }],
      }),
      quiet,
    );
    const edited = await runContactEdit(
      { contactArg: '1', given: givenFromFlags({}), json: false },
      t.ctx,
    );
    expect(edited).toMatchObject({
      reference: 'TCK-9',
      supervisor: 'granted',
      summary: 'first call',
      department: null,
      reps: [{ name: 'Ayşe', repId: '1' }],
    });
    expect(edited.endedAt!.getTime() - edited.startedAt.getTime()).toBe(10 * 60_000);
    expect(prompter.asked).toEqual([
      'What do you want to change?',
      'Reference or ticket number (Enter if they gave none)',
      'What do you want to change?',
      'Did you ask for a supervisor?',
      'What do you want to change?',
    ]);
  });
});
