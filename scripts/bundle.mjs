// Part of `npm run build`, after tsc: the program bundled by esbuild into dist/complain.js and a
// few chunks beside it (dist/complain-*.js), so that a run resolves and reads a handful of files
// instead of a hundred modules. Each command's module stays a chunk of its own, loaded when that
// command runs (cli.ts imports it lazily): `--help` and `list` never load docx or the prompts.
// better-sqlite3 (a native addon) stays outside, as do the packages the code loads through
// createRequire (chrono-node, the holiday library). The chunks sit at the top of dist/, where
// the compiled modules' `../templates/` still finds the templates. dist/complain.meta.json says
// which sources each chunk holds (test/e2e/case-file.test.ts reads it).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
for (const f of readdirSync(DIST))
  if (/^complain(-.*)?\.js$/.test(f)) rmSync(join(DIST, f), { force: true });
// The build's digest (src/version.ts BUILD): every compiled module, in path order.
const digest = createHash('sha256');
for (const f of readdirSync(DIST, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.js') && !/^complain(-.*)?\.js$/.test(f))
  .sort())
  digest.update(f).update(readFileSync(join(DIST, f)));
// commander requires node:child_process (and with it net, dgram and the streams) when it loads,
// for executable subcommands, which complain has none of: it gets the module when first used.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'lazy-child-process', namespace: 'complain' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'complain' }, () => ({
      contents:
        "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};
const result = await build({
  plugins: [lazyChildProcess],
  absWorkingDir: ROOT,
  entryPoints: { complain: join(DIST, 'main.js') },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: DIST,
  entryNames: '[name]',
  chunkNames: 'complain-[name]-[hash]',
  external: ['better-sqlite3'],
  define: { __COMPLAIN_BUILD__: JSON.stringify(digest.digest('hex').slice(0, 16)) },
  // Bundled CommonJS packages (commander…) call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __complainRequire } from 'node:module'; const require = __complainRequire(import.meta.url);",
  },
  // Less to read and parse at every start; names are kept, so a --debug stack still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(join(DIST, 'complain.meta.json'), JSON.stringify(result.metafile));
