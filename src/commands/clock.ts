import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { getCaseExtras, loadSnapshot, recordCaseFacts } from '../db/agenda-repo.js';
import { getCase } from '../db/case-repo.js';
import type { ClockResult } from '../domain/clocks.js';
import { clocksFor } from '../domain/clocks.js';
import { parseChoice } from '../domain/contact-fields.js';
import { localDateOf, parseLocalDate } from '../domain/dates.js';
import type { ClockStart, SaleChannel } from '../domain/jurisdiction-rules.js';
import {
  CARD_EVENTS,
  CLOCK_STARTS,
  RIGHT_EVENTS,
  SALE_CHANNELS,
} from '../domain/jurisdiction-rules.js';
import type { RightResult } from '../domain/rights.js';
import { rightsOf } from '../domain/rights.js';
import { isOneOf } from '../domain/vocab.js';
import { renderRights, rightView } from '../output/rights-views.js';
import { SECTORS } from '../domain/vocab.js';
import { UsageError, ValidationError } from '../errors.js';
import { t } from '../i18n.js';
import { clockView, renderClocks } from '../output/agenda-views.js';
import { loadJurisdiction } from '../templates.js';
import type { Act } from './shared.js';
import { collect, examples, parseId } from './shared.js';

/** The start dates `clock` records (the card's come from the case and its letters). */
const RECORDED_STARTS = CLOCK_STARTS.filter((e) => !isOneOf(CARD_EVENTS, e));

/** Flags of `complain clock`. */
export interface ClockOptions {
  caseArg: string;
  /** Start dates as typed, by event. */
  dates: { event: ClockStart; text: string }[];
  forget: string[];
  sector: string | undefined;
  /** shop | distance | off-premises; '' or 'none' forgets it. */
  sale: string | undefined;
  json: boolean;
}

function camel(event: string): string {
  return event.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export function toClockOptions(caseArg: string, opts: Record<string, unknown>): ClockOptions {
  const dates = RECORDED_STARTS.flatMap((event) => {
    const v = opts[camel(event)];
    return typeof v === 'string' ? [{ event, text: v }] : [];
  });
  return {
    caseArg,
    dates,
    forget: Array.isArray(opts.forget) ? (opts.forget as string[]) : [],
    sector: typeof opts.sector === 'string' ? opts.sector : undefined,
    sale: typeof opts.sale === 'string' ? opts.sale : undefined,
    json: Boolean(opts.json),
  };
}

/** A case's legal clocks, after recording the start dates and sector given. */
export interface ClockRunResult {
  caseId: number;
  sector: string | null;
  sale: SaleChannel | null;
  clocks: ClockResult[];
  /** The same evaluation the letter cites from (src/domain/rights.ts). */
  rights: RightResult[];
}

/** Reads --sale: one of SALE_CHANNELS, or '' / 'none' to forget it. */
export function parseSale(value: string | undefined): SaleChannel | null | undefined {
  if (value === undefined) return undefined;
  if (value === '' || value === 'none') return null;
  if (isOneOf(SALE_CHANNELS, value)) return value;
  throw new UsageError(
    t('rights.error.sale', { list: SALE_CHANNELS.join(', '), value }),
    t('rights.error.sale.hint'),
  );
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
    if (!(RECORDED_STARTS as readonly string[]).includes(f))
      throw new UsageError(
        t('agenda.clock.error.forget', { value: f }),
        t('agenda.clock.error.forget.hint', { list: RECORDED_STARTS.join(', ') }),
      );
    events.push({ event: f as ClockStart, onDate: null });
  }
  const sale = parseSale(options.sale);
  const sector =
    options.sector === undefined
      ? undefined
      : options.sector === '' || options.sector === 'none'
        ? null
        : parseChoice('sector', SECTORS, options.sector);
  if (events.length > 0 || sector !== undefined || sale !== undefined)
    recordCaseFacts(
      db,
      record.id,
      {
        events,
        ...(sector !== undefined ? { sector } : {}),
        ...(sale !== undefined ? { sale } : {}),
      },
      ctx.now(),
    );
  const snapshot = loadSnapshot(db, getCase(db, record.id));
  const jurisdiction = loadJurisdiction(record.jurisdiction);
  return {
    caseId: record.id,
    sector: getCaseExtras(db, record.id).sector,
    sale: (snapshot.sale ?? null) as SaleChannel | null,
    clocks: clocksFor(snapshot, jurisdiction, clock.now, clock.timeZone),
    rights: rightsOf(snapshot, jurisdiction, clock.now, clock.timeZone),
  };
}

export function printClock(ctx: AppContext, options: ClockOptions, r: ClockRunResult): void {
  if (options.json) {
    ctx.print(
      JSON.stringify(
        {
          caseId: r.caseId,
          sector: r.sector,
          sale: r.sale,
          clocks: r.clocks.map(clockView),
          rights: r.rights.map(rightView),
        },
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
  ctx.print(
    [...renderClocks(r.clocks, ctx.colorOut), ...renderRights(r.rights, ctx.colorOut)].join('\n'),
  );
}

export function registerClock(program: Command, act: Act): void {
  const cmd = program
    .command('clock')
    .argument('<case>', t('agenda.arg.case'))
    .description(t('agenda.clock.description'));
  for (const event of RECORDED_STARTS)
    cmd.option(
      `--${event} <date>`,
      t(isOneOf(RIGHT_EVENTS, event) ? `rights.date.${event}` : `agenda.clock.date.${event}`),
    );
  cmd
    .option('--forget <event>', t('agenda.clock.opt.forget'), collect)
    .option('--sector <sector>', t('agenda.clock.opt.sector', { list: SECTORS.join(' | ') }))
    .option('--sale <how>', t('rights.opt.sale', { list: SALE_CHANNELS.join(' | ') }))
    .option('--json', t('agenda.clock.opt.json'))
    .addHelpText('after', examples(`${t('agenda.clock.examples')}\n${t('rights.clock.examples')}`))
    .action(async (caseArg: string, opts: Record<string, unknown>, command: Command) => {
      const options = toClockOptions(caseArg, opts);
      await act(command, 'clock', options, async (ctx) =>
        printClock(ctx, options, await runClock(options, ctx)),
      );
    });
}
