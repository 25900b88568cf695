// Part of `npm run build`: the public holidays of the jurisdictions' countries for the years
// around now, computed once with the holiday library into dist/holiday-table/<code>.json, so
// that a run reads a small JSON file instead of loading the library and its rules (src/holidays.ts
// falls back to the library for other years, other countries, or another library version).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HOLIDAY_TABLE_DIR, computeHolidayTable } from '../dist/holidays.js';

const ROOT = resolve(import.meta.dirname, '..');
const FROM = 2015;
const TO = 2045;
const dir = join(ROOT, 'templates', 'jurisdictions');
const codes = new Set();
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const country = data.holidayCountry === undefined ? file.slice(0, -5) : data.holidayCountry;
  if (country) codes.add(country);
}
mkdirSync(HOLIDAY_TABLE_DIR, { recursive: true });
for (const code of [...codes].sort()) {
  const table = computeHolidayTable(code, FROM, TO);
  const count = Object.values(table.years).reduce((n, y) => n + y.length, 0);
  if (count === 0) continue;
  writeFileSync(join(HOLIDAY_TABLE_DIR, `${code}.json`), JSON.stringify(table));
}
