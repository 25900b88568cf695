import { sanitizeText } from './text.js';
import type { EvidenceKind } from './vocab.js';

/** Extensions that say what a file most likely is; anything else is `other`. */
const KIND_BY_EXTENSION: Record<string, EvidenceKind> = {
  jpg: 'photo',
  jpeg: 'photo',
  heic: 'photo',
  heif: 'photo',
  webp: 'photo',
  png: 'screenshot',
  mp3: 'recording',
  m4a: 'recording',
  wav: 'recording',
  ogg: 'recording',
  opus: 'recording',
  amr: 'recording',
  mp4: 'recording',
  mov: 'recording',
  eml: 'correspondence',
  msg: 'correspondence',
};

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The kind to record when the user gave none: from the extension, else `other`. */
export function guessKind(fileName: string): EvidenceKind {
  return KIND_BY_EXTENSION[extensionOf(fileName)] ?? 'other';
}

/** The label to record when the user gave none: the file name without extension, `_` as spaces. */
export function defaultLabel(fileName: string): string {
  const clean = sanitizeText(fileName);
  const dot = clean.lastIndexOf('.');
  const stem = dot > 0 ? clean.slice(0, dot) : clean;
  const label = stem.replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return label || clean || 'document';
}

/**
 * A file name that is safe inside a zip and on any desktop: no path separators, no characters
 * Windows refuses, no controls; letters of any script stay.
 */
export function safeFileName(name: string): string {
  const cleaned = sanitizeText(name)
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^\.+/, '')
    .trim();
  return cleaned || 'file';
}

/** The readable name of an evidence file in the bundle: `evidence/01-receipt-fatura_şubat.pdf`. */
export function bundleEvidenceName(
  index: number,
  total: number,
  kind: string,
  originalName: string,
): string {
  const width = Math.max(2, String(total).length);
  return `evidence/${String(index).padStart(width, '0')}-${kind}-${safeFileName(originalName)}`;
}
