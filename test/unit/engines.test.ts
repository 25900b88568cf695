import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const semver = require('semver') as {
  satisfies(v: string, range: string, o?: object): boolean;
  minVersion(r: string): { version: string } | null;
};

interface Lock {
  packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean }>;
}

describe('npm install on the oldest Node the project supports', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as Lock;
  const oldest = semver.minVersion(pkg.engines.node)!.version;

  const refusing = (node: string, devToo: boolean) =>
    Object.entries(lock.packages)
      .filter(([path, entry]) => path && (devToo || !entry.dev))
      .map(([path, entry]) => [
        path,
        Array.isArray(entry.engines) ? undefined : entry.engines?.node,
      ])
      .filter(([, range]) => range && !semver.satisfies(node, range, { includePrerelease: true }))
      .map(([path, range]) => `${path} wants node ${range}`);

  it(`every package a user installs accepts Node ${oldest} (engines.node)`, () => {
    expect(refusing(oldest, false)).toEqual([]);
  });

  it('every locked package accepts the Node running the tests (no EBADENGINE warning)', () => {
    expect(refusing(process.versions.node, true)).toEqual([]);
  });
});
