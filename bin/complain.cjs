#!/usr/bin/env node
'use strict';
// The entry point. It runs the program that `npm run build` bundled into dist/: dist/complain.cjs
// and the chunks it requires (dist/complain-*-HASH.cjs, scripts/bundle.mjs); src/main.ts owns
// the process.
//
// The chunks are compiled here rather than by require(), to give V8 the code cache the build
// made for each one (dist/code-cache/, scripts/code-cache.cjs): a start-up then reads the
// compiled functions instead of parsing the source again, which was most of the time a command
// took to start (Node 20 keeps no code cache of its own). V8 checks that a cache was made by the
// same V8 with the same flags and otherwise compiles the source as usual. It checks only the
// length of the source, so a cache is used only for a chunk whose name carries the hash of its
// content. Nothing is written here: a cache comes only from the build.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { Script } = require('node:vm');
const { pathToFileURL } = require('node:url');

const DIST = path.join(__dirname, '..', 'dist');
const CACHE_DIR = path.join(DIST, 'code-cache');
const HASHED = /^complain-[\w-]+-[A-Z0-9]{8}\.cjs$/;

/**
 * Loads dist/complain.cjs and returns its exports. `scripts`, when given, receives each chunk's
 * compiled script (the build's code-cache run keeps them to write their caches).
 */
function loadProgram(scripts) {
  // Everything else (better-sqlite3, Node's own modules) comes through Node's require.
  const nodeRequire = Module.createRequire(path.join(DIST, 'complain.cjs'));
  const requireChunk = (specifier) =>
    specifier.startsWith('./complain') ? load(specifier.slice(2)) : nodeRequire(specifier);
  function load(name) {
    const file = path.join(DIST, name);
    const known = require.cache[file];
    if (known) return known.exports;
    // In require.cache like any module, so that a tool listing the loaded modules sees it.
    const module = new Module(file);
    module.filename = file;
    require.cache[file] = module;
    const source = fs.readFileSync(file, 'utf8');
    let cachedData;
    if (HASHED.test(name)) {
      try {
        cachedData = fs.readFileSync(path.join(CACHE_DIR, `${name}.cache`));
      } catch {
        // No cache (a build that could not make one): V8 compiles the source.
      }
    }
    const script = new Script(
      `(function (exports, require, module, __filename, __dirname, __complainUrl) {${source}\n})`,
      { filename: file, cachedData },
    );
    scripts?.push({ name, script });
    try {
      script.runInThisContext()(
        module.exports,
        requireChunk,
        module,
        file,
        DIST,
        pathToFileURL(file).href,
      );
    } catch (error) {
      delete require.cache[file];
      throw error;
    }
    module.loaded = true;
    return module.exports;
  }
  return load('complain.cjs');
}

module.exports = { loadProgram, CACHE_DIR, HASHED };

/**
 * Ends the process once what it wrote has left: the command has finished. Left to itself, Node
 * would first run the tasks V8 scheduled (an incremental garbage collection finishing, which
 * can cost a tenth of a command's time) although nothing is left to do.
 */
function exitWhenWritten() {
  process.stdout.write('', () => process.stderr.write('', () => process.exit()));
}

if (require.main === module) loadProgram().main().then(exitWhenWritten);
