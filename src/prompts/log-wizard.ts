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
import type { Prompter } from './prompter.js';
import { validatorFor } from './validate.js';

/** The flags that were given; the wizard asks only for the rest. */
export interface LogGiven {
  raw: RawContact;
  /** Which list flags were given (an empty list given on purpose is not asked again). */
  gaveReps: boolean;
  gavePromises: boolean;
  gaveQuotes: boolean;
}

/** A one-screen description of a contact draft, for the summary. */
export function describeContact(raw: RawContact): string {
  const lines = [
    `  channel     ${raw.channel ?? '—'}${raw.direction === 'inbound' ? ' (inbound)' : ''}`,
    `  when        ${raw.at ?? 'now'}${raw.duration ? `, ${raw.duration}` : ''}${raw.ended ? `, ended ${raw.ended}` : ''}`,
    `  reps        ${raw.reps.length ? raw.reps.map((r) => r.name + (r.repId ? ` (ID ${r.repId})` : '')).join(' → ') : '—'}`,
    `  department  ${raw.department || '—'}`,
    `  reference   ${raw.reference || '— (none)'}`,
    `  summary     ${raw.summary ?? '—'}`,
  ];
  if (raw.nextSteps) lines.push(`  next steps  ${raw.nextSteps}`);
  if (raw.responsible) lines.push(`  responsible ${raw.responsible}`);
  if (raw.expectedTime) lines.push(`  how long    ${raw.expectedTime}`);
  for (const p of raw.promises) lines.push(`  promise     ${p.text} — by ${p.due}`);
  if (raw.outcome) lines.push(`  outcome     ${raw.outcome}`);
  if (raw.supervisor) lines.push(`  supervisor  ${raw.supervisor}`);
  if (raw.rude)
    lines.push(
      `  rude        yes${raw.quotes.length ? ': ' + raw.quotes.map((q) => `“${q}”`).join(' ') : ''}`,
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
    message: 'How did you contact them?',
    choices: CHANNELS.map((c) => ({ value: c, name: labelOf(c) })),
    default: 'phone',
  });
  if (raw.at === undefined) {
    raw.at = await prompter.input({
      message: 'When did it start? ("now", "today 14:05", "yesterday 3pm", "2h ago")',
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
      message: 'How long did it take? (e.g. 25m, 1h10m; optional)',
      validate: validatorFor((v) => parseDuration(v), true),
    });
    raw.duration = d.trim();
  }
  if (!given.gaveReps) {
    for (let i = 1; ; i++) {
      const name = await prompter.input({
        message:
          i === 1
            ? 'Who did you speak to? (name as they gave it; Enter if nobody)'
            : `Transferred to someone else? (name of person ${i}; Enter if not)`,
      });
      if (!name.trim()) break;
      const repId = await prompter.input({
        message: `${name.trim()}'s employee or agent ID (optional)`,
      });
      raw.reps.push({ name: name.trim(), repId: repId.trim() || undefined });
    }
  }
  if (raw.department === undefined)
    raw.department = (await prompter.input({ message: 'Department (optional)' })).trim();
  if (raw.reference === undefined) {
    raw.reference = (
      await prompter.input({ message: 'Reference or ticket number (Enter if they gave none)' })
    ).trim();
  }
  raw.summary ??= await prompter.input({
    message: 'What was said? (a sentence or two)',
    required: true,
  });
  if (raw.nextSteps === undefined)
    raw.nextSteps = (
      await prompter.input({ message: 'What are the next steps? (their answer; optional)' })
    ).trim();
  if (raw.responsible === undefined)
    raw.responsible = (await prompter.input({ message: 'Who is responsible? (optional)' })).trim();
  if (raw.expectedTime === undefined)
    raw.expectedTime = (
      await prompter.input({ message: 'How long will it take? (their answer; optional)' })
    ).trim();
  if (!given.gavePromises) {
    const start = parseInstant(raw.at, '--at', clock);
    for (;;) {
      const text = await prompter.input({
        message:
          raw.promises.length === 0
            ? 'Did they promise anything? (e.g. "call back"; Enter if not)'
            : 'Another promise? (Enter if not)',
      });
      if (!text.trim()) break;
      const due = await prompter.input({
        message: 'By when? ("friday", "in 3 days", "2026-12-01")',
        required: true,
        validate: validatorFor((v) => parsePromiseDue(v, start, clock)),
      });
      raw.promises.push({ text: text.trim(), due: due.trim() });
    }
  }
  if (raw.outcome === undefined) {
    raw.outcome = await prompter.select({
      message: 'How did it end?',
      choices: OUTCOMES.map((o) => ({ value: o, name: labelOf(o) })),
      default: 'unresolved',
    });
  }
  if (raw.supervisor === undefined) {
    const s = await prompter.select({
      message: 'Did you ask for a supervisor?',
      choices: [
        { value: 'no', name: 'No' },
        ...SUPERVISOR.map((v) => ({ value: v, name: labelOf(v) })),
      ],
      default: 'no',
    });
    raw.supervisor = s === 'no' ? '' : s;
  }
  if (raw.rude === undefined && !given.gaveQuotes) {
    raw.rude = await prompter.confirm({ message: 'Was anyone rude?', default: false });
    if (raw.rude) {
      for (;;) {
        const q = await prompter.input({
          message: 'Their exact words (one quote; Enter when done)',
        });
        if (!q.trim()) break;
        raw.quotes.push(q.trim());
      }
    }
  }
  if (!context.confirm) return raw;
  context.show('\nThe contact:\n' + describeContact(raw) + '\n');
  const save = await prompter.confirm({ message: 'Save this contact?', default: true });
  if (!save) throw new CancelledError();
  return raw;
}

/** The parts of a contact the edit menu offers, and which raw fields each one asks again. */
const EDITABLE: readonly {
  value: string;
  name: string;
  clear: (raw: RawContact) => Partial<LogGiven>;
}[] = [
  { value: 'channel', name: 'Channel', clear: (r) => ({ raw: { ...r, channel: undefined } }) },
  { value: 'at', name: 'When it started', clear: (r) => ({ raw: { ...r, at: undefined } }) },
  {
    value: 'duration',
    name: 'How long',
    clear: (r) => ({ raw: { ...r, duration: undefined, ended: undefined } }),
  },
  {
    value: 'reps',
    name: 'Who you spoke to',
    clear: (r) => ({ raw: { ...r, reps: [] }, gaveReps: false }),
  },
  {
    value: 'department',
    name: 'Department',
    clear: (r) => ({ raw: { ...r, department: undefined } }),
  },
  {
    value: 'reference',
    name: 'Reference number',
    clear: (r) => ({ raw: { ...r, reference: undefined } }),
  },
  {
    value: 'summary',
    name: 'What was said',
    clear: (r) => ({ raw: { ...r, summary: undefined } }),
  },
  {
    value: 'nextSteps',
    name: 'Next steps',
    clear: (r) => ({ raw: { ...r, nextSteps: undefined } }),
  },
  {
    value: 'responsible',
    name: 'Who is responsible',
    clear: (r) => ({ raw: { ...r, responsible: undefined } }),
  },
  {
    value: 'expectedTime',
    name: 'How long it will take',
    clear: (r) => ({ raw: { ...r, expectedTime: undefined } }),
  },
  {
    value: 'promises',
    name: 'Promises',
    clear: (r) => ({ raw: { ...r, promises: [] }, gavePromises: false }),
  },
  { value: 'outcome', name: 'How it ended', clear: (r) => ({ raw: { ...r, outcome: undefined } }) },
  {
    value: 'supervisor',
    name: 'Supervisor',
    clear: (r) => ({ raw: { ...r, supervisor: undefined } }),
  },
  {
    value: 'rude',
    name: 'Rude conduct',
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
    context.show('\nThe contact:\n' + describeContact(raw) + '\n');
    const choice = await prompter.select({
      message: 'What do you want to change?',
      choices: [
        { value: 'save', name: 'Nothing more: save it' },
        ...EDITABLE.map((e) => ({ value: e.value, name: e.name })),
        { value: 'cancel', name: 'Cancel (nothing is saved)' },
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
