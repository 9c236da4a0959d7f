import { CreatePresignedMlflowAppUrlCommand, CreatePresignedMlflowTrackingServerUrlCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { CliError } from './errors';
import { MlflowBackendArn } from './mlflow-client';

/**
 * CreatePresignedMlflowAppUrl / CreatePresignedMlflowTrackingServerUrl `ExpiresInSeconds`: 5 to 300
 * (API reference, both pages); the URL can be used only once.
 */
export const MLFLOW_LINK_EXPIRY_RANGE = { min: 5, max: 300 } as const;

/** A presigned MLflow UI URL. */
export interface MlflowUiLink {
  /** Opens the MLflow UI of the app or tracking server, signed in. */
  readonly url: string;
  /** How long the URL may be opened, once. */
  readonly expiresInSeconds: number;
}

/**
 * A presigned URL of the MLflow UI: `CreatePresignedMlflowAppUrl` (by ARN) for an app,
 * `CreatePresignedMlflowTrackingServerUrl` (by name) for a tracking server. The client must be of the
 * backend's region.
 *
 * @throws CliError naming the call, the ARN and the IAM action when SageMaker refuses, or for an expiry outside 5..300
 */
export async function createMlflowUiLink(client: SageMakerClient, backend: MlflowBackendArn, expiresInSeconds: number = MLFLOW_LINK_EXPIRY_RANGE.max): Promise<MlflowUiLink> {
  const { min, max } = MLFLOW_LINK_EXPIRY_RANGE;
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < min || expiresInSeconds > max) {
    throw new CliError(`the MLflow UI link's expiry must be a whole number of seconds from ${min} to ${max} (ExpiresInSeconds), got ${expiresInSeconds}`);
  }
  const operation = backend.kind === 'app' ? 'CreatePresignedMlflowAppUrl' : 'CreatePresignedMlflowTrackingServerUrl';
  let url: string | undefined;
  try {
    const answer = backend.kind === 'app'
      ? await client.send(new CreatePresignedMlflowAppUrlCommand({ Arn: backend.arn, ExpiresInSeconds: expiresInSeconds }))
      : await client.send(new CreatePresignedMlflowTrackingServerUrlCommand({ TrackingServerName: backend.resourceId, ExpiresInSeconds: expiresInSeconds }));
    url = answer.AuthorizedUrl;
  } catch (err) {
    const error = err as Error;
    const denied = error.name === 'AccessDeniedException' ? `: the credentials in use need sagemaker:${operation} on ${backend.arn}` : '';
    throw new CliError(`${operation} for ${backend.arn} (region ${backend.region}) failed: ${error.name}: ${error.message}${denied}`);
  }
  if (!url) {
    throw new CliError(`${operation} for ${backend.arn} (region ${backend.region}) returned no AuthorizedUrl`);
  }
  return { url, expiresInSeconds };
}

/** Where a run is in the MLflow UI, after the link: its page's route. */
export function mlflowRunPath(experimentId: string, runId: string): string {
  return `#/experiments/${encodeURIComponent(experimentId)}/runs/${encodeURIComponent(runId)}`;
}
