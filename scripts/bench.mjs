// The performance check: `npm run bench` (add `--large` for 100,000 cases, `--runs N` for more
// pairs, `--only due,stats` for some rows). Not part of `npm test`: timings in tests are noise.
//
// It seeds stores of 100 and 10,000 cases through the project's own repositories (see
// seed-store.mjs), then times every everyday command as a whole process, each run paired with a
// floor run in alternation (floor, command, floor, command…) so that the load of a shared
// machine falls on both alike. A row's figure is the median of the per-pair ratios.
//   F1  `node -e 0`
//   F3  Node loading better-sqlite3, opening the file read-only, one indexed SELECT of contacts
//   F4  Node loading docx and writing a one-page letter
// Exit code 1 when a target is missed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCase } from '../dist/db/case-repo.js';
import { createContact } from '../dist/db/contact-repo.js';
import { closeCase, recordCaseFacts } from '../dist/db/agenda-repo.js';
import { createLetter, recordSending } from '../dist/db/letter-repo.js';
import { saveProfile } from '../dist/db/profile-repo.js';
import { ensureDataDir, openDatabase } from '../dist/db/open.js';
import { parseContact } from '../dist/domain/contact-fields.js';
import { seedStore } from './seed-store.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const value = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const RUNS = Number(value('--runs', '7'));
const ONLY = value('--only', '')?.split(',').filter(Boolean) ?? [];
const SIZES = value('--sizes', '')
  ? value('--sizes').split(',').map(Number)
  : flag('--large')
    ? [100, 10_000, 100_000]
    : [100, 10_000];
const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'complain.cjs');
const api = {
  createCase,
  createContact,
  closeCase,
  recordCaseFacts,
  createLetter,
  recordSending,
  saveProfile,
  parseContact,
};

const work = mkdtempSync(join(tmpdir(), 'complain-bench-'));
const F3 = `import Database from 'better-sqlite3';
const db = new Database(process.argv[2], { readonly: true });
const rows = db.prepare('SELECT * FROM contact WHERE case_id = ? ORDER BY started_at, id').all(1);
process.stdout.write(rows.length + '\\n');
db.close();`;
const F4 = `import { writeFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
const lines = Array.from({ length: 30 }, (_, i) => new Paragraph('Line ' + i + ' of a one-page complaint letter about a kettle.'));
const doc = new Document({ sections: [{ children: lines }] });
writeFileSync(process.argv[2], await Packer.toBuffer(doc));`;
// The floors must resolve the project's node_modules: run them from a file inside the repo's tree.
const floorDir = join(ROOT, '.tmp', 'bench-floors');
mkdirSync(floorDir, { recursive: true });
writeFileSync(join(floorDir, 'f3.mjs'), F3);
writeFileSync(join(floorDir, 'f4.mjs'), F4);

/** One whole-process run: wall time in ms and peak RSS in MB. */
function run(args, { cwd = work, input } = {}) {
  const start = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {
    cwd,
    encoding: 'utf8',
    input,
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' },
  });
  const ms = performance.now() - start;
  const lines = r.stderr.trim().split('\n');
  if (r.status !== 0)
    throw new Error(`node ${args.join(' ')} exited ${r.status}: ${lines.slice(-5).join('\n')}`);
  return { ms, rss: Number(lines.at(-1)) / 1024 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Alternating pairs floor/command; the median of the ratios, of the times and of the RSS. */
function paired(floorArgs, commandArgs, before) {
  const ratios = [];
  const times = [];
  const floorTimes = [];
  const rss = [];
  const floorRss = [];
  for (let i = 0; i < RUNS; i++) {
    before?.(i);
    const f = run(floorArgs);
    before?.(i);
    const c = run(commandArgs);
    ratios.push(c.ms / f.ms);
    times.push(c.ms);
    floorTimes.push(f.ms);
    rss.push(c.rss);
    floorRss.push(f.rss);
  }
  return {
    ratio: median(ratios),
    ms: median(times),
    floorMs: median(floorTimes),
    rss: median(rss),
    floorRss: median(floorRss),
  };
}

function seed(n) {
  const dataDir = join(work, `data-${n}`);
  ensureDataDir(dataDir);
  const db = openDatabase(join(dataDir, 'complain.db'));
  const start = performance.now();
  const counts = seedStore(db, api, { n, now: new Date() });
  db.close();
  console.log(
    `seeded ${counts.cases} cases, ${counts.contacts} contacts in ${Math.round(performance.now() - start)} ms`,
  );
  return dataDir;
}

// name, floor, args (after --data-dir), target ratio (null: reported only), growth checked
const ROWS = [
  ['--version', 'F1', ['--version'], 1.3],
  ['--help', 'F1', ['--help'], 1.3],
  ['list', 'F3', ['list'], 1.6],
  ['list --json', 'F3', ['list', '--json'], null],
  ['show', 'F3', ['show', '1'], 1.5],
  ['due', 'F3', ['due'], 1.6],
  // The first `due` after the cache was emptied (an upgrade, an import): every case computed.
  ['due (cold)', 'F3', ['due'], null, (db) => dropDueCache(db)],
  ['next', 'F3', ['next', '1'], 1.6],
  ['prep', 'F3', ['prep', '1'], 1.6],
  ['stats', 'F3', ['stats'], 2],
  ['letter -o', 'F4', ['letter', '1', '--no-input', '-o', 'letter.docx'], 1.3],
  ['export --all', 'F3', ['export', '--all', '--json', '-o', 'all.json'], null],
  ['import', 'F1', null, null],
  ['backup', 'F3', ['backup', '-o', 'backup.db'], null],
].filter(([name]) => ONLY.length === 0 || ONLY.includes(name.split(' ')[0]));

/** Forgets what `due` computed and kept (schema 11), as an upgrade does. */
function dropDueCache(file) {
  const db = openDatabase(file);
  db.prepare('DELETE FROM cache_meta').run();
  db.close();
}

const IMPORT_LIMIT_MS = 10_000;
const results = new Map();
const [load1, load5] = loadavg();
console.log(
  `bench: ${RUNS} pairs per row, load average ${load1.toFixed(2)} ${load5.toFixed(2)} at start (/proc/loadavg ${readFileSync('/proc/loadavg', 'utf8').trim()})`,
);
for (const n of SIZES) {
  const dataDir = seed(n);
  const db = join(dataDir, 'complain.db');
  const floors = {
    F1: ['-e', '0'],
    F3: [join(floorDir, 'f3.mjs'), db],
    F4: [join(floorDir, 'f4.mjs'), join(work, 'f4.docx')],
  };
  // The file `import` reads: what `export --all --json` wrote of this store.
  const exported = join(work, `export-${n}.json`);
  run([BIN, '--data-dir', dataDir, 'export', '--all', '--json', '-o', exported]);
  for (const [name, floor, args, , before] of ROWS) {
    let m;
    if (name === 'import') {
      m = paired(
        floors[floor],
        [BIN, '--data-dir', join(work, `import-${n}`), 'import', exported],
        () => rmSync(join(work, `import-${n}`), { recursive: true, force: true }),
      );
    } else {
      m = paired(floors[floor], [BIN, '--data-dir', dataDir, ...args], () => {
        rmSync(join(work, 'backup.db'), { force: true });
        before?.(db);
      });
    }
    results.set(`${name}@${n}`, m);
    console.log(
      `  ${String(n).padStart(6)}  ${name.padEnd(13)} ${m.ms.toFixed(0).padStart(6)} ms  ${m.ratio.toFixed(2).padStart(6)} × ${floor} (${m.floorMs.toFixed(0)} ms)  RSS ${m.rss.toFixed(0)} MB (floor ${m.floorRss.toFixed(0)})`,
    );
  }
}

// The table: at 10,000 cases against the targets, and the growth from 100.
const BIG = 10_000;
let ok = true;
const table = [
  [
    'command',
    'floor',
    '100: ratio',
    '10k: ms',
    '10k: ratio',
    'target',
    'RSS MB (× floor)',
    'growth',
    'verdict',
  ],
];
for (const [name, floor, , target] of ROWS) {
  const small = results.get(`${name}@100`);
  const big = results.get(`${name}@${BIG}`);
  if (!small || !big) continue;
  const growth = big.ratio / small.ratio;
  const rssRatio = big.rss / big.floorRss;
  const misses = [];
  if (name === 'import') {
    if (big.ms > IMPORT_LIMIT_MS) misses.push(`over ${IMPORT_LIMIT_MS / 1000} s`);
  } else if (target !== null) {
    if (big.ratio > target) misses.push('time');
    if (rssRatio > 1.5) misses.push('RSS');
    if (growth > 1.3) misses.push('growth');
  }
  ok &&= misses.length === 0;
  table.push([
    name,
    floor,
    small.ratio.toFixed(2),
    big.ms.toFixed(0),
    big.ratio.toFixed(2),
    name === 'import' ? '< 10 s' : target === null ? '—' : `≤ ${target}`,
    `${big.rss.toFixed(0)} (${rssRatio.toFixed(2)})`,
    growth.toFixed(2),
    name !== 'import' && target === null
      ? 'reported'
      : misses.length
        ? `MISSED: ${misses.join(', ')}`
        : 'ok',
  ]);
}
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
console.log('');
for (const r of table) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
for (const n of SIZES.filter((s) => s > BIG)) {
  console.log(`\n${n} cases (reported, no target):`);
  for (const [name, floor] of ROWS) {
    const m = results.get(`${name}@${n}`);
    if (m)
      console.log(
        `  ${name.padEnd(13)} ${m.ms.toFixed(0)} ms  ${m.ratio.toFixed(2)} × ${floor}  RSS ${m.rss.toFixed(0)} MB`,
      );
  }
}
console.log(`\nload average at the end: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
rmSync(work, { recursive: true, force: true });
process.exitCode = ok ? 0 : 1;
