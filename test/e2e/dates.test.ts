import { afterEach, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../src/domain/working-days.js';
import { loadJurisdiction } from '../../src/templates.js';
import type { CliSandbox } from '../support/cli.js';
import { BIN, makeSandbox, newCaseArgs } from '../support/cli.js';
import { Terminal } from '../support/tmux.js';

let sb: CliSandbox | undefined;
afterEach(() => {
  sb?.cleanup();
  sb = undefined;
});

/** The calendar date in Istanbul (UTC+3 all year) `days` from now. */
function istanbulDay(days = 0): string {
  return new Date(Date.now() + 3 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

interface Contact {
  startedAt: string;
  promises: { text: string; dueAt: string }[];
}

describe('dates typed in the user’s words, through the built binary', () => {
  it.each([
    ['dün 15:00', 'tr'],
    ['вчера 15:00', 'ru'],
    ['кеше 15:00', 'kk'],
    ['دیروز ساعت ۱۵', 'fa'],
  ])('complain log --at "%s" is yesterday 15:00 in the profile’s zone', (at, lang) => {
    sb = makeSandbox();
    // The host is in New York; the profile is in Istanbul because the country is TR.
    const env = { TZ: 'America/New_York', COMPLAIN_LANG: lang };
    sb.json(['profile', '--name', 'Ayşe', '--country', 'TR'], { env });
    sb.json(newCaseArgs(), { env });
    const c = sb.json<Contact>(
      ['log', '1', '--channel', 'phone', '--at', at, '--summary', 'Called.'],
      { env },
    );
    expect(c.startedAt).toBe(`${istanbulDay(-1)}T12:00:00.000Z`);
  });

  it('a promise due "3 iş günü içinde" counts Turkish working days and holidays', () => {
    sb = makeSandbox();
    sb.json(['profile', '--name', 'Ayşe', '--country', 'TR']);
    sb.json(newCaseArgs());
    const c = sb.json<Contact>([
      'log',
      '1',
      '--channel',
      'phone',
      '--summary',
      'Called.',
      '--promise',
      'call back',
      '--due',
      '3 iş günü içinde',
      '--promise',
      'refund',
      '--due',
      'in 3 business days',
    ]);
    const day = addWorkingDays(istanbulDay(), 3, loadJurisdiction('TR'));
    expect(c.promises.map((p) => p.dueAt)).toEqual([
      `${day}T20:59:59.999Z`,
      `${day}T20:59:59.999Z`,
    ]);
  });

  it('new --purchased "April 1" is the last 1 April, not a refused future date', () => {
    sb = makeSandbox();
    sb.json(['profile', '--name', 'Ayşe', '--country', 'TR']);
    const c = sb.json<{ purchasedOn: string }>(newCaseArgs({ purchased: 'April 1' }));
    const today = istanbulDay();
    const year = Number(today.slice(0, 4)) - (today < `${today.slice(0, 4)}-04-01` ? 1 : 0);
    expect(c.purchasedOn).toBe(`${year}-04-01`);
  });

  it('an unreadable date is refused in the user’s language with examples, nothing saved', () => {
    sb = makeSandbox();
    sb.json(['profile', '--name', 'Ayşe', '--country', 'TR']);
    sb.json(newCaseArgs());
    const r = sb.run(['log', '1', '--channel', 'phone', '--at', 'bir ara', '--summary', 'x'], {
      env: { COMPLAIN_LANG: 'tr' },
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--at "bir ara" anlayabildiğim bir tarih ve saat değil');
    expect(r.stderr).toContain('"dün 15:00"');
    expect(r.stderr).not.toContain('    at ');
    expect(sb.json<{ contacts: unknown[] }>(['show', '1']).contacts).toEqual([]);
  });
});

describe('the profile’s time zone follows a country that has one', () => {
  it.each([
    ['TR', 'Europe/Istanbul'],
    ['IR', 'Asia/Tehran'],
    ['KZ', 'Asia/Almaty'],
    ['US', 'UTC'], // several zones: the computer's stands
  ])('profile --country %s without --time-zone → %s', (country, zone) => {
    sb = makeSandbox();
    const p = sb.json<{ timeZone: string }>(['profile', '--name', 'A', '--country', country], {
      env: { TZ: 'UTC' },
    });
    expect(p.timeZone).toBe(zone);
  });

  it('an explicit --time-zone wins, and stays when the country is given again', () => {
    sb = makeSandbox();
    const env = { TZ: 'UTC' };
    sb.json(['profile', '--name', 'A', '--country', 'TR', '--time-zone', 'Europe/Berlin'], { env });
    expect(sb.json<{ timeZone: string }>(['profile', '--country', 'TR'], { env }).timeZone).toBe(
      'Europe/Berlin',
    );
    expect(sb.json<{ timeZone: string }>(['profile', '--country', 'KZ'], { env }).timeZone).toBe(
      'Asia/Almaty',
    );
  });
});

describe('the profile wizard in a terminal (tmux)', () => {
  let term: Terminal | undefined;
  afterEach(() => {
    term?.close();
    term = undefined;
  });

  it('offers the country’s zone, not the computer’s, when the country has one', async () => {
    sb = makeSandbox();
    // The computer is in New York; the user says Kazakhstan and takes the default zone.
    const env = {
      NO_COLOR: '1',
      TZ: 'America/New_York',
      TERM: 'xterm-256color',
      COMPLAIN_LANG: 'en',
    };
    term = new Terminal([process.execPath, BIN, '--data-dir', sb.dataDir, 'profile'], env);
    await term.answer('Your full name', 'Айгүл Серікова');
    await term.answer('Your postal address', 'Абай даңғылы 1, Алматы');
    await term.answer('Your phone number', '');
    await term.answer('Your e-mail address', 'aigul@example.kz');
    await term.answer('Your country', 'KZ');
    await term.answer('Language of your letters', '');
    await term.waitForPrompt('Your time zone');
    expect(term.screen()).toContain('Asia/Almaty');
    await term.answer('Your time zone', '');
    expect(await term.exitStatus()).toBe(0);
    expect(sb.json<{ timeZone: string }>(['profile'])).toMatchObject({ timeZone: 'Asia/Almaty' });
  });
});
