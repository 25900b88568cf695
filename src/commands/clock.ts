import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { getCaseExtras, loadSnapshot, recordCaseFacts } from '../db/agenda-repo.js';
import { getCase } from '../db/case-repo.js';
import type { ClockResult } from '../domain/clocks.js';
import { clocksFor } from '../domain/clocks.js';
import { parseChoice } from '../domain/contact-fields.js';
import { localDateOf, parseLocalDate } from '../domain/dates.js';
import type { ClockStart } from '../domain/jurisdiction-rules.js';
import { CLOCK_STARTS } from '../domain/jurisdiction-rules.js';
import { SECTORS } from '../domain/vocab.js';
import { UsageError, ValidationError } from '../errors.js';
import { t } from '../i18n.js';
import { clockView, renderClocks } from '../output/agenda-views.js';
import { loadJurisdiction } from '../templates.js';
import type { Act } from './shared.js';
import { collect, examples, parseId } from './shared.js';

/** Flags of `complain clock`. */
export interface ClockOptions {
  caseArg: string;
  /** Start dates as typed, by event. */
  dates: { event: ClockStart; text: string }[];
  forget: string[];
  sector: string | undefined;
  json: boolean;
}

function camel(event: string): string {
  return event.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export function toClockOptions(caseArg: string, opts: Record<string, unknown>): ClockOptions {
  const dates = CLOCK_STARTS.flatMap((event) => {
    const v = opts[camel(event)];
    return typeof v === 'string' ? [{ event, text: v }] : [];
  });
  return {
    caseArg,
    dates,
    forget: Array.isArray(opts.forget) ? (opts.forget as string[]) : [],
    sector: typeof opts.sector === 'string' ? opts.sector : undefined,
    json: Boolean(opts.json),
  };
}

/** A case's legal clocks, after recording the start dates and sector given. */
export interface ClockRunResult {
  caseId: number;
  sector: string | null;
  clocks: ClockResult[];
}

export async function runClock(options: ClockOptions, ctx: AppContext): Promise<ClockRunResult> {
  const db = ctx.db();
  const clock = ctx.clock();
  const record = getCase(db, parseId(options.caseArg, 'case'));
  const events: { event: ClockStart; onDate: string | null }[] = options.dates.map((d) => {
    const onDate = parseLocalDate(d.text, `--${d.event}`, clock);
    if (onDate > localDateOf(clock.now, clock.timeZone))
      throw new ValidationError(
        d.event,
        t('agenda.clock.error.future', { flag: `--${d.event}`, value: d.text }),
        t('agenda.clock.error.future.hint'),
      );
    return { event: d.event, onDate };
  });
  for (const f of options.forget) {
    if (!(CLOCK_STARTS as readonly string[]).includes(f))
      throw new UsageError(
        t('agenda.clock.error.forget', { value: f }),
        t('agenda.clock.error.forget.hint', { list: CLOCK_STARTS.join(', ') }),
      );
    events.push({ event: f as ClockStart, onDate: null });
  }
  const sector =
    options.sector === undefined
      ? undefined
      : options.sector === '' || options.sector === 'none'
        ? null
        : parseChoice('sector', SECTORS, options.sector);
  if (events.length > 0 || sector !== undefined)
    recordCaseFacts(
      db,
      record.id,
      { events, ...(sector !== undefined ? { sector } : {}) },
      ctx.now(),
    );
  const snapshot = loadSnapshot(db, getCase(db, record.id));
  return {
    caseId: record.id,
    sector: getCaseExtras(db, record.id).sector,
    clocks: clocksFor(snapshot, loadJurisdiction(record.jurisdiction), clock.now, clock.timeZone),
  };
}

export function printClock(ctx: AppContext, options: ClockOptions, r: ClockRunResult): void {
  if (options.json) {
    ctx.print(
      JSON.stringify(
        { caseId: r.caseId, sector: r.sector, clocks: r.clocks.map(clockView) },
        null,
        2,
      ),
    );
    return;
  }
  if (r.clocks.length === 0) {
    ctx.say(
      t(r.sector ? 'agenda.clock.none' : 'agenda.clock.none-sector', { id: String(r.caseId) }),
    );
    return;
  }
  ctx.print(renderClocks(r.clocks, ctx.colorOut).join('\n'));
}

export function registerClock(program: Command, act: Act): void {
  const cmd = program
    .command('clock')
    .argument('<case>', t('agenda.arg.case'))
    .description(t('agenda.clock.description'));
  for (const event of CLOCK_STARTS)
    cmd.option(`--${event} <date>`, t(`agenda.clock.date.${event}`));
  cmd
    .option('--forget <event>', t('agenda.clock.opt.forget'), collect)
    .option('--sector <sector>', t('agenda.clock.opt.sector', { list: SECTORS.join(' | ') }))
    .option('--json', t('agenda.clock.opt.json'))
    .addHelpText('after', examples(t('agenda.clock.examples')))
    .action(async (caseArg: string, opts: Record<string, unknown>, command: Command) => {
      const options = toClockOptions(caseArg, opts);
      await act(command, 'clock', options, async (ctx) =>
        printClock(ctx, options, await runClock(options, ctx)),
      );
    });
}
