/**
 * A small mirror of the profile's language settings beside the database (`settings.json`), so
 * that `--help` and the first lines of any command speak the user's language without opening
 * SQLite. The database stays the truth: the mirror is rewritten whenever it disagrees.
 */
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempPathFor } from './atomic.js';

/** What the interface language is chosen from, as the profile holds it. */
export interface UiSettings {
  interfaceLanguage: string | null;
  country: string | null;
}

export const UI_SETTINGS_FILE = 'settings.json';

/** The mirror in a data dir, or undefined when there is none (or it cannot be read). */
export function readUiSettings(dataDir: string): UiSettings | undefined {
  const file = join(dataDir, UI_SETTINGS_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<UiSettings>;
    return {
      interfaceLanguage: typeof data.interfaceLanguage === 'string' ? data.interfaceLanguage : null,
      country: typeof data.country === 'string' ? data.country : null,
    };
  } catch {
    return undefined;
  }
}

/**
 * Rewrites the mirror when it differs from `settings` (temp file, then rename). Best effort: a
 * read-only data dir keeps the old mirror and the database still decides once it is open.
 */
export function syncUiSettings(dataDir: string, settings: UiSettings): void {
  const known = readUiSettings(dataDir);
  if (
    known &&
    known.interfaceLanguage === settings.interfaceLanguage &&
    known.country === settings.country
  )
    return;
  const file = join(dataDir, UI_SETTINGS_FILE);
  const temp = tempPathFor(file);
  try {
    writeFileSync(temp, JSON.stringify(settings) + '\n', { mode: 0o600, flag: 'w' });
    renameSync(temp, file);
  } catch {
    try {
      if (existsSync(temp)) unlinkSync(temp);
    } catch {
      // nothing more to do: the mirror is only a cache
    }
  }
}
