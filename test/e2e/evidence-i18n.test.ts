import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { makeSandbox } from '../support/cli.js';
import { TINY_PDF, newCase, put } from '../support/files.js';

/** attach, evidence, export and doctor speak the interface language; JSON and flags do not change. */
describe('the evidence commands in other interface languages', () => {
  let sb: CliSandbox;
  let caseId: number;
  const ru = { env: { COMPLAIN_LANG: 'ru' } };
  const tr = { env: { COMPLAIN_LANG: 'tr' } };
  beforeAll(() => {
    sb = makeSandbox();
    caseId = newCase(sb);
  });
  afterAll(() => sb.cleanup());

  it('help of attach in Russian, with the flags and the examples kept', () => {
    const r = sb.run(['attach', '--help'], ru);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('хранить проверенные копии документов');
    expect(r.stdout).toContain('--kind <kind>');
    expect(r.stdout).toContain('complain attach 3 ~/Загрузки/чек_февраль.pdf --kind receipt');
    expect(r.stdout).not.toContain('keep verified copies');
  });

  it('an attach message and a Russian plural in verify', () => {
    const file = put(sb, 'chek.pdf', TINY_PDF);
    const r = sb.run(['attach', String(caseId), file, '--kind', 'receipt'], ru);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`приложен к делу #${caseId} как документ #1 (Чек: chek)`);
    const v = sb.run(['evidence', 'verify'], ru);
    expect(v.status).toBe(0);
    expect(v.stderr).toContain('1 сохранённая копия совпадает со своим SHA-256.');
  });

  it('an error with its hint in Turkish, same exit code', () => {
    const r = sb.run(['attach', String(caseId), 'yok.pdf'], tr);
    const en = sb.run(['attach', String(caseId), 'yok.pdf'], { env: { COMPLAIN_LANG: 'en' } });
    expect(en.stderr).toContain('no file "yok.pdf"');
    expect(r.status).toBe(en.status);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('"yok.pdf" adında bir dosya yok');
    expect(r.stderr).toContain('adı ve klasörü denetleyin');
    const missing = sb.run(['evidence', 'remove', '999', '--yes'], tr);
    expect(missing.stderr).toContain('#999 numaralı belge yok');
  });

  it('doctor in Turkish keeps the JSON names English', () => {
    const text = sb.run(['doctor'], tr);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('tamam   veritabanı bütünlüğü: integrity_check: sorun yok');
    const report = sb.json<{ checks: { name: string }[] }>(['doctor'], tr);
    expect(report.checks.map((c) => c.name)).toContain('database integrity');
  });
});
