import { describe, expect, it } from 'vitest';
import {
  bundleEvidenceName,
  defaultLabel,
  guessKind,
  safeFileName,
} from '../../src/domain/evidence.js';
import { renderTimelineCsv } from '../../src/export/timeline.js';
import type { TimelineRow } from '../../src/export/timeline.js';

describe('evidence names', () => {
  it.each([
    ['fatura_şubat.pdf', 'fatura şubat'],
    ['قرارداد.pdf', 'قرارداد'],
    ['my  scan__2.jpeg', 'my scan 2'],
    ['.hidden', '.hidden'],
    ['README', 'README'],
  ])('label of %s is %s', (name, label) => {
    expect(defaultLabel(name)).toBe(label);
  });

  it.each([
    ['IMG_0001.JPG', 'photo'],
    ['Screenshot 2026-11-20.png', 'screenshot'],
    ['call.m4a', 'recording'],
    ['reply.eml', 'correspondence'],
    ['invoice.pdf', 'other'],
    ['noextension', 'other'],
  ])('kind guessed for %s is %s', (name, kind) => {
    expect(guessKind(name)).toBe(kind);
  });

  it('makes names safe for a zip and for Windows, keeping every script', () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j.pdf')).toBe('a_b_c_d_e_f_g_h_i_j.pdf');
    expect(safeFileName('..\u202eevil.pdf')).toBe('evil.pdf');
    expect(safeFileName('قرارداد خرید.pdf')).toBe('قرارداد خرید.pdf');
    expect(safeFileName('')).toBe('file');
  });

  it('numbers bundle entries in the chosen order, padded to the count', () => {
    expect(bundleEvidenceName(1, 3, 'receipt', 'fatura_şubat.pdf')).toBe(
      'evidence/01-receipt-fatura_şubat.pdf',
    );
    expect(bundleEvidenceName(7, 120, 'photo', 'a.jpg')).toBe('evidence/007-photo-a.jpg');
  });
});

describe('timeline.csv', () => {
  const row = (summary: string): TimelineRow => ({
    event: 'contact',
    startedAt: '2026-11-20T11:05:00.000Z',
    startedLocal: '20 Nov 2026 14:05',
    endedLocal: '',
    durationMinutes: '',
    channel: 'Phone call',
    direction: 'I contacted them',
    representatives: 'Ayşe K., ID 4411',
    department: '',
    reference: 'TCK-1',
    summary,
    nextSteps: '',
    responsible: '',
    expectedTime: '',
    outcome: '',
    supervisor: '',
    rude: '',
    quotes: '',
    promises: '',
  });

  it('starts with a BOM, quotes what needs it and defuses formulas', () => {
    const csv = renderTimelineCsv([
      row('=HYPERLINK("x")'),
      row('said "no",\nthen hung up'),
    ]).toString('utf8');
    expect(csv.startsWith('\ufeffstarted (UTC),started,')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"said ""no"",\nthen hung up"');
    expect(lines[1]).toContain('"Ayşe K., ID 4411"');
  });
});
