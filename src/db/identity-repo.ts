import type { Db } from './open.js';

/**
 * The identity numbers of schema 7 (profile.national_id, company.company_id), read and written
 * apart from the profile and the company: only `apply` reads them, so no list, stats or JSON view
 * of a case or a profile can carry them by accident.
 */

/** The consumer's national identity number, or null. */
export function getNationalId(db: Db): string | null {
  const row = db.prepare('SELECT national_id FROM profile WHERE id = 1').get() as
    { national_id: string | null } | undefined;
  return row?.national_id ?? null;
}

/** Sets (or with null clears) the consumer's number; the profile must exist. */
export function setNationalId(db: Db, value: string | null): void {
  db.prepare('UPDATE profile SET national_id = ? WHERE id = 1').run(value);
}

/** The company's registry or tax number (MERSİS, VKN, BIN…), or null. */
export function getCompanyLegalId(db: Db, companyId: number): string | null {
  const row = db.prepare('SELECT company_id FROM company WHERE id = ?').get(companyId) as
    { company_id: string | null } | undefined;
  return row?.company_id ?? null;
}

/** Sets (or with null clears) the company's number. */
export function setCompanyLegalId(db: Db, companyId: number, value: string | null): void {
  db.prepare('UPDATE company SET company_id = ? WHERE id = ?').run(value, companyId);
}
