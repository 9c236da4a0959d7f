import { Command, Option } from 'commander';
import { collectEndpointTypeCheck, collectParameter, collectPipelineParameter } from './option-parsers';

/** The parsers of the options meant to be given several times: each collects its values. */
const COLLECTORS: ReadonlySet<unknown> = new Set([collectParameter, collectPipelineParameter, collectEndpointTypeCheck]);

/**
 * Makes a second occurrence of an option that takes one value a usage error (exit 2), in `command`
 * and its subcommands. commander keeps the last value without a word, so `cleanup --project a
 * --project b` would act on b, and `--comment x --comment y` would record y. Flags and the options
 * that collect their values (`--parameter`, `--endpoint-type`) may repeat.
 */
export function refuseRepeatedOptions(command: Command): void {
  for (const option of command.options as readonly Option[]) {
    if (!(option.required || option.optional) || option.variadic || COLLECTORS.has(option.parseArg)) {
      continue;
    }
    let given = 0;
    command.on(`option:${option.name()}`, () => {
      given += 1;
      if (given > 1) {
        command.error(`error: ${option.long} is given more than once: it takes one value`, { exitCode: 2, code: 'sagemaker-gitops.repeatedOption' });
      }
    });
  }
  command.commands.forEach(refuseRepeatedOptions);
}
