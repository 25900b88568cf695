import { describe, expect, it } from 'vitest';
import { promiseStanding } from '../../src/domain/promises.js';
import type { Direction } from '../../src/domain/vocab.js';
import { makeContact, makePromise } from '../support/snapshot.js';

const contact = (id: number, at: string, direction: Direction = 'outbound') =>
  makeContact(id, at, { direction });

const promise = makePromise({ text: 'call back', dueAt: new Date('2026-10-08T20:59:59Z') });

describe('promiseStanding', () => {
  const made = contact(1, '2026-10-06T09:00:00Z');
  it('is pending before its due date', () => {
    expect(promiseStanding(promise, [made], new Date('2026-10-08T12:00:00Z'))).toBe('pending');
  });
  it('is broken by default past due with no word from the company', () => {
    const chase = contact(2, '2026-10-10T09:00:00Z', 'outbound');
    expect(promiseStanding(promise, [made, chase], new Date('2026-10-09T00:00:00Z'))).toBe(
      'broken-by-default',
    );
  });
  it('is only overdue when the company was in touch since', () => {
    const reply = contact(3, '2026-10-07T09:00:00Z', 'inbound');
    expect(promiseStanding(promise, [made, reply], new Date('2026-10-09T00:00:00Z'))).toBe(
      'overdue',
    );
  });
  it('keeps what the user decided', () => {
    expect(
      promiseStanding({ ...promise, state: 'kept' }, [made], new Date('2026-12-01T00:00:00Z')),
    ).toBe('kept');
  });
});
