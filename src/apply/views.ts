import { maskIdentity } from '../domain/identity.js';
import type { Application } from './model.js';

/**
 * How an application is shown: on the terminal (the preview, `--text`, `--json`) its identity
 * numbers are masked; only the document (`-o`) carries them in full.
 */

/** The text with every identity number of the application masked ("*******1234"). */
export function masked(app: Application, text: string): string {
  if (app.secrets.length === 0) return text;
  // One pass, the longest first: a number inside another is never masked twice.
  const longest = [...app.secrets].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    longest.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
    'g',
  );
  return text.replace(pattern, (m) => maskIdentity(m));
}

/** The preview: heading, then each field's label and its value indented. */
export function renderApplicationPreview(
  app: Application,
  style: { bold: (s: string) => string; dim: (s: string) => string } = {
    bold: (s) => s,
    dim: (s) => s,
  },
): string {
  const out: string[] = [];
  if (app.sender.length > 0) out.push(...app.sender, '');
  if (app.dateLine) out.push(app.dateLine, '');
  if (app.addressee.length > 0) out.push(...app.addressee, '');
  out.push(...app.title.map((t, i) => (i === 0 ? style.bold(t) : t)));
  if (app.subtitle) out.push('', style.bold(app.subtitle));
  if (app.greeting) out.push('', app.greeting);
  for (const f of app.fields) {
    out.push('', style.bold(f.label));
    for (const l of f.lines) out.push(`  ${l}`);
  }
  out.push('', ...app.closing);
  if (app.note) out.push('', style.dim(app.note));
  return masked(app, out.join('\n')) + '\n';
}

/** `--text`: each field's label on a line, its value under it, a blank line between fields. */
export function renderApplicationFields(app: Application): string {
  const blocks = app.fields.map((f) => `${f.label}\n${f.lines.join('\n')}`);
  return masked(app, blocks.join('\n\n')) + '\n';
}

/** The export of `apply -o`: where, what, how big, its hash. */
export interface ApplicationExport {
  file: string;
  format: 'docx' | 'pdf';
  size: number;
  sha256: string;
}

/** `apply --json`: the structured application (identity numbers masked). */
export function applicationView(
  caseId: number,
  app: Application,
  exported: ApplicationExport | null,
) {
  return {
    caseId,
    forum: app.forum,
    form: app.form,
    language: app.language,
    direction: app.direction,
    date: app.date,
    title: masked(app, app.title.join('\n')),
    fields: app.fields.map((f) => ({
      key: f.key,
      label: f.label,
      value: masked(app, f.lines.join('\n')),
    })),
    closing: app.closing.map((l) => masked(app, l)),
    note: app.note,
    gaps: app.gaps,
    export: exported,
  };
}
