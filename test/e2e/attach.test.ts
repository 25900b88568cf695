import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  closeSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { BIN, makeSandbox, newCaseArgs } from '../support/cli.js';
import { TINY_JPEG, TINY_PDF, newCase, put, sha256, storeNames } from '../support/files.js';

interface EvidenceJson {
  id: number;
  position: number;
  kind: string;
  label: string;
  originalName: string;
  size: number;
  sha256: string;
  duplicate?: boolean;
}

describe('complain attach and complain evidence', () => {
  let sb: CliSandbox;
  let caseId: number;
  beforeAll(() => {
    sb = makeSandbox();
    caseId = newCase(sb);
  });
  afterAll(() => sb.cleanup());

  const evidence = () => sb.json<EvidenceJson[]>(['evidence', String(caseId)]);

  it('keeps copies 0600 in a 0700 store, named by SHA-256, and never touches the original', () => {
    const pdf = put(sb, 'fatura_şubat.pdf', TINY_PDF);
    const jpg = put(sb, 'photo of box.jpg', TINY_JPEG);
    const txt = put(sb, 'notes.txt', 'Called on Monday.\n');
    const before = statSync(pdf);
    const added = sb.json<EvidenceJson[]>([
      'attach',
      String(caseId),
      pdf,
      jpg,
      txt,
      '--kind',
      'receipt',
    ]);
    expect(added.map((e) => [e.position, e.label, e.sha256, e.duplicate])).toEqual([
      [1, 'fatura şubat', sha256(TINY_PDF), false],
      [2, 'photo of box', sha256(TINY_JPEG), false],
      [3, 'notes', sha256(Buffer.from('Called on Monday.\n')), false],
    ]);
    expect(statSync(pdf).mtimeMs).toBe(before.mtimeMs);
    expect(readFileSync(pdf)).toEqual(TINY_PDF);
    expect(statSync(join(sb.dataDir, 'evidence')).mode & 0o777).toBe(0o700);
    for (const e of added) {
      const stored = join(sb.dataDir, 'evidence', e.sha256);
      expect(statSync(stored).mode & 0o777).toBe(0o600);
    }
    expect(storeNames(sb)).toHaveLength(3);
  });

  it('stores the same content once: again on the same case is not a new record', () => {
    const again = put(sb, 'copy of invoice.pdf', TINY_PDF);
    const r = sb.run(['attach', String(caseId), again, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ id: 1, duplicate: true });
    expect(r.stderr).toContain('already has this content as evidence #1');
    expect(evidence()).toHaveLength(3);
    expect(storeNames(sb)).toHaveLength(3);
  });

  it('shares the stored copy with another case', () => {
    const other = newCase(sb, 'Globex');
    const added = sb.json<EvidenceJson[]>(['attach', String(other), join(sb.dir, 'notes.txt')]);
    expect(added[0]).toMatchObject({ position: 1, duplicate: false });
    expect(storeNames(sb)).toHaveLength(3);
  });

  it('takes names with spaces and non-Latin letters, and --label', () => {
    const file = put(sb, 'قرارداد خرید.pdf', Buffer.concat([TINY_PDF, Buffer.from('%fa')]));
    const [e] = sb.json<EvidenceJson[]>([
      'attach',
      String(caseId),
      file,
      '--kind',
      'contract',
      '--label',
      'قرارداد',
    ]);
    expect(e).toMatchObject({
      originalName: 'قرارداد خرید.pdf',
      label: 'قرارداد',
      kind: 'contract',
    });
  });

  it('reorders, relabels and removes; show --json carries the order', () => {
    sb.json(['evidence', 'move', '5', '1']);
    sb.json(['evidence', 'edit', '2', '--label', 'Box photo', '--kind', 'photo']);
    expect(evidence().map((e) => [e.id, e.position])).toEqual([
      [5, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    const shown = sb.json<{ evidence: EvidenceJson[] }>(['show', String(caseId)]);
    expect(shown.evidence.map((e) => e.label)).toEqual([
      'قرارداد',
      'fatura şubat',
      'Box photo',
      'notes',
    ]);
    const removed = sb.run(['evidence', 'remove', '5', '--yes']);
    expect(removed.status).toBe(0);
    expect(evidence().map((e) => e.position)).toEqual([1, 2, 3]);
    // Its copy was used by no other case: gone from the store.
    expect(storeNames(sb)).toHaveLength(3);
  });

  it('verify reports a changed and a missing copy with exit 1', () => {
    expect(sb.run(['evidence', 'verify']).status).toBe(0);
    const stored = join(sb.dataDir, 'evidence', sha256(TINY_JPEG));
    const good = readFileSync(stored);
    writeFileSync(stored, 'tampered');
    const r = sb.run(['evidence', 'verify', '--json']);
    expect(r.status).toBe(1);
    const checks = JSON.parse(r.stdout) as { id: number; state: string }[];
    expect(checks.find((c) => c.id === 2)?.state).toBe('changed');
    expect(r.stderr).toContain('1 of 4 stored copies changed or went missing');
    writeFileSync(stored, good);
    expect(sb.run(['evidence', 'verify']).status).toBe(0);
  });
});

describe('complain delete', () => {
  it('removes the stored copies no other case uses', () => {
    const sb = makeSandbox();
    try {
      const a = newCase(sb);
      const b = newCase(sb, 'Globex');
      put(sb, 'shared.pdf', TINY_PDF);
      put(sb, 'own.jpg', TINY_JPEG);
      sb.json(['attach', String(a), 'shared.pdf', 'own.jpg']);
      sb.json(['attach', String(b), 'shared.pdf']);
      expect(sb.run(['delete', String(a), '--yes']).status).toBe(0);
      expect(storeNames(sb)).toEqual([sha256(TINY_PDF)]);
      expect(sb.run(['evidence', 'verify']).status).toBe(0);
    } finally {
      sb.cleanup();
    }
  });
});

describe('complain attach refuses bad input and leaves nothing half-written', () => {
  let sb: CliSandbox;
  let caseId: number;
  beforeAll(() => {
    sb = makeSandbox();
    caseId = newCase(sb);
    sb.json(['attach', String(caseId), put(sb, 'first.txt', 'first')]);
  });
  afterAll(() => sb.cleanup());

  function refused(args: string[], message: string, env?: Record<string, string>): void {
    const storeBefore = storeNames(sb);
    const r = sb.run(['attach', String(caseId), ...args], env ? { env } : {});
    expect(r.stderr.trim()).toBe(`complain: ${message}`);
    expect(r.status).toBe(1);
    expect(storeNames(sb)).toEqual(storeBefore);
    expect(sb.json<unknown[]>(['evidence', String(caseId)])).toHaveLength(1);
  }

  it('a directory', () => {
    mkdirSync(join(sb.dir, 'scans'));
    refused(
      ['scans'],
      '"scans" is a directory — attach the files in it: complain attach <case> scans/*',
    );
  });

  it('a missing file', () => {
    refused(['nope.pdf'], 'no file "nope.pdf" — check the name and the folder');
  });

  it('a file of 0 bytes', () => {
    put(sb, 'empty.pdf', '');
    refused(
      ['empty.pdf'],
      '"empty.pdf" is empty (0 bytes): there is nothing to keep — attach the document itself, not an empty placeholder',
    );
  });

  it('a symlink loop', () => {
    symlinkSync('loop-b', join(sb.dir, 'loop-a'));
    symlinkSync('loop-a', join(sb.dir, 'loop-b'));
    refused(
      ['loop-a'],
      '"loop-a" is a symlink loop — point the link at a real file, or attach the file itself',
    );
  });

  it('a symlink leading outside the allowed places', () => {
    // Outside the home (HOME is set to the sandbox for this run) and the current folder.
    const elsewhere = realpathSync(mkdtempSync(join(tmpdir(), 'complain-elsewhere-')));
    try {
      writeFileSync(join(elsewhere, 'shadow'), 'root:*:');
      symlinkSync(join(elsewhere, 'shadow'), join(sb.dir, 'receipt.pdf'));
      refused(
        ['receipt.pdf'],
        `"receipt.pdf" is a symlink leading outside the allowed places (${join(elsewhere, 'shadow')}) — links may lead into your home or current folder, not hidden folders: attach the file itself`,
        { HOME: sb.dir },
      );
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('a symlink into a hidden folder', () => {
    mkdirSync(join(sb.dir, '.ssh'));
    put(sb, '.ssh/id_ed25519', 'PRIVATE KEY');
    symlinkSync('.ssh/id_ed25519', join(sb.dir, 'invoice.pdf'));
    expect(sb.run(['attach', String(caseId), 'invoice.pdf']).stderr).toContain(
      'is a symlink leading outside the allowed places',
    );
  });

  it('a FIFO, without hanging', () => {
    spawnSync('mkfifo', [join(sb.dir, 'pipe')]);
    refused(['pipe'], '"pipe" is a FIFO (named pipe), not a file — attach a regular file');
  });

  it('one bad file among good ones: none is copied', () => {
    put(sb, 'good.txt', 'good');
    refused(['good.txt', 'nope.pdf'], 'no file "nope.pdf" — check the name and the folder');
  });

  it('a symlink to a file in the same folder is fine', () => {
    put(sb, 'real.txt', 'real');
    symlinkSync('real.txt', join(sb.dir, 'link.txt'));
    const [e] = sb.json<EvidenceJson[]>(['attach', String(caseId), 'link.txt']);
    expect(e).toMatchObject({ originalName: 'link.txt', sha256: sha256(Buffer.from('real')) });
  });

  it('a full disk (ulimit -f): a clear error, no temp file left', () => {
    const big = put(sb, 'scan.tiff', randomBytes(3 * 1024 * 1024));
    const storeBefore = storeNames(sb);
    const r = spawnSync(
      'bash',
      [
        '-c',
        'ulimit -f 2048; exec "$0" "$@"',
        process.execPath,
        BIN,
        '--data-dir',
        sb.dataDir,
        'attach',
        String(caseId),
        big,
      ],
      { cwd: sb.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(r.stderr.trim()).toBe(
      `complain: the disk is full: ${JSON.stringify(big)} was not attached, nothing was kept — free some space and try again`,
    );
    expect(r.status).toBe(1);
    expect(storeNames(sb)).toEqual(storeBefore);
  });

  it('Ctrl-C in the middle of a copy leaves no temp file and no record', async () => {
    const big = join(sb.dir, 'long video.mp4');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 400 * 1024 * 1024);
    closeSync(fd);
    const before = sb.json<unknown[]>(['evidence', String(caseId)]).length;
    const child = spawn(
      process.execPath,
      [BIN, '--data-dir', sb.dataDir, 'attach', String(caseId), big],
      {
        cwd: sb.dir,
        stdio: 'ignore',
      },
    );
    const exited = new Promise<[number | null, string | null]>((done) =>
      child.on('exit', (code, signal) => done([code, signal])),
    );
    const store = join(sb.dataDir, 'evidence');
    for (let i = 0; i < 200 && !storeNames(sb).some((n) => n.startsWith('.incoming-')); i++)
      await new Promise((ok) => setTimeout(ok, 25));
    expect(readdirSync(store).some((n) => n.startsWith('.incoming-'))).toBe(true);
    child.kill('SIGINT');
    const [code, signal] = await exited;
    expect(signal === 'SIGINT' || code === 130).toBe(true);
    expect(storeNames(sb).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(sb.json<unknown[]>(['evidence', String(caseId)])).toHaveLength(before);
  });

  it('a 200 MB file is streamed into the store', () => {
    const big = join(sb.dir, 'video call.mp4');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024);
    closeSync(fd);
    const [e] = sb.json<EvidenceJson[]>(['attach', String(caseId), big]);
    expect(e).toMatchObject({ size: 200 * 1024 * 1024, kind: 'recording', label: 'video call' });
    expect(statSync(join(sb.dataDir, 'evidence', e!.sha256)).size).toBe(200 * 1024 * 1024);
  });
});

describe('a file the user cannot read', () => {
  const root = spawnSync('id', ['-u'], { encoding: 'utf8' }).stdout.trim() === '0';
  const setpriv = spawnSync('setpriv', ['--version']).status === 0;
  // Root reads every file: drop to nobody (65534) to see the refusal; skip where that is impossible.
  it.skipIf(!root || !setpriv)('gets a clear error and nothing is copied', () => {
    const sb = makeSandbox();
    try {
      chmodSync(sb.dir, 0o755);
      chownSync(sb.dir, 65534, 65534);
      const asNobody = (args: string[]) =>
        spawnSync(
          'setpriv',
          [
            '--reuid=65534',
            '--regid=65534',
            '--clear-groups',
            process.execPath,
            BIN,
            '--data-dir',
            sb.dataDir,
            ...args,
          ],
          {
            cwd: sb.dir,
            encoding: 'utf8',
            env: { ...process.env, HOME: sb.dir, NO_COLOR: '1' },
          },
        );
      const created = asNobody(newCaseArgs());
      expect(created.status).toBe(0);
      put(sb, 'secret.pdf', TINY_PDF);
      chmodSync(join(sb.dir, 'secret.pdf'), 0o600);
      const r = asNobody(['attach', '1', 'secret.pdf']);
      expect(r.stderr.trim()).toBe(
        'complain: cannot read "secret.pdf": permission denied — check its permissions, or copy it somewhere you can read it',
      );
      expect(r.status).toBe(1);
      expect(storeNames(sb)).toEqual([]);
    } finally {
      sb.cleanup();
    }
  });
});
