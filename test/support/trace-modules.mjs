// Loaded with `node --import`: records every module the program resolves, so a test can check
// that `complain list` and `--help` never load docx or the prompt library.
import { register } from 'node:module';

register('./trace-hooks.mjs', import.meta.url);
