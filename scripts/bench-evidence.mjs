// Peak memory and time of the evidence commands on a large file: attach must stream, not load.
// Run: npm run bench:evidence [-- SIZE_MB]   (builds first; the numbers go to stdout)
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const mainJs = join(root, 'dist', 'main.js');
const sizeMb = Number(process.argv[2] ?? 200);
const dir = mkdtempSync(join(tmpdir(), 'complain-bench-'));
const data = join(dir, 'data');

// Runs one command in a fresh Node and reports its peak RSS (resourceUsage) and wall time.
function measure(args) {
  const code = `import(${JSON.stringify(mainJs)}).then((m) => m.main(['node', 'complain', ...process.argv.slice(1)])).then(() => process.stderr.write('\\nmaxrss_kb=' + process.resourceUsage().maxRSS + '\\n'))`;
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', code, '--', '--data-dir', data, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = Number(/maxrss_kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  if (r.status !== 0) throw new Error(`complain ${args.join(' ')} failed: ${r.stderr}`);
  return { ms, rssMb: rss / 1024 };
}

try {
  const big = join(dir, 'call recording.mp4');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, sizeMb * 1024 * 1024);
  closeSync(fd);
  measure([
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
  ]);
  const rows = [
    ['list (baseline)', measure(['list'])],
    [`attach ${sizeMb} MB`, measure(['attach', '1', big])],
    [`evidence verify (${sizeMb} MB)`, measure(['evidence', 'verify'])],
    ['export bundle (write + verify)', measure(['export', '1', '-o', join(dir, 'bundle.zip')])],
    ['backup', measure(['backup', '-o', join(dir, 'backup.db')])],
  ];
  console.log(`node ${process.version}, file of ${sizeMb} MB`);
  console.log('command'.padEnd(34) + 'peak RSS'.padStart(10) + 'time'.padStart(10));
  for (const [name, m] of rows)
    console.log(
      name.padEnd(34) +
        `${m.rssMb.toFixed(0)} MB`.padStart(10) +
        `${(m.ms / 1000).toFixed(2)} s`.padStart(10),
    );
  console.log(`bundle.zip: ${(statSync(join(dir, 'bundle.zip')).size / 1048576).toFixed(1)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
