import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliSandbox } from '../support/cli.js';
import { makeSandbox } from '../support/cli.js';

describe('a case file from flags', () => {
  let sb: CliSandbox;
  beforeAll(() => {
    sb = makeSandbox();
  });
  afterAll(() => sb.cleanup());

  it('creates a case and logs contacts', () => {
    const created = sb.json<{ id: number }>([
      'new',
      '--company',
      'Acme',
      '--product',
      'Kettle',
      '--situation',
      's',
      '--problem',
      'p',
      '--request',
      'r',
      '--remedy',
      'refund',
      '--jurisdiction',
      'TR',
    ]);
    expect(created.id).toBe(1);
  });
});
