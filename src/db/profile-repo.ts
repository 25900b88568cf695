import type { Profile } from '../domain/model.js';
import type { Db } from './open.js';

interface ProfileRow {
  full_name: string;
  address: string;
  phone: string;
  email: string;
  country: string;
  language: string;
  time_zone: string;
  interface_language: string | null;
  national_id?: string | null;
}

/** Reads the sender's profile, or undefined before `complain profile` ran. */
export function getProfile(db: Db): Profile | undefined {
  const row = db.prepare('SELECT * FROM profile WHERE id = 1').get() as ProfileRow | undefined;
  if (!row) return undefined;
  return {
    fullName: row.full_name,
    address: row.address,
    phone: row.phone,
    email: row.email,
    country: row.country,
    language: row.language,
    timeZone: row.time_zone,
    interfaceLanguage: row.interface_language,
    nationalId: row.national_id ?? null,
  };
}

/** Writes the profile (there is one). */
export function saveProfile(db: Db, profile: Profile, now: Date): void {
  db.prepare(
    `INSERT INTO profile (id, full_name, address, phone, email, country, language, time_zone,
       interface_language, updated_at)
     VALUES (1, @fullName, @address, @phone, @email, @country, @language, @timeZone,
       @interfaceLanguage, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET full_name = excluded.full_name, address = excluded.address,
       phone = excluded.phone, email = excluded.email, country = excluded.country,
       language = excluded.language, time_zone = excluded.time_zone,
       interface_language = excluded.interface_language, updated_at = excluded.updated_at`,
  ).run({
    ...profile,
    interfaceLanguage: profile.interfaceLanguage ?? null,
    updatedAt: now.toISOString(),
  });
}
