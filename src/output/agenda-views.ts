import type { ChalkInstance } from 'chalk';
import type { CaseExtras } from '../db/agenda-repo.js';
import type { Agenda, AgendaItem } from '../domain/agenda.js';
import type { ClockResult } from '../domain/clocks.js';
import { ruleText } from '../domain/clocks.js';
import type { LadderPosition } from '../domain/escalation.js';
import type { CallSheet } from '../domain/prep.js';
import { formatMoneyPlain } from '../domain/money.js';
import { labelOf } from '../domain/vocab.js';
import { t, uiLanguage } from '../i18n.js';
import { localize } from '../domain/jurisdiction-rules.js';
import { formatDate, formatDay, renderTable } from './format.js';

/** A legal clock as `show --json`, `due --json` and `next --json` print it. */
export function clockView(c: ClockResult) {
  return {
    id: c.rule.id,
    label: c.rule.label.en,
    owes: c.owes,
    startEvent: c.start.event,
    startOn: c.start.on,
    startBasis: c.start.basis,
    startContactId: c.start.contactId,
    startLetterId: c.start.letterId,
    amount: c.rule.amount,
    unit: c.rule.unit,
    // Data: the same in every interface language.
    rule: ruleText(c.rule, 'en'),
    dueOn: c.dueOn,
    dueAt: c.dueAt?.toISOString() ?? null,
    state: c.state,
    exercisedOn: c.exercisedOn ?? null,
    source: c.rule.source,
    verified: c.rule.verified,
    explanation: c.explanation,
  };
}

/** One agenda row as JSON. */
export function agendaItemView(i: AgendaItem) {
  return {
    kind: i.kind,
    caseId: i.caseId,
    company: i.company,
    caseTitle: i.caseTitle,
    what: i.what,
    dueOn: i.dueOn,
    dueAt: i.dueAt.toISOString(),
    overdue: i.overdue,
    daysLate: i.daysLate,
    daysLeft: i.daysLeft,
    sinceContactId: i.sinceContactId,
    sinceAt: i.sinceAt?.toISOString() ?? null,
    sinceOn: i.sinceOn,
    promiseId: i.promise?.id ?? null,
    standing: i.promise?.standing ?? null,
    madeBy: i.promise?.madeBy ?? null,
    letterId: i.letterId ?? null,
    clock: i.clock ? clockView(i.clock) : null,
    standard: i.standard ?? null,
  };
}

/** `complain due --json`. */
export function agendaView(a: Agenda) {
  return {
    windowDays: a.windowDays,
    overdue: a.overdue.map(agendaItemView),
    upcoming: a.upcoming.map(agendaItemView),
  };
}

function sinceText(i: AgendaItem, tz: string): string {
  const day = i.sinceAt ? formatDay(i.sinceAt, tz) : i.sinceOn ? formatDate(i.sinceOn) : null;
  if (i.sinceContactId !== null)
    return t('agenda.due.since.contact', { id: String(i.sinceContactId), day: day ?? '' });
  if (i.kind === 'letter-deadline') return t('agenda.due.since.sent', { day: day ?? '' });
  return day ? t('agenda.due.since.day', { day }) : '—';
}

/** `complain due`. */
export function renderAgenda(
  a: Agenda,
  tz: string,
  c: ChalkInstance,
  options: { explain: boolean; limit?: number },
): string {
  // On a terminal, the most urgent `limit` of each list; the headings count them all.
  const shown = (items: AgendaItem[]) =>
    options.limit === undefined ? items : items.slice(0, options.limit);
  const rows = (items: AgendaItem[]) =>
    items.map((i) => [
      i.overdue
        ? i.daysLate === 0
          ? t('agenda.due.when.late-today')
          : t('agenda.due.when.late', { count: i.daysLate })
        : i.daysLeft === 0
          ? t('agenda.days.today')
          : t('agenda.days.in', { count: i.daysLeft }),
      formatDay(i.dueAt, tz),
      `#${i.caseId} ${i.company}`,
      i.what,
      sinceText(i, tz),
    ]);
  const headers = [
    t('agenda.due.col.when'),
    t('agenda.due.col.due'),
    t('agenda.due.col.case'),
    t('agenda.due.col.what'),
    t('agenda.due.col.since'),
  ];
  const out: string[] = [];
  const table = (items: AgendaItem[], paint: (s: string) => string) => {
    let text = renderTable(headers, rows(items), {
      maxWidths: [22, 12, 24, 90, 26],
      header: (s) => c.bold(s),
      paint: (_, ci, cell) => (ci === 0 ? paint(cell) : cell),
    });
    if (options.explain) {
      const lines = text.trimEnd().split('\n');
      const explained = [lines[0]!];
      items.forEach((i, n) => {
        explained.push(lines[n + 1]!);
        if (i.clock)
          explained.push(c.dim(`    ${t('agenda.due.how', { text: i.clock.explanation })}`));
      });
      text = explained.join('\n') + '\n';
    }
    return text;
  };
  const overdue = a.totals?.overdue ?? a.overdue.length;
  const upcoming = a.totals?.upcoming ?? a.upcoming.length;
  if (a.overdue.length > 0) {
    out.push(c.red.bold(t('agenda.due.overdue', { count: overdue })) + '\n');
    out.push(table(shown(a.overdue), (s) => c.red(s)));
  }
  if (a.upcoming.length > 0) {
    if (out.length) out.push('\n');
    out.push(c.bold(t('agenda.due.upcoming', { days: a.windowDays, count: upcoming })) + '\n');
    out.push(table(shown(a.upcoming), (s) => c.yellow(s)));
  }
  return out.join('');
}

/** The clocks block of `complain show`. */
export function renderClocks(clocks: ClockResult[], c: ChalkInstance): string[] {
  if (clocks.length === 0) return [];
  const lines = [c.bold(t('agenda.clocks.title', { count: clocks.length }))];
  for (const k of clocks) {
    const state =
      k.state === 'not-started'
        ? c.dim(t('agenda.clocks.not-started'))
        : k.state === 'passed'
          ? c.red(t('agenda.clocks.passed', { date: k.dueOn ?? '' }))
          : k.state === 'exercised'
            ? c.green(t('rights.clocks.exercised', { date: k.exercisedOn ?? '' }))
            : c.yellow(t('agenda.clocks.runs', { date: k.dueOn ?? '' }));
    lines.push(
      `  ${localize(k.rule.label, uiLanguage())} [${state}]${k.owes === 'consumer' ? ` ${t('agenda.clocks.your-limit')}` : k.owes === 'issuer' ? ` ${t('card.clocks.issuer')}` : ''}${k.rule.verified ? '' : c.yellow(` ${t('agenda.clocks.unverified')}`)}`,
    );
    lines.push(c.dim(`    ${k.explanation}`));
  }
  return lines;
}

/** `complain next --json`. */
export function ladderView(caseId: number, p: LadderPosition, clocks: ClockResult[]) {
  return {
    caseId,
    step: p.step,
    stepLabel: p.step ? labelOf(p.step) : null,
    next: p.next,
    nextLabel: p.next ? labelOf(p.next) : null,
    reason: p.reason,
    notes: p.notes,
    forum: p.forum
      ? {
          id: p.forum.forum.id,
          kind: p.forum.forum.kind,
          name: p.forum.forum.name.en,
          apply: p.forum.forum.apply?.en ?? null,
          why: p.forum.why,
          source: p.forum.forum.source,
          verified: p.forum.forum.verified,
          limit: p.forum.limit
            ? {
                year: p.forum.limit.year,
                below: formatMoneyPlain({
                  minor: p.forum.limit.belowMinor,
                  currency: p.forum.limit.currency,
                }),
                belowMinor: p.forum.limit.belowMinor,
                currency: p.forum.limit.currency,
                source: p.forum.limit.source,
                verified: p.forum.limit.verified,
              }
            : null,
        }
      : null,
    clocks: clocks.map(clockView),
    // A parallel route beside the ladder when the case was paid by card (null otherwise).
    cardRoute: p.cardRoute ?? null,
  };
}

/** What schema 3 adds to a case in `show --json`: the sector and how it was closed. */
export function caseExtrasView(e: CaseExtras) {
  const k = e.closure;
  return {
    sector: e.sector,
    closure: k
      ? {
          closedAs: k.closedAs,
          remedyReceived: k.remedyReceived,
          remedyReceivedOn: k.remedyReceivedOn,
          remedyReceivedAmount: k.remedyReceivedAmount
            ? { ...k.remedyReceivedAmount, text: formatMoneyPlain(k.remedyReceivedAmount) }
            : null,
          escalatedTo: k.escalatedTo,
          rating: k.rating,
        }
      : null,
  };
}

/** `complain prep`: one screen. */
export function renderCallSheet(s: CallSheet, c: ChalkInstance): string {
  const f = s.facts;
  // The three labels padded to one width, so that the texts line up in every language.
  const labels = [t('agenda.prep.situation'), t('agenda.prep.problem'), t('agenda.prep.request')];
  const width = Math.max(...labels.map((l) => l.length)) + 1;
  const [situation, problem, request] = labels.map((l) => l.padEnd(width));
  const params = { id: String(s.caseId), company: s.company, phone: s.phone ?? '' };
  const out: string[] = [
    c.bold(t(s.phone ? 'agenda.prep.title-phone' : 'agenda.prep.title', params)),
    `${c.bold(t('agenda.prep.goal'))} ${s.goal}`,
    '',
    c.bold(t('agenda.prep.say')),
    `  1. ${situation}${s.statement.situation}`,
    `  2. ${problem}${s.statement.problem}`,
    `  3. ${request}${s.statement.request} (${s.statement.remedy})`,
    '',
    c.bold(t('agenda.prep.at-hand')),
  ];
  const facts = [
    t('agenda.prep.fact.product', { value: f.product }),
    f.purchasedOn ? t('agenda.prep.fact.bought', { value: f.purchasedOn }) : null,
    f.orderRef ? t('agenda.prep.fact.order', { value: f.orderRef }) : null,
    f.accountRef ? t('agenda.prep.fact.account', { value: f.accountRef }) : null,
    f.amount ? t('agenda.prep.fact.paid', { value: f.amount }) : null,
  ].filter(Boolean);
  out.push(`  ${facts.join(' · ')}`);
  if (f.references.length)
    out.push(
      `  ${t('agenda.prep.references', { list: f.references.map((r) => `${r.reference} (${r.on})`).join(', ') })}`,
    );
  if (f.reps.length)
    out.push(
      `  ${t('agenda.prep.spoke-to', {
        list: f.reps
          .map((r) =>
            r.repId
              ? t('agenda.prep.rep-id', { name: r.name, id: r.repId, on: r.lastOn })
              : t('agenda.prep.rep', { name: r.name, on: r.lastOn }),
          )
          .join(', '),
      })}`,
    );
  for (const p of f.brokenPromises)
    out.push(
      c.red(
        `  ${t('agenda.prep.broken', {
          made: p.madeOn,
          hasBy: p.by.length ? 'yes' : 'no',
          by: p.by.join(', '),
          text: p.text,
          due: p.dueOn,
          byDefault: p.byDefault ? 'yes' : 'no',
        })}`,
      ),
    );
  out.push('', c.bold(t('agenda.prep.ask')), ...s.questions.map((q) => `  • ${q}`));
  out.push('', c.bold(t('agenda.prep.supervisor')), ...s.supervisor.map((q) => `  • ${q}`));
  out.push('', c.bold(t('agenda.prep.remember')), ...s.reminders.map((q) => `  • ${q}`));
  return out.join('\n') + '\n';
}
