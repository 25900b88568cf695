import type { MessageParams, UiLanguage } from '../i18n.js';
import { inLanguage, translate, uiLanguage } from '../i18n.js';

/**
 * Makes `key` of `target` an enumerable property computed on its first read and then kept:
 * `due` on a large file builds tens of thousands of agenda rows and prints forty of them, so
 * the sentences of the others are never written. Reads see a plain value (JSON, spreads, tests).
 */
export function lazyProperty<T extends object, K extends keyof T>(
  target: T,
  key: K,
  compute: () => T[K],
): void {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get(this: T) {
      const value = compute();
      Object.defineProperty(this, key, {
        value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
      return value;
    },
    set(this: T, value: T[K]) {
      Object.defineProperty(this, key, {
        value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
    },
  });
}

/** `t(key, params)` in the interface language of now, formatted when first read. */
export function lazyText<T extends object, K extends keyof T>(
  target: T,
  key: K,
  message: string,
  params?: MessageParams,
): void {
  const language: UiLanguage = uiLanguage();
  lazyProperty(target, key, () => translate(language, message, params) as T[K]);
}

/** `compute()` run in the interface language of now, when first read. */
export function lazyInLanguage<T extends object, K extends keyof T>(
  target: T,
  key: K,
  compute: () => T[K],
): void {
  const language: UiLanguage = uiLanguage();
  lazyProperty(target, key, () => inLanguage(language, compute));
}
