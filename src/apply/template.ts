import { existsSync, readdirSync } from 'node:fs';
import { readTemplateJson, TEMPLATES_DIR } from '../templates.js';

/**
 * The shape of templates/applications/<forum-id>.json: the application a forum takes, per
 * language, as data a translator edits (labels, fixed sentences, the remedy as the forum asks for
 * it), and templates/applications/facts/<lang>.json: the sentences that tell the case's facts to
 * a third party (the company named, never "you"). Code only fills placeholders.
 */

/** A line of a field: dropped when a value it names is empty, or with `blank` left to fill in. */
export type FormLine = string | { text: string; blank?: boolean };

/** The lists a field can take from the case file. */
export type FormList = 'facts' | 'evidence' | 'computation';

/** One field of the form: a label, then its lines, a list from the case file, or both. */
export interface FormField {
  key: string;
  label: string;
  lines?: FormLine[];
  list?: FormList;
  /** Lines after the list, only when it has items ("Copies are enclosed"). */
  listedLines?: FormLine[];
  /** A list as numbered items ("1. …") or as one paragraph per item. */
  style?: 'numbered' | 'paragraphs';
}

/** The application in one language. */
export interface ApplicationForm {
  /** A letter's sender block (the letter before action), above everything else. */
  sender?: FormLine[];
  /** The date line under the sender (letters only). */
  date?: string;
  /** The recipient's block (letters only). */
  addressee?: FormLine[];
  /** Centred heading lines: the addressee of a petition, or the form's name. */
  title: string[];
  /** A bold line under the title (the subject of a letter). */
  subtitle?: string;
  /** The salutation of a letter, before the fields. */
  greeting?: string;
  fields: FormField[];
  /** Date, name and signature lines. */
  closing: FormLine[];
  /** A last line for the applicant (keep the tracking code…), in the form's language. */
  note?: string;
  /** The remedy as the form asks for it ({amount}, {product}, {detail}). */
  remedies: Record<string, string>;
  /** The lines of the sum claimed ({product}, {on}, {amount}, {purchased}, {blank}). */
  computation?: { price: string; on: string; total: string; unknown: string };
}

/** templates/applications/<forum-id>.json. */
export interface ApplicationTemplate {
  forum: string;
  /** A petition, a mediation application, a web form's fields, or a letter (before action). */
  kind: 'petition' | 'mediation' | 'web-form' | 'letter';
  /** The languages the forum takes, the default first. */
  languages: string[];
  /** The days a letter gives for the reply ({replyBy}). */
  replyDays?: number;
  source: string;
  verified: boolean;
  forms: Record<string, ApplicationForm>;
}

/** templates/applications/facts/<lang>.json: the case told to a third party. */
export interface FactTexts {
  blank: string;
  listSeparator: string;
  standings: Record<string, string>;
  letterKinds: Record<string, string>;
  [key: string]: string | Record<string, string>;
}

const DIR = 'applications';

/** The forum ids that have an application template. */
export function applicationForums(): string[] {
  if (!existsSync(TEMPLATES_DIR + DIR)) return [];
  return readdirSync(TEMPLATES_DIR + DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

const cache = new Map<string, unknown>();

function cached<T>(relative: string): T {
  if (!cache.has(relative)) cache.set(relative, readTemplateJson<T>(relative));
  return cache.get(relative) as T;
}

/** The application template of a forum, or undefined when there is none. */
export function loadApplicationTemplate(forumId: string): ApplicationTemplate | undefined {
  if (!/^[a-z0-9-]+$/.test(forumId) || !applicationForums().includes(forumId)) return undefined;
  return cached<ApplicationTemplate>(`${DIR}/${forumId}.json`);
}

/** The fact sentences of a language. */
export function loadFactTexts(language: string): FactTexts {
  return cached<FactTexts>(`${DIR}/facts/${language}.json`);
}
