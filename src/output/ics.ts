import { createEvents } from 'ics';
import type { DateArray, EventAttributes } from 'ics';
import type { AgendaItem } from '../domain/agenda.js';
import { ComplainError } from '../errors.js';
import { t } from '../i18n.js';

function dayArray(date: string): DateArray {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function nextDay(date: string): DateArray {
  const next = new Date(Date.parse(date + 'T00:00:00Z') + 86_400_000);
  return [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
}

/** A stable UID, so that importing the file again updates the events instead of doubling them. */
export function icsUid(i: AgendaItem): string {
  const key =
    i.kind === 'promise'
      ? `promise-${i.promise!.id}`
      : i.kind === 'letter-deadline'
        ? `letter-${i.letterId}`
        : i.kind === 'standard'
          ? `standard-${i.standard!.id}-contact-${i.sinceContactId}`
          : `clock-${i.caseId}-${i.clock!.rule.id}`;
  return `${key}@complain`;
}

/** What to do when the date comes, by what is due (the alarm's text). */
function todo(i: AgendaItem): string {
  const who =
    i.kind === 'legal-clock'
      ? i.clock?.owes === 'consumer'
        ? 'consumer'
        : // The card issuer's duty: the next step comes from `next`, as after a letter.
          i.clock?.owes === 'issuer'
          ? 'letter'
          : 'clock'
      : i.kind === 'letter-deadline'
        ? 'letter'
        : i.kind === 'standard'
          ? 'standard'
          : 'promise';
  return t('agenda.ics.todo', { kind: who, id: String(i.caseId) });
}

/**
 * Two reminders for each date: at 09:00 the day before and at 09:00 on the day (an all-day
 * event starts at 00:00 of its day), each with the case, what is due and what to do.
 */
function alarms(i: AgendaItem): NonNullable<EventAttributes['alarms']> {
  const text = (when: 'before' | 'day') =>
    t('agenda.ics.alarm', { when, id: String(i.caseId), company: i.company, what: i.what }) +
    ' ' +
    todo(i);
  return [
    { action: 'display', description: text('before'), trigger: { hours: 15, before: true } },
    { action: 'display', description: text('day'), trigger: { hours: 9, before: false } },
  ];
}

/**
 * The deadlines as an iCalendar file: one all-day event on each due date (a deadline is the end
 * of that day in the user's zone), with what, the case and how the date was computed.
 */
export function renderIcs(items: readonly AgendaItem[], now: Date): string {
  const calName = t('agenda.ics.calendar');
  const events: EventAttributes[] = items.map((i) => ({
    uid: icsUid(i),
    title: `#${i.caseId} ${i.company}: ${i.what}`,
    description: [
      t('agenda.ics.case', { id: String(i.caseId), title: i.caseTitle }),
      i.what,
      i.clock ? t('agenda.ics.how', { text: i.clock.explanation }) : undefined,
      todo(i),
    ]
      .filter(Boolean)
      .join('\n'),
    start: dayArray(i.dueOn),
    end: nextDay(i.dueOn),
    productId: 'complain',
    calName,
    timestamp: now.getTime(),
    alarms: alarms(i),
  }));
  if (events.length === 0) {
    return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:complain\r\nCALSCALE:GREGORIAN\r\nX-WR-CALNAME:${calName}\r\nEND:VCALENDAR\r\n`;
  }
  const { error, value } = createEvents(events);
  if (error || !value)
    throw new ComplainError(
      t('agenda.ics.error', { reason: error?.message ?? t('agenda.ics.no-output') }),
      {
        hint: t('agenda.ics.error.hint'),
        cause: error,
      },
    );
  return value;
}
