import { afterEach, describe, expect, it } from 'vitest';
import type { UiLanguage } from '../../src/i18n.js';
import { translate } from '../../src/i18n.js';
import type { CliSandbox } from '../support/cli.js';
import { BIN, makeSandbox } from '../support/cli.js';
import { Terminal } from '../support/tmux.js';

// The wizards of `new` and `log` typed through in a real terminal by someone whose computer
// speaks Turkish or Russian: the language comes from LANG alone (COMPLAIN_LANG is cleared).
let term: Terminal | undefined;
let sb: CliSandbox | undefined;
afterEach(() => {
  term?.close();
  sb?.cleanup();
  term = undefined;
  sb = undefined;
});

/** `complain <command>` in a terminal whose only language setting is LANG=`locale`. */
function openIn(sandbox: CliSandbox, locale: string, command: string): Terminal {
  const env = { NO_COLOR: '1', TZ: 'Europe/Istanbul', TERM: 'xterm-256color', LANG: locale };
  const argv = ['env', '-u', 'COMPLAIN_LANG', '-u', 'LC_ALL', process.execPath, BIN];
  return new Terminal([...argv, '--data-dir', sandbox.dataDir, command], env);
}

/** A question as the wizard asks it: up to its first parameter or parenthesis. */
function q(lang: UiLanguage, key: string, params: Record<string, string> = {}): string {
  return translate(lang, key, params).split(/[({]/)[0]!.trim();
}

const cases = [
  {
    lang: 'tr' as const,
    locale: 'tr_TR.UTF-8',
    country: 'TR',
    zone: 'Europe/Istanbul',
    utcHour: '12',
    name: 'Ayşe Yılmaz',
    company: 'Arçelik Servis',
    product: 'Çamaşır makinesi W-7',
    situation: 'Makineyi mağazanızdan aldım.',
    problem: 'Bir hafta sonra çalışmayı bıraktı.',
    request: 'Bedelinin iadesini istiyorum.',
    rep: 'Şule Ç.',
    at: 'dün 15:00',
    due: '3 gün sonra',
    summary: 'Teknik servis gönderileceğini söyledi.',
    promise: 'teknisyen ziyareti',
  },
  {
    lang: 'ru' as const,
    locale: 'ru_RU.UTF-8',
    country: 'KZ',
    zone: 'Asia/Almaty',
    utcHour: '10',
    name: 'Айгуль Серикова',
    company: 'Технодом',
    product: 'Стиральная машина W-7',
    situation: 'Я купила машину в вашем магазине.',
    problem: 'Через неделю она перестала работать.',
    request: 'Прошу вернуть деньги.',
    rep: 'Ержан К.',
    at: 'вчера 15:00',
    due: 'через 3 дня',
    summary: 'Обещали прислать мастера.',
    promise: 'визит мастера',
  },
];

for (const c of cases) {
  describe(`the wizards under LANG=${c.locale}`, () => {
    it('new: every question in the language, the case saved', async () => {
      sb = makeSandbox();
      term = openIn(sb, c.locale, 'new');
      const t = term;
      await t.answer(q(c.lang, 'case.profile.field.fullName.question'), c.name);
      await t.answer(q(c.lang, 'case.profile.field.address.question'), '');
      await t.answer(q(c.lang, 'case.profile.field.phone.question'), '');
      await t.answer(q(c.lang, 'case.profile.field.email.question'), 'a@example.com');
      await t.answer(q(c.lang, 'case.profile.field.country.question'), c.country);
      await t.answer(q(c.lang, 'case.profile.field.language.question'), '');
      await t.answer(q(c.lang, 'case.profile.field.timeZone.question'), c.zone);
      await t.answer(q(c.lang, 'case.wizard.whichCompany'), c.company);
      for (const k of ['phone', 'email', 'website', 'chat', 'social', 'address'])
        await t.answer(q(c.lang, `case.company.${k}.question`), '');
      await t.answer(q(c.lang, 'case.field.product.question'), c.product);
      await t.answer(q(c.lang, 'case.field.title.question'), '');
      await t.answer(q(c.lang, 'case.field.purchasedOn.question'), '2026-10-02');
      await t.answer(q(c.lang, 'case.field.orderRef.question'), 'A-1001');
      await t.answer(q(c.lang, 'case.field.accountRef.question'), '');
      await t.answer(
        q(c.lang, 'case.field.amount.question'),
        c.lang === 'tr' ? '12.400 TL' : '45 990 KZT',
      );
      // How it was paid: the first choice leaves it unrecorded.
      await t.choose(q(c.lang, 'card.field.paidBy.question'), 0);
      await t.answer(q(c.lang, 'case.field.occurredOn.question'), '');
      await t.answer(q(c.lang, 'case.field.situation.question'), c.situation);
      await t.answer(q(c.lang, 'case.field.problem.question'), c.problem);
      await t.answer(q(c.lang, 'case.field.request.question'), c.request);
      await t.choose(q(c.lang, 'case.field.remedy.question'), 0);
      await t.answer(q(c.lang, 'case.field.remedyDetail.question'), '');
      await t.answer(q(c.lang, 'case.field.jurisdiction.question'), '');
      await t.choose(q(c.lang, 'case.wizard.saveQuestion'), 0);
      expect(await t.exitStatus()).toBe(0);
      const screen = t.screen();
      // Nothing English on the way: the summary's labels are in the language too.
      expect(screen).toContain(translate(c.lang, 'case.summary.company'));
      expect(screen).not.toMatch(/Which product|Save this case|Your full name/);
      t.close();

      // log: a date in the user's words.
      term = openIn(sb, c.locale, 'log');
      const l = term;
      await l.choose(q(c.lang, 'case.contact.ask.channel'), 0);
      await l.answer(q(c.lang, 'case.contact.ask.at'), c.at);
      await l.answer(q(c.lang, 'case.contact.ask.duration'), '20m');
      await l.answer(q(c.lang, 'case.contact.ask.firstRep'), c.rep);
      await l.answer(q(c.lang, 'case.contact.ask.repId', { name: c.rep }) || c.rep, '');
      await l.answer(q(c.lang, 'case.contact.ask.nextRep', { position: '2' }), '');
      await l.answer(q(c.lang, 'case.contact.ask.department'), '');
      await l.answer(q(c.lang, 'case.contact.ask.reference'), 'TCK-1');
      await l.answer(q(c.lang, 'case.contact.ask.summary'), c.summary);
      await l.answer(q(c.lang, 'case.contact.ask.nextSteps'), '');
      await l.answer(q(c.lang, 'case.contact.ask.responsible'), '');
      await l.answer(q(c.lang, 'case.contact.ask.expectedTime'), '');
      await l.answer(q(c.lang, 'case.contact.ask.firstPromise'), c.promise);
      await l.answer(q(c.lang, 'case.contact.ask.due'), c.due);
      await l.answer(q(c.lang, 'case.contact.ask.nextPromise'), '');
      await l.choose(q(c.lang, 'case.contact.ask.outcome'), 0);
      await l.choose(q(c.lang, 'case.contact.ask.supervisor'), 0);
      await l.answer(q(c.lang, 'case.contact.ask.rude'), '');
      await l.answer(q(c.lang, 'case.contact.saveQuestion'), '');
      expect(await l.exitStatus()).toBe(0);

      const file = sb.json<{ contacts: { startedAt: string; promises: { dueAt: string }[] }[] }>([
        'show',
        '1',
      ]);
      expect(file.contacts).toHaveLength(1);
      // "yesterday 15:00" in the profile's zone (UTC+3 Istanbul, UTC+5 Kazakhstan).
      const yesterday = new Date(Date.now() - 86_400_000);
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: c.zone }).format(yesterday);
      expect(file.contacts[0]!.startedAt).toBe(`${day}T${c.utcHour}:00:00.000Z`);
      expect(file.contacts[0]!.promises).toHaveLength(1);
    });
  });
}
