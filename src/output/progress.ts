import type { Writable } from 'node:stream';
import { t } from '../i18n.js';

/** Files smaller than this finish before a progress line would be read. */
const PROGRESS_THRESHOLD = 8 * 1024 * 1024;

/** A progress line on stderr for large files; nothing when stderr is not a terminal. */
export interface ProgressLine {
  update(done: number, total: number): void;
  finish(): void;
}

/** Formats a byte count as people read it: 1.2 MB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** Draws "label  42% (84 MB of 200 MB)" in place, at most every 100 ms. */
export function progressLine(stream: Writable, isTTY: boolean, label: string): ProgressLine {
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      if (!isTTY || total < PROGRESS_THRESHOLD) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      drawn = true;
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      const text = t('evidence.progress', {
        label,
        percent: String(pct),
        done: formatBytes(done),
        total: formatBytes(total),
      });
      stream.write(`\r\x1b[2K${text}`);
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
