import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { makeSandbox, newCaseArgs } from '../support/cli.js';

/** The case commands speak the interface language; JSON and exit codes do not change with it. */
describe('case commands in another interface language', () => {
  let sb: CliSandbox;
  beforeAll(() => {
    sb = makeSandbox();
  });
  afterAll(() => sb.cleanup());

  it('tr: help, a saved case, a bad amount with its hint', () => {
    const tr = { env: { COMPLAIN_LANG: 'tr' } };
    const help = sb.run(['new', '--help'], tr);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('bir firmayla yaşadığınız yeni bir sorunu tanımlayın');
    expect(help.stdout).toContain('--purchased <date>');
    expect(help.stdout).toContain('satın alma veya sözleşme tarihi');
    expect(help.stdout).toContain('İnternetten bir su ısıtıcısı aldım.');

    const saved = sb.run(newCaseArgs(), tr);
    expect(saved.status, saved.stderr).toBe(0);
    expect(saved.stdout.trim()).toBe('1');
    expect(saved.stderr).toContain('#1 numaralı dosya kaydedildi');
    expect(saved.stderr).toContain('complain log 1');

    const bad = sb.run(['edit', '1', '--amount', '12 XYZ'], tr);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--amount "12 XYZ" bilinmeyen bir para birimi içeriyor: "XYZ"');
    expect(bad.stderr).toContain('"1.249,90 TL" veya "59.90 EUR" gibi yazın');
  });

  it('ru: plural forms in the log message, the missing-profile error, JSON unchanged', () => {
    const ru = { env: { COMPLAIN_LANG: 'ru' } };
    const logged = sb.run(
      [
        'log',
        '1',
        '--channel',
        'phone',
        '--summary',
        'Обещали перезвонить.',
        '--promise',
        'перезвонить',
        '--due',
        'in 3 days',
        '--promise',
        'письмо',
        '--due',
        'in 5 days',
      ],
      ru,
    );
    expect(logged.status, logged.stderr).toBe(0);
    expect(logged.stderr).toContain('Обращение #1 по делу #1 записано, 2 обещания.');
    expect(sb.run(['profile'], ru).stderr).toContain('профиля пока нет');
    const list = sb.json<{ status: string }[]>(['list', '--json'], ru);
    expect(list[0]!.status).toBe('open');
    expect(sb.run(['list', '--status', 'waiting'], ru).stderr).toContain(
      'Нет дел со статусом waiting.',
    );
  });
});
