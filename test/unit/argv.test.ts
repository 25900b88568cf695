import { describe, expect, it } from 'vitest';
import { parseArgv as parse } from '../support/argv.js';

describe('argv → options', () => {
  it.each([
    [
      ['list'],
      'list',
      { status: undefined, company: undefined, limit: undefined, all: false, json: false },
    ],
    [
      ['ls', '--status', 'open', '--json'],
      'list',
      { status: 'open', company: undefined, limit: undefined, all: false, json: true },
    ],
    [
      ['--data-dir', '/d', 'list', '--all', '--company', 'Acme', '--limit', '5'],
      'list',
      { status: undefined, company: 'Acme', limit: 5, all: true, json: false },
    ],
    [['show', '3', '--json'], 'show', { caseArg: '3', json: true }],
    [['delete', '#4', '--yes'], 'delete', { caseArg: '#4', yes: true, json: false }],
    [['contact', 'delete', '7'], 'contact delete', { contactArg: '7', yes: false, json: false }],
    [
      ['profile', '--name', 'Ayşe', '--country', 'TR', '--time-zone', 'Europe/Istanbul'],
      'profile',
      { values: { fullName: 'Ayşe', country: 'TR', timeZone: 'Europe/Istanbul' }, json: false },
    ],
  ])('%j', async (argv, name, options) => {
    expect(await parse(argv)).toEqual({ name, options });
  });

  it('new: case fields and company channels', async () => {
    expect(
      await parse([
        'new',
        '--company',
        'Acme',
        '--company-phone',
        '444',
        '--product',
        'Kettle',
        '--purchased',
        '2026-10-02',
        '--amount',
        '59.90 EUR',
        '--remedy',
        'refund',
        '--remedy-detail',
        'full price',
        '--jurisdiction',
        'tr',
        '--json',
      ]),
    ).toEqual({
      name: 'new',
      options: {
        draft: {
          company: 'Acme',
          channels: { phone: '444' },
          fields: {
            product: 'Kettle',
            purchasedOn: '2026-10-02',
            amount: '59.90 EUR',
            remedy: 'refund',
            remedyDetail: 'full price',
            jurisdiction: 'tr',
          },
        },
        json: true,
        yes: false,
      },
    });
  });

  it('log: reps pair with their IDs, promises with their due dates', async () => {
    const { options } = await parse([
      'log',
      '2',
      '--channel',
      'phone',
      '--rep',
      'Ayşe',
      '--rep-id',
      '4411',
      '--rep',
      'Selin',
      '--promise',
      'call back',
      '--due',
      'friday',
      '--promise',
      'refund',
      '--due',
      '2026-12-01',
      '--quote',
      'Not my problem.',
      '--duration',
      '25m',
    ]);
    expect(options).toMatchObject({
      caseArg: '2',
      given: {
        raw: {
          channel: 'phone',
          duration: '25m',
          reps: [{ name: 'Ayşe', repId: '4411' }, { name: 'Selin' }],
          promises: [
            { text: 'call back', due: 'friday' },
            { text: 'refund', due: '2026-12-01' },
          ],
          quotes: ['Not my problem.'],
        },
        gaveReps: true,
        gavePromises: true,
        gaveQuotes: true,
      },
    });
  });

  it('log: a --promise without its --due is a usage error', async () => {
    await expect(parse(['log', '--promise', 'call back'])).rejects.toThrow(
      '--promise "call back" has no --due',
    );
    await expect(parse(['log', '--rep-id', '7', '--rep', 'A'])).rejects.toThrow(
      '--rep-id must follow the --rep',
    );
    await expect(parse(['log', '--rep', 'A', '--rep-id', '1', '--rep-id', '2'])).rejects.toThrow(
      '--rep-id must follow',
    );
  });

  it('log: an ID belongs to the --rep right before it', async () => {
    const { options } = await parse([
      'log',
      '--rep',
      'Mehmet',
      '--rep',
      'Selin',
      '--rep-id',
      'S-17',
      '--rep-role',
      'billing',
    ]);
    expect((options as { given: { raw: { reps: unknown } } }).given.raw.reps).toEqual([
      { name: 'Mehmet', repId: undefined, role: undefined },
      { name: 'Selin', repId: 'S-17', role: 'billing' },
    ]);
  });
});
