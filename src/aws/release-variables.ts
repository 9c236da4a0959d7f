import { CodePipelineClient, PipelineExecutionSummary, paginateListActionExecutions, paginateListPipelineExecutions } from '@aws-sdk/client-codepipeline';
import { RELEASE_VARIABLES } from '../app-context/resource-names';

/** The release one pipeline execution carries: the variables its staging check exported. */
export interface ExecutionRelease {
  readonly version?: string;
  /** The test AUC as the check wrote it (four decimals, or "not recorded"). */
  readonly auc?: string;
  readonly modelPackageArn?: string;
  /** input-check's line: the model's inputs against the version production serves, or else the version approved before it. */
  readonly inputs?: string;
  /** The version input-check compared with (`none` when there was none to compare with). */
  readonly inputsBase?: string;
}

/**
 * The release an execution of the model-deploy pipeline carries (RELEASE_VARIABLES, which its staging
 * check exported: CodePipeline keeps an action's output variables with the action's execution,
 * "Variables reference"), read with ListActionExecutions filtered on the execution; undefined when
 * no action of it exported them.
 */
export async function readExecutionRelease(client: CodePipelineClient, pipelineName: string, pipelineExecutionId: string): Promise<ExecutionRelease | undefined> {
  for await (const page of paginateListActionExecutions({ client, pageSize: 100 }, { pipelineName, filter: { pipelineExecutionId } })) {
    for (const detail of page.actionExecutionDetails ?? []) {
      const variables = detail.output?.outputVariables ?? {};
      if (variables[RELEASE_VARIABLES.version] !== undefined) {
        return {
          version: variables[RELEASE_VARIABLES.version],
          auc: variables[RELEASE_VARIABLES.auc],
          modelPackageArn: variables[RELEASE_VARIABLES.packageArn],
          inputs: variables[RELEASE_VARIABLES.inputs],
          inputsBase: variables[RELEASE_VARIABLES.inputsBase],
        };
      }
    }
  }
  return undefined;
}

/**
 * What the reviewer must know when the release's inputs were compared with another version than
 * the one production serves now (input-check ran at the synth step, from the pipeline's history:
 * a release since, an endpoint changed by hand, or no history to tell); undefined when they match
 * or either is unknown.
 */
export function inputsBaseWarning(release: ExecutionRelease | undefined, productionVersion: number | undefined): string | undefined {
  const base = release?.inputsBase;
  if (base === undefined || productionVersion === undefined || base === String(productionVersion)) {
    return undefined;
  }
  const compared = base === 'none' ? 'with no version' : `with version ${base}`;
  return `the model inputs line compared version ${release?.version ?? '?'} ${compared}, but production serves version ${productionVersion}: `
    + `its callers send version ${productionVersion}'s columns, which were not compared (see each version's baseline.csv header)`;
}

/**
 * Every execution of a pipeline CodePipeline lists: its last 12 months, all pages of at most 100,
 * in no documented order ("ListPipelineExecutions", AWS CodePipeline API Reference).
 */
export async function listPipelineExecutions(client: CodePipelineClient, pipelineName: string): Promise<PipelineExecutionSummary[]> {
  const executions: PipelineExecutionSummary[] = [];
  for await (const page of paginateListPipelineExecutions({ client, pageSize: 100 }, { pipelineName })) {
    executions.push(...page.pipelineExecutionSummaries ?? []);
  }
  return executions;
}
