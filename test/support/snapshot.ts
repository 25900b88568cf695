import type { CaseSnapshot, LetterDates } from '../../src/domain/clocks.js';
import type {
  CaseFields,
  CaseRecord,
  ContactRecord,
  Escalation,
  PromiseRecord,
} from '../../src/domain/model.js';

/** What `createCase` takes for a plain kettle case: everything optional left empty. */
export function makeCaseFields(over: Partial<CaseFields> = {}): CaseFields {
  return {
    title: 'Kettle',
    product: 'Kettle',
    purchasedOn: null,
    orderRef: null,
    accountRef: null,
    amount: null,
    occurredOn: null,
    situation: 's',
    problem: 'p',
    request: 'r',
    remedy: 'repair',
    remedyDetail: null,
    jurisdiction: 'TR',
    ...over,
  };
}

/** A case built in a test: only what the clocks, the agenda and the ladder read. */
export function makeCase(over: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: 1,
    company: {
      id: 1,
      name: 'Acme',
      address: null,
      email: null,
      phone: null,
      website: null,
      chat: null,
      social: null,
    },
    ...makeCaseFields(),
    status: 'open',
    outcome: null,
    createdAt: new Date('2026-10-01T00:00:00Z'),
    updatedAt: new Date('2026-10-01T00:00:00Z'),
    closedAt: null,
    ...over,
  };
}

/** A pending promise made on contact 1 of case 1. */
export function makePromise(over: Partial<PromiseRecord> = {}): PromiseRecord {
  return {
    id: 1,
    caseId: 1,
    contactId: 1,
    text: 'call back',
    dueAt: new Date('2026-10-08T20:59:59Z'),
    state: 'pending',
    resolvedAt: null,
    ...over,
  };
}

let nextPromiseId = 100;

/** A contact at an instant (ISO), with optional promises given as [text, due ISO]. */
export function makeContact(
  id: number,
  at: string,
  over: Partial<ContactRecord> & {
    promiseList?: [string, string, PromiseRecord['state']?][];
    escalation?: Escalation | null;
  } = {},
): ContactRecord {
  const { promiseList = [], ...rest } = over;
  return {
    id,
    caseId: 1,
    channel: 'phone',
    direction: 'outbound',
    startedAt: new Date(at),
    endedAt: null,
    reference: null,
    department: null,
    summary: 's',
    nextSteps: null,
    responsible: null,
    expectedTime: null,
    outcome: null,
    supervisor: null,
    rude: false,
    quotes: [],
    reps: [],
    promises: promiseList.map(([text, due, state]) =>
      makePromise({
        id: nextPromiseId++,
        contactId: id,
        text,
        dueAt: new Date(due),
        state: state ?? 'pending',
      }),
    ),
    createdAt: new Date(at),
    escalation: null,
    ...rest,
  };
}

/** A letter row: deadline date, sent and delivered instants (ISO) or null. */
export function makeLetter(
  id: number,
  deadlineOn: string,
  sentAt: string | null,
  deliveredAt: string | null = null,
): LetterDates {
  return {
    id,
    createdAt: new Date(sentAt ?? '2026-10-01T00:00:00Z'),
    deadlineOn,
    sentAt: sentAt ? new Date(sentAt) : null,
    sentVia: sentAt ? 'registered-mail' : null,
    deliveredAt: deliveredAt ? new Date(deliveredAt) : null,
  };
}

export function snapshot(over: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return { case: makeCase(), contacts: [], letters: [], events: [], sector: null, ...over };
}
