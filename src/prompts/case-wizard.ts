import type { CaseFieldKey } from '../domain/case-fields.js';
import { CASE_FIELDS, defaultTitle, parseCaseField } from '../domain/case-fields.js';
import type { Clock } from '../domain/dates.js';
import type { Company, CompanyChannels } from '../domain/model.js';
import { REMEDIES, labelOf } from '../domain/vocab.js';
import { CancelledError } from '../errors.js';
import type { Prompter } from './prompter.js';
import { validatorFor } from './validate.js';

/** The company's channels, in the order the wizard asks for them. */
export const COMPANY_CHANNEL_FIELDS: readonly {
  key: keyof CompanyChannels;
  flag: string;
  question: string;
}[] = [
  { key: 'phone', flag: 'company-phone', question: 'Their phone number (optional)' },
  { key: 'email', flag: 'company-email', question: 'Their complaints e-mail (optional)' },
  { key: 'website', flag: 'company-website', question: 'Their website or web form (optional)' },
  { key: 'chat', flag: 'company-chat', question: 'Their chat (link, app, optional)' },
  { key: 'social', flag: 'company-social', question: 'Their social media handle (optional)' },
  {
    key: 'address',
    flag: 'company-address',
    question: 'Their postal address, for letters (optional)',
  },
];

/** What the case wizard collects: raw text per field, validated as it was typed. */
export interface CaseDraft {
  company: string;
  channels: Partial<Record<keyof CompanyChannels, string>>;
  fields: Partial<Record<CaseFieldKey, string>>;
}

async function askField(
  prompter: Prompter,
  key: CaseFieldKey,
  draft: CaseDraft,
  clock: Clock,
  fallback?: string,
): Promise<string> {
  const spec = CASE_FIELDS.find((f) => f.key === key)!;
  if (key === 'remedy') {
    return prompter.select({
      message: spec.question,
      choices: REMEDIES.map((r) => ({ value: r, name: labelOf(r) })),
      default: (fallback as (typeof REMEDIES)[number] | undefined) ?? 'refund',
    });
  }
  let def = fallback;
  if (key === 'title' && !def && draft.fields.product)
    def = defaultTitle(draft.fields.product, undefined);
  const required =
    spec.required || key === 'title' || (key === 'remedyDetail' && draft.fields.remedy === 'other');
  return prompter.input({
    message: spec.question,
    default: def,
    required,
    validate: (v) =>
      required && !v.trim()
        ? `${spec.flag} is required`
        : validatorFor((t) => parseCaseField(key, t, clock))(v),
  });
}

async function askCompany(
  prompter: Prompter,
  known: Company[],
): Promise<{ name: string; isNew: boolean }> {
  if (known.length > 0) {
    const NEW = '\u0000new';
    const picked = await prompter.select({
      message: 'Which company?',
      choices: [
        ...known.map((c) => ({ value: String(c.id), name: c.name })),
        { value: NEW, name: 'A company not listed here…' },
      ],
    });
    if (picked !== NEW)
      return { name: known.find((c) => String(c.id) === picked)!.name, isNew: false };
  }
  const name = await prompter.input({
    message: 'Which company? (its name)',
    required: true,
    validate: (v) => (v.trim() ? true : 'the company needs a name'),
  });
  const match = known.find(
    (c) => c.name.toLocaleLowerCase('tr-TR') === name.trim().toLocaleLowerCase('tr-TR'),
  );
  return { name: match?.name ?? name.trim(), isNew: !match };
}

/** Renders the draft for the summary screen. */
export function describeDraft(draft: CaseDraft): string {
  const lines = [`  Company        ${draft.company}`];
  for (const f of COMPANY_CHANNEL_FIELDS) {
    const v = draft.channels[f.key];
    if (v) lines.push(`  ${('  ' + f.key).padEnd(15)}${v}`);
  }
  for (const spec of CASE_FIELDS) {
    const v = draft.fields[spec.key];
    const label = spec.flag.charAt(0).toUpperCase() + spec.flag.slice(1).replace('-', ' ');
    lines.push(`  ${label.padEnd(15)}${v ? v : '—'}`);
  }
  return lines.join('\n');
}

/**
 * Walks the person through a case: company and its channels, then every field not given as a
 * flag; then a summary to save, correct or cancel. Nothing is written here.
 */
export async function askCase(
  prompter: Prompter,
  given: CaseDraft,
  context: {
    known: Company[];
    clock: Clock;
    defaultJurisdiction?: string | undefined;
    show: (text: string) => void;
    confirm: boolean;
  },
): Promise<CaseDraft> {
  const draft: CaseDraft = {
    company: given.company,
    channels: { ...given.channels },
    fields: { ...given.fields },
  };
  if (!draft.company) {
    const company = await askCompany(prompter, context.known);
    draft.company = company.name;
    if (company.isNew) {
      for (const f of COMPANY_CHANNEL_FIELDS) {
        if (draft.channels[f.key] !== undefined) continue;
        const v = await prompter.input({ message: f.question });
        if (v.trim()) draft.channels[f.key] = v.trim();
      }
    }
  }
  for (const spec of CASE_FIELDS) {
    if (draft.fields[spec.key] !== undefined) continue;
    const fallback = spec.key === 'jurisdiction' ? context.defaultJurisdiction : undefined;
    draft.fields[spec.key] = await askField(prompter, spec.key, draft, context.clock, fallback);
  }
  if (!context.confirm) return draft;
  for (;;) {
    context.show('\nThe case:\n' + describeDraft(draft) + '\n');
    const next = await prompter.select({
      message: 'Save this case?',
      choices: [
        { value: 'save', name: 'Save it' },
        { value: 'change', name: 'Change a field' },
        { value: 'cancel', name: 'Cancel (nothing is saved)' },
      ],
    });
    if (next === 'save') return draft;
    if (next === 'cancel') throw new CancelledError();
    const which = await prompter.select({
      message: 'Which field?',
      choices: [
        { value: 'company', name: `Company (${draft.company})` },
        ...CASE_FIELDS.map((f) => ({
          value: f.key,
          name: `${f.flag} (${draft.fields[f.key] || '—'})`,
        })),
      ],
    });
    if (which === 'company') {
      draft.company = (await askCompany(prompter, context.known)).name;
    } else {
      const key = which as CaseFieldKey;
      draft.fields[key] = await askField(prompter, key, draft, context.clock, draft.fields[key]);
    }
  }
}
