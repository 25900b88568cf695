/** The version printed by --version: a module of its own, so that answering loads nothing else. */
export const VERSION = '0.1.0';

// Defined by scripts/bundle.mjs: a digest of the compiled program the bundle was made from.
declare const __COMPLAIN_BUILD__: string | undefined;

/**
 * Which build of the program runs: rows it computed and kept (the due cache) are thrown away
 * when another build reads them, even one of the same version. 'unbundled' for the compiled
 * modules run directly (the tests).
 */
export const BUILD: string =
  typeof __COMPLAIN_BUILD__ === 'string' ? __COMPLAIN_BUILD__ : 'unbundled';
