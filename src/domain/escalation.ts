import type { CaseSnapshot, ClockResult } from './clocks.js';
import { calendarDaysBetween, endOfLocalDay, localDateOf } from './dates.js';
import type { Forum, ForumLimit, Jurisdiction } from './jurisdiction-rules.js';
import { forumLimitFor } from './jurisdiction-rules.js';
import type { Money } from './money.js';
import { formatMoneyShort } from './money.js';
import { heardFromAfter } from './agenda.js';
import { promiseStanding } from './promises.js';
import type { LadderStep } from './vocab.js';
import { labelOf } from './vocab.js';

/** The body the case would go to next, and why that one. */
export interface ForumChoice {
  forum: Forum;
  /** The limit that decided it, when the forum has one. */
  limit: ForumLimit | null;
  /** "your claim of 12,400 TL is below the 2026 limit of 186,000 TL". */
  why: string;
}

/** Where a case stands on the ladder and what comes next. */
export interface LadderPosition {
  /** The highest rung reached, or null before the first contact. */
  step: LadderStep | null;
  next: LadderStep | null;
  /** The main reason, in one sentence. */
  reason: string;
  /** Further facts that bear on it. */
  notes: string[];
  forum: ForumChoice | null;
}

function forumName(f: Forum): string {
  return f.name.en + (f.verified ? '' : ' (unverified: check it before relying on it)');
}

function sectorFits(f: Forum, sector: string | null): boolean {
  return !f.sectors || (sector !== null && f.sectors.includes(sector));
}

/**
 * Picks the forum by country, sector, claim amount and year: a sector's own body first, then a
 * general one; a body with a claim limit hands claims not below it to the body whose
 * `aboveForum` names it (Turkey: arbitration below the limit, mediation then court above).
 */
export function pickForum(
  j: Jurisdiction,
  sector: string | null,
  claim: Money | null,
  year: number,
): ForumChoice | null {
  const candidates = j.forums.filter(
    (f) => f.kind !== 'court' && !f.aboveForum && sectorFits(f, sector),
  );
  candidates.sort((a, b) => Number(Boolean(b.sectors)) - Number(Boolean(a.sectors)));
  const first = candidates[0];
  if (!first) {
    const court = j.forums.find((f) => f.kind === 'court');
    return court
      ? { forum: court, limit: null, why: 'no other body is known for this case' }
      : null;
  }
  const limit = forumLimitFor(first, year);
  if (!first.limits || first.limits.length === 0 || !limit) {
    const why =
      first.limits && first.limits.length > 0
        ? `no claim limit is known for ${year}`
        : first.sectors
          ? `it handles ${first.sectors.join(', ')} complaints`
          : `the body for consumer complaints in ${j.code}`;
    return { forum: first, limit: null, why };
  }
  const limitMoney = { minor: limit.belowMinor, currency: limit.currency };
  const stale = limit.year < year ? ` (the latest known limit, set for ${limit.year})` : '';
  const yearText = limit.year < year ? String(year) : String(limit.year);
  const trust = limit.verified ? '' : ' (unverified)';
  if (!claim) {
    return {
      forum: first,
      limit,
      why: `claims below ${formatMoneyShort(limitMoney)} go there in ${yearText}${stale}${trust}; record the amount to check: complain edit <case> --amount "…"`,
    };
  }
  if (claim.currency !== limit.currency) {
    return {
      forum: first,
      limit,
      why: `its ${yearText} limit is ${formatMoneyShort(limitMoney)}${stale}${trust}; your claim is in ${claim.currency}: convert it to compare`,
    };
  }
  if (claim.minor < limit.belowMinor) {
    return {
      forum: first,
      limit,
      why: `your claim of ${formatMoneyShort(claim)} is below the ${yearText} limit of ${formatMoneyShort(limitMoney)}${stale}${trust}`,
    };
  }
  const above = j.forums.find((f) => f.aboveForum === first.id);
  const why = `your claim of ${formatMoneyShort(claim)} is not below the ${yearText} limit of ${formatMoneyShort(limitMoney)} for ${first.name.en}${stale}${trust}`;
  return { forum: above ?? first, limit, why };
}

function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

function dayText(n: number, past: boolean): string {
  if (n === 0) return 'today';
  return past ? `${days(n)} ago` : `in ${days(n)}`;
}

/** The rung a case has reached, read from the log and the letters. */
export function currentStep(s: CaseSnapshot): LadderStep | null {
  const kinds = s.contacts.map((c) => c.escalation?.kind).filter(Boolean);
  if (kinds.includes('court') || kinds.includes('social-media')) return 'last-resort';
  if (kinds.length > 0) return 'forum';
  if (
    s.letters.some((l) => l.sentAt) ||
    s.contacts.some((c) => c.channel === 'letter' && c.direction === 'outbound')
  )
    return 'written-complaint';
  if (s.contacts.some((c) => c.supervisor !== null)) return 'supervisor';
  if (s.contacts.length >= 2) return 'follow-up';
  if (s.contacts.length === 1) return 'first-contact';
  return null;
}

/**
 * Reads the log and says which rung the case is on, the next one, and why. `clocks` are the
 * case's legal clocks at `now`.
 */
export function ladderPosition(
  s: CaseSnapshot,
  j: Jurisdiction,
  clocks: readonly ClockResult[],
  now: Date,
  tz: string,
): LadderPosition {
  const step = currentStep(s);
  const notes: string[] = [];
  const year = Number(localDateOf(now, tz).slice(0, 4));
  const forum = pickForum(j, s.sector, s.case.amount, year);
  const court = j.forums.find((f) => f.kind === 'court');
  const forumText = forum ? `${forumName(forum.forum)} — ${forum.why}` : null;
  const id = s.case.id;
  const noForum = `no body is known for ${j.code} in the data: a consumer association or a lawyer can name one`;

  const broken = s.contacts.flatMap((c) =>
    c.promises
      .filter((p) => ['broken', 'broken-by-default'].includes(promiseStanding(p, s.contacts, now)))
      .map((p) => ({ p, c })),
  );
  const waiting = s.contacts
    .flatMap((c) => c.promises)
    .filter((p) => p.state === 'pending' && p.dueAt.getTime() >= now.getTime())
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const passedDuty = clocks.filter((c) => c.owes === 'company' && c.state === 'passed');
  const withRef = s.contacts.filter((c) => c.reference);
  if (broken.length > 0)
    notes.push(
      ...broken.map(
        ({ p, c }) =>
          `promised on ${localDateOf(c.startedAt, tz)}: "${p.text}" by ${localDateOf(p.dueAt, tz)} — not kept`,
      ),
    );
  for (const c of clocks)
    if (c.state === 'running' && c.owes === 'consumer' && c.dueAt)
      notes.push(
        `your time limit: ${c.rule.label.en} ends ${c.dueOn} (${dayText(calendarDaysBetween(now, c.dueAt, tz), false)})`,
      );

  const sectorBodies = j.forums.filter((f) => f.sectors);
  if (s.sector === null && sectorBodies.length > 0)
    notes.push(
      `if this is ${[...new Set(sectorBodies.flatMap((f) => f.sectors!))].join(', ')}, record it (complain clock ${id} --sector …): ${sectorBodies.map((f) => f.name.en).join('; ')} may apply`,
    );
  const result = (next: LadderStep | null, reason: string): LadderPosition => ({
    step,
    next,
    reason,
    notes,
    forum: next === 'forum' || step === 'forum' ? forum : null,
  });

  if (step === null) {
    return result(
      'first-contact',
      `nothing logged yet: contact ${s.case.company.name}, state the situation, the problem and the request, ask for a reference number, then \`complain log ${id}\``,
    );
  }
  if (step === 'last-resort') {
    const last = [...s.contacts].reverse().find((c) => c.escalation)!;
    return result(
      null,
      `you went ${last.escalation!.kind === 'court' ? 'to court' : 'public'} on ${localDateOf(last.startedAt, tz)}: keep logging every answer; when it ends, \`complain close ${id}\``,
    );
  }
  if (step === 'forum') {
    const filed = [...s.contacts].reverse().find((c) => c.escalation)!;
    const e = filed.escalation!;
    const where = e.forum ?? labelOf(e.kind).toLowerCase();
    const objection = clocks.find((c) => c.rule.start === 'decision-notified' && c.dueAt);
    if (objection && objection.state === 'running')
      notes.unshift(`${objection.rule.label.en}: by ${objection.dueOn} (${objection.rule.source})`);
    return result(
      'last-resort',
      `you applied to ${where} on ${localDateOf(filed.startedAt, tz)}${e.fileNumber ? ` (file ${e.fileNumber})` : ''}: wait for its answer and log it; if it fails or the company ignores it: ${court ? forumName(court) : 'the court'}, or a public post as the last resort`,
    );
  }
  if (step === 'written-complaint') {
    const sent = [...s.letters].reverse().find((l) => l.sentAt);
    if (sent) {
      const deadline = endOfLocalDay(sent.deadlineOn, tz);
      const answer = heardFromAfter(s.contacts, sent.sentAt!);
      const gap = calendarDaysBetween(now, deadline, tz);
      if (answer) {
        return result(
          'forum',
          `they answered on ${localDateOf(answer.startedAt, tz)} (contact #${answer.id}): if the answer does not give you the ${labelOf(s.case.remedy).toLowerCase()}, apply to ${forumText ?? noForum}`,
        );
      }
      if (deadline.getTime() < now.getTime()) {
        return result(
          'forum',
          `the letter's deadline passed ${dayText(-gap, true)} (${sent.deadlineOn}) with no answer: apply to ${forumText ?? noForum}`,
        );
      }
      return result(
        'forum',
        `wait: the letter's deadline is ${sent.deadlineOn} (${dayText(gap, false)}); if no answer by then, apply to ${forumText ?? noForum}`,
      );
    }
    return result(
      'forum',
      `your letter is logged: when its deadline passes with no answer, apply to ${forumText ?? noForum}`,
    );
  }
  // first-contact, follow-up, supervisor: the company has not been written to yet.
  const unsent = s.letters.find((l) => !l.sentAt);
  if (unsent)
    notes.push(
      `letter #${unsent.id} is written but not marked sent: send it with proof of delivery`,
    );
  const duty = passedDuty[0];
  if (duty && duty.dueAt && duty.rule.whenPassed === 'forum') {
    return result(
      'forum',
      `the legal time limit passed ${dayText(-calendarDaysBetween(now, duty.dueAt, tz), true)}: ${duty.rule.label.en} by ${duty.dueOn} (${duty.rule.source}${duty.rule.verified ? '' : '; unverified'}): you may go to ${forumText ?? noForum}`,
    );
  }
  if (duty && duty.dueAt) {
    return result(
      'written-complaint',
      `the legal time limit passed ${dayText(-calendarDaysBetween(now, duty.dueAt, tz), true)}: ${duty.rule.label.en} by ${duty.dueOn} (${duty.rule.source}${duty.rule.verified ? '' : '; unverified'}): write the formal letter: \`complain letter ${id}\``,
    );
  }
  if (step === 'supervisor') {
    const asked = s.contacts.find((c) => c.supervisor !== null)!;
    return result(
      'written-complaint',
      `a supervisor was ${asked.supervisor === 'refused' ? 'refused' : 'asked for'} on ${localDateOf(asked.startedAt, tz)} (contact #${asked.id}) and the problem is not solved: write the formal letter: \`complain letter ${id}\``,
    );
  }
  const count = s.contacts.length;
  const contactsText = `${count} ${count === 1 ? 'contact' : 'contacts'}`;
  if (withRef.length === 0) {
    return result(
      count >= 3 ? 'supervisor' : 'follow-up',
      `${contactsText}, no reference number: ask for one`,
    );
  }
  if (broken.length > 0) {
    const { p, c } = broken[0]!;
    if (count >= 2 || broken.length >= 2)
      return result(
        'supervisor',
        `${contactsText} and a broken promise ("${p.text}" by ${localDateOf(p.dueAt, tz)}): ask for a supervisor, quoting reference ${withRef.at(-1)!.reference}`,
      );
    return result(
      'follow-up',
      `the promise "${p.text}" made on ${localDateOf(c.startedAt, tz)} was due ${localDateOf(p.dueAt, tz)} and not kept: follow up, quoting reference ${withRef.at(-1)!.reference}`,
    );
  }
  if (waiting[0]) {
    const p = waiting[0];
    return result(
      'follow-up',
      `wait: "${p.text}" is promised by ${localDateOf(p.dueAt, tz)} (${dayText(calendarDaysBetween(now, p.dueAt, tz), false)}); if it does not come, follow up the next day`,
    );
  }
  const rude = s.contacts.some((c) => c.rude);
  if (count >= 2 || rude) {
    return result(
      'supervisor',
      `${contactsText}${rude ? ', rude treatment' : ''} and no solution: ask for a supervisor, quoting reference ${withRef.at(-1)!.reference}`,
    );
  }
  return result(
    'follow-up',
    `no solution and no promise after the first contact: follow up, quoting reference ${withRef.at(-1)!.reference}`,
  );
}
