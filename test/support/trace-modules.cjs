'use strict';
// Loaded with `node --require`: when the process ends, writes every module it loaded to
// COMPLAIN_TRACE_FILE, one per line, so that a test can check that `complain list` and `--help`
// never load docx or the prompt library. The bundle's chunks and the packages required through
// Node are in require.cache (bin/complain.cjs puts its chunks there); Node's own modules are
// named `node:NAME`.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const builtins = process.moduleLoadList
    .filter((entry) => entry.startsWith('NativeModule ') && !entry.includes(' internal/'))
    .map((entry) => `node:${entry.slice('NativeModule '.length)}`);
  const files = Object.keys(require.cache);
  writeFileSync(process.env.COMPLAIN_TRACE_FILE, [...files, ...builtins].join('\n') + '\n');
});
