import { Chalk } from 'chalk';
import { afterEach, describe, expect, it } from 'vitest';
import type { LetterRecord } from '../../src/db/letter-repo.js';
import { setUiLanguage } from '../../src/i18n.js';
import { renderLetterList } from '../../src/output/letter-views.js';

const letter: LetterRecord = {
  id: 1,
  caseId: 1,
  kind: 'complaint',
  language: 'tr',
  // 01:30 on 23 November in Istanbul, still the 22nd in UTC.
  createdAt: new Date('2026-11-22T22:30:00Z'),
  deadlineOn: '2026-12-07',
  deadlineSpec: '14d',
  deadlineFrom: '2026-11-23',
  remedy: 'refund',
  fileSha256: null,
  filePath: 'letter.docx',
  fileSize: null,
  cc: null,
  sendMethod: 'registered-mail',
  enclosures: [],
  sentOn: null,
  sentVia: null,
  tracking: null,
  deliveredOn: null,
};

describe('renderLetterList', () => {
  it("dates a letter on the user's day, not UTC's", () => {
    const text = renderLetterList([letter], 'Europe/Istanbul', new Chalk({ level: 0 }));
    expect(text).toContain('letter #1  23 Nov 2026 · tr · refund · answer due 7 Dec 2026');
  });

  describe('in the interface language', () => {
    afterEach(() => setUiLanguage('en'));
    const sent: LetterRecord = {
      ...letter,
      sentOn: '2026-11-24',
      sentVia: 'notary',
      tracking: 'X1',
      enclosures: ['Fatura', 'Garanti belgesi'],
    };

    it('tr: whole sentences, Turkish dates and lower case', () => {
      setUiLanguage('tr');
      const text = renderLetterList([sent], 'Europe/Istanbul', new Chalk({ level: 0 }));
      expect(text).toContain('Mektuplar (1)');
      expect(text).toContain(
        'mektup #1  23 Kas 2026 · tr · para iadesi · yanıt için son gün 7 Ara 2026',
      );
      expect(text).toContain(
        '24 Kas 2026 tarihinde noter ile gönderildi, takip numarası X1; teslim kaydedilmedi',
      );
      expect(text).toContain('ekler (2): Fatura, Garanti belgesi');
    });

    it('fa: Persian separators, and a letter not yet sent', () => {
      setUiLanguage('fa');
      const text = renderLetterList([letter], 'Europe/Istanbul', new Chalk({ level: 0 }));
      expect(text).toContain('هنوز فرستاده نشده (برنامه: پست سفارشی با گواهی تحویل)');
      const two = renderLetterList([sent], 'Europe/Istanbul', new Chalk({ level: 0 }));
      expect(two).toContain('پیوست‌ها (2): Fatura، Garanti belgesi');
    });
  });
});
