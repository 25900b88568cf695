import { describe, expect, it } from 'vitest';
import { parseArgv as parse } from '../support/argv.js';

describe('argv → options for the evidence commands', () => {
  it.each([
    [
      ['attach', '3', 'a b.pdf', 'قرارداد.pdf', '--kind', 'Receipt'],
      'attach',
      {
        caseArg: '3',
        files: ['a b.pdf', 'قرارداد.pdf'],
        kind: 'receipt',
        label: undefined,
        json: false,
      },
    ],
    [
      ['attach', '#3', 'x.pdf', '--label', ' Invoice ', '--json'],
      'attach',
      { caseArg: '#3', files: ['x.pdf'], kind: undefined, label: 'Invoice', json: true },
    ],
    [['evidence', '3'], 'evidence list', { caseArg: '3', json: false }],
    [['evidence', 'verify', '--json'], 'evidence verify', { caseArg: undefined, json: true }],
    [
      ['evidence', 'move', '12', '1'],
      'evidence move',
      { id: 12, action: 'move', position: 1, yes: false, json: false },
    ],
    [
      ['evidence', 'edit', '12', '--kind', 'photo'],
      'evidence edit',
      { id: 12, action: 'edit', kind: 'photo', yes: false, json: false },
    ],
    [
      ['evidence', 'remove', '12', '-y'],
      'evidence remove',
      { id: 12, action: 'remove', yes: true, json: false },
    ],
    [
      ['export', '3', '-o', 'b.zip'],
      'export',
      { caseArg: '3', all: false, output: 'b.zip', json: false, extraEntries: [] },
    ],
    [
      ['export', '--all', '--json'],
      'export',
      { caseArg: undefined, all: true, output: undefined, json: true, extraEntries: [] },
    ],
    [['import', 'data.json', '--merge'], 'import', { file: 'data.json', merge: true, json: false }],
    [['backup', '-o', 'x.db'], 'backup', { output: 'x.db', json: false }],
    [['doctor', '--json'], 'doctor', { json: true }],
  ])('%j', async (argv, name, options) => {
    expect(await parse(argv)).toEqual({ name, options });
  });

  it.each([
    [['attach', '3', 'a.pdf', 'b.pdf', '--label', 'X'], '--label names one file'],
    [['attach', '3', 'a.pdf', '--kind', 'selfie'], '--kind "selfie" is not one of'],
    [['export'], 'which case?'],
    [['export', '3', '--all'], 'give a case number or --all, not both'],
    [['evidence', 'edit', '12'], 'nothing to change'],
  ])('%j is refused', async (argv, message) => {
    await expect(parse(argv)).rejects.toThrow(message);
  });
});
