import type { ElicitResult } from '@mcpx/core';
import type { ElicitRequestFormParams } from '@mcpx/core/schemas';
import type { Style } from '../output/style.js';
import { formFields, parseAnswer, showDefault, type FormField } from './form-fields.js';
import type { Prompter } from './prompter.js';

/**
 * Asks the fields of an elicitation form one by one, re-asking after an invalid answer, then
 * asks to send. Resolves with `accept` and the values, `decline` when the user says no, or
 * `cancel` when input ends (Ctrl-D) or `signal` aborts.
 */
export async function askForm(
  server: string,
  params: ElicitRequestFormParams,
  prompter: Prompter,
  style: Style,
  signal?: AbortSignal,
): Promise<ElicitResult> {
  const schema = params.requestedSchema;
  const fields = formFields(schema.properties, schema.required);
  prompter.say(`${style.bold(server)} asks: ${params.message}`);
  prompter.say(
    style.dim('  Enter keeps the [default]; an optional field left empty is left out. Ctrl-D dismisses, Ctrl-C cancels the call.'),
  );
  const content: Record<string, unknown> = {};
  for (const field of fields) {
    const { header, prompt } = question(field, style);
    prompter.say(header);
    for (;;) {
      if (signal?.aborted) return { action: 'cancel' };
      const line = await prompter.ask(prompt);
      if (line === undefined || signal?.aborted) return { action: 'cancel' };
      const parsed = parseAnswer(field, line);
      if ('error' in parsed) {
        prompter.say(`  ${style.red('✗')} ${parsed.error}`);
        continue;
      }
      if ('value' in parsed) content[field.key] = parsed.value;
      break;
    }
  }
  for (;;) {
    const line = await prompter.ask(`Send these answers to ${server}? [Y/n] `);
    if (line === undefined || signal?.aborted) return { action: 'cancel' };
    if (/^(|y|yes)$/i.test(line.trim())) return { action: 'accept', content: content as ElicitResult['content'] };
    if (/^(n|no)$/i.test(line.trim())) return { action: 'decline' };
  }
}

function question(field: FormField, style: Style): { header: string; prompt: string } {
  const required = field.required ? style.yellow('*') : '';
  const description = field.description === undefined ? '' : style.dim(` — ${field.description}`);
  const choices =
    field.choices.length === 0
      ? ''
      : `\n${field.choices.map((choice, index) => `    ${style.cyan(String(index + 1))}) ${choice.title}${choice.title === choice.value ? '' : style.dim(` (${choice.value})`)}`).join('\n')}`;
  const kind =
    field.kind === 'boolean'
      ? ' (y/n)'
      : field.kind === 'multiselect'
        ? ' (numbers, comma-separated)'
        : field.kind === 'select'
          ? ' (number)'
          : '';
  const fallback = showDefault(field);
  const shown = fallback === undefined ? '' : ` [${fallback}]`;
  return { header: `  ${style.bold(field.label)}${required}${description}${choices}`, prompt: `  ${style.cyan('›')}${kind}${shown}: ` };
}
