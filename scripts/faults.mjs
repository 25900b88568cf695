// The fault-injection suite (`npm run test:faults`): drives the built CLI as separate processes on
// throw-away data dirs — kills it, starves it, crowds it, damages its files, feeds it garbage,
// closes its pipes — and prints a table of trials, failures and what was checked.
// FAULTS_SCALE=0.1 runs a tenth of the trials (while developing); the default meets issue 12.
/* global setTimeout, clearTimeout, setInterval, clearInterval, Buffer, structuredClone */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  statfsSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'complain.cjs');
const SCALE = Number(process.env.FAULTS_SCALE ?? '1');
const only = process.env.FAULTS_ONLY?.split(',');
const n = (count) => Math.max(1, Math.round(count * SCALE));
const WORK = mkdtempSync(join(tmpdir(), 'complain-faults-'));
// The checks read the English messages; the seeded profile's country (TR) would choose Turkish.
const ENV = { ...process.env, NO_COLOR: '1', TZ: 'Europe/Istanbul', COMPLAIN_LANG: 'en' };
/** Independent trials run two at a time: the machine this must fit has two cores. */
const PARALLEL = Number(process.env.FAULTS_PARALLEL ?? '2');

const rows = [];
const failures = [];
const shownPer = new Map();
/** Records a failure; prints the first 20 of each section (a later section's are never hidden). */
function fail(section, what) {
  failures.push(`${section}: ${what}`);
  const count = (shownPer.get(section) ?? 0) + 1;
  shownPer.set(section, count);
  if (count <= 20) console.error(`  FAIL ${section}: ${what}`);
}

// ---- running the CLI ---------------------------------------------------------------------------

/** Runs the built CLI; `kill` = { after: ms, signal } sends a signal mid-run. */
function run(args, { dataDir, env, kill, input, timeout = 30_000, cwd = WORK, wrap } = {}) {
  return new Promise((done) => {
    const argv = [BIN, ...(dataDir ? ['--data-dir', dataDir] : []), ...args];
    const [cmd, cmdArgs] = wrap ? wrap(process.execPath, argv) : [process.execPath, argv];
    const started = Date.now();
    const child = spawn(cmd, cmdArgs, { cwd, env: { ...ENV, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    const killer = kill && setTimeout(() => child.kill(kill.signal), kill.after);
    const end = (result) => {
      clearTimeout(timer);
      clearTimeout(killer);
      done({ stdout, stderr, ms: Date.now() - started, ...result });
    };
    // The process could not even start (E2BIG, ENOENT): a failure of the suite, reported as such.
    child.on('error', (error) => end({ code: null, signal: null, spawnError: error.code }));
    child.on('close', (code, signal) => end({ code, signal }));
  });
}

/** The exit status a shell reports (a death by signal is 128 + its number). */
const SIGNO = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
const status = (r) => (r.signal ? 128 + SIGNO[r.signal] : r.code);

const TRACE = /\n\s+at .+[:(]\d+:\d+\)?|node:internal|unexpected error|Unhandled/;
const hasTrace = (text) => TRACE.test(text);
/** One clear line: "complain: <what> — <fix>". */
const oneLine = (stderr) => stderr.trim().split('\n').length === 1 && /^complain: /.test(stderr);

/** Runs `worker(item, index, slot)` over the items, `width` at a time; a slot is never shared. */
async function pool(items, worker, width = PARALLEL) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async (_, slot) => {
      while (next < items.length) {
        const i = next++;
        await worker(items[i], i, slot);
      }
    }),
  );
}

const sha = (file) =>
  existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'absent';

/**
 * What "nothing written" means, checked exactly: the bytes of the database, of its -wal and of
 * every other file in the data dir (evidence copies, letters, backups, settings), and no file
 * added or removed. Two things are left out, because SQLite makes them on every open, also for a
 * read: the -shm (the WAL's shared-memory index, rewritten by every reader, never data) and an
 * empty -wal (opening a WAL database creates it, the last close removes it; it holds no byte).
 */
function witness(dir) {
  if (!existsSync(dir)) return 'absent';
  const out = [];
  for (const name of readdirSync(dir, { recursive: true }).map(String).sort()) {
    if (name === 'complain.db-shm') continue;
    const full = join(dir, name);
    const st = statSync(full, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) out.push(`${name}/`);
    else if (!(name === 'complain.db-wal' && st.size === 0)) out.push(`${name}:${sha(full)}`);
  }
  return out.join('\n');
}

/** Which files differ between two witnesses, for the failure message. */
function witnessDiff(before, after) {
  const a = new Set(before.split('\n'));
  const b = new Set(after.split('\n'));
  const changed = [...b].filter((x) => !a.has(x)).map((x) => `+${x.split(':')[0]}`);
  const gone = [...a].filter((x) => !b.has(x)).map((x) => `-${x.split(':')[0]}`);
  return [...gone, ...changed].join(' ');
}

/**
 * A cheap stamp of the same files (names, sizes, modification times in ns): every write changes
 * it. Equal stamps need no hashing; a changed stamp is only a reason to compare witnesses.
 */
function stamp(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name !== 'complain.db-shm')
    .sort()
    .map((name) => {
      const st = statSync(join(dir, name), { bigint: true, throwIfNoEntry: false });
      return st ? `${name}:${st.size}:${st.mtimeNs}` : name;
    })
    .join('|');
}

// ---- data dirs ---------------------------------------------------------------------------------

const CASE = [
  'new',
  '--company',
  'Acme',
  '--product',
  'Kettle',
  '--situation',
  's',
  '--problem',
  'p',
  '--request',
  'r',
  '--remedy',
  'refund',
  '--jurisdiction',
  'TR',
  '--amount',
  '59.90 TRY',
  '--purchased',
  '2026-10-02',
];
const caseWith = (product) => CASE.map((a, i) => (i === 4 ? product : a));
const logArgs = (mark) => [
  'log',
  '1',
  '--channel',
  'phone',
  '--at',
  '2026-11-02T10:00:00Z',
  '--duration',
  '20m',
  '--rep',
  'Ayşe',
  '--rep-id',
  '41',
  '--rep',
  'Selin',
  '--quote',
  'Not my problem.',
  '--promise',
  'call back',
  '--due',
  '2027-01-01',
  '--promise',
  'refund',
  '--due',
  '2027-02-01',
  '--summary',
  mark,
];

let template;
/** A data dir with a profile, two cases, a contact, a letter and an attachment, made once and copied. */
async function seeded(name) {
  if (!template) {
    template = join(WORK, 'template');
    const steps = [
      [
        'profile',
        '--name',
        'Ayşe Yılmaz',
        '--address',
        'Bağdat Cd. 12, İstanbul',
        '--country',
        'TR',
      ],
      CASE,
      caseWith('Toaster'),
      logArgs('seed'),
      ['attach', '1', join(WORK, 'receipt.txt')],
    ];
    writeFileSync(join(WORK, 'receipt.txt'), 'receipt 59.90\n');
    for (const args of steps) {
      const r = await run(args, { dataDir: template });
      if (r.code !== 0) throw new Error(`seeding failed: ${args.join(' ')}: ${r.stderr}`);
    }
  }
  const dir = join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** What a data dir holds, checked from outside: integrity, references, whole records, temp files. */
function inspect(dataDir) {
  const problems = [];
  const db = new Database(join(dataDir, 'complain.db'), { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
    const fk = db.pragma('foreign_key_check');
    if (fk.length) problems.push(`foreign_key_check: ${fk.length} broken`);
    const partial = db
      .prepare(
        `SELECT c.id, c.summary,
           (SELECT count(*) FROM contact_rep r WHERE r.contact_id = c.id) AS reps,
           (SELECT count(*) FROM contact_quote q WHERE q.contact_id = c.id) AS quotes,
           (SELECT count(*) FROM promise p WHERE p.contact_id = c.id) AS promises
         FROM contact c WHERE c.summary LIKE 'crash-%' OR c.summary = 'seed'`,
      )
      .all()
      .filter((c) => c.reps !== 2 || c.quotes !== 1 || c.promises !== 2);
    for (const c of partial) problems.push(`contact #${c.id} is partial (${JSON.stringify(c)})`);
    const summaries = new Set(db.prepare('SELECT summary FROM contact').pluck().all());
    const products = new Set(db.prepare('SELECT product FROM case_file').pluck().all());
    const evidence = db.prepare('SELECT stored_path FROM evidence').pluck().all();
    for (const p of evidence)
      if (!existsSync(resolve(dataDir, 'evidence', p)) && !existsSync(p))
        problems.push(`evidence ${p} has no stored copy`);
    return { problems, summaries, products, evidence: evidence.length };
  } finally {
    db.close();
  }
}

const TEMP = /^\.(incoming-|.+\.tmp$)/;
function tempFiles(dataDir) {
  const found = [];
  for (const sub of ['', 'evidence', 'letters', 'backups']) {
    const dir = join(dataDir, sub);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) if (TEMP.test(name)) found.push(join(sub, name));
  }
  return found;
}

// ---- 1. crash ----------------------------------------------------------------------------------

async function crash() {
  const trials = n(200);
  const big = join(WORK, 'big.bin');
  writeFileSync(big, randomBytes(24 * 1024 * 1024));
  const importFile = join(WORK, 'import.json');
  const t0 = await seeded('import-source');
  await run(['export', '--all', '--json', '-o', importFile], { dataDir: t0 });
  const kinds = [
    (i) => logArgs(`crash-${i}`),
    (i) => caseWith(`crash-${i}`),
    (i) => ['edit', '1', '--situation', `edited ${i}`],
    () => ['contact', 'edit', '1', '--summary', 'seed', '--reference', `R-${Date.now()}`],
    () => ['import', importFile, '--merge'],
    () => ['attach', '1', big, '--label', `big`],
    () => ['letter', '1', '-o', join(WORK, 'crash-letter.docx'), '--deadline', '14d'],
    () => ['backup'],
    () => ['export', '1', '-o', join(WORK, 'crash-bundle.zip')],
    () => ['export', '--all', '--json', '-o', join(WORK, 'crash-all.json')],
  ];
  const workers = Array.from({ length: PARALLEL }, (_, w) => w);
  const dirs = [];
  for (const w of workers) dirs.push(await seeded(`crash-${w}`));
  const acked = workers.map(() => ({ summaries: new Set(['seed']), products: new Set() }));
  let killed = 0;
  let done = 0;
  let doctors = 0;
  let orphans = 0;
  // How long each kind of run takes here, on a data dir of its own: the kill lands anywhere
  // from its start to a little after its usual end, so that most runs die mid-write and some
  // finish (their acknowledged writes are checked).
  const probe = await seeded('crash-probe');
  const took = [];
  for (let k = 0; k < kinds.length; k++) {
    const r = await run(kinds[k](k), { dataDir: probe });
    took.push(Math.max(40, r.ms));
  }
  await pool(
    Array.from({ length: trials }, (_, i) => i),
    async (i, _, w) => {
      const dataDir = dirs[w];
      const args = kinds[i % kinds.length](i);
      const span = took[i % kinds.length];
      const r = await run(args, {
        dataDir,
        kill: { after: Math.floor(span * (0.05 + Math.random() * 1.1)), signal: 'SIGKILL' },
      });
      if (r.signal === 'SIGKILL') killed++;
      else if (r.code !== 0) fail('crash', `${args[0]} exited ${r.code}: ${r.stderr.trim()}`);
      else {
        done++;
        if (args[0] === 'log') acked[w].summaries.add(args.at(-1));
        if (args[0] === 'new') acked[w].products.add(args[4]);
      }
      // Integrity is checked in process after every trial; doctor, a process, on every 20th.
      if (i % 20 === 19) {
        doctors++;
        const doctor = await run(['doctor'], { dataDir });
        if (doctor.code !== 0)
          fail('crash', `doctor after ${args[0]} (${r.signal ?? r.code}): ${doctor.stdout}`);
      }
      // SIGKILL leaves no chance to clean up: a temp file may stay until the next run, which must
      // remove it (its writer's pid is dead). A run that was not killed must leave none at all.
      let temps = tempFiles(dataDir);
      if (temps.length && r.signal === 'SIGKILL') {
        orphans += temps.length;
        await run(['list'], { dataDir });
        temps = tempFiles(dataDir);
      }
      if (temps.length)
        fail('crash', `temp files left after ${args[0]} and the next run: ${temps.join(', ')}`);
      const seen = inspect(dataDir);
      for (const p of seen.problems) fail('crash', `after ${args[0]}: ${p}`);
      for (const s of acked[w].summaries)
        if (!seen.summaries.has(s)) fail('crash', `acknowledged contact "${s}" is missing`);
      for (const p of acked[w].products)
        if (!seen.products.has(p)) fail('crash', `acknowledged case "${p}" is missing`);
    },
  );
  // And at the end, on every data dir the killed runs went through.
  for (const dataDir of dirs) {
    doctors++;
    const doctor = await run(['doctor'], { dataDir });
    if (doctor.code !== 0) fail('crash', `doctor at the end: ${doctor.stdout}`);
  }
  rows.push([
    'crash (SIGKILL)',
    trials,
    `${killed} killed mid-run, ${done} finished: integrity, foreign keys, whole contacts, acknowledged writes present, no temp file left (${orphans} of killed runs removed by the next run); doctor ok ×${doctors}`,
  ]);
}

// ---- 2. crowd ----------------------------------------------------------------------------------

const CROWD_TIMEOUT = Number(process.env.FAULTS_CROWD_TIMEOUT ?? 180_000);

async function crowd() {
  const writers = n(20);
  const each = Math.max(1, Math.round(50 * Math.min(1, SCALE * 2)));
  const dataDir = await seeded('crowd');
  const before = inspect(dataDir).summaries.size;
  let errors = 0;
  let reads = 0;
  let writing = true;
  // One reader at a time, taking list, show and due in turn: enough to meet every phase of the
  // writers, without a third of the machine going to reads.
  const readers = [['list', 'show 1', 'due']].map(async (cmds) => {
    while (writing) {
      const cmd = cmds[reads % cmds.length];
      const r = await run(cmd.split(' '), { dataDir, timeout: CROWD_TIMEOUT });
      reads++;
      if (r.code !== 0 || hasTrace(r.stderr)) {
        errors++;
        fail('crowd', `reader ${cmd} exited ${r.code}: ${r.stderr.trim()}`);
      }
    }
  });
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < each; i++) {
        // The harness's own limit is generous: 20 writers on two loaded cores queue for a while.
        const r = await run(['log', '1', '--channel', 'email', '--summary', `crowd-${w}-${i}`], {
          dataDir,
          timeout: CROWD_TIMEOUT,
        });
        if (r.code !== 0) {
          errors++;
          fail(
            'crowd',
            `writer ${r.code === null ? `killed by the harness after ${r.ms} ms` : `exited ${r.code}`}: ${r.stderr.trim()}`,
          );
        }
      }
    }),
  );
  writing = false;
  await Promise.all(readers);
  const count = inspect(dataDir).summaries.size - before;
  if (count !== writers * each) fail('crowd', `${count} contacts, expected ${writers * each}`);
  rows.push([
    'crowd',
    writers * each + reads,
    `${writers} writers × ${each} log = ${count} contacts, ${reads} reads alongside, ${errors} errors`,
  ]);

  // A lock held beyond the busy timeout: one sentence, exit 1, nothing written.
  const holder = new Database(join(dataDir, 'complain.db'));
  holder.prepare('BEGIN IMMEDIATE').run();
  const hash = witness(dataDir);
  const r = await run(['log', '1', '--channel', 'email', '--summary', 'locked'], { dataDir });
  const after = witness(dataDir);
  holder.prepare('ROLLBACK').run();
  holder.close();
  if (r.code !== 1 || !oneLine(r.stderr) || !/busy/.test(r.stderr))
    fail('crowd', `locked beyond timeout: exit ${r.code}: ${r.stderr.trim()}`);
  if (after !== hash) fail('crowd', `locked: files changed: ${witnessDiff(hash, after)}`);
  rows.push(['crowd: lock held', 1, `exit 1 after ${r.ms} ms: ${r.stderr.trim()}`]);
}

// ---- 3. starve ---------------------------------------------------------------------------------

const NOBODY = 65534;
const asNobody = (cmd, args) => [
  'setpriv',
  ['--reuid=65534', '--regid=65534', '--clear-groups', cmd, ...args],
];

/** A refused write: exit 1, one line, no trace, and the data dir exactly as it was. */
async function refusal(section, label, args, options, expect) {
  const before = witness(options.dataDir);
  const r = await run(args, options);
  const after = witness(options.dataDir);
  const ok =
    r.code === 1 && oneLine(r.stderr) && !hasTrace(r.stderr) && (!expect || expect.test(r.stderr));
  if (!ok) fail(section, `${label}: exit ${r.code}: ${r.stderr.trim() || r.stdout.slice(0, 200)}`);
  if (before !== after) fail(section, `${label}: files changed: ${witnessDiff(before, after)}`);
  return r.stderr.trim();
}

async function starve() {
  const notes = [];
  let trials = 0;
  // A full disk: a 2 MB tmpfs when mount is allowed; otherwise a file size limit (ulimit -f).
  const mnt = join(WORK, 'tmpfs');
  mkdirSync(mnt);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mnt]).status === 0;
  const fullDir = join(mnt, 'data');
  cpSync(await seeded('full-src'), fullDir, { recursive: true });
  const big = join(WORK, 'four-mb.bin');
  writeFileSync(big, randomBytes(4 * 1024 * 1024));
  const wrap = mounted
    ? undefined
    : (cmd, args) => ['sh', ['-c', 'ulimit -f 1024; exec "$@"', 'sh', cmd, ...args]];
  if (mounted) {
    // Leave 48 KB free: enough to open the database, too little for any of the writes below.
    const { bavail, bsize } = statfsSync(mnt);
    writeFileSync(join(mnt, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - 48 * 1024)));
  }
  for (const [label, args] of [
    ['full disk: attach 4 MB', ['attach', '1', big]],
    [
      'full disk: log 120 KB summary',
      ['log', '1', '--channel', 'email', '--summary', 'x'.repeat(120_000)],
    ],
    ['full disk: backup', ['backup']],
  ]) {
    trials++;
    try {
      const msg = await refusal(
        'starve',
        label,
        args,
        { dataDir: fullDir, wrap },
        /full|space|written/,
      );
      if (tempFiles(fullDir).length) fail('starve', `${label}: temp files left`);
      notes.push(`${label}: ${msg}`);
    } catch (error) {
      if (mounted) spawnSync('umount', [mnt]);
      throw error;
    }
  }
  if (mounted) spawnSync('umount', [mnt]);
  rmSync(mnt, { recursive: true, force: true });

  // Read-only data dir and database file, as an unprivileged user (root ignores modes).
  for (const [label, dirMode, fileMode] of [
    ['read-only data dir', 0o500, 0o600],
    ['read-only database file', 0o700, 0o400],
  ]) {
    const dir = await seeded(`ro-${fileMode}`);
    execFileSync('chown', ['-R', `${NOBODY}:${NOBODY}`, dir]);
    chmodSync(join(WORK), 0o755);
    chmodSync(join(dir, 'complain.db'), fileMode);
    chmodSync(dir, dirMode);
    trials++;
    notes.push(
      `${label}: ` +
        (await refusal(
          'starve',
          label,
          ['log', '1', '--channel', 'email', '--summary', 'ro'],
          { dataDir: dir, wrap: asNobody },
          /read-only|cannot be opened|permission/,
        )),
    );
    chmodSync(dir, 0o700);
  }

  // A database held locked by another process.
  const dir = await seeded('held');
  const holder = new Database(join(dir, 'complain.db'));
  holder.pragma('journal_mode = WAL');
  holder.prepare('BEGIN EXCLUSIVE').run();
  trials++;
  notes.push(
    'held lock: ' +
      (await refusal(
        'starve',
        'held lock',
        ['edit', '1', '--situation', 'x'],
        { dataDir: dir },
        /busy/,
      )),
  );
  holder.prepare('ROLLBACK').run();
  holder.close();
  rows.push([`starve (${mounted ? 'tmpfs' : 'ulimit -f'})`, trials, notes.join('; ')]);
}

// ---- 4. damage ---------------------------------------------------------------------------------

async function damage() {
  const cases = [];
  const dbOf = (dir) => join(dir, 'complain.db');
  const checkpointed = async (name) => {
    const dir = await seeded(name);
    const db = new Database(dbOf(dir));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.close();
    return dir;
  };
  const damages = [
    ['truncated', (f) => truncateSync(f, Math.floor(statSync(f).size / 3))],
    [
      'pages overwritten',
      (f) => {
        const fd = openSync(f, 'r+');
        for (const page of [2, 3, 4, 5]) writeSync(fd, randomBytes(4096), 0, 4096, page * 4096);
        closeSync(fd);
      },
    ],
    [
      'zeroed header',
      (f) => {
        const fd = openSync(f, 'r+');
        writeSync(fd, Buffer.alloc(100), 0, 100, 0);
        closeSync(fd);
      },
    ],
    [
      'newer schema',
      (f) => {
        const db = new Database(f);
        db.pragma('user_version = 999');
        db.close();
      },
    ],
    [
      'foreign SQLite file',
      (f) => {
        rmSync(f);
        const db = new Database(f);
        db.exec('CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES (1)');
        db.close();
      },
    ],
    [
      'not SQLite at all',
      (f) => writeFileSync(f, 'PK\x03\x04 this is a zip, not a database\n'.repeat(200)),
    ],
  ];
  const messages = new Map();
  for (const [label, harm] of damages) {
    const dir = await checkpointed(`damage-${label.replace(/ /g, '-')}`);
    harm(dbOf(dir));
    const hashes = () => witness(dir);
    const before = hashes();
    for (const args of [['list'], ['log', '1', '--channel', 'email', '--summary', 'x']]) {
      const r = await run(args, { dataDir: dir });
      if (r.code !== 1 || !oneLine(r.stderr))
        fail(
          'damage',
          `${label}: ${args[0]} exit ${r.code}: ${r.stderr.trim() || r.stdout.slice(0, 200)}`,
        );
      else messages.set(label, r.stderr.trim());
    }
    const doc = await run(['doctor'], { dataDir: dir });
    if (
      doc.code !== 1 ||
      hasTrace(doc.stderr) ||
      !/fix|restore|upgrade|point|backup/i.test(doc.stdout + doc.stderr)
    )
      fail(
        'damage',
        `${label}: doctor exit ${doc.code}: ${(doc.stdout + doc.stderr).trim().slice(0, 300)}`,
      );
    const after = hashes();
    if (after !== before) fail('damage', `${label}: files changed: ${witnessDiff(before, after)}`);
    cases.push(label);
  }
  // Damage of one kind (truncated, overwritten pages) shares one message; kinds differ.
  const kinds = new Map(
    [...messages].map(([k, v]) => [/truncated|overwritten/.test(k) ? 'damaged' : k, v]),
  );
  const distinct = new Set(kinds.values()).size;
  if (distinct < kinds.size)
    fail(
      'damage',
      `only ${distinct} distinct messages for ${messages.size} damages: ${[...messages].map(([k, v]) => `${k} → ${v}`).join(' | ')}`,
    );

  // A tampered evidence copy: doctor names it, the bundle refuses to carry it.
  const dir = await seeded('tampered-evidence');
  const store = join(dir, 'evidence');
  const stored = readdirSync(store, { recursive: true })
    .map(String)
    .find((f) => statSync(join(store, f)).isFile());
  writeFileSync(join(store, stored), 'forged receipt 5.90\n');
  const doc = await run(['doctor'], { dataDir: dir });
  if (doc.code !== 1 || !/attach/.test(doc.stdout))
    fail('damage', `tampered evidence: doctor exit ${doc.code}: ${doc.stdout}`);
  const bundle = join(WORK, 'tampered.zip');
  const ex = await run(['export', '1', '-o', bundle], { dataDir: dir });
  if (ex.code !== 1 || !oneLine(ex.stderr) || existsSync(bundle))
    fail('damage', `tampered evidence: export exit ${ex.code}: ${ex.stderr.trim()}`);
  cases.push('tampered evidence');

  // Tampered import files, into a data dir that must stay as it was.
  const source = await seeded('import-good');
  const good = join(WORK, 'good.json');
  await run(['export', '--all', '--json', '-o', good], { dataDir: source });
  const data = JSON.parse(readFileSync(good, 'utf8'));
  const tables = data.tables;
  const variants = {
    'wrong types': () => {
      const d = structuredClone(data);
      d.tables.caseFile[0].id = 'one';
      return JSON.stringify(d);
    },
    'ids that collide': () => {
      const d = structuredClone(data);
      d.tables.caseFile.push(structuredClone(d.tables.caseFile[0]));
      return JSON.stringify(d);
    },
    'references that point nowhere': () => {
      const d = structuredClone(data);
      d.tables.contact[0].caseId = 9999;
      return JSON.stringify(d);
    },
    'a 100 MB array': () =>
      JSON.stringify({ ...data, tables: { ...tables, caseFile: [] } }).replace(
        '"caseFile":[]',
        `"caseFile":[${'0,'.repeat(50 * 1024 * 1024)}0]`,
      ),
    'not JSON': () => '{"format": "complain-data", "tables": [',
  };
  const target = await seeded('import-target');
  for (const [label, make] of Object.entries(variants)) {
    const file = join(WORK, `bad-${label.replace(/ /g, '-')}.json`);
    writeFileSync(file, make());
    const before = witness(target);
    const r = await run(['import', file, '--merge'], { dataDir: target, timeout: 60_000 });
    if (r.code !== 1 || !oneLine(r.stderr))
      fail('damage', `import ${label}: exit ${r.code}: ${r.stderr.trim().slice(0, 300)}`);
    else messages.set(`import ${label}`, r.stderr.trim());
    const after = witness(target);
    if (after !== before)
      fail('damage', `import ${label}: data dir changed: ${witnessDiff(before, after)}`);
    rmSync(file);
    cases.push(`import: ${label}`);
  }
  rows.push([
    'damage',
    cases.length,
    `${cases.join(', ')}: refused with exit 1 in one line, nothing changed, doctor names the fix`,
  ]);
}

// ---- 5. garbage --------------------------------------------------------------------------------

/** Every leaf command with its options and arguments, read from the program itself. */
async function commandTable() {
  const { createProgram } = await import(join(ROOT, 'dist', 'cli.js'));
  const runtime = fakeRuntime(WORK);
  const program = await createProgram(runtime, { ctx: undefined });
  const out = [];
  const walk = (cmd, path) => {
    if (cmd.commands.length === 0 || cmd._actionHandler) {
      out.push({
        path,
        args: cmd.registeredArguments.map((a) => ({ required: a.required, variadic: a.variadic })),
        options: cmd.options.map((o) => ({ flag: o.long, takesValue: o.required || o.optional })),
      });
    }
    for (const sub of cmd.commands) walk(sub, [...path, sub.name()]);
  };
  for (const sub of program.commands) walk(sub, [sub.name()]);
  return out.filter((c) => c.path[0] !== 'help');
}

function fakeRuntime(cwd) {
  return {
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    stderr: new PassThrough(),
    stdinIsTTY: false,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: { NO_COLOR: '1' },
    platform: 'linux',
    home: cwd,
    cwd,
    now: () => new Date('2026-11-23T12:00:00Z'),
    systemTimeZone: 'Europe/Istanbul',
  };
}

const bad = fc.oneof(
  fc.constantFrom(
    '2026-13-45',
    '31/31/2026',
    '0000-00-00',
    '99999-01-01',
    'yesterday-ish',
    'in -3 days',
    'T25:61',
  ),
  fc.constantFrom(
    '12,3.4 EUR',
    '-5 USD',
    '1e309 TRY',
    'NaN',
    '59.90 XXX',
    '∞ TL',
    '0x10 EUR',
    '5 EUR EUR',
  ),
  fc.constantFrom('25x', '-3m', '999999999h', '1h-5m', '0m', 'PT1H'),
  fc.constantFrom('0', '-1', '#', '1.5', '99999999999', '#-2', ' 3 ', '3abc', '1e3'),
  fc.constantFrom('XX', 'tr-TR-x', 'ZZ', 'klingon', 'Europe/Nowhere', 'en_US', 'TR\u0000'),
  fc.constantFrom('--json', '-o', '--', '-h', '--data-dir', '--no-input', '-'),
  fc.string({ unit: 'grapheme', minLength: 0, maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(
      '\u0000',
      '\u0007',
      '\u001b[31m',
      '\u202e',
      '\u2066',
      '\ufffe',
      '\r',
      '\n',
    ),
    maxLength: 12,
  }),
  fc.constant('x'.repeat(1024 * 1024)),
  fc.constant('\u202Egnirts lanretxe\u202C'),
  fc.constantFrom(
    'a\u0000b.docx',
    `${'x'.repeat(300)}.zip`,
    `${'ş'.repeat(140)}.ics`,
    '/etc/hostname/out.json',
    '/proc/nope/letter.docx',
    '/',
    '.',
    '~',
  ),
);
const unknownFlag = fc.constantFrom('--nope', '--jsonn', '-z', '--rep-idd', '--data', '--channel=');

/** Generates a bad argv for `cmd`: its arguments and some of its flags get bad values. */
function argvFor(cmd, { argVals, flagPicks, vals, extra }) {
  const argv = [...cmd.path];
  cmd.args.forEach((a, i) => {
    if (a.required || argVals[i] !== undefined) argv.push(argVals[i] ?? '1');
  });
  const options = cmd.options.filter((o) => o.flag && o.flag !== '--help');
  flagPicks.forEach((pick, i) => {
    if (!options.length) return;
    const o = options[pick % options.length];
    argv.push(o.flag);
    if (o.takesValue) argv.push(vals[i] ?? '');
  });
  if (extra) argv.push(extra);
  return argv;
}

/** Argv that crashed or wrote on failure once (the bugs this suite found): always run first. */
const REGRESSIONS = [
  ['new', '--company-phone', '\u221e TL'],
  ['due', '--ics', 'a\u0000b.ics'],
  ['due', '--ics', `${'x'.repeat(300)}.ics`],
  ['letter', '1', '-o', `${'ş'.repeat(140)}.docx`],
  ['export', '1', '-o', '/etc/hostname/bundle.zip'],
  ['backup', '-o', 'x\u0000.db'],
  ['attach', '1', 'a\u0000b.pdf'],
  ['import', `${'y'.repeat(400)}.json`],
];

/** Runs one argv through the program in this process: its exit code and what it wrote to stderr. */
async function inProcess(argv, dataDir, { createProgram, CommanderError, ComplainError }) {
  const runtime = fakeRuntime(WORK);
  const session = { ctx: undefined };
  let stderr = '';
  runtime.stderr.on('data', (d) => (stderr += d));
  runtime.stdout.resume();
  let code = 0;
  let bug;
  try {
    const args = ['--data-dir', dataDir, '--no-input', ...argv];
    const program = await createProgram(runtime, session, { args });
    await program.parseAsync(['node', 'complain', ...args]);
  } catch (error) {
    if (error instanceof CommanderError) code = error.exitCode === 0 ? 0 : 2;
    else if (error instanceof ComplainError) {
      code = error.exitCode;
      // What main.ts would print: the one line a user sees.
      stderr += `complain: ${error.message}${error.hint ? ` — ${error.hint}` : ''}\n`;
    } else if (error?.code?.startsWith?.('SQLITE_')) code = 1;
    else {
      code = -1;
      bug = error;
    }
  } finally {
    session.ctx?.close();
  }
  return { code, stderr, bug };
}

const shown = (argv) => argv.map((a) => JSON.stringify(a.slice(0, 60))).join(' ');

async function garbage() {
  const cli = await import(join(ROOT, 'dist', 'cli.js'));
  const { ComplainError } = await import(join(ROOT, 'dist', 'errors.js'));
  const modules = { ...cli, ComplainError };
  const table = await commandTable();
  const dataDir = await seeded('garbage');
  const inProcessRuns = n(10_000);
  const real = n(200);
  const arb = fc.record({
    cmd: fc.constantFrom(...table),
    argVals: fc.array(fc.option(bad, { nil: undefined }), { maxLength: 3 }),
    flagPicks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
    vals: fc.array(bad, { minLength: 4, maxLength: 4 }),
    extra: fc.option(unknownFlag, { nil: undefined }),
  });
  const counts = { 0: 0, 1: 0, 2: 0, other: 0 };
  let slowest = 0;
  let wroteOnFailure = 0;
  let lastStamp = stamp(dataDir);
  let lastWitness = witness(dataDir);
  const samples = fc
    .sample(arb, { numRuns: inProcessRuns, seed: Number(process.env.FAULTS_SEED ?? 42) })
    .map((s) => argvFor(s.cmd, s));
  for (const argv of [...REGRESSIONS, ...samples]) {
    const started = Date.now();
    const { code, stderr, bug } = await inProcess(argv, dataDir, modules);
    if (bug)
      fail('garbage', `bug: ${shown(argv)}: ${bug?.stack?.split('\n').slice(0, 3).join(' ')}`);
    const ms = Date.now() - started;
    slowest = Math.max(slowest, ms);
    if (ms > 10_000) fail('garbage', `${ms} ms: ${shown(argv)}`);
    if (hasTrace(stderr)) fail('garbage', `trace: ${shown(argv)}`);
    counts[code in counts ? code : 'other']++;
    // The stamp is cheap; only when it moved are the files hashed and compared.
    const nowStamp = stamp(dataDir);
    if (nowStamp !== lastStamp) {
      const now = witness(dataDir);
      if (code !== 0 && now !== lastWitness) {
        wroteOnFailure++;
        fail(
          'garbage',
          `exit ${code} but ${witnessDiff(lastWitness, now)} changed: ${shown(argv)}`,
        );
      }
      lastStamp = nowStamp;
      lastWitness = now;
    }
  }
  rows.push([
    'garbage (in process)',
    REGRESSIONS.length + samples.length,
    `${table.length} commands, fast-check: exit 1 ×${counts[1]}, 2 ×${counts[2]}, accepted ×${counts[0]}, bugs ×${counts.other}, slowest ${slowest} ms, written on failure ×${wroteOnFailure}`,
  ]);

  // A few hundred through real processes. No NUL (execve cannot carry it) and no 1 MB value (the
  // kernel takes at most 128 KB per argument): those go through the program in process above.
  const procSamples = fc
    .sample(arb, { numRuns: real * 2, seed: 7 })
    .map((s) => argvFor(s.cmd, s).map((a) => (a.length > 100_000 ? a.slice(0, 100_000) : a)))
    .filter((a) => !a.some((x) => x.includes('\u0000')))
    .slice(0, real);
  const realCounts = { 0: 0, 1: 0, 2: 0, other: 0 };
  let realSlowest = 0;
  const dirs = [];
  for (let w = 0; w < PARALLEL; w++) dirs.push(await seeded(`garbage-${w}`));
  await pool(procSamples, async (argv, _, slot) => {
    const before = stamp(dirs[slot]);
    const beforeWitness = witness(dirs[slot]);
    const r = await run(['--no-input', ...argv], { dataDir: dirs[slot], timeout: 20_000 });
    if (r.spawnError)
      return fail('garbage', `process did not start (${r.spawnError}): ${shown(argv)}`);
    realSlowest = Math.max(realSlowest, r.ms);
    if (r.ms > 10_000) fail('garbage', `process took ${r.ms} ms: ${shown(argv)}`);
    if (hasTrace(r.stderr))
      fail('garbage', `process trace: ${shown(argv)}: ${r.stderr.slice(0, 300)}`);
    realCounts[r.code in realCounts ? r.code : 'other']++;
    if (!(r.code in realCounts))
      fail('garbage', `process exit ${r.code ?? r.signal}: ${shown(argv)}`);
    if (r.code !== 0 && stamp(dirs[slot]) !== before) {
      const after = witness(dirs[slot]);
      if (after !== beforeWitness)
        fail(
          'garbage',
          `process exit ${r.code} but ${witnessDiff(beforeWitness, after)} changed: ${shown(argv)}`,
        );
    }
  });
  rows.push([
    'garbage (processes)',
    procSamples.length,
    `exit 1 ×${realCounts[1]}, 2 ×${realCounts[2]}, accepted ×${realCounts[0]}, other ×${realCounts.other}, 0 traces, slowest ${realSlowest} ms, nothing written on failure`,
  ]);

  // The data dir itself unfit: a file, under a file, in /proc, with a NUL, a name too long.
  const aFile = join(WORK, 'not-a-dir');
  writeFileSync(aFile, 'x');
  const unfit = [aFile, join(aFile, 'sub'), '/proc/complain-nope', `${WORK}/${'d'.repeat(300)}`];
  let unfitOk = 0;
  for (const dir of unfit) {
    const r = await run(['list'], { dataDir: dir, timeout: 20_000 });
    if (r.code === 1 && oneLine(r.stderr) && !hasTrace(r.stderr)) unfitOk++;
    else
      fail(
        'garbage',
        `--data-dir ${dir.slice(0, 80)}: exit ${r.code ?? r.signal}: ${r.stderr.trim()}`,
      );
  }
  const nul = await inProcess(['list'], `${WORK}/a\u0000b`, modules);
  if (nul.code === 1 && oneLine(nul.stderr)) unfitOk++;
  else fail('garbage', `--data-dir with a NUL: exit ${nul.code}: ${nul.stderr.trim()}`);
  rows.push([
    'garbage (--data-dir)',
    unfit.length + 1,
    `a file, under a file, under /proc, a NUL, a 300-byte name: ${unfitOk} refused in one line`,
  ]);
}

// ---- 6. pipes and signals ----------------------------------------------------------------------

/** Runs with stdout closed at once (`| head -0`): the exit status must match a normal run's. */
function closedStdout(args, dataDir) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, '--data-dir', dataDir, ...args], {
      cwd: WORK,
      env: ENV,
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code, signal) => done({ code, signal, stderr }));
  });
}

async function pipes() {
  const dataDir = await seeded('pipes');
  await pool(
    Array.from({ length: 30 }, (_, i) => i),
    (i) => run(logArgs(`crash-pipe-${i}`), { dataDir }),
  );
  const readers = [
    ['list'],
    ['list', '--json'],
    ['show', '1'],
    ['show', '1', '--json'],
    ['due'],
    ['due', '--ics'],
    ['next', '1'],
    ['prep', '1'],
    ['letter', '1'],
    ['stats'],
    ['stats', '--json'],
    ['evidence', 'list', '1'],
    ['promise', 'list'],
    ['clock', 'list', '1'],
    ['profile', '--json'],
    ['path'],
    ['doctor'],
    ['export', '--all', '--json'],
    ['--help'],
    ['log', '--help'],
    logArgs('crash-pipe-json').concat('--json'),
    [...CASE, '--json'],
    ['backup', '--json'],
  ];
  let trials = 0;
  await pool(readers, async (args) => {
    const base = await run(args, { dataDir });
    for (let k = 0; k < 2; k++) {
      trials++;
      const r = await closedStdout(args, dataDir);
      if (hasTrace(r.stderr) || r.code !== base.code)
        fail(
          'pipes',
          `${args.slice(0, 3).join(' ')}: exit ${r.code ?? r.signal} (normally ${base.code}): ${r.stderr.trim().slice(0, 200)}`,
        );
    }
  });
  rows.push([
    'pipes (stdout closed)',
    trials,
    `${readers.length} invocations: same exit as with a reader, 0 traces`,
  ]);

  const writers = [
    (i) => logArgs(`crash-sig-${i}`),
    (i) => caseWith(`crash-sig-${i}`),
    () => ['edit', '1', '--situation', 'signalled'],
    () => ['contact', 'edit', '1', '--summary', 'seed'],
    () => ['attach', '1', join(WORK, 'big.bin')],
    () => ['letter', '1', '-o', join(WORK, 'sig-letter.docx'), '--deadline', '14d'],
    () => ['backup'],
    () => ['export', '1', '-o', join(WORK, 'sig.zip')],
  ];
  if (!existsSync(join(WORK, 'big.bin')))
    writeFileSync(join(WORK, 'big.bin'), randomBytes(24 * 1024 * 1024));
  const sigTrials = n(64);
  const dirs = [];
  for (let w = 0; w < PARALLEL; w++) dirs.push(await seeded(`sig-${w}`));
  const seen = { 130: 0, 143: 0, 0: 0 };
  // How long each writing command runs here, so that the signal lands inside it: a fixed delay
  // let most runs finish first once start-up got fast.
  const took = [];
  for (let k = 0; k < writers.length; k++) {
    const r = await run(writers[k](k), { dataDir: dirs[0] });
    took.push(Math.max(40, r.ms));
  }
  await pool(
    Array.from({ length: sigTrials }, (_, i) => i),
    async (i, _, slot) => {
      const dataDir = dirs[slot];
      const args = writers[i % writers.length](i);
      const signal = i % 2 ? 'SIGTERM' : 'SIGINT';
      // From the first tenth to the whole of the command's usual run.
      const span = took[i % writers.length];
      const r = await run(args, {
        dataDir,
        kill: { after: Math.floor(span * (0.1 + Math.random() * 0.9)), signal },
      });
      const st = status(r);
      if (st in seen) seen[st]++;
      const expected = signal === 'SIGTERM' ? 143 : 130;
      if (st !== 0 && st !== expected)
        fail('signals', `${args[0]} ${signal}: exit ${st}: ${r.stderr.trim()}`);
      if (hasTrace(r.stderr)) fail('signals', `${args[0]} ${signal}: trace`);
      const temps = tempFiles(dataDir);
      if (temps.length)
        fail('signals', `${args[0]} ${signal}: temp files left: ${temps.join(', ')}`);
      for (const p of inspect(dataDir).problems) fail('signals', `${args[0]} ${signal}: ${p}`);
    },
  );
  rows.push([
    'signals (INT/TERM)',
    sigTrials,
    `exit 130 ×${seen[130]}, 143 ×${seen[143]}, finished first ×${seen[0]}; nothing half-written, no temp files`,
  ]);
}

// ---- the table ---------------------------------------------------------------------------------

/** The 1-minute load average: the machine is shared, so a time means little without it. */
const load = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
/** What a time would be on a quiet 2-core machine: measured × min(1, 2 / load). */
const quiet = (seconds, loads) => {
  const mean = loads.reduce((a, b) => a + b, 0) / loads.length;
  return seconds * Math.min(1, 2 / Math.max(mean, 0.01));
};

const sections = { crash, crowd, starve, damage, garbage, pipes };
const started = Date.now();
const timings = [];
for (const [name, section] of Object.entries(sections)) {
  if (only && !only.includes(name)) continue;
  const t = Date.now();
  const before = failures.length;
  const rowsBefore = rows.length;
  const loads = [load()];
  const sampler = setInterval(() => loads.push(load()), 5000);
  try {
    await section();
  } catch (error) {
    fail(name, `the section itself failed: ${error.stack}`);
  }
  clearInterval(sampler);
  loads.push(load());
  const seconds = (Date.now() - t) / 1000;
  const mean = loads.reduce((a, b) => a + b, 0) / loads.length;
  timings.push([name, seconds, mean, quiet(seconds, loads)]);
  console.error(
    `${name}: ${seconds.toFixed(1)} s at load ${mean.toFixed(1)} (quiet ≈ ${quiet(seconds, loads).toFixed(0)} s), ${failures.length - before} failures`,
  );
  const mine = rows.slice(rowsBefore);
  const failed = failures.length - before;
  if (!mine.length) rows.push([name, 0, 'did not finish', failed, `${seconds.toFixed(0)} s`]);
  else
    mine.forEach((row, i) =>
      row.push(
        i === mine.length - 1 ? failed : '',
        i === mine.length - 1 ? `${seconds.toFixed(0)} s` : '',
      ),
    );
}
rmSync(WORK, { recursive: true, force: true });

const header = ['check', 'trials', 'what was checked'];
console.log(`\nfault injection (scale ${SCALE}, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
console.log(
  `${'check'.padEnd(24)} ${'trials'.padStart(6)}  ${'failed'.padStart(6)}  what was checked`,
);
for (const [check, trials, what, failed = '', time = ''] of rows)
  console.log(
    `${check.padEnd(24)} ${String(trials).padStart(6)}  ${String(failed).padStart(6)}  ${what}${time ? ` (${time})` : ''}`,
  );
const total = timings.reduce((a, [, s]) => a + s, 0);
const totalQuiet = timings.reduce((a, [, , , q]) => a + q, 0);
console.log(
  `time: ${timings.map(([name, s, l, q]) => `${name} ${s.toFixed(0)} s at load ${l.toFixed(1)} (quiet ≈ ${q.toFixed(0)} s)`).join(', ')}`,
);
console.log(
  `total ${total.toFixed(0)} s measured; on a quiet 2-core machine ≈ ${totalQuiet.toFixed(0)} s (measured × min(1, 2 / load))`,
);
console.log(`failures: ${failures.length}`);
void header;
// `npm test` adds the sections up with the vitest runs: one test per section, failed when it
// found a failure (the report has the shape of vitest's JSON report, as far as the summary reads).
const reportAt = process.argv.indexOf('--report');
if (reportAt > 0 && process.argv[reportAt + 1]) {
  const failedSections = new Set(failures.map((f) => f.split(':')[0]));
  const ran = timings.map(([name]) => name);
  mkdirSync(dirname(resolve(process.argv[reportAt + 1])), { recursive: true });
  writeFileSync(
    process.argv[reportAt + 1],
    JSON.stringify({
      numPassedTests: ran.filter((name) => !failedSections.has(name)).length,
      numFailedTests: ran.filter((name) => failedSections.has(name)).length,
      numPendingTests: 0,
      failures,
    }),
  );
}
process.exitCode = failures.length ? 1 : 0;
