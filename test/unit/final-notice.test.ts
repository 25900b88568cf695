import { afterEach, describe, expect, it } from 'vitest';
import { runLetter, toLetterOptions } from '../../src/commands/letter.js';
import { runSent, toSentOptions } from '../../src/commands/sent.js';
import { createContact } from '../../src/db/contact-repo.js';
import { createLetter, listLetters } from '../../src/db/letter-repo.js';
import { ComplainError } from '../../src/errors.js';
import { letterRecordView } from '../../src/output/letter-views.js';
import type { TestContext } from '../support/context.js';
import { makeTestContext } from '../support/context.js';
import { NOW, seedFixtureCase } from '../support/letter-fixture.js';
import { makeContact } from '../support/snapshot.js';

let t: TestContext | undefined;
afterEach(() => t?.cleanup());

/**
 * The fixture case (TR, 1,249.90 TL, Monday 23 November 2026) with its contacts, an application
 * to the arbitration committee logged as an escalation, and a first letter written on 19 October.
 */
function seed(test: TestContext): number {
  const db = test.ctx.db();
  const id = seedFixtureCase(db);
  const application = makeContact(0, '2026-11-20T08:00:00Z', {
    channel: 'web-form',
    summary: 'Applied to the arbitration committee online',
    reference: 'THH-2026-555',
  });
  createContact(
    db,
    id,
    {
      fields: application,
      promises: [],
      escalation: {
        kind: 'arbitration',
        forum: 'tr-hakem-heyeti',
        platform: null,
        link: null,
        fileNumber: 'THH-2026-555',
      },
    },
    NOW,
  );
  createLetter(
    db,
    {
      caseId: id,
      language: 'tr',
      deadlineOn: '2026-11-02',
      deadlineSpec: '14d',
      deadlineFrom: '2026-10-19',
      remedy: 'repair',
      fileSha256: null,
      filePath: null,
      fileSize: null,
      cc: null,
      sendMethod: 'registered-mail',
      enclosures: [],
    },
    new Date('2026-10-19T09:00:00Z'),
  );
  return id;
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

async function sendFirst(test: TestContext, id: number): Promise<void> {
  await runSent(
    toSentOptions(String(id), {
      via: 'registered-mail',
      tracking: 'RR123456789TR',
      on: '2026-10-20',
      delivered: '2026-10-23',
    }),
    test.ctx,
  );
}

describe('the final notice', () => {
  it('is the default once a letter was sent, and cites it: date, method, tracking, delivery, no answer', async () => {
    t = makeTestContext({ now: NOW });
    const id = seed(t);
    // Before anything was sent, the next letter is a complaint.
    const first = await runLetter(toLetterOptions(String(id), { lang: 'en' }), t.ctx);
    expect(first.kind).toBe('complaint');
    await sendFirst(t, id);
    const r = await runLetter(toLetterOptions(String(id), { lang: 'en' }), t.ctx);
    expect(r.kind).toBe('final-notice');
    const text = flat(r.text);
    expect(text).toContain('FINAL NOTICE');
    expect(text).toContain(
      'On 20 October 2026 I sent you my written complaint about this matter by registered post with proof of delivery (tracking number RR123456789TR); it was delivered on 23 October 2026.',
    );
    // 14 days from the delivery: 6 November, long past on 23 November.
    expect(text).toContain('You did not answer by the deadline it set, 6 November 2026.');
    // The short final deadline from TR.json (7 days, unverified, with its source), then the forum
    // `next` chose and the day after the deadline.
    expect(r.letter.deadline.on).toBe('2026-11-30');
    expect(r.letter.deadline.basis).toBe('jurisdiction');
    expect(r.letter.deadline.clock?.source).toMatch(/ihtar/);
    expect(r.letter.notices.join(' ')).toMatch(/tr-final-notice.*unverified/);
    expect(r.applyFrom).toBe('2026-12-01');
    expect(r.letter.forum?.id).toBe('tr-hakem-heyeti');
    expect(text).toContain(
      'I will apply to the Consumer Arbitration Committee (Tüketici Hakem Heyeti) from 1 December 2026',
    );
    expect(r.cited).toEqual([
      expect.objectContaining({
        sentOn: '2026-10-20',
        sentVia: 'registered-mail',
        tracking: 'RR123456789TR',
        deliveredOn: '2026-10-23',
        deadlineOn: '2026-11-06',
        outcome: 'no-answer',
        answeredOn: null,
      }),
    ]);
  });

  it('never describes the application to the committee as a contact with the company', async () => {
    t = makeTestContext({ now: NOW });
    const id = seed(t);
    for (const kind of ['complaint', undefined]) {
      if (!kind) await sendFirst(t, id);
      const r = await runLetter(toLetterOptions(String(id), { lang: 'en', kind }), t.ctx);
      expect(r.text).not.toContain('THH-2026-555');
      expect(r.text).not.toContain('Applied to the arbitration committee');
      expect(r.text).toMatch(/(in contact|contacted you) (\w+ times|once|twice)/);
    }
  });

  it('cites the answer the company logged after the letter, and says it does not settle it', async () => {
    t = makeTestContext({ now: NOW });
    const id = seed(t);
    await sendFirst(t, id);
    const answer = makeContact(0, '2026-10-30T10:00:00Z', {
      channel: 'letter',
      direction: 'inbound',
      summary: 'They offered a 10% voucher',
    });
    createContact(t.ctx.db(), id, { fields: answer, promises: [] }, NOW);
    const r = await runLetter(toLetterOptions(String(id), { lang: 'en' }), t.ctx);
    expect(flat(r.text)).toContain(
      'You answered on 30 October 2026: They offered a 10% voucher. This does not settle the matter.',
    );
    expect(r.cited?.[0]?.outcome).toBe('answered');
  });

  it('records its kind (show --json letters[].kind); --kind complaint overrides; no sent letter, no notice', async () => {
    t = makeTestContext({ now: NOW });
    const id = seed(t);
    await expect(
      runLetter(toLetterOptions(String(id), { lang: 'en', kind: 'final-notice' }), t.ctx),
    ).rejects.toThrow(/has no letter that was sent/);
    await sendFirst(t, id);
    const out = `${t.ctx.paths.dataDir}/../notice.docx`;
    await runLetter(toLetterOptions(String(id), { lang: 'tr', output: out }), t.ctx);
    await runLetter(
      toLetterOptions(String(id), { lang: 'tr', kind: 'complaint', output: `${out}.2.docx` }),
      t.ctx,
    );
    const kinds = listLetters(t.ctx.db(), id).map((l) => letterRecordView(l).kind);
    expect(kinds).toEqual(['complaint', 'final-notice', 'complaint']);
    expect(() => toLetterOptions('1', { kind: 'angry' })).toThrow(ComplainError);
  });

  it('is written in all five languages with no missing translation', async () => {
    t = makeTestContext({ now: NOW });
    const id = seed(t);
    await sendFirst(t, id);
    const wanted: Record<string, RegExp> = {
      en: /FINAL NOTICE/,
      tr: /SON İHTAR/,
      ru: /ПОВТОРНАЯ ПРЕТЕНЗИЯ/,
      kk: /ҚАЙТАЛАМА КІНӘРАТ-ТАЛАП/,
      fa: /اخطار نهایی/,
    };
    for (const [lang, title] of Object.entries(wanted)) {
      const r = await runLetter(toLetterOptions(String(id), { lang }), t.ctx);
      expect(r.text, lang).toMatch(title);
      expect(r.text, lang).toContain('RR123456789TR');
      expect(r.letter.missingTranslations, lang).toEqual([]);
      expect(
        r.warnings.filter((w) => w.severity === 'error'),
        lang,
      ).toEqual([]);
    }
  });
});
