import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { LetterRecord } from '../../src/db/letter-repo.js';
import { renderLetterList } from '../../src/output/letter-views.js';

const letter: LetterRecord = {
  id: 1,
  caseId: 1,
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
});
