import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // e2e tests spawn the real binary, LibreOffice and tmux: give them room on a shared machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The interface speaks English in tests unless a test asks for another language; spawned
    // processes (the binary, tmux) inherit it.
    env: { COMPLAIN_LANG: 'en' },
  },
});
