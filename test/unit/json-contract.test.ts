import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printDue, runDue, toDueOptions } from '../../src/commands/due.js';
import { printList, runList, toListOptions } from '../../src/commands/list.js';
import { printStats, runStats, toStatsOptions } from '../../src/commands/stats.js';
import type { CaseSnapshot, SnapshotContact } from '../../src/domain/clocks.js';
import type { ContactRecord } from '../../src/domain/model.js';
import { ACTIVE_STATUSES } from '../../src/domain/vocab.js';
import { ROOT } from '../support/cli.js';
import type { TestContext } from '../support/context.js';
import { makeTestContext } from '../support/context.js';
import { seedTestStore } from '../support/seed.js';

// `due --json`, `stats --json` and `list --json` are the stable contract: on the same seeded
// store they print what the code printed before the set-based rewrite (the files were written by
// that code, commit "json-contract: …"). Set UPDATE_CONTRACT=1 to write them again on purpose.
const NOW = new Date('2026-11-23T12:00:00Z');
const DIR = join(ROOT, 'test', 'fixtures', 'json-contract');
let t: TestContext;

beforeAll(() => {
  t = makeTestContext({ now: NOW });
  seedTestStore(t.ctx.db(), { n: 80, now: NOW, firstContacts: 30 });
});
afterAll(() => t.cleanup());

async function printed(run: () => Promise<void>): Promise<string> {
  const before = t.stdout().length;
  await run();
  return t.stdout().slice(before);
}

const commands: [string, () => Promise<void>][] = [
  [
    'due',
    async () => {
      const o = toDueOptions({ json: true });
      printDue(t.ctx, o, await runDue(o, t.ctx));
    },
  ],
  [
    'due-30',
    async () => {
      const o = toDueOptions({ json: true, days: '30' });
      printDue(t.ctx, o, await runDue(o, t.ctx));
    },
  ],
  [
    'stats',
    async () => {
      const o = toStatsOptions({ json: true });
      printStats(t.ctx, o, await runStats(o, t.ctx));
    },
  ],
  [
    'list',
    async () => {
      const o = toListOptions({ json: true });
      printList(t.ctx, o, await runList(o, t.ctx));
    },
  ],
];

describe('the JSON contract holds on a seeded store of 80 cases', () => {
  it.each(commands)('%s --json is unchanged', async (name, run) => {
    const text = await printed(run);
    const file = join(DIR, `${name}.json`);
    if (process.env.UPDATE_CONTRACT === '1' || !existsSync(file)) {
      mkdirSync(DIR, { recursive: true });
      writeFileSync(file, text);
    }
    const parsed = JSON.parse(text) as unknown[] | Record<string, unknown[]>;
    // A control: the store is not empty, so the comparison compares something.
    expect(Object.values(parsed).flat().length).toBeGreaterThan(10);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });
});

describe('eachSnapshot reads what loadSnapshot reads, case by case', () => {
  // A snapshot's contact carries only what the clocks, the agenda and the statistics read.
  const SNAPSHOT_KEYS = [
    'id',
    'caseId',
    'channel',
    'direction',
    'startedAt',
    'reference',
    'supervisor',
    'rude',
    'reps',
    'promises',
    'escalation',
  ] as const;
  const lean = (s: CaseSnapshot & { contacts: ContactRecord[] }): CaseSnapshot => ({
    ...s,
    contacts: s.contacts.map((c) =>
      Object.fromEntries(SNAPSHOT_KEYS.map((k) => [k, k === 'escalation' ? (c[k] ?? null) : c[k]])),
    ) as unknown as SnapshotContact[],
  });

  it.each([
    [1, false],
    [7, false],
    [500, false],
    [3, true],
    [500, true],
  ])('in chunks of %i cases (by ids: %s), on a subset with gaps', async (chunk, scattered) => {
    const { eachSnapshot, loadSnapshot } = await import('../../src/db/agenda-repo.js');
    const { listCases } = await import('../../src/db/case-repo.js');
    const db = t.ctx.db();
    const subset = listCases(db).filter((c) => c.id % 4 !== 0);
    const bulk = [...eachSnapshot(db, subset, { chunk, scattered })];
    expect(bulk.length).toBe(subset.length);
    expect(bulk.some((s) => s.letters.length > 0)).toBe(true);
    expect(bulk.some((s) => s.events.length > 0 && s.sector !== null)).toBe(true);
    expect(bulk.some((s) => s.contacts.some((c) => c.promises.length > 0))).toBe(true);
    expect(bulk.some((s) => s.contacts.some((c) => c.reps.length > 0))).toBe(true);
    expect(bulk).toEqual(subset.map((c) => lean(loadSnapshot(db, c))));
  });

  it.each([
    [1, false],
    [500, false],
    [2, true],
  ])(
    'open cases only, in chunks of %i (by ids: %s), leaving out the closed ones in SQL',
    async (chunk, scattered) => {
      const { eachSnapshot, loadSnapshot } = await import('../../src/db/agenda-repo.js');
      const { listCases } = await import('../../src/db/case-repo.js');
      const db = t.ctx.db();
      const all = listCases(db);
      const open = listCases(db, { openOnly: true });
      // A control: the store has closed cases between the open ones.
      expect(open.length).toBeGreaterThan(0);
      expect(open.length).toBeLessThan(all.length);
      expect(open).toEqual(
        all.filter((c) => ACTIVE_STATUSES.includes(c.status) && c.closedAt === null),
      );
      const bulk = [...eachSnapshot(db, open, { chunk, openOnly: true, scattered })];
      expect(bulk).toEqual(open.map((c) => lean(loadSnapshot(db, c))));
    },
  );
});

describe('export --all -o writes a row at a time', () => {
  it('the same bytes as the whole export stringified, on the seeded store', async () => {
    const { exportData, exportDataText } = await import('../../src/db/transfer.js');
    const db = t.ctx.db();
    let rows = 0;
    const text = [...exportDataText(db, NOW, () => (rows += 1))].join('');
    const whole = exportData(db, NOW);
    expect(rows).toBe(Object.values(whole.tables).reduce((n, r) => n + r.length, 0));
    expect(rows).toBeGreaterThan(100);
    // Some table is empty in the seeded store, so the `[]` form is compared too.
    expect(Object.values(whole.tables).some((r) => r.length === 0)).toBe(true);
    expect(text).toBe(JSON.stringify(whole, null, 2) + '\n');
  });
});
