// Part of `npm run build`, after tsc: the program bundled by esbuild into dist/complain.cjs and
// chunks beside it (dist/complain-*-HASH.cjs), so that a run reads a handful of files instead of
// a hundred modules. Each command's module stays a chunk of its own, loaded when that command
// runs (cli.ts imports it lazily): `--help` and `list` never load docx or the prompts.
// better-sqlite3's JavaScript is bundled too (loading its ten modules through require took 6 ms
// of every command) and handed its compiled addon's path (src/db/open.ts nativeBinding);
// `bindings`, its fallback search for the addon, stays outside, as do the packages the code
// loads through createRequire (chrono-node, the holiday library). The chunks sit at the top of
// dist/, where the compiled modules' `../templates/` still finds the templates.
// dist/complain.meta.json says which sources each chunk holds (test/e2e/case-file.test.ts reads
// it).
//
// esbuild splits only ES modules, so the chunks are split as ES modules and then each is turned
// into CommonJS: bin/complain.cjs compiles them itself, with the V8 code cache that
// scripts/code-cache.cjs makes at the end of the build (dist/code-cache/). Node 20 keeps no code
// cache for ES modules, and compiling the chunks was most of a command's start-up.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, transform } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const OUTPUT = /^complain(-.*)?\.c?js$/;
for (const f of readdirSync(DIST)) if (OUTPUT.test(f)) rmSync(join(DIST, f), { force: true });
rmSync(join(DIST, 'code-cache'), { recursive: true, force: true });
// The build's digest (src/version.ts BUILD): every compiled module, in path order.
const digest = createHash('sha256');
for (const f of readdirSync(DIST, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.js') && !OUTPUT.test(f))
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
  external: ['bindings'],
  define: { __COMPLAIN_BUILD__: JSON.stringify(digest.digest('hex').slice(0, 16)) },
  // Less to read and parse at every start; names are kept, so a --debug stack still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
  write: false,
  logLevel: 'warning',
});

// Each chunk as CommonJS: imports become require() (a dynamic import() too, so that no chunk
// needs the ES module loader) and import.meta.url the chunk's own file URL, which
// bin/complain.cjs passes in as __complainUrl.
const cjsName = (file) => file.replace(/\.js$/, '.cjs');
for (const out of result.outputFiles) {
  const code = out.text.replace(/"\.\/(complain(?:-[\w-]+)?)\.js"/g, '"./$1.cjs"');
  const cjs = await transform(code, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    supported: { 'dynamic-import': false },
    define: { 'import.meta.url': '__complainUrl' },
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
  if (/\bimport\.meta\b|\bimport\(/.test(cjs.code.replace(/"(?:[^"\\]|\\.)*"/g, '""')))
    throw new Error(`bundle: ${out.path} still needs the ES module loader`);
  writeFileSync(cjsName(out.path), cjs.code);
}
const meta = result.metafile;
meta.outputs = Object.fromEntries(
  Object.entries(meta.outputs).map(([file, output]) => [cjsName(file), output]),
);
writeFileSync(join(DIST, 'complain.meta.json'), JSON.stringify(meta));

// The code cache: the build runs the everyday commands once, in one process, and keeps what V8
// compiled for each chunk. Without it (a failed run, another Node later) the program still runs,
// compiling as it goes, so a failure here is a warning, not a failed build.
const cache = spawnSync(process.execPath, [join(ROOT, 'scripts', 'code-cache.cjs')], {
  stdio: ['ignore', 'ignore', 'pipe'],
  encoding: 'utf8',
});
if (cache.status !== 0)
  process.stderr.write(`bundle: no code cache (${cache.stderr.trim().split('\n').at(-1)})\n`);
