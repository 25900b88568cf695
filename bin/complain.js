#!/usr/bin/env node
// The entry point only loads the compiled program; src/main.ts owns the process.
import { main } from '../dist/main.js';

await main();
