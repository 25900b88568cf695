import { describe, expect, it } from 'vitest';
import { countryName } from '../../src/domain/jurisdiction.js';
import { inLanguage } from '../../src/i18n.js';

describe('countryName', () => {
  it.each([
    ['en', 'United States'],
    ['tr', 'Amerika Birleşik Devletleri'],
    ['ru', 'Соединенные Штаты'],
  ] as const)('names a jurisdiction as a %s reader does, never by its code', (language, name) => {
    expect(inLanguage(language, () => countryName('US'))).toBe(name);
  });
  it('keeps a code no locale names (EU) as it is', () => {
    expect(countryName('EU', 'tr-TR')).toBe('EU');
  });
});
