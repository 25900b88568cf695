import type { CaseActivity } from '../db/contact-repo.js';
import type { EvidenceRecord } from '../db/evidence-repo.js';
import type {
  CaseRecord,
  Company,
  ContactRecord,
  Profile,
  PromiseRecord,
} from '../domain/model.js';
import { formatMoneyPlain } from '../domain/money.js';
import { isClosed } from '../domain/closure.js';

/**
 * The JSON shapes of the CLI contract (DESIGN.md): camelCase, built here explicitly, never raw rows.
 * Instants are ISO-8601 UTC; calendar dates are YYYY-MM-DD.
 */

export function companyView(c: Company) {
  return {
    id: c.id,
    name: c.name,
    address: c.address,
    email: c.email,
    phone: c.phone,
    website: c.website,
    chat: c.chat,
    social: c.social,
  };
}

export function promiseView(p: PromiseRecord, now: Date, closed = false) {
  return {
    id: p.id,
    contactId: p.contactId,
    text: p.text,
    dueAt: p.dueAt.toISOString(),
    state: p.state,
    overdue: !closed && p.state === 'pending' && p.dueAt.getTime() < now.getTime(),
    resolvedAt: p.resolvedAt?.toISOString() ?? null,
  };
}

export function contactView(c: ContactRecord, now: Date, closed = false) {
  return {
    id: c.id,
    caseId: c.caseId,
    channel: c.channel,
    direction: c.direction,
    startedAt: c.startedAt.toISOString(),
    endedAt: c.endedAt?.toISOString() ?? null,
    durationMinutes: c.endedAt
      ? Math.round((c.endedAt.getTime() - c.startedAt.getTime()) / 60_000)
      : null,
    reps: c.reps.map((r, i) => ({ position: i + 1, name: r.name, repId: r.repId, role: r.role })),
    department: c.department,
    reference: c.reference,
    summary: c.summary,
    nextSteps: c.nextSteps,
    responsible: c.responsible,
    expectedTime: c.expectedTime,
    outcome: c.outcome,
    supervisor: c.supervisor,
    rude: c.rude,
    quotes: c.quotes,
    promises: c.promises.map((p) => promiseView(p, now, closed)),
    escalation: c.escalation ? { ...c.escalation } : null,
    createdAt: c.createdAt.toISOString(),
  };
}

export function caseFieldsView(c: CaseRecord) {
  return {
    id: c.id,
    title: c.title,
    status: c.status,
    company: companyView(c.company),
    product: c.product,
    purchasedOn: c.purchasedOn,
    orderRef: c.orderRef,
    accountRef: c.accountRef,
    amount: c.amount
      ? { minor: c.amount.minor, currency: c.amount.currency, text: formatMoneyPlain(c.amount) }
      : null,
    occurredOn: c.occurredOn,
    situation: c.situation,
    problem: c.problem,
    request: c.request,
    remedy: c.remedy,
    remedyDetail: c.remedyDetail,
    jurisdiction: c.jurisdiction,
    // Schema 9: how it was paid; a card only by its last four digits.
    paidBy: c.paidBy ?? null,
    cardType: c.cardType ?? null,
    cardIssuer: c.cardIssuer ?? null,
    cardLast4: c.cardLast4 ?? null,
    statementDate: c.statementDate ?? null,
    cardIssuerAddress: c.cardIssuerAddress ?? null,
    outcome: c.outcome,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    closedAt: c.closedAt?.toISOString() ?? null,
  };
}

/** The earliest pending promise, as list and show report it. */
export function nextDueView(p: PromiseRecord | null, now: Date) {
  return p ? promiseView(p, now) : null;
}

/** `complain show --json`. */
export function caseFileView(
  c: CaseRecord,
  contacts: ContactRecord[],
  now: Date,
  evidence: EvidenceRecord[] = [],
) {
  const promises = contacts
    .flatMap((k) => k.promises)
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id - b.id);
  const last = contacts.at(-1);
  const closed = isClosed(c);
  return {
    ...caseFieldsView(c),
    lastContactAt: last ? last.startedAt.toISOString() : null,
    nextDue: closed ? null : nextDueView(promises.find((p) => p.state === 'pending') ?? null, now),
    contacts: contacts.map((k) => contactView(k, now, closed)),
    promises: promises.map((p) => promiseView(p, now, closed)),
    evidence: evidence.map(evidenceView),
  };
}

/** One row of `complain list --json`. */
export function caseListItemView(c: CaseRecord, activity: CaseActivity | undefined, now: Date) {
  const next = activity?.nextPromise ?? null;
  return {
    id: c.id,
    title: c.title,
    status: c.status,
    company: c.company.name,
    companyId: c.company.id,
    contactCount: activity?.contactCount ?? 0,
    lastContactAt: activity?.lastContactAt?.toISOString() ?? null,
    lastActivityAt: lastActivity(c, activity).toISOString(),
    nextDue: nextDueView(next, now),
    overdue: Boolean(next && next.dueAt.getTime() < now.getTime()),
  };
}

/** The newest of the case's own change and its latest contact: `list` sorts by it. */
export function lastActivity(c: CaseRecord, activity: CaseActivity | undefined): Date {
  const last = activity?.lastContactAt;
  return last && last.getTime() > c.updatedAt.getTime() ? last : c.updatedAt;
}

export function profileView(p: Profile) {
  return { ...p, interfaceLanguage: p.interfaceLanguage ?? null };
}

/** One evidence record, as `evidence --json`, `attach --json` and `show --json` print it. */
export function evidenceView(e: EvidenceRecord) {
  return {
    id: e.id,
    caseId: e.caseId,
    position: e.position,
    kind: e.kind,
    label: e.label,
    originalName: e.originalName,
    size: e.size,
    sha256: e.sha256,
    addedAt: e.addedAt.toISOString(),
  };
}
