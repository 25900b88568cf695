import type { SnapshotContact } from './clocks.js';
import type { PromiseRecord } from './model.js';

/**
 * How a promise stands today. `broken-by-default`: past due, still pending, and the company has
 * not been in touch since it was made (no inbound contact after the promise's contact): the
 * agenda and the letter treat it as broken until the user says otherwise. `overdue`: past due
 * but the company was in touch since, so only the user can say whether it was kept.
 */
export type PromiseStanding = 'pending' | 'kept' | 'broken' | 'overdue' | 'broken-by-default';

export function promiseStanding(
  promise: PromiseRecord,
  contacts: readonly SnapshotContact[],
  now: Date,
): PromiseStanding {
  if (promise.state !== 'pending') return promise.state;
  if (promise.dueAt.getTime() >= now.getTime()) return 'pending';
  const madeOn = contacts.find((c) => c.id === promise.contactId);
  const since = madeOn ? madeOn.startedAt.getTime() : 0;
  const heardSince = contacts.some(
    (c) => c.id !== promise.contactId && c.direction === 'inbound' && c.startedAt.getTime() > since,
  );
  return heardSince ? 'overdue' : 'broken-by-default';
}
