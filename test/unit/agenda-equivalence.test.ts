import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStore } from '../../scripts/seed-store.mjs';
import { DUE_LIMIT, printDue, runDue, toDueOptions } from '../../src/commands/due.js';
import { ATTENTION_LIMIT, runList, toListOptions } from '../../src/commands/list.js';
import { runStats, toStatsOptions } from '../../src/commands/stats.js';
import {
  closeCase,
  eachSnapshot,
  listCaseExtras,
  recordCaseFacts,
  setPromiseState,
} from '../../src/db/agenda-repo.js';
import { createCase, listCases } from '../../src/db/case-repo.js';
import { createContact, listCaseActivity } from '../../src/db/contact-repo.js';
import { createLetter, recordSending } from '../../src/db/letter-repo.js';
import { saveProfile } from '../../src/db/profile-repo.js';
import { addStandard, standardsByCompany } from '../../src/db/standard-repo.js';
import { buildAgenda } from '../../src/domain/agenda.js';
import { isClosed } from '../../src/domain/closure.js';
import { parseContact } from '../../src/domain/contact-fields.js';
import { checkStandards } from '../../src/domain/standards.js';
import type { StandardCheck } from '../../src/domain/standards.js';
import { companyStats } from '../../src/domain/stats.js';
import { agendaView } from '../../src/output/agenda-views.js';
import { lastActivity } from '../../src/output/views.js';
import type { CaseRecord } from '../../src/domain/model.js';
import { loadJurisdiction } from '../../src/templates.js';
import type { TestContext } from '../support/context.js';
import { makeTestContext } from '../support/context.js';

// `due` reads only the contacts the agenda needs and `stats` counts in SQL: on a store of 300
// cases written through the repositories, with what the seeded store lacks (answers from the
// company, regulator applications, decided promises, a company's service standards), they give
// what the per-case computation over every contact of every case gives (kept here as the
// reference: eachSnapshot, buildAgenda, companyStats), in UTC and in a zone far from it; `list`
// on a terminal picks in SQL the open cases that sorting every case would show first.
const NOW = new Date('2026-11-23T12:00:00Z');
const DAY = 86_400_000;
const contexts: TestContext[] = [];

function seed(t: TestContext, timeZone: string): void {
  const db = t.ctx.db();
  seedStore(
    db,
    {
      createCase,
      createContact,
      closeCase,
      recordCaseFacts,
      createLetter,
      recordSending,
      saveProfile,
      parseContact,
    },
    { n: 300, now: NOW, firstContacts: 40 },
  );
  const clock = { now: NOW, timeZone: 'UTC' };
  const cases = listCases(db);
  for (const c of cases) {
    const at = (days: number) => new Date(NOW.getTime() - days * DAY - (c.id % 13) * 3_600_000);
    // The company answers: before some promises fall due, after others, after some letters.
    if (c.id % 3 === 0) {
      const when = at(5 + (c.id % 400));
      createContact(
        db,
        c.id,
        parseContact(
          {
            channel: c.id % 2 ? 'email' : 'letter',
            direction: 'inbound',
            at: when.toISOString(),
            reps: [],
            summary: 'They wrote back.',
            promises:
              c.id % 9 === 0
                ? [{ text: 'refund', due: new Date(when.getTime() + 4 * DAY).toISOString() }]
                : [],
            quotes: [],
          },
          { ...clock, now: when },
        ),
        when,
      );
    }
    // A dispute letter to the card issuer, sent: not a letter to the company (merchantLetters).
    if (c.id % 7 === 0) {
      const created = at(30 + (c.id % 60));
      const letterId = createLetter(
        db,
        {
          caseId: c.id,
          kind: 'card-issuer',
          language: 'en',
          deadlineOn: created.toISOString().slice(0, 10),
          deadlineSpec: '30d',
          deadlineFrom: created.toISOString().slice(0, 10),
          remedy: 'refund',
          fileSha256: null,
          filePath: null,
          fileSize: null,
          cc: null,
          sendMethod: 'registered-mail',
          enclosures: [],
        },
        created,
      );
      recordSending(
        db,
        letterId,
        {
          sentOn: created.toISOString().slice(0, 10),
          sentVia: 'registered-mail',
          tracking: `CI${c.id}`,
          deliveredOn: null,
          deadlineOn: created.toISOString().slice(0, 10),
          deadlineFrom: created.toISOString().slice(0, 10),
        },
        created,
      );
    }
    // A complaint to a regulator starts the clocks that run from one (US, finance).
    if (c.id % 11 === 0) {
      recordCaseFacts(db, c.id, { events: [], sector: 'finance' }, NOW);
      const when = at(20 + (c.id % 90));
      createContact(
        db,
        c.id,
        parseContact(
          {
            channel: 'web-form',
            at: when.toISOString(),
            reps: [],
            summary: 'Filed with the regulator.',
            promises: [],
            quotes: [],
            escalation: { kind: 'regulator', forum: 'The regulator', fileNumber: `F-${c.id}` },
          },
          { ...clock, now: when },
        ),
        when,
      );
    }
  }
  // The user's zone: the days of the agenda are counted in it.
  saveProfile(
    db,
    {
      fullName: 'Ada Example',
      address: '1 High Street\nLondon N1 1AA',
      phone: '+44 20 7946 0000',
      email: 'ada@example.org',
      country: 'GB',
      language: 'en',
      timeZone,
    },
    NOW,
  );
  // Some promises decided by the user.
  const promises = db.prepare('SELECT id FROM promise ORDER BY id').all() as { id: number }[];
  for (const p of promises) {
    if (p.id % 5 === 0) setPromiseState(db, p.id, 'kept', NOW);
    else if (p.id % 7 === 0) setPromiseState(db, p.id, 'broken', NOW);
  }
  // Two companies publish service standards: their cases are checked contact by contact.
  const withStandards = [...new Set(cases.map((c) => c.company.id))].slice(0, 2);
  addStandard(
    db,
    {
      companyId: withStandards[0]!,
      channel: 'email',
      amount: 3,
      unit: 'working-days',
      source: 'site',
    },
    NOW,
  );
  addStandard(
    db,
    {
      companyId: withStandards[1]!,
      channel: 'phone',
      amount: 24,
      unit: 'hours',
      source: 'charter',
    },
    NOW,
  );
}

beforeAll(() => {
  for (const timeZone of ['UTC', 'America/New_York']) {
    const t = makeTestContext({ now: NOW, timeZone });
    seed(t, timeZone);
    contexts.push(t);
  }
});
afterAll(() => contexts.forEach((t) => t.cleanup()));

/** The agenda as `due` computed it before: every contact of every open case. */
function referenceAgenda(t: TestContext, days: number) {
  const db = t.ctx.db();
  const { now, timeZone } = t.ctx.clock();
  const open = listCases(db, { openOnly: true }).filter((c) => !isClosed(c));
  const standards = standardsByCompany(db);
  return buildAgenda(
    eachSnapshot(db, open, { openOnly: true }),
    loadJurisdiction,
    now,
    timeZone,
    days,
    (id) => standards.get(id) ?? [],
  );
}

/** The statistics as `stats` computed them before: every snapshot, case by case. */
function referenceStats(t: TestContext) {
  const db = t.ctx.db();
  const { now, timeZone } = t.ctx.clock();
  const extras = listCaseExtras(db);
  const standards = standardsByCompany(db);
  return companyStats(
    [...eachSnapshot(db, listCases(db))].map((snapshot) => {
      const own = standards.get(snapshot.case.company.id) ?? [];
      const j = own.length ? loadJurisdiction(snapshot.case.jurisdiction) : null;
      return {
        snapshot,
        extras: extras.get(snapshot.case.id) ?? { sector: null, closure: null },
        standards: j
          ? checkStandards(snapshot.contacts, own, j, now, timeZone)
          : ([] as StandardCheck[]),
      };
    }),
    now,
    timeZone,
  );
}

describe.each(['UTC', 'America/New_York'])('on 300 cases, in %s', (zone) => {
  const t = () => contexts.find((c) => c.ctx.clock().timeZone === zone)!;

  it('the store has what the shortcuts must get right (control)', () => {
    const db = t().ctx.db();
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(t().ctx.clock().timeZone).toBe(zone);
    expect(count("SELECT count(*) AS n FROM contact WHERE direction = 'inbound'")).toBeGreaterThan(
      50,
    );
    expect(
      count("SELECT count(*) AS n FROM contact_escalation WHERE kind = 'regulator'"),
    ).toBeGreaterThan(10);
    expect(count("SELECT count(*) AS n FROM promise WHERE state = 'kept'")).toBeGreaterThan(10);
    expect(count('SELECT count(*) AS n FROM service_standard')).toBe(2);
  });

  it.each([14, 0, 60, 400])('due --json --days %i is what every contact gives', async (days) => {
    const expected = agendaView(referenceAgenda(t(), days));
    const actual = agendaView(
      (await runDue(toDueOptions({ days: String(days), json: true }), t().ctx)).agenda,
    );
    // Controls: the comparison compares every kind of row, broken promises and answered ones.
    const rows = [...expected.overdue, ...expected.upcoming];
    if (days === 400) {
      expect(new Set(rows.map((r) => r.kind))).toEqual(
        new Set(['promise', 'letter-deadline', 'legal-clock', 'standard']),
      );
      expect(new Set(rows.map((r) => r.standing))).toContain('overdue');
      expect(new Set(rows.map((r) => r.standing))).toContain('broken-by-default');
      expect(rows.some((r) => r.clock?.startEvent === 'regulator-filed' && r.clock.startOn)).toBe(
        true,
      );
    }
    expect(JSON.stringify(actual, null, 2)).toBe(JSON.stringify(expected, null, 2));
  });

  it.each([
    [14, false],
    [14, true],
    [0, false],
    [90, true],
    [400, false],
  ])(
    'due on a terminal (--days %i, --explain %s) prints what the whole agenda gives',
    async (days, explain) => {
      const ctx = t().ctx;
      const options = toDueOptions({ days: String(days), explain });
      const printed = (result: Parameters<typeof printDue>[2]) => {
        const [out, err] = [t().stdout().length, t().stderr().length];
        printDue(ctx, options, result);
        return { out: t().stdout().slice(out), err: t().stderr().slice(err) };
      };
      const reference = referenceAgenda(t(), days);
      const expected = printed({ agenda: reference, icsFile: undefined });
      const actual = printed(await runDue(options, ctx));
      // A control: the lists are longer than the terminal shows, with promises among the first.
      if (days === 14) {
        expect(reference.overdue.length).toBeGreaterThan(DUE_LIMIT);
        expect(expected.err).toMatch(/more item/);
        expect(reference.overdue.slice(0, DUE_LIMIT).some((i) => i.kind === 'promise')).toBe(true);
        expect(reference.overdue.slice(0, DUE_LIMIT).some((i) => i.kind !== 'promise')).toBe(true);
      }
      expect(actual).toEqual(expected);
    },
  );

  it.each([undefined, 5, 500])(
    'list on a terminal (--limit %s) shows the cases the sort of every case puts first',
    async (limit) => {
      const db = t().ctx.db();
      const activity = listCaseActivity(db);
      const open = listCases(db).filter((c) => !isClosed(c));
      const due = (c: CaseRecord) =>
        activity.get(c.id)?.nextPromise?.dueAt.getTime() ?? Number.POSITIVE_INFINITY;
      const last = (c: CaseRecord) => lastActivity(c, activity.get(c.id)).getTime();
      open.sort((a, b) => due(a) - due(b) || last(b) - last(a) || b.id - a.id);
      const shown = open.slice(0, limit ?? ATTENTION_LIMIT);
      const result = await runList(
        toListOptions(limit === undefined ? {} : { limit: String(limit) }),
        t().ctx,
      );
      // A control: some open cases have no pending promise (they come last).
      expect(open.some((c) => due(c) === Number.POSITIVE_INFINITY)).toBe(true);
      expect(result.cases.map((c) => c.id)).toEqual(shown.map((c) => c.id));
      expect(result.cases).toEqual(shown);
      expect(result.more).toBe(open.length - shown.length);
      expect(result.total).toBe(listCases(db).length);
      for (const c of shown) expect(result.activity.get(c.id)).toEqual(activity.get(c.id));
    },
  );

  it('stats --json is what every snapshot gives', async () => {
    const expected = referenceStats(t());
    const actual = await runStats(toStatsOptions({ json: true }), t().ctx);
    expect(expected.some((s) => s.standardsKept + s.standardsMissed > 0)).toBe(true);
    expect(expected.some((s) => s.promisesKept > 0 && s.promisesBrokenByDefault > 0)).toBe(true);
    expect(expected.some((s) => s.medianDaysToResolution !== null)).toBe(true);
    // Controls: some promises past due were answered since (overdue, not broken), and a sent
    // letter to the card issuer is in the file (not counted as a letter to the company).
    expect(expected.some((s) => s.promisesPending > 0 && s.promisesBrokenByDefault > 0)).toBe(true);
    const db = t().ctx.db();
    const { now } = t().ctx.clock();
    const answered = db
      .prepare(
        `SELECT count(*) FROM promise p JOIN contact c ON c.id = p.contact_id
         WHERE p.state = 'pending' AND p.due_at < ? AND EXISTS (SELECT 1 FROM contact i
           WHERE i.case_id = c.case_id AND i.direction = 'inbound' AND i.started_at > c.started_at)`,
      )
      .pluck()
      .get(now.toISOString()) as number;
    expect(answered).toBeGreaterThan(0);
    expect(
      db
        .prepare("SELECT count(*) FROM letter WHERE kind = 'card-issuer' AND sent_at IS NOT NULL")
        .pluck()
        .get(),
    ).toBeGreaterThan(0);
    expect(JSON.stringify(actual, null, 2)).toBe(JSON.stringify(expected, null, 2));
  });
});
