import { labelOf } from '../domain/vocab.js';
import type { Prompter } from './prompter.js';
import { t } from '../i18n.js';

/** What the letter still needs from the user, with the defaults offered. */
export interface LetterGaps {
  /** Ask for the remedy's detail (amount, item). */
  remedyDetail: boolean;
  /** Ask for the company's postal address (the case has none). */
  companyAddress?: boolean;
  /** Ask what papers go with the letter (nothing attached, none given). */
  enclosures?: boolean;
  /** Ask for the deadline; `default` is the spec offered ("30bd") with its date for the question. */
  deadline?: { default: string; explain: string; validate: (value: string) => true | string };
  /** Ask how it will be sent, best first. */
  sendVia?: { methods: string[]; default: string };
}

/** The answers; undefined where nothing was asked or nothing given. */
export interface LetterAnswers {
  remedyDetail?: string;
  companyAddress?: string;
  enclosures?: string[];
  deadline?: string;
  sendVia?: string;
}

/**
 * Asks for what the letter lacks: remedy detail, the company's postal address, the enclosures,
 * deadline, sending method.
 */
export async function askLetterGaps(prompter: Prompter, gaps: LetterGaps): Promise<LetterAnswers> {
  const answers: LetterAnswers = {};
  if (gaps.remedyDetail) {
    const detail = await prompter.input({
      message: t('letter.wizard.remedyDetail'),
    });
    if (detail.trim()) answers.remedyDetail = detail.trim();
  }
  if (gaps.companyAddress) {
    const address = await prompter.input({ message: t('letter.wizard.companyAddress') });
    if (address.trim()) answers.companyAddress = address.trim();
  }
  if (gaps.enclosures) {
    const list = (await prompter.input({ message: t('letter.wizard.enclosures') }))
      .split(/\s*[,;]\s*/)
      .map((e) => e.trim())
      .filter(Boolean);
    if (list.length) answers.enclosures = list;
  }
  if (gaps.deadline) {
    answers.deadline = await prompter.input({
      message: t('letter.wizard.deadline', { explain: gaps.deadline.explain }),
      default: gaps.deadline.default,
      validate: gaps.deadline.validate,
    });
  }
  if (gaps.sendVia) {
    answers.sendVia = await prompter.select({
      message: t('letter.wizard.sendVia'),
      choices: gaps.sendVia.methods.map((m) => ({ value: m, name: labelOf(m) })),
      default: gaps.sendVia.default,
    });
  }
  return answers;
}

/** After the preview: export now, and where. Undefined when the user says no. */
export async function askExport(
  prompter: Prompter,
  defaultPath: string,
): Promise<string | undefined> {
  const ok = await prompter.confirm({ message: t('letter.wizard.export'), default: true });
  if (!ok) return undefined;
  return prompter.input({
    message: t('letter.wizard.fileName'),
    default: defaultPath,
    required: true,
  });
}
