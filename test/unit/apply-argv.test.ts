import { describe, expect, it } from 'vitest';
import { parseArgv as parse } from '../support/argv.js';

describe('apply: argv → options', () => {
  it.each([
    [
      ['apply', '3'],
      {
        caseArg: '3',
        forum: undefined,
        lang: undefined,
        output: undefined,
        enclose: [],
        text: false,
        json: false,
      },
    ],
    [
      [
        'apply',
        '3',
        '--forum',
        'TR-Mediation',
        '--lang',
        'RU',
        '-o',
        'x.pdf',
        '--enclose',
        'fatura',
        '--enclose',
        'garanti belgesi',
      ],
      {
        caseArg: '3',
        forum: 'tr-mediation',
        lang: 'ru',
        output: 'x.pdf',
        enclose: ['fatura', 'garanti belgesi'],
        text: false,
        json: false,
      },
    ],
    [
      ['apply', '--text'],
      {
        caseArg: undefined,
        forum: undefined,
        lang: undefined,
        output: undefined,
        enclose: [],
        text: true,
        json: false,
      },
    ],
    [
      ['apply', '3', '--output', 'basvuru.DOCX', '--json'],
      {
        caseArg: '3',
        forum: undefined,
        lang: undefined,
        output: 'basvuru.DOCX',
        enclose: [],
        text: false,
        json: true,
      },
    ],
  ])('%j', async (argv, options) => {
    expect(await parse(argv)).toEqual({ name: 'apply', options });
  });

  it('-o takes .docx or .pdf only, and --text and --json exclude each other', async () => {
    await expect(parse(['apply', '3', '-o', 'x.txt'])).rejects.toThrow(/\.docx or \.pdf/);
    await expect(parse(['apply', '3', '--text', '--json'])).rejects.toThrow(/choose one/);
  });

  it('profile --national-id and edit --company-id reach their commands', async () => {
    expect(await parse(['profile', '--national-id', '12345678901'])).toEqual({
      name: 'profile',
      options: { values: {}, nationalId: '12345678901', json: false },
    });
    const edit = (await parse(['edit', '3', '--company-id', '0123456789000015'])).options as {
      companyId: string;
    };
    expect(edit.companyId).toBe('0123456789000015');
  });
});
