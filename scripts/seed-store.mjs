// A realistic case file of any size, written through the project's own repositories: the bench
// seeds 100, 10,000 and 100,000 cases with it, and the JSON-equality test a small one.
// `api` is the repositories (from dist/ for the bench, from src/ for the tests), so the same
// seeding runs against both. Deterministic: the same `n` and `now` give the same store.

const COMPANIES = [
  'Northwind Telecom',
  'Globex Energy',
  'Initech Bank',
  'Acme Appliances',
  'Umbrella Insurance',
  'Stark Airlines',
  'Wayne Broadband',
  'Soylent Foods',
  'Hooli Mobile',
  'Vandelay Imports',
  'Cyberdyne Electronics',
  'Tyrell Rentals',
  'Wonka Retail',
  'Oceanic Travel',
  'Massive Dynamic',
];
const PRODUCTS = [
  'Kettle',
  'Broadband 500',
  'Current account',
  'Flight LHR-IST',
  'Washing machine',
  'Mobile contract',
  'Energy tariff',
  'Laptop',
  'Travel insurance',
  'Sofa',
];
const REMEDIES = [
  'refund',
  'replacement',
  'repair',
  'price-reduction',
  'cancellation',
  'compensation',
];
const JURISDICTIONS = ['GB', 'TR', 'EU', 'US', 'KZ', 'IR'];
const CHANNELS = ['phone', 'email', 'chat', 'web-form', 'letter'];
const SECTORS = [null, null, 'telecoms', 'energy', 'finance'];
const DAY = 86_400_000;

/** A small seeded PRNG (mulberry32), so every run writes the same store. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (d) => d.toISOString().slice(0, 10);

/**
 * Writes `n` cases (10 contacts each, case 1 with `firstContacts`), a promise on about 3 contacts
 * in 10 (some overdue), a letter in about 1 case in 5, a quarter of the cases closed, into `db`.
 */
export function seedStore(db, api, { n, now, firstContacts = 200, contactsPerCase = 10 }) {
  const rnd = random(n * 7919 + 17);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const clock = { now, timeZone: 'UTC' };
  api.saveProfile(
    db,
    {
      fullName: 'Ada Example',
      address: '1 High Street\nLondon N1 1AA',
      phone: '+44 20 7946 0000',
      email: 'ada@example.org',
      country: 'GB',
      language: 'en',
      timeZone: 'UTC',
    },
    now,
  );
  let contacts = 0;
  const write = db.transaction(() => {
    for (let i = 0; i < n; i++) {
      // Problems over three years, the oldest first.
      const occurred = new Date(now.getTime() - Math.floor((1 - i / n) * 3 * 365 * DAY) - DAY);
      const purchased = new Date(occurred.getTime() - Math.floor(rnd() * 60) * DAY);
      const company = `${pick(COMPANIES)}${i % 3 === 0 ? '' : ` ${1 + (i % 40)}`}`;
      const id = api.createCase(
        db,
        { name: company, channels: { email: 'complaints@example.com' } },
        {
          title: `${pick(PRODUCTS)} problem ${i + 1}`,
          product: pick(PRODUCTS),
          purchasedOn: day(purchased),
          orderRef: `ORD-${100000 + i}`,
          accountRef: i % 2 ? `ACC-${i}` : null,
          amount: { minor: 1000 + Math.floor(rnd() * 90000), currency: i % 4 ? 'GBP' : 'EUR' },
          occurredOn: day(occurred),
          situation: 'I bought it and it stopped working within a month.',
          problem: 'It does not work and the company does not answer.',
          request: 'Please refund the full price.',
          remedy: pick(REMEDIES),
          remedyDetail: null,
          jurisdiction: pick(JURISDICTIONS),
        },
        occurred,
      );
      const count = i === 0 ? firstContacts : contactsPerCase;
      const span = Math.max(now.getTime() - occurred.getTime(), DAY);
      for (let k = 0; k < count; k++) {
        const at = new Date(occurred.getTime() + Math.floor(((k + rnd()) / count) * span * 0.95));
        // The last contact of every third case holds a promise still to come (the agenda's
        // "due soon"); elsewhere about 3 contacts in 10 hold one, most of them long overdue.
        const soon = k === count - 1 && i % 3 === 0;
        const due = soon
          ? new Date(now.getTime() + (1 + (i % 20)) * DAY)
          : new Date(at.getTime() + (3 + Math.floor(rnd() * 20)) * DAY);
        const promises =
          soon || rnd() < 0.3 ? [{ text: 'call back with a decision', due: day(due) }] : [];
        const input = api.parseContact(
          {
            channel: pick(CHANNELS),
            at: at.toISOString(),
            reps: [{ name: 'Sam Agent', repId: `A${k}` }, ...(k % 3 ? [] : [{ name: 'Lee Lead' }])],
            reference: `REF-${i}-${k}`,
            summary: 'Explained the problem again; they said they would look into it.',
            promises,
            quotes: k % 7 === 3 ? ['That is not our problem.'] : [],
            ...(k % 7 === 3 ? { rude: true } : {}),
          },
          { ...clock, now: at },
        );
        api.createContact(db, id, input, at);
        contacts++;
      }
      if (i % 5 === 1) {
        const created = new Date(occurred.getTime() + span * 0.5);
        const letterId = api.createLetter(
          db,
          {
            caseId: id,
            language: 'en',
            deadlineOn: day(new Date(created.getTime() + 14 * DAY)),
            deadlineSpec: '14d',
            deadlineFrom: day(created),
            remedy: 'refund',
            fileSha256: null,
            filePath: null,
            fileSize: null,
            cc: null,
            sendMethod: 'registered-mail',
            enclosures: ['receipt'],
          },
          created,
        );
        if (i % 10 === 1)
          api.recordSending(
            db,
            letterId,
            {
              sentOn: day(created),
              sentVia: 'registered-mail',
              tracking: `RR${i}GB`,
              deliveredOn: day(new Date(created.getTime() + 2 * DAY)),
              deadlineOn: day(new Date(created.getTime() + 16 * DAY)),
              deadlineFrom: day(new Date(created.getTime() + 2 * DAY)),
            },
            created,
          );
      }
      if (i % 6 === 2)
        api.recordCaseFacts(
          db,
          id,
          { events: [{ event: 'delivery', onDate: day(purchased) }], sector: pick(SECTORS) },
          occurred,
        );
      if (i % 4 === 3 && i !== 0) {
        const closed = new Date(Math.min(occurred.getTime() + span * 0.97, now.getTime() - DAY));
        const resolved = i % 8 === 3;
        api.closeCase(
          db,
          id,
          resolved ? 'resolved' : 'abandoned',
          {
            closedAs: resolved ? 'resolved' : 'abandoned',
            remedyReceived: resolved ? 'refund' : null,
            remedyReceivedOn: resolved ? day(closed) : null,
            remedyReceivedAmount: null,
            escalatedTo: null,
            rating: 1 + (i % 5),
          },
          resolved ? 'Refunded in full.' : 'Gave up.',
          closed,
        );
      }
    }
  });
  write();
  return { cases: n, contacts };
}
