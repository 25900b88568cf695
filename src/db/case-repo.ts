import type { CaseFields, CaseRecord, Company, CompanyChannels } from '../domain/model.js';
import { searchKey } from '../domain/text.js';
import type { CardType, PaymentMethod } from '../domain/payment.js';
import type { CaseStatus, Remedy } from '../domain/vocab.js';
import { ACTIVE_STATUSES } from '../domain/vocab.js';
import { NotFoundError } from '../errors.js';
import type { Db } from './open.js';
import { t } from '../i18n.js';

interface CompanyRow {
  id: number;
  name: string;
  address: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  chat: string | null;
  social: string | null;
  company_id?: string | null;
}

interface CaseRow {
  id: number;
  company_id: number;
  title: string;
  product: string;
  purchased_on: string | null;
  order_ref: string | null;
  account_ref: string | null;
  amount_minor: number | null;
  currency: string | null;
  occurred_on: string | null;
  situation: string;
  problem: string;
  request: string;
  remedy: string;
  remedy_detail: string | null;
  jurisdiction: string;
  status: string;
  outcome: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  // Schema 9: absent on rows read by a query that does not name them.
  paid_by?: string | null;
  card_type?: string | null;
  card_issuer?: string | null;
  card_last4?: string | null;
  statement_date?: string | null;
  card_issuer_address?: string | null;
}

function toCompany(row: CompanyRow): Company {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    email: row.email,
    phone: row.phone,
    website: row.website,
    chat: row.chat,
    social: row.social,
    companyId: row.company_id ?? null,
  };
}

function toCase(row: CaseRow, company: Company): CaseRecord {
  return {
    id: row.id,
    company,
    title: row.title,
    product: row.product,
    purchasedOn: row.purchased_on,
    orderRef: row.order_ref,
    accountRef: row.account_ref,
    amount:
      row.amount_minor !== null && row.currency
        ? { minor: row.amount_minor, currency: row.currency }
        : null,
    occurredOn: row.occurred_on,
    situation: row.situation,
    problem: row.problem,
    request: row.request,
    remedy: row.remedy as Remedy,
    remedyDetail: row.remedy_detail,
    jurisdiction: row.jurisdiction,
    status: row.status as CaseStatus,
    outcome: row.outcome,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    closedAt: row.closed_at ? new Date(row.closed_at) : null,
    paidBy: (row.paid_by ?? null) as PaymentMethod | null,
    cardType: (row.card_type ?? null) as CardType | null,
    cardIssuer: row.card_issuer ?? null,
    cardLast4: row.card_last4 ?? null,
    statementDate: row.statement_date ?? null,
    cardIssuerAddress: row.card_issuer_address ?? null,
  };
}

/** Every company, by name. */
export function listCompanies(db: Db): Company[] {
  const rows = db.prepare('SELECT * FROM company ORDER BY search_key').all() as CompanyRow[];
  return rows.map(toCompany);
}

/** A company by name, matched without regard to case (Turkish İ/ı included). */
export function findCompanyByName(db: Db, name: string): Company | undefined {
  const row = db.prepare('SELECT * FROM company WHERE search_key = ?').get(searchKey(name)) as
    CompanyRow | undefined;
  return row ? toCompany(row) : undefined;
}

/** The company of that name, created when new; channels given fill in or update the known ones. */
export function upsertCompany(
  db: Db,
  name: string,
  channels: Partial<CompanyChannels>,
  now: Date,
): Company {
  const known = findCompanyByName(db, name);
  const given = Object.fromEntries(
    Object.entries(channels).filter(([, v]) => v),
  ) as Partial<CompanyChannels>;
  if (known) {
    const merged = { ...known, ...given };
    db.prepare(
      `UPDATE company SET address = @address, email = @email, phone = @phone, website = @website,
         chat = @chat, social = @social WHERE id = @id`,
    ).run(merged);
    return merged;
  }
  const row = {
    name,
    search_key: searchKey(name),
    address: given.address ?? null,
    email: given.email ?? null,
    phone: given.phone ?? null,
    website: given.website ?? null,
    chat: given.chat ?? null,
    social: given.social ?? null,
    created_at: now.toISOString(),
  };
  const id = Number(
    db
      .prepare(
        `INSERT INTO company (name, search_key, address, email, phone, website, chat, social, created_at)
         VALUES (@name, @search_key, @address, @email, @phone, @website, @chat, @social, @created_at)`,
      )
      .run(row).lastInsertRowid,
  );
  return toCompany({ id, ...row });
}

function caseParams(fields: CaseFields) {
  return {
    title: fields.title,
    product: fields.product,
    purchased_on: fields.purchasedOn,
    order_ref: fields.orderRef,
    account_ref: fields.accountRef,
    amount_minor: fields.amount?.minor ?? null,
    currency: fields.amount?.currency ?? null,
    occurred_on: fields.occurredOn,
    situation: fields.situation,
    problem: fields.problem,
    request: fields.request,
    remedy: fields.remedy,
    remedy_detail: fields.remedyDetail,
    jurisdiction: fields.jurisdiction,
    paid_by: fields.paidBy ?? null,
    card_type: fields.cardType ?? null,
    card_issuer: fields.cardIssuer ?? null,
    card_last4: fields.cardLast4 ?? null,
    statement_date: fields.statementDate ?? null,
  };
}

/** Creates a case and, when new, its company, in one transaction. Returns the case id. */
export function createCase(
  db: Db,
  company: { name: string; channels: Partial<CompanyChannels> },
  fields: CaseFields,
  now: Date,
): number {
  const write = db.transaction(() => {
    const c = upsertCompany(db, company.name, company.channels, now);
    const at = now.toISOString();
    return Number(
      db
        .prepare(
          `INSERT INTO case_file (company_id, title, product, purchased_on, order_ref, account_ref,
             amount_minor, currency, occurred_on, situation, problem, request, remedy, remedy_detail,
             jurisdiction, paid_by, card_type, card_issuer, card_last4, statement_date, status,
             created_at, updated_at)
           VALUES (@company_id, @title, @product, @purchased_on, @order_ref, @account_ref,
             @amount_minor, @currency, @occurred_on, @situation, @problem, @request, @remedy,
             @remedy_detail, @jurisdiction, @paid_by, @card_type, @card_issuer, @card_last4,
             @statement_date, 'open', @at, @at)`,
        )
        .run({ company_id: c.id, ...caseParams(fields), at }).lastInsertRowid,
    );
  });
  return write.immediate();
}

/** Replaces a case's fields (and its company, by name) in one transaction. */
export function updateCase(
  db: Db,
  id: number,
  company: { name: string; channels: Partial<CompanyChannels> },
  fields: CaseFields,
  status: CaseStatus,
  now: Date,
  reopen = false,
): void {
  const write = db.transaction(() => {
    const c = upsertCompany(db, company.name, company.channels, now);
    const result = db
      .prepare(
        `UPDATE case_file SET company_id = @company_id, title = @title, product = @product,
           purchased_on = @purchased_on, order_ref = @order_ref, account_ref = @account_ref,
           amount_minor = @amount_minor, currency = @currency, occurred_on = @occurred_on,
           situation = @situation, problem = @problem, request = @request, remedy = @remedy,
           remedy_detail = @remedy_detail, jurisdiction = @jurisdiction, paid_by = @paid_by,
           card_type = @card_type, card_issuer = @card_issuer, card_last4 = @card_last4,
           statement_date = @statement_date, status = @status,
           updated_at = @at,
           -- A status given to edit reopens a closed case (schema 3 keeps how it was closed).
           closed_at = CASE WHEN @reopen = 1 THEN NULL ELSE closed_at END,
           closed_as = CASE WHEN @reopen = 1 THEN NULL ELSE closed_as END
         WHERE id = @id`,
      )
      .run({
        id,
        company_id: c.id,
        ...caseParams(fields),
        status,
        reopen: reopen ? 1 : 0,
        at: now.toISOString(),
      });
    if (result.changes === 0) throw caseNotFound(id);
  });
  write.immediate();
}

/** Keeps the card issuer's address for disputes (given to `letter --to card-issuer`). */
export function setCardIssuerAddress(db: Db, id: number, address: string, now: Date): void {
  db.prepare('UPDATE case_file SET card_issuer_address = ?, updated_at = ? WHERE id = ?').run(
    address,
    now.toISOString(),
    id,
  );
}

/** Marks a case as touched (a contact logged, a letter written): it rises in `complain list`. */
export function touchCase(db: Db, id: number, now: Date): void {
  db.prepare('UPDATE case_file SET updated_at = ? WHERE id = ?').run(now.toISOString(), id);
}

/** Deletes a case with its contacts, promises, letters and evidence records. */
export function deleteCase(db: Db, id: number): void {
  const write = db.transaction(() => {
    const result = db.prepare('DELETE FROM case_file WHERE id = ?').run(id);
    if (result.changes === 0) throw caseNotFound(id);
  });
  write.immediate();
}

/** The error for a case id that does not exist. */
export function caseNotFound(id: number): NotFoundError {
  return new NotFoundError(
    t('evidence.repo.noCase', { id: String(id) }),
    t('evidence.repo.noCaseHint'),
  );
}

/** A case by id, or undefined. */
export function findCase(db: Db, id: number): CaseRecord | undefined {
  const row = db.prepare('SELECT * FROM case_file WHERE id = ?').get(id) as CaseRow | undefined;
  if (!row) return undefined;
  const company = db
    .prepare('SELECT * FROM company WHERE id = ?')
    .get(row.company_id) as CompanyRow;
  return toCase(row, toCompany(company));
}

/** A case by id; NotFoundError when there is none. */
export function getCase(db: Db, id: number): CaseRecord {
  const found = findCase(db, id);
  if (!found) throw caseNotFound(id);
  return found;
}

/**
 * Every case, with its company; `openOnly`: the cases not closed and in an active status; `ids`:
 * only these cases (read by their key, however many the file holds); `companies`: only the
 * cases of these companies.
 */
export function listCases(
  db: Db,
  {
    openOnly = false,
    ids,
    companies: ofCompanies,
  }: { openOnly?: boolean; ids?: readonly number[]; companies?: readonly number[] } = {},
): CaseRecord[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (ids) {
    where.push('id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(ids));
  }
  if (ofCompanies) {
    where.push('company_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(ofCompanies));
  }
  if (openOnly) {
    where.push('closed_at IS NULL', `status IN (${ACTIVE_STATUSES.map(() => '?').join(', ')})`);
    params.push(...ACTIVE_STATUSES);
  }
  const rows = db
    .prepare(
      `SELECT * FROM case_file ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`,
    )
    .all(...params) as CaseRow[];
  // A few cases (by id) need only their own companies, not the whole list.
  const companies = new Map(
    (ids && ids.length < 50
      ? [...new Set(rows.map((r) => r.company_id))].map((id) =>
          toCompany(db.prepare('SELECT * FROM company WHERE id = ?').get(id) as CompanyRow),
        )
      : listCompanies(db)
    ).map((c) => [c.id, c]),
  );
  return rows.map((row) => toCase(row, companies.get(row.company_id)!));
}

/** Sets the company's registry number (MERSİS, VKN, BIN; schema 7). */
export function saveCompanyId(db: Db, companyId: number, value: string): void {
  db.prepare('UPDATE company SET company_id = ? WHERE id = ?').run(value, companyId);
}
