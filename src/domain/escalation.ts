import { t, uiLanguage, uiLocale } from '../i18n.js';
import { countryName } from './jurisdiction.js';
import type { CaseSnapshot, ClockResult } from './clocks.js';
import { merchantLetters } from './clocks.js';
import type { CardRouteKind } from './jurisdiction-rules.js';
import { localize } from './jurisdiction-rules.js';
import { chooseCardRoute } from './card-route.js';
import { cardEditCommand } from './payment.js';
import { calendarDaysBetween, endOfLocalDay, localDateOf } from './dates.js';
import type { Forum, ForumLimit, Jurisdiction } from './jurisdiction-rules.js';
import { forumLimitFor } from './jurisdiction-rules.js';
import type { SnapshotContact } from './clocks.js';
import type { Money } from './money.js';
import { formatMoneyShort } from './money.js';
import { heardFromAfter } from './agenda.js';
import { promiseStanding } from './promises.js';
import type { LadderStep } from './vocab.js';
import { isClosed } from './closure.js';
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
  /** A parallel route when the case was paid by card: the letter to the card issuer. */
  cardRoute?: CardRouteStanding | null;
}

/** Where the card route stands: its kind, whether the letter went, what it still needs. */
export interface CardRouteStanding {
  /** The route's id in the jurisdiction data, null until the card facts decide it. */
  id: string | null;
  kind: CardRouteKind | null;
  issuer: string | null;
  /** The letter to the issuer that was sent, if any. */
  letterId: number | null;
  sentOn: string | null;
  /** The command to run next on this route. */
  command: string;
  source: string | null;
  verified: boolean | null;
}

/**
 * The card route of a case paid by card, and the note `next` gives about it: what to write, or
 * what the issuer now owes. Null for a case not paid by card.
 */
export function cardRouteOf(
  s: CaseSnapshot,
  j: Jurisdiction,
  clocks: readonly ClockResult[],
  tz: string,
): { standing: CardRouteStanding; notes: string[] } | null {
  const c = s.case;
  if (c.paidBy !== 'card') return null;
  const id = String(c.id);
  const choice = chooseCardRoute(c, j);
  const sent = [...s.letters].reverse().find((l) => l.kind === 'card-issuer' && l.sentAt);
  const issuer = c.cardIssuer ?? null;
  const missingFacts = !c.cardIssuer || !c.cardLast4 || !c.statementDate;
  const needType = !choice.route && choice.why === 'card-type';
  // Command lines, the same in every language.
  const letterCommand = [
    'complain',
    'letter',
    id,
    '--to',
    'card-issuer',
    '-o',
    'card-issuer.docx',
  ].join(' ');
  const command =
    missingFacts || needType
      ? cardEditCommand(c.id, c, needType)
      : sent
        ? ['complain', 'next', id].join(' ')
        : letterCommand;
  const notes: string[] = [];
  if (missingFacts || needType) notes.push(t('card.next.facts', { command }));
  else if (!choice.route) notes.push(t('card.next.noRoute', { country: j.code }));
  else if (!sent)
    notes.push(
      t('card.next.route', {
        route: localize(choice.route.label, uiLanguage()),
        issuer: issuer ?? '',
        command: letterCommand,
      }),
    );
  else {
    notes.push(
      t('card.next.sent', {
        letter: String(sent.id),
        issuer: issuer ?? '',
        sent: localDateOf(sent.sentAt!, tz),
      }),
    );
    for (const k of clocks)
      if (k.owes === 'issuer' && k.dueOn)
        notes.push(
          t(k.state === 'passed' ? 'card.next.issuerLate' : 'card.next.issuerClock', {
            label: localize(k.rule.label, uiLanguage()),
            due: k.dueOn,
          }),
        );
  }
  return {
    standing: {
      id: choice.route?.id ?? null,
      kind: choice.route?.kind ?? null,
      issuer,
      letterId: sent?.id ?? null,
      sentOn: sent?.sentAt ? localDateOf(sent.sentAt, tz) : null,
      command,
      source: choice.route?.source ?? null,
      verified: choice.route?.verified ?? null,
    },
    notes,
  };
}

function forumName(f: Forum): string {
  return f.verified ? f.name.en : t('agenda.forum.unverified', { name: f.name.en });
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
    return court ? { forum: court, limit: null, why: t('agenda.forum.why.only-court') } : null;
  }
  const limit = forumLimitFor(first, year);
  if (!first.limits || first.limits.length === 0 || !limit) {
    const why =
      first.limits && first.limits.length > 0
        ? t('agenda.forum.why.no-limit', { year: String(year) })
        : first.sectors
          ? t('agenda.forum.why.sector', { sectors: first.sectors.join(', ') })
          : t('agenda.forum.why.general', { country: countryName(j.code) });
    return { forum: first, limit: null, why };
  }
  const limitMoney = { minor: limit.belowMinor, currency: limit.currency };
  const yearText = limit.year < year ? String(year) : String(limit.year);
  const params = {
    year: yearText,
    limit: formatMoneyShort(limitMoney),
    stale: limit.year < year ? t('agenda.forum.stale', { year: String(limit.year) }) : '',
    trust: limit.verified ? '' : t('agenda.forum.limit-unverified'),
  };
  if (!claim) {
    return {
      forum: first,
      limit,
      why: t('agenda.forum.why.no-claim', params),
    };
  }
  if (claim.currency !== limit.currency) {
    return {
      forum: first,
      limit,
      why: t('agenda.forum.why.currency', { ...params, currency: claim.currency }),
    };
  }
  if (claim.minor < limit.belowMinor) {
    return {
      forum: first,
      limit,
      why: t('agenda.forum.why.below', { ...params, claim: formatMoneyShort(claim) }),
    };
  }
  const above = j.forums.find((f) => f.aboveForum === first.id);
  const why = t('agenda.forum.why.above', {
    ...params,
    claim: formatMoneyShort(claim),
    forum: first.name.en,
  });
  return { forum: above ?? first, limit, why };
}

function dayText(n: number, past: boolean): string {
  if (n === 0) return t('agenda.days.today');
  return t(past ? 'agenda.days.ago' : 'agenda.days.in', { count: n });
}

/** The kind of a formal escalation a contact was (regulator, court…); public posts are not. */
function formalKind(c: Pick<SnapshotContact, 'escalation'>): string | undefined {
  const kind = c.escalation?.kind;
  return kind && kind !== 'social-media' ? kind : undefined;
}

/** The rung a case has reached, read from the log and the letters. */
export function currentStep(s: CaseSnapshot): LadderStep | null {
  // A public post is a side step: the rung is the highest formal step actually taken.
  const kinds = s.contacts.map((c) => formalKind(c)).filter(Boolean);
  if (kinds.includes('court')) return 'last-resort';
  if (kinds.length > 0) return 'forum';
  if (
    merchantLetters(s.letters).some((l) => l.sentAt) ||
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
  const forumText = forum
    ? t('agenda.forum.text', { name: forumName(forum.forum), why: forum.why })
    : null;
  const id = String(s.case.id);
  const noForum = t('agenda.forum.none', { country: j.code });

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
      ...broken.map(({ p, c }) =>
        t('agenda.next.note.broken', {
          made: localDateOf(c.startedAt, tz),
          text: p.text,
          due: localDateOf(p.dueAt, tz),
        }),
      ),
    );
  for (const c of clocks)
    if (c.state === 'running' && c.owes === 'consumer' && c.dueAt)
      notes.push(
        t('agenda.next.note.your-clock', {
          label: localize(c.rule.label, uiLanguage()),
          due: c.dueOn,
          when: dayText(calendarDaysBetween(now, c.dueAt, tz), false),
        }),
      );

  const sectorBodies = j.forums.filter((f) => f.sectors);
  if (s.sector === null && sectorBodies.length > 0)
    notes.push(
      t('agenda.next.note.sector', {
        sectors: [...new Set(sectorBodies.flatMap((f) => f.sectors!))].join(', '),
        id,
        bodies: sectorBodies.map((f) => f.name.en).join('; '),
      }),
    );
  const card = isClosed(s.case) ? null : cardRouteOf(s, j, clocks, tz);
  const result = (next: LadderStep | null, reason: string): LadderPosition => ({
    step,
    next,
    reason,
    // The card route runs beside the ladder: its note comes after the ladder's own.
    notes: card ? [...notes, ...card.notes] : notes,
    forum: next === 'forum' || step === 'forum' ? forum : null,
    cardRoute: card?.standing ?? null,
  });

  if (isClosed(s.case)) {
    // Nothing is due on a closed case: no notes about promises or clocks, no next rung.
    notes.length = 0;
    return result(
      null,
      t('agenda.next.reason.closed', {
        id,
        status: labelOf(s.case.status).toLocaleLowerCase(uiLocale()),
        date: s.case.closedAt ? localDateOf(s.case.closedAt, tz) : 'none',
      }),
    );
  }
  if (step === null) {
    return result(
      'first-contact',
      t('agenda.next.reason.nothing', { company: s.case.company.name, id }),
    );
  }
  for (const c of s.contacts)
    if (c.escalation?.kind === 'social-media')
      notes.push(
        t('agenda.next.note.side-step', {
          date: localDateOf(c.startedAt, tz),
          contact: String(c.id),
        }),
      );
  if (step === 'last-resort') {
    const last = [...s.contacts].reverse().find((c) => formalKind(c) === 'court')!;
    return result(
      null,
      t('agenda.next.reason.last-resort', {
        where: 'court',
        date: localDateOf(last.startedAt, tz),
        id,
      }),
    );
  }
  if (step === 'forum') {
    const filed = [...s.contacts].reverse().find((c) => formalKind(c))!;
    const e = filed.escalation!;
    const where = e.forum ?? labelOf(e.kind).toLocaleLowerCase(uiLocale());
    const objection = clocks.find((c) => c.rule.start === 'decision-notified' && c.dueAt);
    if (objection && objection.state === 'running')
      notes.unshift(
        t('agenda.next.note.objection', {
          label: localize(objection.rule.label, uiLanguage()),
          due: objection.dueOn,
          source: objection.rule.source,
        }),
      );
    return result(
      'last-resort',
      t(e.fileNumber ? 'agenda.next.reason.forum-file' : 'agenda.next.reason.forum', {
        where,
        date: localDateOf(filed.startedAt, tz),
        file: e.fileNumber ?? '',
        court: court ? forumName(court) : t('agenda.next.the-court'),
      }),
    );
  }
  if (step === 'written-complaint') {
    const sent = [...merchantLetters(s.letters)].reverse().find((l) => l.sentAt);
    if (sent) {
      const deadline = endOfLocalDay(sent.deadlineOn, tz);
      const answer = heardFromAfter(s.contacts, sent.sentAt!);
      const gap = calendarDaysBetween(now, deadline, tz);
      if (answer) {
        return result(
          'forum',
          t('agenda.next.reason.answered', {
            date: localDateOf(answer.startedAt, tz),
            contact: String(answer.id),
            remedy: labelOf(s.case.remedy).toLocaleLowerCase(uiLocale()),
            forum: forumText ?? noForum,
          }),
        );
      }
      if (deadline.getTime() < now.getTime()) {
        return result(
          'forum',
          t('agenda.next.reason.letter-passed', {
            ago: dayText(-gap, true),
            deadline: sent.deadlineOn,
            forum: forumText ?? noForum,
          }),
        );
      }
      return result(
        'forum',
        t('agenda.next.reason.letter-wait', {
          deadline: sent.deadlineOn,
          when: dayText(gap, false),
          forum: forumText ?? noForum,
        }),
      );
    }
    return result('forum', t('agenda.next.reason.letter-logged', { forum: forumText ?? noForum }));
  }
  // first-contact, follow-up, supervisor: the company has not been written to yet.
  const unsent = merchantLetters(s.letters).find((l) => !l.sentAt);
  if (unsent) notes.push(t('agenda.next.note.unsent', { id: String(unsent.id) }));
  const duty = passedDuty[0];
  if (duty && duty.dueAt && duty.rule.whenPassed === 'forum') {
    return result(
      'forum',
      t('agenda.next.reason.duty-forum', {
        ago: dayText(-calendarDaysBetween(now, duty.dueAt, tz), true),
        label: localize(duty.rule.label, uiLanguage()),
        due: duty.dueOn,
        source: duty.rule.source,
        verified: duty.rule.verified ? 'yes' : 'no',
        forum: forumText ?? noForum,
      }),
    );
  }
  if (duty && duty.dueAt) {
    return result(
      'written-complaint',
      t('agenda.next.reason.duty-letter', {
        ago: dayText(-calendarDaysBetween(now, duty.dueAt, tz), true),
        label: localize(duty.rule.label, uiLanguage()),
        due: duty.dueOn,
        source: duty.rule.source,
        verified: duty.rule.verified ? 'yes' : 'no',
        id,
      }),
    );
  }
  if (step === 'supervisor') {
    const asked = s.contacts.find((c) => c.supervisor !== null)!;
    return result(
      'written-complaint',
      t('agenda.next.reason.supervisor', {
        refused: asked.supervisor === 'refused' ? 'yes' : 'no',
        date: localDateOf(asked.startedAt, tz),
        contact: String(asked.id),
        id,
      }),
    );
  }
  const count = s.contacts.length;
  if (withRef.length === 0) {
    return result(
      count >= 3 ? 'supervisor' : 'follow-up',
      t('agenda.next.reason.no-reference', { count }),
    );
  }
  if (broken.length > 0) {
    const { p, c } = broken[0]!;
    if (count >= 2 || broken.length >= 2)
      return result(
        'supervisor',
        t('agenda.next.reason.broken-supervisor', {
          count,
          text: p.text,
          due: localDateOf(p.dueAt, tz),
          reference: withRef.at(-1)!.reference,
        }),
      );
    return result(
      'follow-up',
      t('agenda.next.reason.broken-follow-up', {
        text: p.text,
        made: localDateOf(c.startedAt, tz),
        due: localDateOf(p.dueAt, tz),
        reference: withRef.at(-1)!.reference,
      }),
    );
  }
  if (waiting[0]) {
    const p = waiting[0];
    return result(
      'follow-up',
      t('agenda.next.reason.promise-wait', {
        text: p.text,
        due: localDateOf(p.dueAt, tz),
        when: dayText(calendarDaysBetween(now, p.dueAt, tz), false),
      }),
    );
  }
  const rude = s.contacts.some((c) => c.rude);
  if (count >= 2 || rude) {
    return result(
      'supervisor',
      t('agenda.next.reason.no-solution', {
        count,
        rude: rude ? 'yes' : 'no',
        reference: withRef.at(-1)!.reference,
      }),
    );
  }
  return result(
    'follow-up',
    t('agenda.next.reason.first-contact', { reference: withRef.at(-1)!.reference }),
  );
}
