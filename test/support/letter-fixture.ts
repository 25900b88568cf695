import { createCase } from '../../src/db/case-repo.js';
import { createContact } from '../../src/db/contact-repo.js';
import type { Db } from '../../src/db/open.js';
import { saveProfile } from '../../src/db/profile-repo.js';
import type { CaseRecord, ContactRecord, Profile, PromiseRecord } from '../../src/domain/model.js';
import type { LetterInput } from '../../src/letter/model.js';
import { defaultDeadline } from '../../src/letter/deadline.js';
import { loadJurisdiction, loadLetterTemplate } from '../../src/templates.js';
import { makeContact, makePromise } from './snapshot.js';

/** Monday 23 November 2026, 12:00 in Istanbul. */
export const NOW = new Date('2026-11-23T09:00:00Z');
export const TZ = 'Europe/Istanbul';

export const PROFILE: Profile = {
  fullName: 'Ayşe Yılmaz',
  address: 'Bağdat Cd. 12, 34710 Kadıköy/İstanbul',
  phone: '+90 532 000 00 00',
  email: 'ayse@example.com',
  country: 'TR',
  language: 'tr',
  timeZone: TZ,
};

export function fixtureCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: 3,
    company: {
      id: 1,
      name: 'Acme Elektronik',
      address: 'Büyükdere Cd. 1\n34394 Şişli/İstanbul',
      email: 'sikayet@acme.example',
      phone: null,
      website: null,
      chat: null,
      social: null,
    },
    title: 'Kettle',
    product: 'Kettle K-200',
    purchasedOn: '2026-10-02',
    orderRef: 'A-1001',
    accountRef: 'C-5521',
    amount: { minor: 124990, currency: 'TRY' },
    occurredOn: '2026-10-04',
    situation: 'It was delivered on 3 October',
    problem: 'It stopped heating after two days.',
    request: 'Repair the kettle, or replace it if it cannot be repaired.',
    remedy: 'repair',
    remedyDetail: null,
    jurisdiction: 'TR',
    status: 'open',
    outcome: null,
    createdAt: new Date('2026-10-05T10:00:00Z'),
    updatedAt: new Date('2026-10-05T10:00:00Z'),
    closedAt: null,
    ...overrides,
  };
}

function promise(
  id: number,
  contactId: number,
  text: string,
  due: string,
  state: PromiseRecord['state'] = 'pending',
): PromiseRecord {
  return makePromise({ id, caseId: 3, contactId, text, dueAt: new Date(due), state });
}

function contact(id: number, at: string, fields: Partial<ContactRecord>): ContactRecord {
  return makeContact(id, at, { caseId: 3, summary: 'Discussed the kettle.', ...fields });
}

/** Three contacts: promises broken by default and kept, reps with IDs, one rude quote. */
export function fixtureContacts(): ContactRecord[] {
  return [
    contact(1, '2026-10-06T08:00:00Z', {
      reps: [
        { name: 'Ayşe K.', repId: '4411', role: null },
        { name: 'Selin D.', repId: 'S-17', role: null },
      ],
      reference: 'TCK-88812',
      summary: 'Transferred to the technical team',
      promises: [promise(1, 1, 'call back', '2026-10-08T20:59:59.999Z')],
    }),
    contact(2, '2026-10-13T11:30:00Z', {
      channel: 'chat',
      reps: [{ name: 'Mehmet', repId: null, role: null }],
      reference: 'CH-2231',
      summary: 'Told me to wait for the technical team.',
      supervisor: 'refused',
      rude: true,
      quotes: ['Not my problem.'],
    }),
    contact(3, '2026-11-02T07:15:00Z', {
      channel: 'email',
      reps: [{ name: 'Deniz Ö.', repId: 'E-9', role: null }],
      reference: 'EM-7781',
      summary: 'Confirmed that a technician would come.',
      promises: [promise(2, 3, 'technician visit', '2026-11-06T20:59:59.999Z', 'kept')],
    }),
  ];
}

/** The typical case: three contacts, three enclosures. */
export function fixtureInput(language: string, overrides: Partial<LetterInput> = {}): LetterInput {
  const caseRecord = overrides.caseRecord ?? fixtureCase();
  const jurisdiction = loadJurisdiction(caseRecord.jurisdiction);
  return {
    caseRecord,
    contacts: fixtureContacts(),
    profile: PROFILE,
    jurisdiction,
    template: loadLetterTemplate(language),
    region: 'TR',
    evidence: ['invoice'],
    enclose: ['warranty card', 'photo of the kettle'],
    cc: null,
    sendVia: 'registered-mail',
    remedy: caseRecord.remedy,
    remedyDetail: caseRecord.remedyDetail,
    deadline: defaultDeadline(jurisdiction, caseRecord.remedy),
    now: NOW,
    timeZone: TZ,
    ...overrides,
  };
}

/** The fixture's profile, case and contacts in a real database; returns the case id. */
export function seedFixtureCase(db: Db): number {
  saveProfile(db, PROFILE, NOW);
  const c = fixtureCase();
  const id = createCase(
    db,
    { name: c.company.name, channels: { address: c.company.address } },
    c,
    NOW,
  );
  for (const k of fixtureContacts()) {
    const promises = k.promises.map((p) => ({ text: p.text, dueAt: p.dueAt }));
    createContact(db, id, { fields: k, promises }, NOW);
  }
  return id;
}
