import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { getProfile, saveProfile } from '../db/profile-repo.js';
import type { Profile } from '../domain/model.js';
import { PROFILE_FIELDS, defaultLanguageFor, parseProfileField } from '../domain/profile-fields.js';
import { MissingFlagsError, NotFoundError } from '../errors.js';
import { profileView } from '../output/views.js';
import { askProfile } from '../prompts/profile-wizard.js';
import type { Act } from './shared.js';
import { examples } from './shared.js';

/** Flags of `complain profile`, as typed. */
export interface ProfileOptions {
  values: Partial<Record<keyof Profile, string>>;
  json: boolean;
}

/** What `complain profile` did. */
export interface ProfileResult {
  profile: Profile;
  saved: boolean;
}

export function toProfileOptions(opts: Record<string, unknown>): ProfileOptions {
  const values: ProfileOptions['values'] = {};
  const byFlag: Record<string, keyof Profile> = {
    name: 'fullName',
    address: 'address',
    phone: 'phone',
    email: 'email',
    country: 'country',
    language: 'language',
    timeZone: 'timeZone',
    interfaceLanguage: 'interfaceLanguage',
  };
  for (const [opt, key] of Object.entries(byFlag)) {
    if (typeof opts[opt] === 'string') values[key] = opts[opt] as string;
  }
  return { values, json: Boolean(opts.json) };
}

/**
 * Shows, sets or asks for the profile. Flags update the stored profile; on a terminal with no
 * flags, the wizard asks with the stored values as defaults; otherwise the profile is shown.
 */
export async function runProfile(options: ProfileOptions, ctx: AppContext): Promise<ProfileResult> {
  const db = ctx.db();
  const current = getProfile(db);
  const given: Partial<Profile> = {};
  for (const [key, text] of Object.entries(options.values) as [keyof Profile, string][]) {
    const value = parseProfileField(key, text);
    if (key === 'interfaceLanguage') given.interfaceLanguage = value || null;
    else given[key] = value;
  }
  const clock = ctx.clock();
  if (Object.keys(given).length === 0) {
    if (ctx.interactive) {
      const profile = await askProfile(await ctx.prompter(), {}, current ?? {}, clock);
      saveProfile(db, profile, ctx.now());
      ctx.profileChanged(profile);
      return { profile, saved: true };
    }
    if (!current)
      throw new NotFoundError(
        'no profile yet',
        'set it: complain profile --name "Ayşe Yılmaz" --country TR --address "…" --email …',
      );
    return { profile: current, saved: false };
  }
  const merged: Partial<Profile> = { ...current, ...given };
  if (merged.country && !merged.language) merged.language = defaultLanguageFor(merged.country);
  merged.timeZone ??= clock.timeZone;
  merged.address ??= '';
  merged.phone ??= '';
  merged.email ??= '';
  const missing = PROFILE_FIELDS.filter((f) => f.required && !merged[f.key]).map(
    (f) => `--${f.flag}`,
  );
  if (missing.length > 0) throw new MissingFlagsError(missing, 'a new profile needs them');
  merged.interfaceLanguage ??= null;
  saveProfile(db, merged as Profile, ctx.now());
  ctx.profileChanged(merged as Profile);
  return { profile: merged as Profile, saved: true };
}

export function renderProfile(p: Profile): string {
  const rows: [string, string][] = [
    ['Name', p.fullName],
    ['Address', p.address.replace(/\n/g, ', ')],
    ['Phone', p.phone],
    ['E-mail', p.email],
    ['Country', p.country],
    ['Language', p.language],
    ['Time zone', p.timeZone],
    ['Interface', p.interfaceLanguage ?? 'auto'],
  ];
  return rows.map(([k, v]) => `${k.padEnd(10)} ${v || '—'}`).join('\n') + '\n';
}

export function registerProfile(program: Command, act: Act): void {
  program
    .command('profile')
    .description('show or set who you are: the sender of every letter')
    .option('--name <name>', 'your full name, as you sign letters')
    .option('--address <address>', 'postal address ("Street 1, 34000 City")')
    .option('--phone <phone>', 'phone number')
    .option('--email <email>', 'e-mail address')
    .option('--country <code>', 'country code: the default jurisdiction (TR, GB, US, KZ…)')
    .option('--language <lang>', 'language of your letters: en, tr, fa, kk, ru')
    .option('--time-zone <zone>', "IANA time zone (default: this computer's)")
    .option(
      '--interface-language <lang>',
      "language of this program: en, tr, ru, kk, fa, or auto (the computer's locale)",
    )
    .option('--json', 'print the profile as JSON')
    .addHelpText(
      'after',
      examples([
        'complain profile',
        'complain profile --name "Ayşe Yılmaz" --address "Bağdat Cd. 12, 34710 Kadıköy/İstanbul" --country TR',
        'complain profile --email ayse@example.com --json',
      ]),
    )
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      const options = toProfileOptions(opts);
      await act(cmd, 'profile', options, async (ctx) =>
        printProfile(ctx, options, await runProfile(options, ctx)),
      );
    });
}

export function printProfile(
  ctx: AppContext,
  options: ProfileOptions,
  result: ProfileResult,
): void {
  if (options.json) ctx.print(JSON.stringify(profileView(result.profile), null, 2));
  else if (!result.saved) ctx.print(renderProfile(result.profile));
  if (result.saved) ctx.say(ctx.color.green('Saved your profile.'));
}
