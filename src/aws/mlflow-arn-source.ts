import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CONFIG_FILE_NAME, ProjectConfig } from '../config';
import { resourceNamesOf } from '../app-context/resource-names';
import { CliError } from './errors';

/** The model-build stack's output that carries a created MLflow backend's ARN (MlflowBackend). */
export const MLFLOW_ARN_OUTPUT = 'MlflowArn';

/** Where the MLflow ARN of a project is, read from its config file. */
export type MlflowArnLocation =
  | { readonly kind: 'off' }
  | { readonly kind: 'arn'; readonly arn: string }
  | { readonly kind: 'stack-output'; readonly stackName: string; readonly region: string; readonly backend: 'app' | 'tracking-server' };

/**
 * Where a project's MLflow backend ARN is: nowhere (MLflow off), in the config (`mlflow.arn`), or,
 * for an app or tracking server the model-build stack creates, in that stack's `MlflowArn` output
 * (the ARN of an app carries an id AWS generates, so only the deployed stack knows it).
 */
export function mlflowArnLocation(config: ProjectConfig): MlflowArnLocation {
  const mlflow = config.mlflow;
  if (mlflow === undefined) {
    return { kind: 'off' };
  }
  if (mlflow.backend === 'existing') {
    return { kind: 'arn', arn: mlflow.arn };
  }
  return { kind: 'stack-output', stackName: resourceNamesOf(config).modelBuildStack, region: config.environments.build.region, backend: mlflow.backend };
}

/** The message for a project without MLflow. */
export function mlflowOffMessage(config: ProjectConfig): string {
  return `MLflow is off for project ${config.projectName} (its ${CONFIG_FILE_NAME} has no mlflow option), so its model versions carry no MLflow runs to compare: ` +
    'turn it on with `mlflow: {}` in .projenrc.ts, or pass --mlflow-arn <arn> of the backend the runs were logged to';
}

/**
 * The `MlflowArn` output of the model-build stack. The client must be of the build region.
 *
 * @throws CliError when the stack or its output is missing, naming the stack, the region, the SSM
 *   parameter that holds the same ARN, and `--mlflow-arn`
 */
export async function readMlflowArnOutput(client: CloudFormationClient, projectName: string, stackName: string): Promise<string> {
  const region = await client.config.region();
  const elsewhere = `the same ARN is in the SSM parameter /sagemaker-gitops/${projectName}/mlflow/tracking-uri; pass it with --mlflow-arn <arn>`;
  let outputs: ReadonlyArray<{ OutputKey?: string; OutputValue?: string }> | undefined;
  try {
    const answer = await client.send(new DescribeStacksCommand({ StackName: stackName }));
    outputs = answer.Stacks?.[0]?.Outputs;
  } catch (err) {
    const error = err as Error;
    if (error.name === 'ValidationError' && /does not exist/i.test(error.message)) {
      throw new CliError(`the model-build stack ${stackName} does not exist in region ${region}, so the ARN of the MLflow backend it creates is unknown: ` +
        `deploy it (the model-build pipeline does), or, if ${elsewhere}`);
    }
    throw new CliError(`cannot read the outputs of stack ${stackName} (region ${region}) for the MLflow ARN: ${error.name}: ${error.message}; ${elsewhere}`);
  }
  const arn = outputs?.find((output) => output.OutputKey === MLFLOW_ARN_OUTPUT)?.OutputValue;
  if (!arn) {
    throw new CliError(`stack ${stackName} (region ${region}) has no output ${MLFLOW_ARN_OUTPUT}: redeploy it with MLflow on (the model-build pipeline does), or, if ${elsewhere}`);
  }
  return arn;
}
