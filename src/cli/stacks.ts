import { Command } from 'commander';
import { formatSummary, summarizeAssembly } from './assembly-summary';
import { GlobalOptions, Output } from './output';

/** `stacks [assembly...]`: the stacks of synthesized cloud assemblies and their resource counts. */
export function stacksCommand(output: Output): Command {
  return new Command('stacks')
    .description('list the stacks of synthesized CDK apps (cdk.out folders) with their environment and resource count')
    .argument('[assembly...]', 'cloud assembly folders', ['cdk.out'])
    .action(function (this: Command, assemblies: string[]) {
      const rows = assemblies.flatMap((dir) => summarizeAssembly(dir));
      const { json } = this.optsWithGlobals<GlobalOptions>();
      output.result(json ? rows : formatSummary(rows), json);
    });
}
