#!/usr/bin/env node
// The entry point only loads the program (bundled at build time: scripts/bundle.mjs, from the
// compiled dist/main.js); src/main.ts owns the process.
import { main } from '../dist/complain.js';

await main();
