/**
 * The prompt seam: commands and wizards ask through this interface; only
 * inquirer-prompter.ts imports @inquirer/prompts. Ctrl-C rejects with CancelledError.
 */
export interface Choice<T extends string> {
  value: T;
  name: string;
  description?: string;
}

export interface Prompter {
  /** A line of text. `validate` returns true or the message to show. */
  input(options: {
    message: string;
    default?: string | undefined;
    required?: boolean;
    validate?: (value: string) => true | string;
  }): Promise<string>;
  /** One value from a list; arrow keys move, Enter picks. */
  select<T extends string>(options: {
    message: string;
    choices: Choice<T>[];
    default?: T | undefined;
  }): Promise<T>;
  /** Yes or no. */
  confirm(options: { message: string; default?: boolean }): Promise<boolean>;
}
