import type { Db } from '../src/db/open.js';

/** The repositories the seeder writes through (from dist/ or from src/). */
export interface SeedApi {
  createCase: typeof import('../src/db/case-repo.js').createCase;
  createContact: typeof import('../src/db/contact-repo.js').createContact;
  closeCase: typeof import('../src/db/agenda-repo.js').closeCase;
  recordCaseFacts: typeof import('../src/db/agenda-repo.js').recordCaseFacts;
  createLetter: typeof import('../src/db/letter-repo.js').createLetter;
  recordSending: typeof import('../src/db/letter-repo.js').recordSending;
  saveProfile: typeof import('../src/db/profile-repo.js').saveProfile;
  parseContact: typeof import('../src/domain/contact-fields.js').parseContact;
}

/** Writes a realistic store of `n` cases into `db`; deterministic for the same `n` and `now`. */
export function seedStore(
  db: Db,
  api: SeedApi,
  options: { n: number; now: Date; firstContacts?: number; contactsPerCase?: number },
): { cases: number; contacts: number };
