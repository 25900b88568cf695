import { describe, expect, it } from 'vitest';
import type { LintContext } from '../../src/letter/lint.js';
import { lintLetter } from '../../src/letter/lint.js';
import { buildLetter } from '../../src/letter/model.js';
import type { ContactRecord } from '../../src/domain/model.js';
import { loadLetterTemplate } from '../../src/templates.js';
import { fixtureCase, fixtureContacts, fixtureInput } from '../support/letter-fixture.js';

function context(language: 'en' | 'tr', overrides: Partial<LintContext> = {}): LintContext {
  return {
    lists: loadLetterTemplate(language).lint,
    documentsExpected: true,
    hasAccount: true,
    names: ['Acme Elektronik', 'Kettle K-200'],
    ...overrides,
  };
}

describe('letter lint', () => {
  it('passes a clean letter, in both languages', () => {
    expect(lintLetter(buildLetter(fixtureInput('en')), context('en'))).toEqual([]);
    expect(lintLetter(buildLetter(fixtureInput('tr')), context('tr'))).toEqual([]);
  });

  it('flags shouting, "!!", insults and sarcasm with the sentence at fault', () => {
    const caseRecord = fixtureCase({
      problem:
        'It stopped heating after two days. YOU PEOPLE ARE USELESS!!! Thanks for nothing, great job as usual.',
    });
    const warnings = lintLetter(buildLetter(fixtureInput('en', { caseRecord })), context('en'));
    const codes = warnings.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['capitals', 'exclamation', 'insult', 'sarcasm']));
    expect(warnings.find((w) => w.code === 'capitals')).toMatchObject({
      message: 'words in capitals read as shouting: YOU PEOPLE ARE USELESS',
      sentence: 'YOU PEOPLE ARE USELESS!!!',
    });
    expect(warnings.find((w) => w.code === 'sarcasm')?.sentence).toBe(
      'Thanks for nothing, great job as usual.',
    );
    expect(codes).not.toContain('threat');
  });

  it('flags threats beyond the lawful escalation, in Turkish too', () => {
    const en = fixtureCase({ problem: 'Fix it or else you will regret it.' });
    expect(
      lintLetter(buildLetter(fixtureInput('en', { caseRecord: en })), context('en')).map(
        (w) => w.code,
      ),
    ).toContain('threat');
    const tr = fixtureCase({
      problem: 'Tebrikler, harika hizmet. Sizi sosyal medyada paylaşacağım, pişman olacaksınız.',
    });
    const codes = lintLetter(
      buildLetter(fixtureInput('tr', { caseRecord: tr })),
      context('tr'),
    ).map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['sarcasm', 'threat']));
  });

  it('does not hold a representative’s quoted words against the writer', () => {
    const contacts = fixtureContacts();
    contacts[1] = { ...contacts[1]!, quotes: ['YOU PEOPLE ARE USELESS!!! Go away, idiot.'] };
    expect(lintLetter(buildLetter(fixtureInput('en', { contacts })), context('en'))).toEqual([]);
  });

  it('names what is missing', () => {
    const caseRecord = fixtureCase({ remedy: 'other', orderRef: null, accountRef: null });
    const letter = buildLetter(
      fixtureInput('en', {
        caseRecord,
        remedy: 'other',
        evidence: [],
        enclose: [],
        profile: undefined,
      }),
    );
    const codes = lintLetter(letter, context('en', { hasAccount: false })).map((w) => w.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'missing-remedy',
        'missing-account',
        'missing-enclosures',
        'placeholder',
      ]),
    );
  });

  it("flags an unfinished sentence by the markers of the letter's language", () => {
    const tr = fixtureCase({ problem: 'Ürün iki gün sonra bozuldu. Tarih YAPILACAK.' });
    const warnings = lintLetter(buildLetter(fixtureInput('tr', { caseRecord: tr })), context('tr'));
    expect(warnings.find((w) => w.code === 'placeholder')?.sentence).toBe('Tarih YAPILACAK.');
    const en = fixtureCase({ problem: 'It broke on [date]. The cost was TBD.' });
    const found = lintLetter(buildLetter(fixtureInput('en', { caseRecord: en })), context('en'));
    expect(found.filter((w) => w.code === 'placeholder').map((w) => w.sentence)).toEqual([
      'It broke on [date].',
      'The cost was TBD.',
    ]);
  });

  it('warns when the letter will not fit on one page', () => {
    const long: ContactRecord[] = Array.from({ length: 12 }, (_, i) => ({
      ...fixtureContacts()[0]!,
      id: 10 + i,
      summary:
        'The representative explained at length that the technical team would look into it and asked me to wait for a call that would come within two working days, which it did not.',
    }));
    const codes = lintLetter(
      buildLetter(fixtureInput('en', { contacts: long })),
      context('en'),
    ).map((w) => w.code);
    expect(codes).toContain('length');
  });
});
