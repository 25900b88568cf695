import { ValidationError } from '../errors.js';
import { t } from '../i18n.js';
import { SCHEMA_VERSION } from './migrations.js';
import type { Db } from './open.js';
import type { Statement } from 'better-sqlite3';

/**
 * `complain export --all --json` / `complain import`: every record of every table, so that
 * tables and columns added by later migrations move too without this file changing. Keys are
 * camelCase; values are what SQLite holds (ISO text for instants, integers for money and flags).
 */
export interface DataFile {
  format: 'complain-data';
  version: 1;
  schemaVersion: number;
  exportedAt: string;
  /** Table name (camelCase) → its rows, parents before children. */
  tables: Record<string, Record<string, unknown>[]>;
}

type Row = Record<string, unknown>;

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

interface ForeignKey {
  table: string;
  from: string;
  to: string;
}

/**
 * The tables that hold records: not SQLite's own, nor the caches (schema 11: rows computed from
 * the records, deleted by triggers when those change), which an export leaves out and an
 * import never fills.
 */
function tableNames(db: Db): string[] {
  return (
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND name NOT LIKE 'cache_%' ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
}

function columns(db: Db, table: string): string[] {
  return (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
}

function foreignKeys(db: Db, table: string): ForeignKey[] {
  return db.pragma(`foreign_key_list("${table}")`) as ForeignKey[];
}

/** Tables with the ones they point at first, so rows can be inserted in this order. */
function parentsFirst(db: Db): string[] {
  const names = tableNames(db);
  const out: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (out.includes(t) || path.has(t)) return;
    path.add(t);
    for (const fk of foreignKeys(db, t)) if (fk.table !== t) visit(fk.table, path);
    out.push(t);
  };
  for (const t of names) visit(t, new Set());
  return out;
}

/** Every row of every table. */
export function exportData(db: Db, now: Date): DataFile {
  const read = db.transaction(() => {
    const tables: DataFile['tables'] = {};
    for (const t of parentsFirst(db)) {
      const order = columns(db, t).includes('id') ? 'id' : 'rowid';
      tables[camel(t)] = (db.prepare(`SELECT * FROM "${t}" ORDER BY ${order}`).all() as Row[]).map(
        (row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), v])),
      );
    }
    return tables;
  });
  return {
    format: 'complain-data',
    version: 1,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    exportedAt: now.toISOString(),
    tables: read(),
  };
}

/**
 * The text of `JSON.stringify(exportData(db, now), null, 2) + '\n'`, byte for byte, in pieces:
 * one row at a time is in memory, not every table (`export --all -o` on 10,000 cases). Rows are
 * read in one read transaction, so the file is a consistent copy. `onRow` counts them.
 */
export function* exportDataText(db: Db, now: Date, onRow?: () => void): Generator<string> {
  const head = JSON.stringify(
    {
      format: 'complain-data',
      version: 1,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      exportedAt: now.toISOString(),
    },
    null,
    2,
  );
  const tables = parentsFirst(db);
  db.exec('BEGIN');
  try {
    yield `${head.slice(0, -2)},\n  "tables": {`;
    let first = true;
    for (const table of tables) {
      const order = columns(db, table).includes('id') ? 'id' : 'rowid';
      yield `${first ? '' : ','}\n    ${JSON.stringify(camel(table))}: [`;
      first = false;
      let rows = 0;
      for (const row of db
        .prepare(`SELECT * FROM "${table}" ORDER BY ${order}`)
        .iterate() as IterableIterator<Row>) {
        const record = Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), v]));
        yield `${rows ? ',' : ''}\n      ${JSON.stringify(record, null, 2).replaceAll('\n', '\n      ')}`;
        rows += 1;
        onRow?.();
      }
      yield rows ? '\n    ]' : ']';
    }
    yield first ? '}\n}\n' : '\n  }\n}\n';
  } finally {
    db.exec('COMMIT');
  }
}

/** What an import did. */
export interface ImportResult {
  /** Rows inserted per table (camelCase). */
  inserted: Record<string, number>;
  /** Rows matched to an existing one instead (a company of the same name, the profile). */
  matched: Record<string, number>;
  renumbered: boolean;
}

function invalid(message: string, hint = t('evidence.transfer.exportAgain')) {
  return new ValidationError('file', message, hint);
}

/** Checks the shape of a parsed data file. */
export function checkDataFile(data: unknown): DataFile {
  const d = data as Partial<DataFile> | null;
  if (!d || typeof d !== 'object' || d.format !== 'complain-data')
    throw invalid(t('evidence.transfer.notDataFile'));
  if (d.version !== 1)
    throw invalid(t('evidence.transfer.unknownVersion', { version: String(d.version) }));
  if (typeof d.schemaVersion !== 'number' || d.schemaVersion > SCHEMA_VERSION)
    throw invalid(
      t('evidence.transfer.newer', {
        version: String(d.schemaVersion),
        known: String(SCHEMA_VERSION),
      }),
      t('evidence.transfer.newerHint'),
    );
  if (!d.tables || typeof d.tables !== 'object') throw invalid(t('evidence.transfer.noTables'));
  for (const [name, rows] of Object.entries(d.tables))
    if (!Array.isArray(rows) || rows.some((r) => !r || typeof r !== 'object' || Array.isArray(r)))
      throw invalid(t('evidence.transfer.notList', { table: name }));
  return d as DataFile;
}

/** How many records the database holds, all tables together. */
export function countRecords(db: Db): number {
  return tableNames(db).reduce(
    (n, t) => n + (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n,
    0,
  );
}

/**
 * Loads a data file in one transaction. Into an empty database the ids are kept (a round trip
 * gives identical records); with `merge`, records get new numbers after the existing ones,
 * references follow them, a company of the same name is reused and an existing profile is kept.
 */
export function importData(db: Db, file: DataFile, options: { merge: boolean }): ImportResult {
  const known = new Map(parentsFirst(db).map((t) => [camel(t), t]));
  for (const name of Object.keys(file.tables)) {
    const table = known.get(name);
    if (!table) throw invalid(t('evidence.transfer.unknownTable', { table: name }));
    const cols = new Set(columns(db, table).map(camel));
    const ids = new Set<unknown>();
    for (const row of file.tables[name]!) {
      // Two records with one id would make every reference to it ambiguous.
      if (row.id !== undefined && ids.has(row.id))
        throw invalid(t('faults.import.duplicateId', { table: name, id: String(row.id) }));
      ids.add(row.id);
      for (const [key, value] of Object.entries(row)) {
        if (!cols.has(key))
          throw invalid(t('evidence.transfer.unknownField', { field: `${name}.${key}` }));
        if (value !== null && typeof value !== 'string' && typeof value !== 'number')
          throw invalid(
            t('evidence.transfer.badValue', { field: `${name}.${key}`, type: typeof value }),
          );
      }
    }
  }
  const write = db.transaction(() => {
    const existing = countRecords(db);
    if (existing > 0 && !options.merge)
      throw new ValidationError(
        'file',
        t('evidence.transfer.notEmpty', { count: existing }),
        t('evidence.transfer.notEmptyHint'),
      );
    const renumber = existing > 0;
    db.pragma('defer_foreign_keys = ON');
    const maps = new Map<string, Map<unknown, unknown>>();
    const inserted: Record<string, number> = {};
    const matched: Record<string, number> = {};
    for (const [name, table] of known) {
      const rows = file.tables[name] ?? [];
      const cols = columns(db, table);
      const column = new Map(cols.map((c) => [camel(c), c]));
      const hasId = cols.includes('id');
      const fks = foreignKeys(db, table);
      const uniques = renumber ? uniqueColumns(db, table) : [];
      const map = new Map<unknown, unknown>();
      const inserts = new Map<string, Statement>();
      maps.set(table, map);
      inserted[name] = 0;
      matched[name] = 0;
      for (const source of rows) {
        const row: Row = Object.fromEntries(
          Object.entries(source).map(([k, v]) => [column.get(k)!, v]),
        );
        for (const fk of fks) {
          const parent = maps.get(fk.table);
          if (renumber && parent && row[fk.from] !== null && row[fk.from] !== undefined) {
            if (!parent.has(row[fk.from]))
              throw invalid(
                t('evidence.transfer.danglingRef', {
                  table: name,
                  parent: fk.table,
                  id: String(row[fk.from]),
                }),
              );
            row[fk.from] = parent.get(row[fk.from]);
          }
        }
        if (renumber) {
          const same = findSame(db, table, row, uniques);
          if (same !== undefined) {
            map.set(row.id, same);
            matched[name]!++;
            continue;
          }
          if (hasId && table !== 'profile') delete row.id;
        }
        const keys = Object.keys(row);
        // One statement per set of columns, not one per row (preparing cost more than inserting).
        const shape = keys.join(',');
        let insert = inserts.get(shape);
        if (!insert) {
          insert = db.prepare(
            `INSERT INTO "${table}" (${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
          );
          inserts.set(shape, insert);
        }
        // Positional values: binding by name costs a lookup per column per row.
        const result = insert.run(...keys.map((k) => row[k]));
        if (hasId) map.set(source.id, renumber ? Number(result.lastInsertRowid) : source.id);
        inserted[name]!++;
      }
    }
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw invalid(t('evidence.transfer.broken', { count: broken.length }));
    return { inserted, matched, renumbered: renumber };
  });
  return write.immediate();
}

/** Single columns with a UNIQUE constraint (company.search_key): a match means "the same one". */
function uniqueColumns(db: Db, table: string): string[] {
  const indexes = db.pragma(`index_list("${table}")`) as { name: string; unique: number }[];
  const out: string[] = [];
  for (const index of indexes.filter((i) => i.unique === 1)) {
    const cols = db.pragma(`index_info("${index.name}")`) as { name: string }[];
    if (cols.length === 1 && cols[0]!.name !== 'id') out.push(cols[0]!.name);
  }
  return out;
}

function findSame(db: Db, table: string, row: Row, uniques: string[]): unknown {
  // The one profile: the one already there stays.
  if (table === 'profile') {
    const has = db.prepare('SELECT id FROM profile LIMIT 1').get() as { id: number } | undefined;
    return has?.id;
  }
  for (const col of uniques) {
    if (row[col] === null || row[col] === undefined) continue;
    const hit = db.prepare(`SELECT id FROM "${table}" WHERE "${col}" = ?`).get(row[col]) as
      { id: number } | undefined;
    if (hit) return hit.id;
  }
  return undefined;
}
