import { REQUEST_LIMITS, countProblem, listProblem, mapProblem, resolvedText } from '../pipeline-definition/steps/request-limits';
import { LocalRunError } from './errors';

/*
 * The limits CreateProcessingJob and CreateTrainingJob put on a step's resolved arguments
 * (REQUEST_LIMITS). SageMaker refuses a job that breaks one when the step starts; the local run
 * refuses it too, so that a value that only resolves at run time (a parameter, a property) fails
 * here as it would in the cloud. The builder checks the literal values when a step is created.
 */

function refuse(where: string, ...problems: Array<string | undefined>): void {
  const problem = problems.find((p) => p !== undefined);
  if (problem !== undefined) {
    throw new LocalRunError(`${where}: ${problem}`);
  }
}

/**
 * Checks a processing step's Environment, ContainerEntrypoint, ContainerArguments, inputs and
 * outputs as CreateProcessingJob does.
 *
 * @throws LocalRunError naming the step, the field, the entry and the limit
 */
export function checkProcessingJobLimits(args: {
  readonly Environment?: unknown;
  readonly AppSpecification?: { readonly ContainerEntrypoint?: unknown; readonly ContainerArguments?: unknown };
  readonly ProcessingInputs?: readonly unknown[];
  readonly ProcessingOutputConfig?: { readonly Outputs?: readonly unknown[] };
}, where: string): void {
  const limits = REQUEST_LIMITS.processing;
  refuse(where,
    mapProblem(args.Environment, 'Environment', limits.environment, limits.api, resolvedText, 'resolved to'),
    listProblem(args.AppSpecification?.ContainerEntrypoint, 'ContainerEntrypoint', limits.containerList, limits.api, resolvedText),
    listProblem(args.AppSpecification?.ContainerArguments, 'ContainerArguments', limits.containerList, limits.api, resolvedText),
    countProblem(args.ProcessingInputs, 'ProcessingInputs', limits.maxInputs, limits.api),
    countProblem(args.ProcessingOutputConfig?.Outputs, 'ProcessingOutputConfig.Outputs', limits.maxOutputs, limits.api));
}

/**
 * Checks a training step's HyperParameters and Environment as CreateTrainingJob does.
 *
 * @throws LocalRunError naming the step, the field, the entry and the limit
 */
export function checkTrainingJobLimits(args: { readonly HyperParameters?: unknown; readonly Environment?: unknown }, where: string): void {
  const limits = REQUEST_LIMITS.training;
  refuse(where,
    mapProblem(args.HyperParameters, 'HyperParameters', limits.hyperParameters, limits.api, resolvedText, 'resolved to'),
    mapProblem(args.Environment, 'Environment', limits.environment, limits.api, resolvedText, 'resolved to'));
}
