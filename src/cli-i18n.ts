/**
 * Commander speaks English; this makes its help headings and its error messages come from the
 * catalogue: a Command subclass whose error() rewrites the message by its code, and Help
 * settings whose titles are translated. Flags, command names and usage words stay as typed.
 */
import type { Help } from 'commander';
import { Command } from 'commander';
import { t } from './i18n.js';

const TITLES: Record<string, string> = {
  'Usage:': 'cli.help.usage',
  'Arguments:': 'cli.help.arguments',
  'Options:': 'cli.help.options',
  'Global Options:': 'cli.help.globalOptions',
  'Commands:': 'cli.help.commands',
};

/** The help layout with translated headings. */
export const localHelp: Partial<Help> = {
  styleTitle(title: string): string {
    const key = TITLES[title];
    return key ? t(key) : title;
  },
};

/** Commander's English error message, rewritten from its code and the names it carries. */
export function localCommanderError(message: string, code: string | undefined): string {
  const quoted = [...message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
  const suggestion = /\(Did you mean (?:one of )?(.+?)\?\)/.exec(message)?.[1];
  const hint = suggestion ? '\n' + t('cli.error.didYouMean', { options: suggestion }) : '';
  switch (code) {
    case 'commander.unknownOption':
      return t('cli.error.unknownOption', { flag: quoted[0] ?? '' }) + hint;
    case 'commander.unknownCommand':
      return t('cli.error.unknownCommand', { command: quoted[0] ?? '' }) + hint;
    case 'commander.missingArgument':
      return t('cli.error.missingArgument', { name: quoted[0] ?? '' });
    case 'commander.optionMissingArgument':
      return t('cli.error.optionMissingArgument', { flag: quoted[0] ?? '' });
    case 'commander.missingMandatoryOptionValue':
      return t('cli.error.missingMandatoryOption', { flag: quoted[0] ?? '' });
    case 'commander.conflictingOption':
      return t('cli.error.conflictingOption', { a: quoted[0] ?? '', b: quoted[1] ?? '' });
    case 'commander.excessArguments': {
      const m = /Expected (\d+) argument.* but got (\d+)/.exec(message);
      return t('cli.error.excessArguments', {
        expected: Number(m?.[1] ?? 0),
        received: Number(m?.[2] ?? 0),
      });
    }
    default:
      return message;
  }
}

/** A commander Command whose errors and help speak the interface language. */
export class LocalCommand extends Command {
  override createCommand(name?: string): Command {
    return new LocalCommand(name);
  }

  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    return super.error(localCommanderError(message, errorOptions?.code), errorOptions);
  }
}
