import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { makeSandbox, newCaseArgs } from '../support/cli.js';

const ZONE = 'Europe/Istanbul';
function daysAgo(n: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(
    new Date(Date.now() - n * 86_400_000),
  );
}

describe('the agenda commands in the interface language', () => {
  let sb: CliSandbox;
  const ru = { env: { COMPLAIN_LANG: 'ru' } };
  const tr = { env: { COMPLAIN_LANG: 'tr' } };
  beforeAll(() => {
    sb = makeSandbox();
    sb.json(newCaseArgs({ company: 'Acme', remedy: 'refund', amount: '500 TL' }));
    sb.json([
      'log',
      '1',
      '--channel',
      'phone',
      '--at',
      `${daysAgo(10)} 10:00`,
      '--reference',
      'R-1',
      '--summary',
      'Asked for a refund.',
      '--promise',
      'call back',
      '--due',
      daysAgo(7),
    ]);
  });
  afterAll(() => sb.cleanup());

  it('due --help is in Russian, flags and examples as they are', () => {
    const r = sb.run(['due', '--help'], ru);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('на сколько дней вперёд показывать (по умолчанию 14)');
    expect(r.stdout).toContain('Примеры:');
    expect(r.stdout).toContain('$ complain due --days 30 --explain');
    expect(r.stdout).toContain('Код выхода 0 при любых сроках.');
  });

  it('due prints Russian headers and Russian plurals for days late', () => {
    const r = sb.run(['due'], ru);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Просрочено (');
    expect(r.stdout).toMatch(/КОГДА\s+СРОК\s+ДЕЛО\s+ЧТО/);
    expect(r.stdout).toContain('просрочено на 7 дней');
    expect(r.stdout).toContain('обещание #1 «call back» от Acme — не выполнено');
    // JSON stays the same in every language, apart from the sentences it quotes.
    const json = sb.json<{ overdue: { kind: string; daysLate: number }[] }>(['due'], ru);
    expect(json.overdue[0]).toMatchObject({ kind: 'promise', daysLate: 7 });
  });

  it('next explains the step in Turkish', () => {
    const r = sb.run(['next', '1'], tr);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Dosya #1: "İlk temas" aşamasında');
    expect(r.stdout).toContain('Sonraki adım:');
    expect(r.stdout).toContain('R-1 numarasını belirterek takip edin');
  });

  it('an error and its hint come in Russian, with the exit code unchanged', () => {
    const args = [
      'close',
      '1',
      '--as',
      'resolved',
      '--rating',
      '9',
      '--received',
      'x',
      '--received-on',
      daysAgo(1),
      '--amount',
      '500 TL',
    ];
    const r = sb.run(args, ru);
    expect(r.status).toBe(sb.run(args).status);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--rating «9» — не число от 1 до 5');
    expect(r.stderr).toContain('от 1 (очень плохо) до 5 (очень хорошо)');
  });

  it('promise without a flag and without a terminal names the flags in Turkish', () => {
    const r = sb.run(['promise', '1'], tr);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--kept veya --broken');
    expect(r.stderr).toContain('sorulabilecek bir terminal yok');
  });

  it('stats prints Persian headers', () => {
    const r = sb.run(['stats'], { env: { COMPLAIN_LANG: 'fa' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('شرکت');
    expect(r.stdout).toContain('وعده‌ها عمل‌شده/نشده');
  });
});
