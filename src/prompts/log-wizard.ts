import type { RawContact } from '../domain/contact-fields.js';
import { parseContactStart, parsePromiseDue } from '../domain/contact-fields.js';
import type { Clock } from '../domain/dates.js';
import { parseDuration, parseInstant } from '../domain/dates.js';
import {
  CHANNELS,
  OUTCOMES,
  SUPERVISOR,
  TIMED_CHANNELS,
  isOneOf,
  labelOf,
} from '../domain/vocab.js';
import { CancelledError } from '../errors.js';
import { t } from '../i18n.js';
import type { Prompter } from './prompter.js';
import { validatorFor } from './validate.js';
import { formatDueDay } from '../output/format.js';

/** The flags that were given; the wizard asks only for the rest. */
export interface LogGiven {
  raw: RawContact;
  /** Which list flags were given (an empty list given on purpose is not asked again). */
  gaveReps: boolean;
  gavePromises: boolean;
  gaveQuotes: boolean;
}

/** One summary line: the label (interface language) padded to a column, then the value. */
function row(label: string, value: string): string {
  return `  ${t(`case.contact.summary.${label}`).padEnd(12)}${value}`;
}

/** "Sat 5 Dec 2026" for what was typed ("in 3 days"), or the text itself if it does not parse. */
function resolved(text: string, parse: () => Date, clock: Clock | undefined): string {
  if (!clock) return text;
  try {
    return formatDueDay(parse(), clock.timeZone);
  } catch {
    return text;
  }
}

/**
 * A one-screen description of a contact draft, for the summary. With the clock, the dates typed
 * as phrases ("yesterday 3pm", "in 3 days") show as the dates they resolve to, with the weekday.
 */
export function describeContact(raw: RawContact, clock?: Clock): string {
  const none = '—';
  const channel = raw.channel ?? none;
  const lines = [
    row(
      'channel',
      raw.direction === 'inbound' ? t('case.contact.summary.inboundValue', { channel }) : channel,
    ),
    row(
      'when',
      t('case.contact.summary.whenValue', {
        at: raw.at
          ? resolved(raw.at, () => parseContactStart(raw.at!, clock!), clock)
          : t('case.contact.summary.now'),
        duration: raw.duration ?? '',
        ended: raw.ended ?? '',
        shape: (raw.duration ? 'd' : '') + (raw.ended ? 'e' : '') || 'at',
      }),
    ),
    row(
      'reps',
      raw.reps.length
        ? raw.reps
            .map((r) =>
              r.repId ? t('case.contact.summary.repWithId', { name: r.name, id: r.repId }) : r.name,
            )
            .join(' → ')
        : none,
    ),
    row('department', raw.department || none),
    row('reference', raw.reference || t('case.contact.summary.noReference')),
    row('summary', raw.summary ?? none),
  ];
  if (raw.nextSteps) lines.push(row('nextSteps', raw.nextSteps));
  if (raw.responsible) lines.push(row('responsible', raw.responsible));
  if (raw.expectedTime) lines.push(row('expectedTime', raw.expectedTime));
  const start = (): Date => (raw.at ? parseContactStart(raw.at, clock!) : clock!.now);
  for (const p of raw.promises) {
    const due = resolved(p.due, () => parsePromiseDue(p.due, start(), clock!), clock);
    lines.push(row('promise', t('case.contact.summary.promiseValue', { text: p.text, due })));
  }
  if (raw.outcome) lines.push(row('outcome', raw.outcome));
  if (raw.supervisor) lines.push(row('supervisor', raw.supervisor));
  if (raw.rude)
    lines.push(
      row(
        'rude',
        raw.quotes.length
          ? t('case.contact.summary.rudeQuotes', {
              quotes: raw.quotes
                .map((q) => t('case.contact.summary.quote', { quote: q }))
                .join(' '),
            })
          : t('case.contact.summary.rudeYes'),
      ),
    );
  return lines.join('\n');
}

/**
 * Asks, quickly, for what the flags did not give (undefined; '' is a known empty answer): channel, when, how long, the reps in order,
 * the reference, what was said, the three transparency answers, promises, outcome, supervisor,
 * rude conduct. Then a summary to save or cancel. Nothing is written here.
 */
export async function askContact(
  prompter: Prompter,
  given: LogGiven,
  context: { clock: Clock; show: (text: string) => void; confirm: boolean },
): Promise<RawContact> {
  const raw: RawContact = {
    ...given.raw,
    reps: [...given.raw.reps],
    promises: [...given.raw.promises],
    quotes: [...given.raw.quotes],
  };
  const { clock } = context;
  raw.channel ??= await prompter.select({
    message: t('case.contact.ask.channel'),
    choices: CHANNELS.map((c) => ({ value: c, name: labelOf(c) })),
    default: 'phone',
  });
  if (raw.at === undefined) {
    raw.at = await prompter.input({
      message: t('case.contact.ask.at'),
      default: 'now',
      validate: validatorFor((v) => parseContactStart(v, clock)),
    });
  }
  if (
    raw.duration === undefined &&
    raw.ended === undefined &&
    isOneOf(TIMED_CHANNELS, raw.channel)
  ) {
    const d = await prompter.input({
      message: t('case.contact.ask.duration'),
      validate: validatorFor((v) => parseDuration(v), true),
    });
    raw.duration = d.trim();
  }
  if (!given.gaveReps) {
    for (let i = 1; ; i++) {
      const name = await prompter.input({
        message:
          i === 1 ? t('case.contact.ask.firstRep') : t('case.contact.ask.nextRep', { position: i }),
      });
      if (!name.trim()) break;
      const repId = await prompter.input({
        message: t('case.contact.ask.repId', { name: name.trim() }),
      });
      raw.reps.push({ name: name.trim(), repId: repId.trim() || undefined });
    }
  }
  if (raw.department === undefined)
    raw.department = (await prompter.input({ message: t('case.contact.ask.department') })).trim();
  if (raw.reference === undefined) {
    raw.reference = (await prompter.input({ message: t('case.contact.ask.reference') })).trim();
  }
  raw.summary ??= await prompter.input({
    message: t('case.contact.ask.summary'),
    required: true,
  });
  if (raw.nextSteps === undefined)
    raw.nextSteps = (await prompter.input({ message: t('case.contact.ask.nextSteps') })).trim();
  if (raw.responsible === undefined)
    raw.responsible = (await prompter.input({ message: t('case.contact.ask.responsible') })).trim();
  if (raw.expectedTime === undefined)
    raw.expectedTime = (
      await prompter.input({ message: t('case.contact.ask.expectedTime') })
    ).trim();
  if (!given.gavePromises) {
    const start = parseInstant(raw.at, '--at', clock);
    for (;;) {
      const text = await prompter.input({
        message:
          raw.promises.length === 0
            ? t('case.contact.ask.firstPromise')
            : t('case.contact.ask.nextPromise'),
      });
      if (!text.trim()) break;
      const due = await prompter.input({
        message: t('case.contact.ask.due'),
        required: true,
        validate: validatorFor((v) => parsePromiseDue(v, start, clock)),
      });
      raw.promises.push({ text: text.trim(), due: due.trim() });
    }
  }
  if (raw.outcome === undefined) {
    raw.outcome = await prompter.select({
      message: t('case.contact.ask.outcome'),
      choices: OUTCOMES.map((o) => ({ value: o, name: labelOf(o) })),
      default: 'unresolved',
    });
  }
  if (raw.supervisor === undefined) {
    const s = await prompter.select({
      message: t('case.contact.ask.supervisor'),
      choices: [
        { value: 'no', name: t('case.contact.ask.supervisorNo') },
        ...SUPERVISOR.map((v) => ({ value: v, name: labelOf(v) })),
      ],
      default: 'no',
    });
    raw.supervisor = s === 'no' ? '' : s;
  }
  if (raw.rude === undefined && !given.gaveQuotes) {
    raw.rude = await prompter.confirm({ message: t('case.contact.ask.rude'), default: false });
    if (raw.rude) {
      for (;;) {
        const q = await prompter.input({
          message: t('case.contact.ask.quote'),
        });
        if (!q.trim()) break;
        raw.quotes.push(q.trim());
      }
    }
  }
  if (!context.confirm) return raw;
  context.show(`\n${t('case.contact.summaryTitle')}\n${describeContact(raw, context.clock)}\n`);
  const save = await prompter.confirm({ message: t('case.contact.saveQuestion'), default: true });
  if (!save) throw new CancelledError();
  return raw;
}

/** The parts of a contact the edit menu offers (named by case.contact.edit.<value>), and which raw fields each one asks again. */
const EDITABLE: readonly {
  value: string;
  clear: (raw: RawContact) => Partial<LogGiven>;
}[] = [
  { value: 'channel', clear: (r) => ({ raw: { ...r, channel: undefined } }) },
  { value: 'at', clear: (r) => ({ raw: { ...r, at: undefined } }) },
  {
    value: 'duration',

    clear: (r) => ({ raw: { ...r, duration: undefined, ended: undefined } }),
  },
  {
    value: 'reps',

    clear: (r) => ({ raw: { ...r, reps: [] }, gaveReps: false }),
  },
  {
    value: 'department',

    clear: (r) => ({ raw: { ...r, department: undefined } }),
  },
  {
    value: 'reference',

    clear: (r) => ({ raw: { ...r, reference: undefined } }),
  },
  {
    value: 'summary',

    clear: (r) => ({ raw: { ...r, summary: undefined } }),
  },
  {
    value: 'nextSteps',

    clear: (r) => ({ raw: { ...r, nextSteps: undefined } }),
  },
  {
    value: 'responsible',

    clear: (r) => ({ raw: { ...r, responsible: undefined } }),
  },
  {
    value: 'expectedTime',

    clear: (r) => ({ raw: { ...r, expectedTime: undefined } }),
  },
  {
    value: 'promises',

    clear: (r) => ({ raw: { ...r, promises: [] }, gavePromises: false }),
  },
  { value: 'outcome', clear: (r) => ({ raw: { ...r, outcome: undefined } }) },
  {
    value: 'supervisor',

    clear: (r) => ({ raw: { ...r, supervisor: undefined } }),
  },
  {
    value: 'rude',

    clear: (r) => ({ raw: { ...r, rude: undefined, quotes: [] }, gaveQuotes: false }),
  },
];

/**
 * Corrects a stored contact on a terminal: shows it, asks which part to change, asks that part
 * again, until the user saves or cancels. Nothing is written here.
 */
export async function editContact(
  prompter: Prompter,
  start: RawContact,
  context: { clock: Clock; show: (text: string) => void },
): Promise<RawContact> {
  let raw = start;
  for (;;) {
    context.show(`\n${t('case.contact.summaryTitle')}\n${describeContact(raw, context.clock)}\n`);
    const choice = await prompter.select({
      message: t('case.contact.edit.question'),
      choices: [
        { value: 'save', name: t('case.contact.edit.save') },
        ...EDITABLE.map((e) => ({ value: e.value, name: t(`case.contact.edit.${e.value}`) })),
        { value: 'cancel', name: t('case.wizard.cancel') },
      ],
    });
    if (choice === 'save') return raw;
    if (choice === 'cancel') throw new CancelledError();
    const cleared = EDITABLE.find((e) => e.value === choice)!.clear(raw);
    raw = await askContact(
      prompter,
      {
        raw: cleared.raw!,
        gaveReps: cleared.gaveReps ?? true,
        gavePromises: cleared.gavePromises ?? true,
        gaveQuotes: cleared.gaveQuotes ?? true,
      },
      { ...context, confirm: false },
    );
  }
}
