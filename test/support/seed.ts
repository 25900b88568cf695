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
