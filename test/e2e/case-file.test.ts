import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { BIN, ROOT, makeSandbox, newCaseArgs } from '../support/cli.js';
import { dumpDatabase } from '../support/db-dump.js';

interface ContactJson {
  id: number;
  channel: string;
  direction: string;
  startedAt: string;
  endedAt: string | null;
  durationMinutes: number | null;
  reps: { position: number; name: string; repId: string | null; role: string | null }[];
  department: string | null;
  reference: string | null;
  summary: string;
  nextSteps: string | null;
  responsible: string | null;
  expectedTime: string | null;
  outcome: string | null;
  supervisor: string | null;
  rude: boolean;
  quotes: string[];
  promises: {
    id: number;
    text: string;
    dueAt: string;
    state: string;
    overdue: boolean;
    contactId: number;
  }[];
}

const PROFILE = [
  'profile',
  '--name',
  'Ayşe Yılmaz',
  '--address',
  'Bağdat Cd. 12, 34710 Kadıköy/İstanbul',
  '--phone',
  '+90 555 000 00 00',
  '--email',
  'ayse@example.com',
  '--country',
  'TR',
  '--language',
  'tr',
  '--time-zone',
  'Europe/Istanbul',
];

const NEW_CASE = [
  'new',
  '--company',
  'Acme Elektronik',
  '--company-phone',
  '+90 212 000 00 00',
  '--company-email',
  'sikayet@acme.example',
  '--company-address',
  'Büyükdere Cd. 1, 34394 Şişli/İstanbul',
  '--product',
  'Kettle K-200',
  '--title',
  'Broken kettle',
  '--purchased',
  '2026-10-02',
  '--order',
  'A-1001',
  '--account',
  'C-77',
  '--amount',
  '1.249,90 TL',
  '--occurred',
  '2026-10-09',
  '--situation',
  'I bought a kettle from your online shop.',
  '--problem',
  'It stopped heating after a week.',
  '--request',
  'Refund the full price.',
  '--remedy',
  'refund',
  '--remedy-detail',
  '1.249,90 TL to my card',
];

describe('a case file, end to end', () => {
  let sb: CliSandbox;
  beforeAll(() => {
    sb = makeSandbox();
  });
  afterAll(() => sb.cleanup());

  it('creates the profile and a case from flags', () => {
    expect(sb.run(PROFILE).status).toBe(0);
    const created = sb.json<Record<string, unknown>>(NEW_CASE);
    expect(created).toMatchObject({
      id: 1,
      title: 'Broken kettle',
      status: 'open',
      company: {
        name: 'Acme Elektronik',
        phone: '+90 212 000 00 00',
        email: 'sikayet@acme.example',
        address: 'Büyükdere Cd. 1\n34394 Şişli/İstanbul',
      },
      product: 'Kettle K-200',
      purchasedOn: '2026-10-02',
      orderRef: 'A-1001',
      accountRef: 'C-77',
      amount: { minor: 124990, currency: 'TRY', text: '1249.90 TRY' },
      occurredOn: '2026-10-09',
      remedy: 'refund',
      remedyDetail: '1.249,90 TL to my card',
      jurisdiction: 'TR', // from the profile
    });
  });

  it('logs three contacts, one with a transfer and two promises', () => {
    const first = sb.json<ContactJson>([
      'log',
      '1',
      '--channel',
      'phone',
      '--at',
      '2026-10-10 09:30',
      '--duration',
      '12m',
      '--rep',
      'Mehmet',
      '--summary',
      'Told to wait for an e-mail.',
      '--outcome',
      'unresolved',
    ]);
    expect(first.reference).toBeNull();
    const second = sb.json<ContactJson>([
      'log',
      '1',
      '--channel',
      'phone',
      '--at',
      '2026-10-14 14:05',
      '--ended',
      '2026-10-14 14:40',
      '--rep',
      'Ayşe K.',
      '--rep-id',
      '4411',
      '--rep-role',
      'first line',
      '--rep',
      'Selin D.',
      '--rep-id',
      'S-17',
      '--department',
      'Technical service',
      '--reference',
      'TCK-88812',
      '--summary',
      'Transferred; a technician visit was promised.',
      '--next-steps',
      'technician visit',
      '--responsible',
      'service team',
      '--expected-time',
      '3 working days',
      '--promise',
      'technician visit',
      '--due',
      '2026-10-17',
      '--promise',
      'call back with a date',
      '--due',
      '2026-10-15 18:00',
      '--outcome',
      'transferred',
      '--supervisor',
      'refused',
      '--quote',
      'Not my problem, madam.',
    ]);
    const third = sb.json<ContactJson>([
      'log',
      '--channel',
      'email',
      '--direction',
      'inbound',
      '--at',
      '2026-10-20T10:00:00Z',
      '--reference',
      'TCK-88812',
      '--summary',
      'They wrote that the visit is postponed.',
    ]);

    expect(second).toMatchObject({
      channel: 'phone',
      direction: 'outbound',
      startedAt: '2026-10-14T11:05:00.000Z',
      endedAt: '2026-10-14T11:40:00.000Z',
      durationMinutes: 35,
      reps: [
        { position: 1, name: 'Ayşe K.', repId: '4411', role: 'first line' },
        { position: 2, name: 'Selin D.', repId: 'S-17', role: null },
      ],
      department: 'Technical service',
      reference: 'TCK-88812',
      nextSteps: 'technician visit',
      responsible: 'service team',
      expectedTime: '3 working days',
      outcome: 'transferred',
      supervisor: 'refused',
      rude: true,
      quotes: ['Not my problem, madam.'],
    });
    expect(second.promises.map((p) => [p.text, p.dueAt, p.state, p.overdue])).toEqual([
      ['call back with a date', '2026-10-15T15:00:00.000Z', 'pending', true],
      ['technician visit', '2026-10-17T20:59:59.999Z', 'pending', true],
    ]);
    expect(third).toMatchObject({
      direction: 'inbound',
      startedAt: '2026-10-20T10:00:00.000Z',
      endedAt: null,
      reference: 'TCK-88812',
    });
    expect([first.id, second.id, third.id]).toEqual([1, 2, 3]);
  });

  it('reminds the user to ask for a reference number', () => {
    const r = sb.run([
      'log',
      '1',
      '--channel',
      'chat',
      '--at',
      '2026-10-21 10:00',
      '--summary',
      'Chat bot only.',
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('4');
    expect(r.stderr).toMatch(/ask "Can I have a reference number for this\?"/);
    expect(sb.run(['contact', 'delete', '4', '--yes']).status).toBe(0);
  });

  it('shows the case file with its timeline', () => {
    const file = sb.json<
      Record<string, unknown> & { contacts: ContactJson[]; promises: { text: string }[] }
    >(['show', '1']);
    expect(file.contacts.map((c) => c.id)).toEqual([1, 2, 3]);
    expect(file.contacts.map((c) => c.reference)).toEqual([null, 'TCK-88812', 'TCK-88812']);
    expect(file.promises.map((p) => p.text)).toEqual(['call back with a date', 'technician visit']);
    expect(file).toMatchObject({
      lastContactAt: '2026-10-20T10:00:00.000Z',
      nextDue: { text: 'call back with a date', overdue: true },
    });

    const text = sb.run(['show', '1']).stdout;
    expect(text).toContain('Case #1: Broken kettle');
    expect(text).toContain('Ayşe K. (ID 4411), first line → Selin D. (ID S-17)');
    expect(text).toContain('“Not my problem, madam.”');
    expect(text).toMatch(
      /promise #\d+: call back with a date — by 15 Oct 2026 18:00 \[\d+ days overdue\]/,
    );
  });

  it('lists the cases, newest activity first, with the next due promise', () => {
    sb.json(
      newCaseArgs({
        company: 'ACME ELEKTRONİK',
        product: 'Toaster',
        remedy: 'repair',
        jurisdiction: null,
      }),
    );
    const list = sb.json<
      {
        id: number;
        company: string;
        companyId: number;
        overdue: boolean;
        nextDue: unknown;
        lastContactAt: string | null;
        contactCount: number;
      }[]
    >(['list']);
    expect(list.map((c) => c.id)).toEqual([2, 1]);
    expect(list[0]).toMatchObject({
      company: 'Acme Elektronik',
      nextDue: null,
      overdue: false,
      lastContactAt: null,
      contactCount: 0,
    });
    expect(list[1]).toMatchObject({
      id: 1,
      overdue: true,
      contactCount: 3,
      lastContactAt: '2026-10-20T10:00:00.000Z',
      nextDue: { text: 'call back with a date' },
    });
    expect(list[0]!.companyId).toBe(list[1]!.companyId); // İ/i folded: the same company
    const text = sb.run(['list']).stdout;
    expect(text.split('\n')[0]).toMatch(
      /^CASE\s+COMPANY\s+TITLE\s+STATUS\s+LAST CONTACT\s+NEXT DUE$/,
    );
    expect(text).toMatch(/#1 .*Broken kettle.*overdue/);
  });

  it('corrects a case and a contact', () => {
    expect(
      sb.json<{ orderRef: string; status: string }>([
        'edit',
        '1',
        '--order',
        'A-1002',
        '--status',
        'waiting',
      ]),
    ).toMatchObject({ orderRef: 'A-1002', status: 'waiting' });
    const edited = sb.json<ContactJson>([
      'contact',
      'edit',
      '1',
      '--reference',
      'TCK-1',
      '--rep',
      'Mehmet Y.',
      '--rep-id',
      'M-3',
    ]);
    expect(edited).toMatchObject({
      reference: 'TCK-1',
      reps: [{ name: 'Mehmet Y.', repId: 'M-3' }],
      durationMinutes: 12,
      summary: 'Told to wait for an e-mail.',
    });
  });

  it('keeps the data dir and the database to the user', () => {
    expect(statSync(sb.dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(sb.dataDir, 'complain.db')).mode & 0o777).toBe(0o600);
  });

  it('deletes a case only with confirmation', () => {
    const refused = sb.run(['delete', '2']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--yes/);
    expect(sb.json(['delete', '2', '--yes'])).toEqual({ id: 2, deleted: true });
    expect(sb.json<unknown[]>(['list'])).toHaveLength(1);
  });
});

describe('bad input: a clear line, an exit code, nothing written', () => {
  let sb: CliSandbox;
  beforeAll(() => {
    sb = makeSandbox();
    sb.run(PROFILE);
    sb.run(NEW_CASE);
    sb.run([
      'log',
      '1',
      '--channel',
      'phone',
      '--at',
      '2026-10-14 14:05',
      '--summary',
      'first call',
    ]);
  });
  afterAll(() => sb.cleanup());

  const LOG = ['log', '1', '--channel', 'phone', '--summary', 'call'];
  it.each([
    [
      [...LOG, '--at', '2026-02-30 10:00'],
      1,
      /--at "2026-02-30 10:00" is not a date on the calendar/,
    ],
    [
      [...LOG, '--at', '2026-10-14 14:05', '--promise', 'call back', '--due', '2026-10-01'],
      1,
      /--due "2026-10-01" is before the contact/,
    ],
    [[...LOG, '--at', 'tomorrow 10am'], 1, /--at "tomorrow 10am" is in the future/],
    [
      ['log', '1', '--channel', 'pigeon', '--summary', 'x'],
      1,
      /--channel "pigeon" is not one of phone, email/,
    ],
    [[...LOG, '--rep', ''], 1, /--rep is empty/],
    [
      [...LOG, '--rep', 'A', '--rep-id', '1', '--rep-id', '2'],
      2,
      /--rep-id must follow the --rep it belongs to/,
    ],
    [[...LOG, '--promise', 'call back'], 2, /--promise "call back" has no --due/],
    [[...LOG, '--duration', 'forever'], 1, /--duration "forever" is not a duration/],
    [['log', '99', '--channel', 'phone', '--summary', 'x'], 1, /no case #99/],
    [['log', 'abc', '--channel', 'phone', '--summary', 'x'], 2, /"abc" is not a case number/],
    [['log', '1'], 2, /missing flags --channel, --summary/],
    [['show', '42'], 1, /no case #42 — run `complain list`/],
    [newCaseArgs({ amount: 'lots' }), 1, /--amount "lots" is not an amount of money/],
    [newCaseArgs({ remedy: 'money back' }), 1, /--remedy "money back" is not a remedy/],
    [newCaseArgs({ company: ' ' }), 2, /missing flag --company/],
    [newCaseArgs({ remedy: 'other' }), 2, /missing flag --remedy-detail/],
    [
      ['new', '--product', 'P'],
      2,
      /missing flags --company, --situation, --problem, --request, --remedy \(no terminal/,
    ],
    [
      newCaseArgs({ purchased: '2026-13-01' }),
      1,
      /--purchased "2026-13-01" is not a date on the calendar/,
    ],
    [newCaseArgs({ jurisdiction: 'XX' }), 1, /--jurisdiction "XX" is not a country code/],
    [['list', '--status', 'lost'], 1, /--status "lost" is not one of open/],
    [['frobnicate'], 2, /unknown command 'frobnicate'/],
    [['log', '1', '--chanel', 'phone'], 2, /unknown option '--chanel'/],
    [
      ['profile', '--time-zone', 'Mars/Olympus'],
      1,
      /--time-zone "Mars\/Olympus" is not a time zone/,
    ],
  ])('%j → exit %i', (args, code, message) => {
    const before = dumpDatabase(join(sb.dataDir, 'complain.db'));
    const r = sb.run(args as string[]);
    expect(r.status).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stdout).toBe('');
    expect(dumpDatabase(join(sb.dataDir, 'complain.db'))).toBe(before);
  });

  it('refuses a database from a newer complain without touching it', async () => {
    const Database = (await import('better-sqlite3')).default;
    const dir = mkdtempSync(join(tmpdir(), 'complain-newer-'));
    try {
      const db = new Database(join(dir, 'complain.db'));
      db.pragma('application_id = 0x434d504c');
      db.pragma('user_version = 999');
      db.close();
      const before = readFileSync(join(dir, 'complain.db'));
      const r = sb.run(['--data-dir', dir, 'list']);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/written by a newer complain \(schema 999/);
      expect(readFileSync(join(dir, 'complain.db')).equals(before)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('two complain processes at once', () => {
  it('both succeed', async () => {
    const sb = makeSandbox();
    try {
      sb.run(newCaseArgs({ company: 'A', product: 'P', jurisdiction: 'GB' }));
      const runs = Array.from(
        { length: 8 },
        (_, i) =>
          new Promise<number | null>((resolve) => {
            const child = spawn(
              process.execPath,
              [
                BIN,
                '--data-dir',
                sb.dataDir,
                'log',
                '1',
                '--channel',
                'email',
                '--summary',
                `mail ${i}`,
                '--promise',
                'reply',
                '--due',
                'in 3 days',
              ],
              { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } },
            );
            child.on('exit', resolve);
          }),
      );
      expect(await Promise.all(runs)).toEqual(Array(8).fill(0));
      const file = sb.json<{ contacts: unknown[]; promises: unknown[] }>(['show', '1']);
      expect(file.contacts).toHaveLength(8);
      expect(file.promises).toHaveLength(8);
    } finally {
      sb.cleanup();
    }
  });
});

describe('start-up stays light', () => {
  it.each([[['list']], [['--help']], [['show', '1', '--json']]])(
    '%j loads neither docx nor the prompt library',
    (args) => {
      const sb = makeSandbox();
      try {
        const trace = join(sb.dir, 'modules.txt');
        const r = spawnSyncTraced(sb, args, trace);
        expect(r).toBeLessThan(2);
        const loaded = withSources(readFileSync(trace, 'utf8'));
        expect(loaded).toContain('/dist/main.js');
        expect(loaded).not.toMatch(/node_modules\/docx\//);
        expect(loaded).not.toMatch(/node_modules\/@inquirer\//);
      } finally {
        sb.cleanup();
      }
    },
  );

  it.each(['TR', 'GB'])(
    'letter -o (%s) loads docx, but not chrono-node, the holiday library, the prompts or child_process',
    (jurisdiction) => {
      const sb = makeSandbox();
      try {
        sb.run(newCaseArgs({ jurisdiction }));
        const trace = join(sb.dir, 'modules.txt');
        const args = ['letter', '1', '--no-input', '-o', join(sb.dir, 'letter.docx')];
        expect(spawnSyncTraced(sb, args, trace)).toBe(0);
        const loaded = withSources(readFileSync(trace, 'utf8'));
        // A control: the export did load the DOCX library.
        expect(loaded).toMatch(/node_modules\/docx\//);
        expect(loaded).not.toMatch(/node_modules\/chrono-node\//);
        expect(loaded).not.toMatch(/node_modules\/date-holidays/);
        expect(loaded).not.toMatch(/node_modules\/@inquirer\//);
        // LibreOffice's process module: only for a PDF.
        expect(loaded).not.toMatch(/node:child_process/);
      } finally {
        sb.cleanup();
      }
    },
  );

  it.each([[['--help']], [['list', '--help']], [['list', '--no-such-flag']]])(
    '%j does not load the database driver (commander ends it by an exception)',
    (args) => {
      const sb = makeSandbox();
      try {
        const trace = join(sb.dir, 'modules.txt');
        const r = spawnSyncTraced(sb, args, trace);
        expect(r).toBeLessThan(3);
        const loaded = withSources(readFileSync(trace, 'utf8'));
        // A control: the command's own module was loaded for `list --help`.
        expect(loaded).toContain('/dist/main.js');
        expect(loaded).not.toMatch(/node_modules\/better-sqlite3\//);
        expect(loaded).not.toMatch(/\/dist\/db\/open\.js/);
      } finally {
        sb.cleanup();
      }
    },
  );
});

/**
 * The files a run loaded, and the sources inside each bundle chunk it loaded (the build's
 * dist/complain.meta.json): what `complain` reads is a bundle, so that is where docx or the
 * database module would be.
 */
function withSources(loaded: string): string {
  const meta = JSON.parse(readFileSync(join(ROOT, 'dist', 'complain.meta.json'), 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  };
  const inputs = Object.entries(meta.outputs)
    .filter(([file]) => loaded.includes(`${ROOT}/${file}\n`))
    .flatMap(([, o]) => Object.keys(o.inputs).map((i) => `${ROOT}/${i}`));
  // A control: the bundle's entry was among the files loaded.
  expect(loaded).toContain(`${ROOT}/dist/complain.cjs\n`);
  return `${loaded}${inputs.join('\n')}\n`;
}

function spawnSyncTraced(sb: CliSandbox, args: string[], trace: string): number | null {
  const r = spawnSync(
    process.execPath,
    [
      '--require',
      join(ROOT, 'test/support/trace-modules.cjs'),
      BIN,
      '--data-dir',
      sb.dataDir,
      ...args,
    ],
    {
      env: { ...process.env, COMPLAIN_TRACE_FILE: trace },
      encoding: 'utf8',
    },
  );
  return r.status;
}
