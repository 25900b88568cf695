import { ComplainError } from '../errors.js';

/**
 * Turns a parser into a prompt validator: true when it accepts the answer, else the same
 * one-line message (and fix) the flag would get. An empty answer passes when `optional`.
 */
export function validatorFor(
  parse: (value: string) => unknown,
  optional = false,
): (value: string) => true | string {
  return (value) => {
    if (optional && !value.trim()) return true;
    try {
      parse(value);
      return true;
    } catch (error) {
      if (error instanceof ComplainError)
        return error.hint ? `${error.message} — ${error.hint}` : error.message;
      return error instanceof Error ? error.message : String(error);
    }
  };
}
