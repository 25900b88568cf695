'use strict';
// The last step of `npm run build` (scripts/bundle.mjs runs it): the V8 code cache of every
// bundle chunk, in dist/code-cache/, which bin/complain.cjs hands to V8 when it compiles a chunk.
//
// A cache holds what V8 had compiled of the chunk when it was made, so this process first runs
// the everyday commands, one after the other in this one process, on a case of a temporary data
// dir: a chunk's cache then holds the functions those commands call, and a later run reads them
// instead of compiling them. It must run with the flags a user's run has (none), since V8 takes a
// cache only from the same V8 with the same flags. Its output goes nowhere; its exit code says
// whether every command succeeded, and the caches are written only then.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { loadProgram, CACHE_DIR, HASHED } = require('../bin/complain.cjs');

const RUNS = [
  ['--help'],
  ['new', '--help'],
  [
    'new',
    ...['--company', 'Acme Appliances', '--product', 'Kettle', '--situation', 'I bought a kettle.'],
    ...['--problem', 'It stopped heating.', '--request', 'Refund it.', '--remedy', 'refund'],
    ...['--jurisdiction', 'TR', '--amount', '1200 TL'],
  ],
  [
    'log',
    '1',
    ...['--channel', 'phone', '--rep', 'Ayşe', '--reference', 'REF-1', '--summary', 'Called.'],
    ...['--promise', 'a refund', '--due', 'in 3 days'],
  ],
  ['list'],
  ['list', '--json'],
  ['show', '1'],
  ['show', '1', '--json'],
  ['due'],
  ['next', '1'],
  ['prep', '1'],
  ['stats'],
  ['letter', '1', '--no-input', '-o', 'letter.docx'],
];

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'complain-code-cache-'));
  const dataDir = path.join(work, 'data');
  const scripts = [];
  try {
    process.chdir(work);
    const { main } = loadProgram(scripts);
    for (const args of RUNS) {
      await main(['node', 'complain', '--data-dir', dataDir, '--no-input', ...args]);
      if (process.exitCode)
        throw new Error(`complain ${args.join(' ')} exited ${process.exitCode}`);
    }
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    for (const { name, script } of scripts)
      if (HASHED.test(name))
        fs.writeFileSync(path.join(CACHE_DIR, `${name}.cache`), script.createCachedData());
  } finally {
    process.chdir(os.tmpdir());
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.exitCode = 1;
  process.stderr.write(`code cache: ${error.message}\n`);
});
