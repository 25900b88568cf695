import type { CaseFieldKey } from '../domain/case-fields.js';
import { CASE_FIELDS, defaultTitle, isAsked, parseCaseField } from '../domain/case-fields.js';
import { CARD_TYPES, PAYMENT_METHODS, cardTypeLabel, paymentLabel } from '../domain/payment.js';
import type { Clock } from '../domain/dates.js';
import type { Company, CompanyChannels } from '../domain/model.js';
import { REMEDIES, labelOf } from '../domain/vocab.js';
import { CancelledError } from '../errors.js';
import { t } from '../i18n.js';
import type { Prompter } from './prompter.js';
import { validatorFor } from './validate.js';

/** A company channel: its flag, and the words the wizard and the help use (interface language). */
export interface CompanyChannelField {
  key: keyof CompanyChannels;
  flag: string;
  /** The wizard's question. */
  question: string;
  /** Its name on the summary screen. */
  label: string;
  /** The flag's help line. */
  help: string;
}

function channelField(key: keyof CompanyChannels, flag: string): CompanyChannelField {
  const words = (part: string) => () => t(`case.company.${key}.${part}`);
  return Object.defineProperties({ key, flag } as CompanyChannelField, {
    question: { enumerable: true, get: words('question') },
    label: { enumerable: true, get: words('label') },
    help: { enumerable: true, get: words('help') },
  });
}

/** The company's channels, in the order the wizard asks for them. */
export const COMPANY_CHANNEL_FIELDS: readonly CompanyChannelField[] = [
  channelField('phone', 'company-phone'),
  channelField('email', 'company-email'),
  channelField('website', 'company-website'),
  channelField('chat', 'company-chat'),
  channelField('social', 'company-social'),
  channelField('address', 'company-address'),
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
  if (key === 'paidBy' || key === 'cardType') {
    // The first choice leaves it unrecorded: a case needs no payment facts.
    const values = key === 'paidBy' ? PAYMENT_METHODS : CARD_TYPES;
    return prompter.select({
      message: spec.question,
      choices: [
        { value: '', name: t('card.wizard.notSaid') },
        ...values.map((v) => ({
          value: v,
          name: key === 'paidBy' ? paymentLabel(v as never) : cardTypeLabel(v as never),
        })),
      ],
      default: fallback ?? '',
    });
  }
  let def = fallback;
  if (key === 'title' && !def && draft.fields.product)
    def = defaultTitle(draft.fields.product, undefined);
  // A card payment names its issuer and last four digits; the statement may not have come yet.
  const required =
    spec.required ||
    key === 'title' ||
    key === 'cardIssuer' ||
    key === 'cardLast4' ||
    (key === 'remedyDetail' && draft.fields.remedy === 'other');
  return prompter.input({
    message: spec.question,
    default: def,
    required,
    validate: (v) =>
      required && !v.trim()
        ? t('case.wizard.required', { flag: spec.flag })
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
      message: t('case.wizard.whichCompany'),
      choices: [
        ...known.map((c) => ({ value: String(c.id), name: c.name })),
        { value: NEW, name: t('case.wizard.newCompany') },
      ],
    });
    if (picked !== NEW)
      return { name: known.find((c) => String(c.id) === picked)!.name, isNew: false };
  }
  const name = await prompter.input({
    message: t('case.wizard.companyName'),
    required: true,
    validate: (v) => (v.trim() ? true : t('case.wizard.companyNameMissing')),
  });
  const match = known.find(
    (c) => c.name.toLocaleLowerCase('tr-TR') === name.trim().toLocaleLowerCase('tr-TR'),
  );
  return { name: match?.name ?? name.trim(), isNew: !match };
}

/** Renders the draft for the summary screen. */
export function describeDraft(draft: CaseDraft): string {
  const lines = [`  ${t('case.summary.company').padEnd(15)}${draft.company}`];
  for (const f of COMPANY_CHANNEL_FIELDS) {
    const v = draft.channels[f.key];
    if (v) lines.push(`  ${('  ' + f.label).padEnd(15)}${v}`);
  }
  for (const spec of CASE_FIELDS) {
    if (!isAsked(spec, draft.fields) && !draft.fields[spec.key]) continue;
    const v = draft.fields[spec.key];
    lines.push(`  ${spec.label.padEnd(15)}${v ? v : '—'}`);
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
  const askMissing = async () => {
    for (const spec of CASE_FIELDS) {
      if (draft.fields[spec.key] !== undefined || !isAsked(spec, draft.fields)) continue;
      const fallback = spec.key === 'jurisdiction' ? context.defaultJurisdiction : undefined;
      draft.fields[spec.key] = await askField(prompter, spec.key, draft, context.clock, fallback);
    }
  };
  await askMissing();
  if (!context.confirm) return draft;
  for (;;) {
    context.show(`\n${t('case.wizard.summaryTitle')}\n${describeDraft(draft)}\n`);
    const next = await prompter.select({
      message: t('case.wizard.saveQuestion'),
      choices: [
        { value: 'save', name: t('case.wizard.save') },
        { value: 'change', name: t('case.wizard.change') },
        { value: 'cancel', name: t('case.wizard.cancel') },
      ],
    });
    if (next === 'save') return draft;
    if (next === 'cancel') throw new CancelledError();
    const which = await prompter.select({
      message: t('case.wizard.whichField'),
      choices: [
        {
          value: 'company',
          name: t('case.wizard.fieldChoice', {
            field: t('case.summary.company'),
            value: draft.company,
          }),
        },
        ...CASE_FIELDS.filter((f) => isAsked(f, draft.fields) || draft.fields[f.key]).map((f) => ({
          value: f.key,
          name: t('case.wizard.fieldChoice', { field: f.label, value: draft.fields[f.key] || '—' }),
        })),
      ],
    });
    if (which === 'company') {
      draft.company = (await askCompany(prompter, context.known)).name;
    } else {
      const key = which as CaseFieldKey;
      draft.fields[key] = await askField(prompter, key, draft, context.clock, draft.fields[key]);
      // A payment changed to a card asks for the card; changed away from it, forgets it.
      if (key === 'paidBy')
        for (const f of CASE_FIELDS.filter((x) => x.asked === 'card')) {
          if (draft.fields.paidBy !== 'card') draft.fields[f.key] = '';
          else if (!draft.fields[f.key]) delete draft.fields[f.key];
        }
      if (key === 'paidBy' || key === 'amount') await askMissing();
    }
  }
}
