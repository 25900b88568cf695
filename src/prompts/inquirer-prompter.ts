import { confirm, input, select } from '@inquirer/prompts';
import type { Readable, Writable } from 'node:stream';
import { CancelledError } from '../errors.js';
import type { Prompter } from './prompter.js';

function isPromptExit(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError';
}

async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isPromptExit(error)) throw new CancelledError();
    throw error;
  }
}

/** The real prompter: @inquirer/prompts on the context's streams. */
export function createInquirerPrompter(streams: {
  input: Readable;
  output: Writable;
  signal?: AbortSignal;
}): Prompter {
  const context = {
    input: streams.input,
    output: streams.output,
    ...(streams.signal ? { signal: streams.signal } : {}),
  };
  return {
    input: (o) =>
      guard(() =>
        input(
          {
            message: o.message,
            ...(o.default !== undefined && o.default !== '' ? { default: o.default } : {}),
            required: o.required ?? false,
            ...(o.validate ? { validate: o.validate } : {}),
          },
          context,
        ),
      ),
    select: (o) =>
      guard(() =>
        select(
          {
            message: o.message,
            choices: o.choices,
            ...(o.default !== undefined ? { default: o.default } : {}),
            pageSize: 10,
          },
          context,
        ),
      ),
    confirm: (o) =>
      guard(() => confirm({ message: o.message, default: o.default ?? true }, context)),
  };
}
