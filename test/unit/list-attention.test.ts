import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runList, toListOptions } from '../../src/commands/list.js';
import { createCase, listCases } from '../../src/db/case-repo.js';
import { createContact, listCaseActivity } from '../../src/db/contact-repo.js';
import { isClosed } from '../../src/domain/closure.js';
import { parseContact } from '../../src/domain/contact-fields.js';
import type { CaseRecord } from '../../src/domain/model.js';
import { lastActivity } from '../../src/output/views.js';
import type { TestContext } from '../support/context.js';
import { makeTestContext } from '../support/context.js';

// `list` on a terminal walks the pending promises in due order and stops once it has the cases
// it shows: cases whose next promise falls due at the same instant are still ordered by their
// newest activity, also across the last place shown.
const NOW = new Date('2026-11-23T12:00:00Z');
const HOUR = 3_600_000;
let t: TestContext;

beforeAll(() => {
  t = makeTestContext({ now: NOW, timeZone: 'UTC' });
  const db = t.ctx.db();
  const clock = { now: NOW, timeZone: 'UTC' };
  for (let i = 0; i < 12; i++) {
    const id = createCase(
      db,
      { name: `Company ${i % 4}`, channels: { email: 'c@example.com' } },
      {
        title: `Problem ${i}`,
        product: 'Kettle',
        purchasedOn: '2026-10-01',
        orderRef: null,
        accountRef: null,
        amount: null,
        occurredOn: '2026-10-02',
        situation: 'It broke.',
        problem: 'It broke.',
        request: 'Refund it.',
        remedy: 'refund',
        remedyDetail: null,
        jurisdiction: 'GB',
      } as Parameters<typeof createCase>[2],
      NOW,
    );
    // Three instants for twelve cases (ties), the contacts at different hours; two cases none.
    const at = new Date(NOW.getTime() - ((12 - i) * 7 + 1) * HOUR);
    const due = new Date(NOW.getTime() + ((i % 3) + 1) * 24 * HOUR);
    createContact(
      db,
      id,
      parseContact(
        {
          channel: 'phone',
          at: at.toISOString(),
          reps: [],
          summary: 'Called.',
          promises: i >= 10 ? [] : [{ text: 'call back', due: due.toISOString() }],
          quotes: [],
        },
        { ...clock, now: at },
      ),
      at,
    );
  }
});
afterAll(() => t.cleanup());

describe('list on a terminal, with promises due at the same instant', () => {
  it.each([1, 3, 4, 7, 10, 11, 20])(
    '--limit %i shows what sorting every case shows',
    async (limit) => {
      const db = t.ctx.db();
      const activity = listCaseActivity(db);
      const open = listCases(db).filter((c) => !isClosed(c));
      const due = (c: CaseRecord) =>
        activity.get(c.id)?.nextPromise?.dueAt.getTime() ?? Number.POSITIVE_INFINITY;
      const last = (c: CaseRecord) => lastActivity(c, activity.get(c.id)).getTime();
      open.sort((a, b) => due(a) - due(b) || last(b) - last(a) || b.id - a.id);
      const result = await runList(toListOptions({ limit: String(limit) }), t.ctx);
      // A control: the first instant is shared by several cases.
      expect(open.filter((c) => due(c) === due(open[0]!)).length).toBeGreaterThan(2);
      expect(result.cases.map((c) => c.id)).toEqual(open.slice(0, limit).map((c) => c.id));
    },
  );
});
