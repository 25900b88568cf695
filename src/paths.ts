import { isAbsolute, join, resolve } from 'node:path';

/** Where the data lives: the database and the evidence store. */
export interface DataPaths {
  dataDir: string;
  dbFile: string;
  evidenceDir: string;
  /** Where the data dir came from, for `complain path` and error messages. */
  source: 'flag' | 'COMPLAIN_HOME' | 'platform';
}

/**
 * The data dir: `--data-dir`, else `COMPLAIN_HOME`, else the platform's data dir
 * (XDG_DATA_HOME or ~/.local/share on Linux; a relative XDG_DATA_HOME is ignored, as the spec says).
 */
export function resolveDataPaths(options: {
  flag: string | undefined;
  env: Record<string, string | undefined>;
  platform: string;
  home: string;
  cwd: string;
}): DataPaths {
  const { flag, env, platform, home, cwd } = options;
  let dataDir: string;
  let source: DataPaths['source'];
  if (flag) {
    dataDir = resolve(cwd, flag);
    source = 'flag';
  } else if (env.COMPLAIN_HOME) {
    dataDir = resolve(cwd, env.COMPLAIN_HOME);
    source = 'COMPLAIN_HOME';
  } else {
    source = 'platform';
    if (platform === 'darwin') dataDir = join(home, 'Library', 'Application Support', 'complain');
    else if (platform === 'win32')
      dataDir = join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'complain', 'Data');
    else {
      const xdg = env.XDG_DATA_HOME;
      dataDir = join(xdg && isAbsolute(xdg) ? xdg : join(home, '.local', 'share'), 'complain');
    }
  }
  return {
    dataDir,
    dbFile: join(dataDir, 'complain.db'),
    evidenceDir: join(dataDir, 'evidence'),
    source,
  };
}
