/** The version printed by --version: a module of its own, so that answering loads nothing else. */
export const VERSION = '0.1.0';
