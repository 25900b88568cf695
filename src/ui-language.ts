import type { Runtime } from './context.js';
import { readUiSettings } from './files/ui-settings.js';
import type { UiLanguage } from './i18n.js';
import { resolveUiLanguage, setUiLanguage } from './i18n.js';
import { resolveDataPaths } from './paths.js';

/**
 * The interface language before any command runs (for --help and the first messages): from the
 * environment and the settings mirror in the data dir that `argv` points at. Sets it, too.
 */
export function startUiLanguage(runtime: Runtime, argv: string[]): UiLanguage {
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data-dir') flag = argv[i + 1];
    else if (a.startsWith('--data-dir=')) flag = a.slice('--data-dir='.length);
  }
  const paths = resolveDataPaths({
    flag,
    env: runtime.env,
    platform: runtime.platform,
    home: runtime.home,
    cwd: runtime.cwd,
  });
  const mirror = readUiSettings(paths.dataDir);
  const language = resolveUiLanguage({
    env: runtime.env,
    profileLanguage: mirror?.interfaceLanguage,
    country: mirror?.country,
  });
  setUiLanguage(language);
  return language;
}
