import { seedStore } from '../../scripts/seed-store.mjs';
import { closeCase, recordCaseFacts } from '../../src/db/agenda-repo.js';
import { createCase } from '../../src/db/case-repo.js';
import { createContact } from '../../src/db/contact-repo.js';
import { createLetter, recordSending } from '../../src/db/letter-repo.js';
import type { Db } from '../../src/db/open.js';
import { saveProfile } from '../../src/db/profile-repo.js';
import { parseContact } from '../../src/domain/contact-fields.js';

/** The repositories scripts/seed-store.mjs writes through (the bench passes the compiled ones). */
export const seedApi = {
  createCase,
  createContact,
  closeCase,
  recordCaseFacts,
  createLetter,
  recordSending,
  saveProfile,
  parseContact,
};

/** A realistic store (companies, three years of dates, promises, letters), as the bench seeds it. */
export function seedTestStore(
  db: Db,
  options: { n: number; now: Date; firstContacts?: number; contactsPerCase?: number },
): { cases: number; contacts: number } {
  return seedStore(db, seedApi, options) as { cases: number; contacts: number };
}

/** Logs an e-mail from the company on `caseId`, `at` (the company answers). */
export function logAnswer(db: Db, caseId: number, at: Date, now: Date): void {
  createContact(
    db,
    caseId,
    parseContact(
      {
        channel: 'email',
        direction: 'inbound',
        at: at.toISOString(),
        reps: [],
        summary: 'They answered the letter.',
        promises: [],
        quotes: [],
      },
      { now, timeZone: 'UTC' },
    ),
    now,
  );
}

/** Writes a letter on `caseId` and records it sent by e-mail on 2026-11-11 (answer due 11-25). */
export function sendLetter(db: Db, caseId: number, now: Date): void {
  const letter = createLetter(
    db,
    {
      caseId,
      language: 'en',
      deadlineOn: '2026-11-25',
      deadlineSpec: '14d',
      deadlineFrom: '2026-11-11',
      remedy: 'refund',
      fileSha256: null,
      filePath: null,
      fileSize: null,
      cc: null,
      sendMethod: 'email',
      enclosures: [],
    },
    now,
  );
  recordSending(
    db,
    letter,
    {
      sentOn: '2026-11-11',
      sentVia: 'email',
      tracking: null,
      deliveredOn: null,
      deadlineOn: '2026-11-25',
      deadlineFrom: null,
    },
    now,
  );
}
