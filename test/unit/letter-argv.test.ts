import { describe, expect, it } from 'vitest';
import { fakeRuntime, parseArgv } from '../support/argv.js';

const parse = (argv: string[]) =>
  parseArgv(argv, fakeRuntime({ now: () => new Date('2026-11-23T09:00:00Z') }));

describe('argv → options: letter and sent', () => {
  it.each([
    [['letter', '3'], { caseArg: '3', enclose: [], output: undefined, strict: false, json: false }],
    [
      [
        'letter',
        '3',
        '-o',
        'l.docx',
        '--lang',
        'TR',
        '--deadline',
        '10bd',
        '--remedy',
        'Refund',
        '--remedy-detail',
        '1.249,90 TL',
        '--send-via',
        'notary',
        '--enclose',
        'invoice',
        '--enclose',
        'warranty',
        '--cc',
        'Ministry',
        '--strict',
      ],
      {
        caseArg: '3',
        output: 'l.docx',
        lang: 'tr',
        deadline: '10bd',
        remedy: 'refund',
        remedyDetail: '1.249,90 TL',
        sendVia: 'notary',
        enclose: ['invoice', 'warranty'],
        cc: 'Ministry',
        strict: true,
      },
    ],
    [
      ['sent', '3', '--via', 'certified-mail', '--tracking', 'RR123', '--on', '2026-11-20'],
      {
        caseArg: '3',
        via: 'certified-mail',
        tracking: 'RR123',
        on: '2026-11-20',
        letterId: undefined,
      },
    ],
    [
      ['sent', '3', '--delivered', '2026-11-24', '--letter', '#2', '--json'],
      { caseArg: '3', delivered: '2026-11-24', letterId: 2, json: true },
    ],
  ])('%j', async (argv, expected) => {
    expect((await parse(argv)).options).toMatchObject(expected);
  });

  it('rejects what cannot be right before anything runs', async () => {
    await expect(parse(['letter', '3', '--remedy', 'revenge'])).rejects.toThrow('is not a remedy');
    await expect(parse(['letter', '3', '--send-via', 'pigeon'])).rejects.toThrow(
      'is not a sending method',
    );
    await expect(parse(['letter', '3', '-o', '-', '--json'])).rejects.toThrow(
      'both write to stdout',
    );
    await expect(parse(['sent', '3', '--via', 'fax'])).rejects.toThrow('is not a sending method');
  });
});
