import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { makeSandbox, newCaseArgs } from '../support/cli.js';

/**
 * JSON is the contract scripts read: the same bytes whatever language the user reads, sentences
 * inside it included. The terminal text of the same commands does follow the language.
 */
describe('--json is the same in every interface language', () => {
  let sb: CliSandbox;
  beforeAll(() => {
    sb = makeSandbox();
    const ok = (args: string[]) => {
      const r = sb.run(args);
      if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
    };
    ok(['profile', '--name', 'Ayşe Yılmaz', '--country', 'TR', '--time-zone', 'Europe/Istanbul']);
    ok(newCaseArgs({ amount: '12.400 TL', purchased: '2026-10-02', remedy: 'repair' }));
    ok([
      'log',
      '1',
      '--channel',
      'phone',
      '--at',
      '2026-10-20 10:00',
      '--duration',
      '10m',
      '--rep',
      'Selin D.',
      '--reference',
      'TCK-1',
      '--summary',
      'Promised a technician.',
      '--promise',
      'technician visit',
      '--due',
      '2026-10-25',
    ]);
  });
  afterAll(() => sb.cleanup());

  const commands = [
    ['list'],
    ['show', '1'],
    ['due', '--days', '30', '--explain'],
    ['next', '1'],
    ['prep', '1'],
    ['clock', '1'],
    ['stats'],
    ['doctor'],
  ];
  for (const args of commands) {
    it(`${args.join(' ')} --json`, () => {
      const out = (lang: string) => {
        const r = sb.run([...args, '--json'], { env: { COMPLAIN_LANG: lang } });
        expect(r.status, r.stderr).toBe(0);
        return r.stdout;
      };
      const en = out('en');
      expect(en.length).toBeGreaterThan(2);
      for (const lang of ['tr', 'ru', 'kk', 'fa']) expect(out(lang), lang).toBe(en);
    });
  }

  it('while the terminal text follows the language', () => {
    const en = sb.run(['next', '1'], { env: { COMPLAIN_LANG: 'en' } }).stdout;
    const ru = sb.run(['next', '1'], { env: { COMPLAIN_LANG: 'ru' } }).stdout;
    expect(ru).not.toBe(en);
    expect(ru).toMatch(/[а-я]/);
  });

  it('names the legal clocks in the interface language in due and clock', () => {
    const run = (args: string[], lang: string) =>
      sb.run(args, { env: { COMPLAIN_LANG: lang } }).stdout;
    for (const args of [
      ['due', '--days', '400'],
      ['clock', '1'],
    ]) {
      expect(run(args, 'en'), args[0]).toContain('repair or replacement is due');
      const tr = run(args, 'tr');
      expect(tr, args[0]).toContain('onarım veya değişim süresi');
      expect(tr, args[0]).not.toContain('repair or replacement is due');
      expect(run(args, 'ru'), args[0]).toContain('срок ремонта или замены');
    }
  });
});
