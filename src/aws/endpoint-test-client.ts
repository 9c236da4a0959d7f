import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { AwsClientOptions, FactoryClientConfig, createAwsClient } from './client-factory';

/**
 * The factory's SageMaker Runtime client in the SDK's `standard` retry mode rather than
 * `adaptive`: adaptive mode delays requests on the client after throttling (a token bucket),
 * which a latency test would count as the endpoint's.
 */
class StandardRetryRuntimeClient extends SageMakerRuntimeClient {
  constructor(config: FactoryClientConfig) {
    super({ ...config, retryMode: 'standard' });
  }
}

/**
 * How long one InvokeEndpoint may take by default: 70 seconds. A model container must answer within
 * 60 seconds, and the SDK's socket timeout "should be set to be 70 seconds" (SageMaker Runtime API
 * Reference, InvokeEndpoint), so that SageMaker's own answer to a slow model (a ModelError, which
 * is not retried) arrives before the client gives up and retries a request the endpoint still works on.
 */
export const INVOKE_ENDPOINT_TIMEOUT_MS = 70_000;

/**
 * The client `test-endpoint` sends with: the factory's (user agent, timeouts, error messages), standard
 * retry mode, and a request timeout of {@link INVOKE_ENDPOINT_TIMEOUT_MS} unless the options set one.
 */
export function createEndpointTestClient(options: AwsClientOptions = {}): Promise<SageMakerRuntimeClient> {
  return createAwsClient(StandardRetryRuntimeClient, { requestTimeoutMs: INVOKE_ENDPOINT_TIMEOUT_MS, ...options });
}
