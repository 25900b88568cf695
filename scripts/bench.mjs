// Speed and memory of the everyday commands on a large case file. Run with `npm run bench`.
// Targets (checked here, never by timed assertions in tests): `list` and `--help` start in
// under 300 ms median on this 2-core machine, `show` of a 50-contact case under 400 ms, and no
// command above 150 MB of peak RSS.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCase } from '../dist/db/case-repo.js';
import { createContact } from '../dist/db/contact-repo.js';
import { ensureDataDir, openDatabase } from '../dist/db/open.js';
import { parseContact } from '../dist/domain/contact-fields.js';

const CASES = 500;
const CONTACTS = 10;
const RUNS = 9;
const TARGETS = { list: 300, help: 300, show: 400, rssMb: 150 };

const dir = mkdtempSync(join(tmpdir(), 'complain-bench-'));
const dataDir = join(dir, 'data');
ensureDataDir(dataDir);
const db = openDatabase(join(dataDir, 'complain.db'));
const now = new Date();
const clock = { now, timeZone: 'UTC' };
const seedStart = performance.now();
for (let i = 0; i < CASES; i++) {
  const id = createCase(
    db,
    { name: `Company ${i % 40}`, channels: {} },
    {
      title: `Case ${i}`,
      product: 'Product',
      purchasedOn: null,
      orderRef: `O-${i}`,
      accountRef: null,
      amount: { minor: 1000 + i, currency: 'EUR' },
      occurredOn: null,
      situation: 's',
      problem: 'p',
      request: 'r',
      remedy: 'refund',
      remedyDetail: null,
      jurisdiction: 'GB',
    },
    now,
  );
  const contacts = i === 0 ? 50 : CONTACTS;
  for (let k = 0; k < contacts; k++) {
    const input = parseContact(
      {
        channel: 'phone',
        at: new Date(now.getTime() - (contacts - k) * 3_600_000).toISOString(),
        reps: [{ name: 'Rep A', repId: '1' }, { name: 'Rep B' }],
        summary: 'A call about the problem.',
        promises: [{ text: 'call back', due: 'in 3 days' }],
        quotes: [],
      },
      clock,
    );
    createContact(db, id, input, now);
  }
}
db.close();
const seedMs = performance.now() - seedStart;

function measure(args) {
  const times = [];
  let rss = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const r = spawnSync(
      '/usr/bin/time',
      ['-f', '%M', process.execPath, 'bin/complain.js', '--data-dir', dataDir, ...args],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    times.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`complain ${args.join(' ')} failed: ${r.stderr}`);
    rss = Math.max(rss, Number(r.stderr.trim().split('\n').at(-1)) / 1024);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(RUNS / 2)], max: times.at(-1), rss };
}

const rows = [
  ['help', ['--help']],
  ['list', ['list']],
  ['list --json', ['list', '--json']],
  ['show', ['show', '1']],
  ['show --json', ['show', '1', '--json']],
];
console.log(
  `seeded ${CASES} cases × ${CONTACTS} contacts (case 1: 50) in ${Math.round(seedMs)} ms`,
);
let ok = true;
for (const [name, args] of rows) {
  const m = measure(args);
  const target = TARGETS[name.split(' ')[0]];
  const pass = m.median <= target && m.rss <= TARGETS.rssMb;
  ok &&= pass;
  console.log(
    `${name.padEnd(12)} median ${m.median.toFixed(0).padStart(4)} ms  max ${m.max.toFixed(0).padStart(4)} ms  peak RSS ${m.rss.toFixed(0)} MB  target ${target} ms  ${pass ? 'ok' : 'MISSED'}`,
  );
}
rmSync(dir, { recursive: true, force: true });
process.exitCode = ok ? 0 : 1;
