import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTENTION_LIMIT, printList, runList, toListOptions } from '../../src/commands/list.js';
import { listCaseActivity } from '../../src/db/contact-repo.js';
import { UsageError } from '../../src/errors.js';
import type { TestContext } from '../support/context.js';
import { makeTestContext } from '../support/context.js';
import { seedTestStore } from '../support/seed.js';

const NOW = new Date('2026-11-23T12:00:00Z');
let t: TestContext;

beforeAll(() => {
  t = makeTestContext({ now: NOW });
  seedTestStore(t.ctx.db(), { n: 40, now: NOW, firstContacts: 12 });
});
afterAll(() => t.cleanup());

/** The case numbers of the rows the terminal view printed, in order. */
function rows(text: string): number[] {
  return [...text.matchAll(/^#(\d+)\s/gm)].map((m) => Number(m[1]));
}

async function terminal(opts: Record<string, unknown>): Promise<{ out: string; err: string }> {
  const [out0, err0] = [t.stdout().length, t.stderr().length];
  const o = toListOptions(opts);
  printList(t.ctx, o, await runList(o, t.ctx));
  return { out: t.stdout().slice(out0), err: t.stderr().slice(err0) };
}

describe('list on the terminal: the open cases that need attention first', () => {
  it('shows 20 open cases, the earliest promise due first, and says how many more', async () => {
    const all = await runList(toListOptions({ all: true }), t.ctx);
    const open = all.cases.filter((c) => c.closedAt === null);
    expect(open.length).toBeGreaterThan(ATTENTION_LIMIT);
    const { out, err } = await terminal({});
    const shown = rows(out);
    expect(shown).toHaveLength(ATTENTION_LIMIT);
    expect(err).toContain(`${open.length - ATTENTION_LIMIT} more open cases`);
    // Only open cases, ordered by their next promise's due date.
    const activity = listCaseActivity(t.ctx.db());
    const due = shown.map((id) => activity.get(id)?.nextPromise?.dueAt.getTime() ?? Infinity);
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect(shown.every((id) => open.some((c) => c.id === id))).toBe(true);
    const earliest = Math.min(
      ...open.map((c) => activity.get(c.id)?.nextPromise?.dueAt.getTime() ?? Infinity),
    );
    expect(due[0]).toBe(earliest);
  });

  it('--all shows every case, closed ones too, with nothing left out', async () => {
    const { out, err } = await terminal({ all: true });
    expect(rows(out)).toHaveLength(40);
    expect(err).toBe('');
  });

  it('--company narrows by part of the name, --limit cuts', async () => {
    const { out } = await terminal({ company: 'globex' });
    const ids = rows(out);
    expect(ids.length).toBeGreaterThan(0);
    expect(out).not.toMatch(/Initech/);
    const { out: cut, err } = await terminal({ company: 'globex', limit: '1' });
    expect(rows(cut)).toHaveLength(1);
    expect(err).toContain(`${ids.length - 1} more`);
  });

  it('--json still prints every case', async () => {
    const { out } = await terminal({ json: true });
    expect((JSON.parse(out) as unknown[]).length).toBe(40);
  });

  it('refuses a --limit that is not a number', () => {
    expect(() => toListOptions({ limit: 'ten' })).toThrow(UsageError);
    expect(() => toListOptions({ limit: '0' })).toThrow(UsageError);
  });
});

describe('tables in a right-to-left interface', () => {
  it('are one line of heading: cell pairs a row, without padded columns, in Persian; columns elsewhere', async () => {
    const { renderTable } = await import('../../src/output/format.js');
    const { setUiLanguage } = await import('../../src/i18n.js');
    const rows = [
      ['۳ روز دیر', '#1 دیجی‌کالا', 'وعده «بازدید تکنسین»'],
      ['امروز', '#2 اسنپ', '—'],
    ];
    try {
      setUiLanguage('fa');
      expect(renderTable(['کی', 'پرونده', 'چه'], rows)).toBe(
        'کی: ۳ روز دیر · پرونده: #1 دیجی‌کالا · چه: وعده «بازدید تکنسین»\nکی: امروز · پرونده: #2 اسنپ\n',
      );
      setUiLanguage('en');
      expect(renderTable(['WHEN', 'CASE', 'WHAT'], rows).split('\n')[0]).toMatch(
        /^WHEN +CASE +WHAT$/,
      );
    } finally {
      setUiLanguage('en');
    }
  });
});
