import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { getProfile, saveNationalId, saveProfile } from '../db/profile-repo.js';
import type { Profile } from '../domain/model.js';
import {
  PROFILE_FIELDS,
  defaultLanguageFor,
  defaultTimeZoneFor,
  parseProfileField,
} from '../domain/profile-fields.js';
import { MissingFlagsError, NotFoundError, UsageError } from '../errors.js';
import { t } from '../i18n.js';
import { profileView } from '../output/views.js';
import { askProfile } from '../prompts/profile-wizard.js';
import type { Act } from './shared.js';
import { examples } from './shared.js';

/** Flags of `complain profile`, as typed. */
export interface ProfileOptions {
  values: Partial<Record<keyof Profile, string>>;
  /** --national-id: the identity number notarial letters give ("" removes it). */
  nationalId?: string;
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
  const nationalId =
    typeof opts.nationalId === 'string' ? parseNationalId(opts.nationalId) : undefined;
  return { values, json: Boolean(opts.json), ...(nationalId !== undefined ? { nationalId } : {}) };
}

/** An identity number: letters and digits (spaces and dashes dropped), 5 to 20 of them; "" clears. */
function parseNationalId(text: string): string {
  const value = text.trim().replace(/[\s-]+/g, '');
  if (value === '') return '';
  if (!/^[\p{L}\p{N}]{5,20}$/u.test(value))
    throw new UsageError(
      t('notary.profile.nationalIdInvalid', { value: text }),
      t('notary.profile.nationalIdHint'),
    );
  return value;
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
  if (options.nationalId !== undefined && Object.keys(given).length === 0) {
    if (!current) throw new NotFoundError(t('case.profile.none'), t('case.profile.noneHint'));
    saveNationalId(db, options.nationalId || null);
    return { profile: { ...current, nationalId: options.nationalId || null }, saved: true };
  }
  if (Object.keys(given).length === 0) {
    if (ctx.interactive) {
      const profile = await askProfile(await ctx.prompter(), {}, current ?? {}, clock);
      saveProfile(db, profile, ctx.now());
      ctx.profileChanged(profile);
      return { profile, saved: true };
    }
    if (!current) throw new NotFoundError(t('case.profile.none'), t('case.profile.noneHint'));
    return { profile: current, saved: false };
  }
  const merged: Partial<Profile> = { ...current, ...given };
  if (merged.country && !merged.language) merged.language = defaultLanguageFor(merged.country);
  // --country without --time-zone: a country with one zone brings it (TR → Europe/Istanbul).
  const zoneOfCountry = defaultTimeZoneFor(given.country);
  if (
    zoneOfCountry &&
    !given.timeZone &&
    (given.country !== current?.country || !current?.timeZone)
  )
    merged.timeZone = zoneOfCountry;
  merged.timeZone ??= clock.timeZone;
  merged.address ??= '';
  merged.phone ??= '';
  merged.email ??= '';
  const missing = PROFILE_FIELDS.filter((f) => f.required && !merged[f.key]).map(
    (f) => `--${f.flag}`,
  );
  if (missing.length > 0) throw new MissingFlagsError(missing, t('case.profile.newNeedsThem'));
  merged.interfaceLanguage ??= null;
  saveProfile(db, merged as Profile, ctx.now());
  if (options.nationalId !== undefined) {
    saveNationalId(db, options.nationalId || null);
    merged.nationalId = options.nationalId || null;
  }
  ctx.profileChanged(merged as Profile);
  return { profile: merged as Profile, saved: true };
}

export function renderProfile(p: Profile): string {
  const rows: [string, string][] = [
    [t('case.profile.row.name'), p.fullName],
    [t('case.profile.row.address'), p.address.replace(/\n/g, ', ')],
    [t('case.profile.row.phone'), p.phone],
    [t('case.profile.row.email'), p.email],
    [t('case.profile.row.country'), p.country],
    [t('case.profile.row.language'), p.language],
    [t('case.profile.row.timeZone'), p.timeZone],
    [t('case.profile.row.interface'), p.interfaceLanguage ?? t('case.profile.auto')],
    ...(p.nationalId
      ? [[t('notary.profile.row.nationalId'), p.nationalId] as [string, string]]
      : []),
  ];
  const width = Math.max(10, ...rows.map(([k]) => k.length + 1));
  return rows.map(([k, v]) => `${k.padEnd(width)} ${v || '—'}`).join('\n') + '\n';
}

export function registerProfile(program: Command, act: Act): void {
  program
    .command('profile')
    .description(t('case.profile.description'))
    .option('--name <name>', t('case.profile.opt.name'))
    .option('--address <address>', t('case.profile.opt.address'))
    .option('--phone <phone>', t('case.profile.opt.phone'))
    .option('--email <email>', t('case.profile.opt.email'))
    .option('--country <code>', t('case.profile.opt.country'))
    .option('--language <lang>', t('case.profile.opt.language'))
    .option('--time-zone <zone>', t('case.profile.opt.timeZone'))
    .option('--interface-language <lang>', t('case.profile.opt.interfaceLanguage'))
    .option('--national-id <number>', t('notary.profile.opt.nationalId'))
    .option('--json', t('case.profile.opt.json'))
    .addHelpText(
      'after',
      examples([...t('case.profile.examples').split('\n'), t('notary.profile.example')]),
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
  if (result.saved) ctx.say(ctx.color.green(t('case.profile.saved')));
}
