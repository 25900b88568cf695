import { afterEach, describe, expect, it } from 'vitest';
import { runClose, toCloseOptions } from '../../src/commands/close.js';
import { toDueOptions } from '../../src/commands/due.js';
import { runPromise, toPromiseOptions } from '../../src/commands/promise.js';
import { createCase } from '../../src/db/case-repo.js';
import { createContact } from '../../src/db/contact-repo.js';
import type { TestContext } from '../support/context.js';
import { makeTestContext, scriptedPrompter } from '../support/context.js';
import { makeCaseFields, makeContact } from '../support/snapshot.js';

const NOW = new Date('2026-11-23T12:00:00Z');

function seed(t: TestContext): void {
  const db = t.ctx.db();
  createCase(
    db,
    { name: 'Acme', channels: {} },
    makeCaseFields({ amount: { minor: 1240000, currency: 'TRY' }, remedy: 'refund' }),
    NOW,
  );
  createContact(
    db,
    1,
    {
      fields: makeContact(1, '2026-11-20T09:00:00Z'),
      promises: [{ text: 'call back', dueAt: new Date('2026-11-21T20:59:59.999Z') }],
    },
    NOW,
  );
}

describe('flags → options', () => {
  it.each([
    [{}, 14],
    [{ days: '30' }, 30],
  ])('due %j → %i days', (opts, days) => {
    expect(toDueOptions(opts).days).toBe(days);
  });
  it('due rejects a window that is not a number (exit 2)', () => {
    expect(() => toDueOptions({ days: 'soon' })).toThrow(/not a number of days/);
  });
  it('promise takes one state', () => {
    expect(toPromiseOptions('4', { kept: true }).state).toBe('kept');
    expect(() => toPromiseOptions('4', { kept: true, broken: true })).toThrow(/together/);
  });
});

describe('on a terminal', () => {
  let t: TestContext | undefined;
  afterEach(() => t?.cleanup());

  it('promise without a flag asks whether it was kept', async () => {
    const prompter = scriptedPrompter(['broken']);
    t = makeTestContext({ now: NOW, prompter });
    seed(t);
    const p = await runPromise(toPromiseOptions('1', {}), t.ctx);
    expect(p.state).toBe('broken');
    expect(prompter.asked).toEqual(['"call back": did they keep it?']);
  });

  it('close asks whether the remedy arrived; no means abandoned or elsewhere', async () => {
    const prompter = scriptedPrompter([false, 'escalated-elsewhere', 'consumer court', '1']);
    t = makeTestContext({ now: NOW, prompter });
    seed(t);
    const r = await runClose(toCloseOptions('1', {}), t.ctx);
    expect(r.case.status).toBe('escalated');
    expect(r.extras.closure).toMatchObject({
      closedAs: 'escalated-elsewhere',
      escalatedTo: 'consumer court',
      rating: 1,
    });
  });

  it('close on yes asks what arrived, when and how much', async () => {
    const prompter = scriptedPrompter([true, 'refund', '2026-11-22', '12.400 TL', '3']);
    t = makeTestContext({ now: NOW, prompter });
    seed(t);
    const r = await runClose(toCloseOptions('1', {}), t.ctx);
    expect(r.case.status).toBe('resolved');
    expect(r.case.outcome).toBe('Resolved: refund (12,400 TL) received on 2026-11-22');
  });
});
