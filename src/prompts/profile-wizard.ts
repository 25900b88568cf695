import type { Clock } from '../domain/dates.js';
import type { Profile } from '../domain/model.js';
import {
  PROFILE_FIELDS,
  defaultLanguageFor,
  defaultTimeZoneFor,
  parseProfileField,
} from '../domain/profile-fields.js';
import { LANGUAGES, labelOf } from '../domain/vocab.js';
import type { Prompter } from './prompter.js';
import { validatorFor } from './validate.js';

/** Asks for every profile field not already given; `initial` holds the current values. */
export async function askProfile(
  prompter: Prompter,
  given: Partial<Profile>,
  initial: Partial<Profile>,
  clock: Clock,
): Promise<Profile> {
  const out: Partial<Profile> = { ...given };
  for (const spec of PROFILE_FIELDS) {
    if (out[spec.key] !== undefined) continue;
    let fallback = initial[spec.key] ?? undefined;
    if (spec.key === 'language') {
      fallback ??= defaultLanguageFor(out.country ?? 'US');
      out.language = await prompter.select({
        message: spec.question,
        choices: LANGUAGES.map((l) => ({ value: l, name: `${labelOf(l)} (${l})` })),
        default: fallback,
      });
      continue;
    }
    // The interface language follows the computer unless set with --interface-language.
    if (spec.key === 'interfaceLanguage') {
      out.interfaceLanguage = initial.interfaceLanguage ?? null;
      continue;
    }
    if (spec.key === 'timeZone') {
      // A new country brings its zone; otherwise the stored one, else the computer's.
      const ofCountry =
        out.country !== initial.country ? defaultTimeZoneFor(out.country) : undefined;
      fallback = ofCountry ?? fallback ?? defaultTimeZoneFor(out.country) ?? clock.timeZone;
    }
    const answer = await prompter.input({
      message: spec.question,
      default: fallback,
      required: spec.required,
      validate: validatorFor((v) => parseProfileField(spec.key, v), !spec.required),
    });
    (out as Record<string, string>)[spec.key] = parseProfileField(spec.key, answer);
  }
  return out as Profile;
}
