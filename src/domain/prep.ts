import { t } from '../i18n.js';
import type { CaseSnapshot } from './clocks.js';
import { localDateOf } from './dates.js';
import type { LadderPosition } from './escalation.js';
import { formatMoneyShort } from './money.js';
import { promiseStanding } from './promises.js';
import { labelOf } from './vocab.js';

/** A broken promise, ready to quote on the phone. */
export interface BrokenPromise {
  promiseId: number;
  contactId: number;
  text: string;
  madeOn: string;
  dueOn: string;
  by: string[];
  /** Decided by the user, or broken by default (past due, no word from them since). */
  byDefault: boolean;
}

/** The one-screen call sheet of `complain prep`. */
export interface CallSheet {
  caseId: number;
  company: string;
  phone: string | null;
  /** Say it in this order. */
  statement: { situation: string; problem: string; request: string; remedy: string };
  facts: {
    product: string;
    purchasedOn: string | null;
    orderRef: string | null;
    accountRef: string | null;
    amount: string | null;
    references: { reference: string; on: string; contactId: number; channel: string }[];
    reps: { name: string; repId: string | null; role: string | null; lastOn: string }[];
    brokenPromises: BrokenPromise[];
  };
  /** What this call is for: the ladder's next step. */
  goal: string;
  questions: string[];
  supervisor: string[];
  reminders: string[];
}

/** The questions every call ends with (DESIGN.md: reference number and the three transparency questions). */
export const CALL_QUESTIONS = [
  'agenda.prep.ask.reference',
  'agenda.prep.ask.next-steps',
  'agenda.prep.ask.responsible',
  'agenda.prep.ask.how-long',
] as const;

/** How to ask for a supervisor without a fight. */
export const SUPERVISOR_SCRIPT = [
  'agenda.prep.supervisor.ask',
  'agenda.prep.supervisor.none-free',
  'agenda.prep.supervisor.note',
] as const;

/** The calm, brief, repeat-the-request approach. */
export const CALL_REMINDERS = [
  'agenda.prep.remember.calm',
  'agenda.prep.remember.brief',
  'agenda.prep.remember.repeat',
  'agenda.prep.remember.note',
] as const;

/** Builds the call sheet from the case, the log and the ladder's reason. */
export function buildCallSheet(
  s: CaseSnapshot,
  position: LadderPosition,
  now: Date,
  tz: string,
): CallSheet {
  const k = s.case;
  const references = s.contacts
    .filter((c) => c.reference)
    .map((c) => ({
      reference: c.reference!,
      on: localDateOf(c.startedAt, tz),
      contactId: c.id,
      channel: c.channel,
    }));
  const reps = new Map<string, CallSheet['facts']['reps'][number]>();
  for (const c of s.contacts)
    for (const r of c.reps)
      reps.set(`${r.name}\u0000${r.repId ?? ''}`, {
        name: r.name,
        repId: r.repId,
        role: r.role,
        lastOn: localDateOf(c.startedAt, tz),
      });
  const brokenPromises: BrokenPromise[] = [];
  for (const c of s.contacts)
    for (const p of c.promises) {
      const standing = promiseStanding(p, s.contacts, now);
      if (standing !== 'broken' && standing !== 'broken-by-default') continue;
      brokenPromises.push({
        promiseId: p.id,
        contactId: c.id,
        text: p.text,
        madeOn: localDateOf(c.startedAt, tz),
        dueOn: localDateOf(p.dueAt, tz),
        by: c.reps.map((r) => r.name),
        byDefault: standing === 'broken-by-default',
      });
    }
  const questions: string[] = CALL_QUESTIONS.map((key) => t(key));
  if (references.length === 0) questions.unshift(t('agenda.prep.ask.no-reference'));
  return {
    caseId: k.id,
    company: k.company.name,
    phone: k.company.phone,
    statement: {
      situation: k.situation,
      problem: k.problem,
      request: k.request,
      remedy: labelOf(k.remedy) + (k.remedyDetail ? `: ${k.remedyDetail}` : ''),
    },
    facts: {
      product: k.product,
      purchasedOn: k.purchasedOn,
      orderRef: k.orderRef,
      accountRef: k.accountRef,
      amount: k.amount ? formatMoneyShort(k.amount) : null,
      references,
      reps: [...reps.values()],
      brokenPromises,
    },
    goal: position.reason,
    questions,
    supervisor: SUPERVISOR_SCRIPT.map((key) => t(key)),
    reminders: [
      ...CALL_REMINDERS.map((key) => t(key)),
      t('agenda.prep.remember.log', { id: String(k.id) }),
    ],
  };
}
