import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { getCase, listCases } from '../db/case-repo.js';
import type { CaseRecord } from '../domain/model.js';
import { ACTIVE_STATUSES } from '../domain/vocab.js';
import { CancelledError, UsageError } from '../errors.js';
import { t } from '../i18n.js';

/** Accepts "3" or "#3". */
export function parseId(text: string, what: string): number {
  const m = /^#?(\d{1,9})$/.exec(text.trim());
  if (!m) throw new UsageError(t('cli.id.notANumber', { text, what }), t('cli.id.notANumberHint'));
  return Number(m[1]);
}

/** Commander's collector for repeatable flags. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * The case a command works on: the one named, else the only open case, else the user picks
 * one on a terminal; without one, a usage error that says how to name it.
 */
export async function resolveCase(
  ctx: AppContext,
  arg: string | undefined,
  verb: string,
): Promise<CaseRecord> {
  const db = ctx.db();
  if (arg !== undefined) return getCase(db, parseId(arg, 'case'));
  const open = listCases(db).filter(
    (c) => ACTIVE_STATUSES.includes(c.status) && c.closedAt === null,
  );
  if (open.length === 1) return open[0]!;
  if (open.length === 0) {
    throw new UsageError(t('cli.case.noneOpen'), t('cli.case.noneOpenHint', { verb }));
  }
  if (!ctx.interactive) {
    throw new UsageError(
      t('cli.case.manyOpen', { count: open.length }),
      t('cli.case.manyOpenHint', { verb, id: String(open[0]!.id) }),
    );
  }
  const prompter = await ctx.prompter();
  const id = await prompter.select({
    message: t('cli.case.which'),
    choices: open
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
      .map((c) => ({ value: String(c.id), name: `#${c.id} ${c.company.name}: ${c.title}` })),
  });
  return getCase(db, Number(id));
}

/** Asks before a destructive action; without a terminal, `--yes` is required. */
export async function confirmDestructive(
  ctx: AppContext,
  question: string,
  yes: boolean | undefined,
): Promise<void> {
  if (yes) return;
  if (!ctx.interactive)
    throw new UsageError(t('cli.confirm.needYes'), t('cli.confirm.needYesHint'));
  const prompter = await ctx.prompter();
  const ok = await prompter.confirm({ message: question, default: false });
  if (!ok) throw new CancelledError(t('cli.confirm.nothingDeleted'));
}

/**
 * Help text that leads with examples (clig.dev). `lines` is a catalogue message with one example
 * per line (a line that starts with spaces continues the one above), or a list of them.
 */
export function examples(lines: string[] | string): string {
  const list = typeof lines === 'string' ? lines.split('\n') : lines;
  return (
    `\n${t('cli.examples')}\n` +
    list.map((l) => (/^\s/.test(l) ? `  ${l}` : `  $ ${l}`)).join('\n') +
    '\n'
  );
}

/**
 * How an action hands over: cli.ts builds the context for `cmd` and runs `body`; the argv table
 * test records `name` and `options` instead.
 */
export type Act = <O>(
  cmd: Command,
  name: string,
  options: O,
  body: (ctx: AppContext) => Promise<void>,
) => Promise<void>;
