import type { ChalkInstance } from 'chalk';
import { t, uiLanguage } from '../i18n.js';
import { localize } from '../domain/jurisdiction-rules.js';
import type { RightResult } from '../domain/rights.js';

/** One right as JSON: the same in every interface language. */
export function rightView(r: RightResult) {
  return {
    id: r.rule.id,
    label: r.rule.label.en,
    state: r.state,
    remedies: r.rule.remedies,
    windowStart: r.window?.start ?? null,
    windowEnd: r.window?.end ?? null,
    exercisedOn: r.exercisedOn,
    heldSince: r.heldSince,
    performBy: r.perform?.end ?? null,
    performOverdue: r.perform?.overdue ?? null,
    source: r.rule.source,
    verified: r.rule.verified,
  };
}

/** The rights block of `complain clock` and `complain show`. */
export function renderRights(rights: readonly RightResult[], c: ChalkInstance): string[] {
  if (rights.length === 0) return [];
  const lines = [c.bold(t('rights.title', { count: rights.length }))];
  for (const r of rights) {
    const state =
      r.state === 'exercised'
        ? c.green(t('rights.state.exercised', { date: r.exercisedOn ?? '' }))
        : r.state === 'lapsed'
          ? c.red(t('rights.state.lapsed', { date: r.window?.end ?? '' }))
          : c.yellow(t('rights.state.available', { end: r.window?.end ?? 'none' }));
    const trust = r.rule.verified ? '' : c.yellow(` ${t('rights.unverified')}`);
    lines.push(`  ${localize(r.rule.label, uiLanguage())} [${state}]${trust}`);
    const perform = r.perform?.end
      ? `; ${t('rights.perform', { date: r.perform.end, overdue: r.perform.overdue ? 'yes' : 'no' })}`
      : '';
    lines.push(c.dim(`    ${r.rule.source}${perform}`));
  }
  return lines;
}
