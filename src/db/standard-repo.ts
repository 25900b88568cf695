import type { ServiceStandard, StandardUnit } from '../domain/standards.js';
import type { Channel } from '../domain/vocab.js';
import { NotFoundError } from '../errors.js';
import { t } from '../i18n.js';
import type { Db } from './open.js';

interface StandardRow {
  id: number;
  company_id: number;
  company: string;
  channel: string;
  amount: number;
  unit: string;
  source: string;
  created_at: string;
}

const SELECT = `SELECT s.id, s.company_id, c.name AS company, s.channel, s.amount, s.unit, s.source,
  s.created_at FROM service_standard s JOIN company c ON c.id = s.company_id`;

function toStandard(r: StandardRow): ServiceStandard {
  return {
    id: r.id,
    companyId: r.company_id,
    company: r.company,
    channel: r.channel as Channel,
    amount: r.amount,
    unit: r.unit as StandardUnit,
    source: r.source,
    createdAt: new Date(r.created_at),
  };
}

/** Records a company's standard (schema 6); returns it with its id. */
export function addStandard(
  db: Db,
  s: Omit<ServiceStandard, 'id' | 'company' | 'createdAt'>,
  now: Date,
): ServiceStandard {
  const write = db.transaction(() => {
    const info = db
      .prepare(
        `INSERT INTO service_standard (company_id, channel, amount, unit, source, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(s.companyId, s.channel, s.amount, s.unit, s.source, now.toISOString());
    return getStandard(db, Number(info.lastInsertRowid));
  });
  return write.immediate();
}

/** One standard, or a clear "not found". */
export function getStandard(db: Db, id: number): ServiceStandard {
  const row = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as StandardRow | undefined;
  if (!row)
    throw new NotFoundError(
      t('standards.error.notFound', { id: String(id) }),
      t('standards.error.notFound.hint'),
    );
  return toStandard(row);
}

/** The standards of one company, or of every company, by company then id. */
export function listStandards(db: Db, companyId?: number): ServiceStandard[] {
  const rows = (
    companyId === undefined
      ? db.prepare(`${SELECT} ORDER BY c.name, s.id`).all()
      : db.prepare(`${SELECT} WHERE s.company_id = ? ORDER BY s.id`).all(companyId)
  ) as StandardRow[];
  return rows.map(toStandard);
}

/** Every standard by company id: `due`, `stats` and the letter hold contacts to them. */
export function standardsByCompany(db: Db): Map<number, ServiceStandard[]> {
  const out = new Map<number, ServiceStandard[]>();
  for (const s of listStandards(db)) out.set(s.companyId, [...(out.get(s.companyId) ?? []), s]);
  return out;
}

/** Deletes a standard in one transaction; returns what was deleted. */
export function removeStandard(db: Db, id: number): ServiceStandard {
  const write = db.transaction(() => {
    const s = getStandard(db, id);
    db.prepare('DELETE FROM service_standard WHERE id = ?').run(id);
    return s;
  });
  return write.immediate();
}
