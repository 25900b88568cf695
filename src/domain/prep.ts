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
  'Can I have a reference number for this call?',
  'What are the next steps?',
  'Who is responsible for it (name, ID)?',
  'How long will it take — by which date?',
] as const;

/** How to ask for a supervisor without a fight. */
export const SUPERVISOR_SCRIPT = [
  'When the agent cannot help, deflects, or is rude: "I understand this is not in your hands. Please put me through to your supervisor."',
  'If none is free: "Then please give me their name and a time today or tomorrow when they will call me back."',
  "Write down the agent's name and ID before you are transferred.",
] as const;

/** The calm, brief, repeat-the-request approach. */
export const CALL_REMINDERS = [
  'Calm and polite: the person on the line did not cause the problem, but can solve it.',
  'Brief: situation, problem, request — in that order, in a few sentences.',
  'When they deflect or offer something else, repeat your request in the same words.',
  'Note names, IDs and times as you go.',
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
  const questions: string[] = [...CALL_QUESTIONS];
  if (references.length === 0)
    questions.unshift('No reference number yet: ask for one first, and note it.');
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
    supervisor: [...SUPERVISOR_SCRIPT],
    reminders: [...CALL_REMINDERS, `Right after the call: complain log ${k.id}`],
  };
}
