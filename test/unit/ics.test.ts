import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildAgenda } from '../../src/domain/agenda.js';
import { renderIcs } from '../../src/output/ics.js';
import { loadJurisdiction } from '../../src/templates.js';
import { makeCase, makeContact, snapshot } from '../support/snapshot.js';

const NOW = new Date('2026-11-23T12:00:00Z');

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('the calendar file', () => {
  it('is valid with nothing due', () => {
    expect(parse(renderIcs([], NOW))).toEqual([]);
  });

  it('holds one all-day event per deadline, on its date, with text escaped', () => {
    const s = snapshot({
      case: makeCase({
        company: { ...makeCase().company, name: 'Acme; Ltd, "TR"' },
        // Replacement: the 30-working-day clock, without the repair-time clock of a repair case.
        remedy: 'replacement',
      }),
      contacts: [
        makeContact(1, '2026-11-20T09:00:00Z', {
          promiseList: [['call back; today, really\nsoon', '2026-11-25T20:59:59.999Z']],
        }),
      ],
    });
    const agenda = buildAgenda([s], loadJurisdiction, NOW, 'Europe/Istanbul');
    const items = [...agenda.overdue, ...agenda.upcoming];
    const events = parse(renderIcs(items, NOW));
    expect(events).toHaveLength(1);
    expect(events[0]!.startDate.toString()).toBe('2026-11-25');
    expect(events[0]!.startDate.isDate).toBe(true);
    expect(events[0]!.endDate.toString()).toBe('2026-11-26');
    expect(events[0]!.summary).toContain('Acme; Ltd, "TR"');
    expect(events[0]!.summary).toContain('call back; today, really');
    // The repair clock runs to January: outside the 14-day window, so not in this file.
    const wide = buildAgenda([s], loadJurisdiction, NOW, 'Europe/Istanbul', 60);
    const all = parse(renderIcs([...wide.overdue, ...wide.upcoming], NOW));
    expect(all.map((e) => [e.uid, e.startDate.toString()])).toEqual([
      [expect.stringMatching(/^promise-\d+@complain$/), '2026-11-25'],
      // 30 working days land after New Year's Day, a holiday (not on it, as before).
      ['clock-1-tr-repair-replacement@complain', '2027-01-04'],
    ]);
    expect(all[1]!.description).toContain('30 working days');
  });
});

describe('the calendar file reminds (issue 11, defect 13)', () => {
  it('gives every event an alarm the day before and on the day, with the case and what to do', () => {
    const s = snapshot({
      case: makeCase({ remedy: 'replacement' }),
      contacts: [
        makeContact(1, '2026-11-20T09:00:00Z', {
          promiseList: [['call back', '2026-11-25T20:59:59.999Z']],
        }),
      ],
    });
    const wide = buildAgenda([s], loadJurisdiction, NOW, 'Europe/Istanbul', 60);
    const cal = new ICAL.Component(ICAL.parse(renderIcs([...wide.overdue, ...wide.upcoming], NOW)));
    const events = cal.getAllSubcomponents('vevent');
    expect(events.length).toBe(2);
    for (const ev of events) {
      const alarms = ev.getAllSubcomponents('valarm');
      expect(alarms.map((a) => String(a.getFirstPropertyValue('trigger')))).toEqual([
        '-PT15H',
        'PT9H',
      ]);
      const [before, onDay] = alarms.map((a) => String(a.getFirstPropertyValue('description')));
      expect(before).toMatch(/^Tomorrow: case #1 \(Acme\): /);
      expect(onDay).toMatch(/^Today: case #1 \(Acme\): /);
      expect(onDay).toContain('complain next 1');
      for (const a of alarms) expect(a.getFirstPropertyValue('action')).toBe('DISPLAY');
    }
    const promise = events[0]!.getAllSubcomponents('valarm')[1]!;
    expect(String(promise.getFirstPropertyValue('description'))).toContain(
      'If it has not happened, log it and follow up',
    );
  });
});
