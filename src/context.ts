import { Chalk, type ChalkInstance } from 'chalk';
import type { Readable, Writable } from 'node:stream';
import type { Db } from './db/open.js';
import { ensureDataDir, openDatabase } from './db/open.js';
import { getProfile } from './db/profile-repo.js';
import type { Clock } from './domain/dates.js';
import type { Profile } from './domain/model.js';
import { removeTempFilesInFlight, setTempOwner, sweepOrphanTemps } from './files/atomic.js';
import { join } from 'node:path';
import type { DataPaths } from './paths.js';
import { resolveDataPaths } from './paths.js';
import type { Prompter } from './prompts/prompter.js';
import type { UiLanguage } from './i18n.js';
import { resolveUiLanguage, setUiLanguage, uiLanguage } from './i18n.js';
import { syncUiSettings } from './files/ui-settings.js';

/** The process as main.ts hands it over: nothing else reads process.*. */
export interface Runtime {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  platform: string;
  home: string;
  cwd: string;
  now: () => Date;
  /** The host's time zone, used until the profile names one. */
  systemTimeZone: string;
  /** Aborted on Ctrl-C. */
  signal?: AbortSignal;
  /** This process's PID and a liveness test, for the temp files a killed run left behind. */
  pid?: number;
  isRunning?: (pid: number) => boolean;
  /** Tests pass a scripted prompter; otherwise the real one is loaded on first use. */
  prompter?: Prompter;
}

/** The global flags every command shares. */
export interface GlobalOptions {
  dataDir?: string | undefined;
  input?: boolean | undefined;
  color?: boolean | undefined;
  debug?: boolean | undefined;
}

/** What every command is handed: streams and TTY flags, prompter, clock, paths, db, colour. */
export interface AppContext {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  stdoutIsTTY: boolean;
  /** Progress lines are drawn only on a terminal. */
  stderrIsTTY: boolean;
  /** The user's home and current directory: where attached files may be reached through links. */
  home: string;
  cwd: string;
  /** `process.platform`: doctor skips POSIX modes on win32. */
  platform: string;
  /** Prompts are allowed: stdin and stdout are terminals and --no-input was not given. */
  interactive: boolean;
  debug: boolean;
  env: Record<string, string | undefined>;
  paths: DataPaths;
  now: () => Date;
  /** Colour for messages on stderr. */
  color: ChalkInstance;
  /** Colour for data on stdout (none when stdout is piped). */
  colorOut: ChalkInstance;
  /** Opens the database on first use (creating the data dir 0700 and the file 0600). */
  db(): Db;
  /** The profile, when there is one. */
  profile(): Profile | undefined;
  /** The user's clock: now and the profile's time zone (else the host's). */
  clock(): Clock;
  prompter(): Promise<Prompter>;
  /** After the profile was saved: the language and its mirror follow it. */
  profileChanged(profile: Profile): void;
  /** The interface language (COMPLAIN_LANG, else the profile's, else the locale, else the country's). */
  language(): UiLanguage;
  /** Writes a message line to stderr. */
  say(message: string): void;
  /** Writes data to stdout. */
  print(data: string): void;
  /** Removes temp files still being written (a run cut short) and closes the database. */
  close(): void;
}

function colorLevel(runtime: Runtime, flag: boolean | undefined, isTTY: boolean): 0 | 1 | 2 | 3 {
  const env = runtime.env;
  if (flag === false) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (env.TERM === 'dumb') return 0;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return 1;
  if (!isTTY) return 0;
  return env.COLORTERM === 'truecolor' ? 3 : 1;
}

/** Builds the context for one command run. */
export function createContext(runtime: Runtime, globals: GlobalOptions): AppContext {
  const paths = resolveDataPaths({
    flag: globals.dataDir,
    env: runtime.env,
    platform: runtime.platform,
    home: runtime.home,
    cwd: runtime.cwd,
  });
  if (runtime.pid !== undefined) setTempOwner(runtime.pid);
  let db: Db | undefined;
  let prompter: Prompter | undefined = runtime.prompter;
  const ctx: AppContext = {
    // Read when used: process.stdin sets up a stream when first read.
    get stdin() {
      return runtime.stdin;
    },
    stdout: runtime.stdout,
    stderr: runtime.stderr,
    stdoutIsTTY: runtime.stdoutIsTTY,
    stderrIsTTY: runtime.stderrIsTTY,
    home: runtime.home,
    cwd: runtime.cwd,
    platform: runtime.platform,
    interactive: runtime.stdinIsTTY && runtime.stdoutIsTTY && globals.input !== false,
    debug: Boolean(globals.debug),
    env: runtime.env,
    paths,
    now: runtime.now,
    color: new Chalk({ level: colorLevel(runtime, globals.color, runtime.stderrIsTTY) }),
    colorOut: new Chalk({ level: colorLevel(runtime, globals.color, runtime.stdoutIsTTY) }),
    db() {
      if (!db) {
        ensureDataDir(paths.dataDir);
        db = openDatabase(paths.dbFile);
        // The database decides the language once it is open; the mirror follows it.
        const profile = getProfile(db);
        setUiLanguage(uiLanguageFor(runtime.env, profile));
        if (profile) syncUiSettings(paths.dataDir, uiSettingsOf(profile));
        // A run killed outright (SIGKILL, power loss) could not remove its temp files: do it now.
        if (runtime.isRunning) {
          const dirs = ['', 'letters', 'backups'].map((d) => join(paths.dataDir, d));
          // An attach killed after its commit leaves a staged copy its record names: keep it.
          // (Asked here, not through evidence-repo, which every command would then load.)
          const opened = db;
          const isRecorded = (dir: string, sha256: string) =>
            dir === paths.evidenceDir &&
            opened.prepare('SELECT 1 FROM evidence WHERE stored_path = ?').get(sha256) !==
              undefined;
          sweepOrphanTemps([...dirs, paths.evidenceDir], runtime.isRunning, isRecorded);
        }
      }
      return db;
    },
    profile() {
      return getProfile(ctx.db());
    },
    clock() {
      return {
        now: runtime.now(),
        timeZone: ctx.profile()?.timeZone ?? runtime.systemTimeZone,
        // A date phrase is read in the interface language first.
        language: uiLanguage(),
      };
    },
    async prompter() {
      if (!prompter) {
        const { createInquirerPrompter } = await import('./prompts/inquirer-prompter.js');
        prompter = createInquirerPrompter({
          input: runtime.stdin,
          output: runtime.stderr,
          ...(runtime.signal ? { signal: runtime.signal } : {}),
        });
      }
      return prompter;
    },
    profileChanged(profile) {
      setUiLanguage(uiLanguageFor(runtime.env, profile));
      syncUiSettings(paths.dataDir, uiSettingsOf(profile));
    },
    language() {
      return uiLanguage();
    },
    say(message) {
      runtime.stderr.write(message.endsWith('\n') ? message : message + '\n');
    },
    print(data) {
      runtime.stdout.write(data.endsWith('\n') ? data : data + '\n');
    },
    close() {
      removeTempFilesInFlight();
      if (db?.open) db.close();
      db = undefined;
    },
  };
  return ctx;
}

/** What the mirror beside the database keeps of a profile. */
export function uiSettingsOf(profile: Profile): {
  interfaceLanguage: string | null;
  country: string;
} {
  return { interfaceLanguage: profile.interfaceLanguage ?? null, country: profile.country };
}

function uiLanguageFor(
  env: Record<string, string | undefined>,
  profile: Pick<Profile, 'country' | 'interfaceLanguage'> | undefined,
): UiLanguage {
  return resolveUiLanguage({
    env,
    profileLanguage: profile?.interfaceLanguage,
    country: profile?.country,
  });
}

// main.ts starts the language from ui-language.ts, which does not load the database.
export { startUiLanguage } from './ui-language.js';
