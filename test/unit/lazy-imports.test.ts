import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

/** The packages and files a module reaches through static, non-type imports. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^import\s+(?!type\b)[^'"]*from\s+'([^']+)';/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) walk(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else seen.add(spec);
    }
  };
  walk(entry);
  return seen;
}

describe('commands that only read start fast', () => {
  it('the graph sees a static import (control)', () => {
    expect(staticGraph(join(ROOT, 'src', 'prompts', 'inquirer-prompter.ts'))).toContain(
      '@inquirer/prompts',
    );
    expect(staticGraph(join(ROOT, 'src', 'output', 'ics.ts'))).toContain('ics');
  });

  it.each(['due', 'next', 'prep', 'stats', 'clock', 'show'])(
    '%s does not load @inquirer/prompts, docx or the calendar library up front',
    (name) => {
      const graph = [...staticGraph(join(ROOT, 'src', 'commands', `${name}.ts`))];
      expect(graph.filter((s) => /^@inquirer\/|^docx$|^ics$|inquirer-prompter/.test(s))).toEqual(
        [],
      );
    },
  );
});
