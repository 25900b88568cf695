import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';

/** Every row of every table, as one string: "nothing was written" means this did not change. */
export function dumpDatabase(file: string): string {
  if (!existsSync(file)) return '(no database)';
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string }[];
    return JSON.stringify(
      tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
    );
  } finally {
    db.close();
  }
}
