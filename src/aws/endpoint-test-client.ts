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

/** The client `test-endpoint` sends with: the factory's (user agent, timeouts, error messages), standard retry mode. */
export function createEndpointTestClient(options: AwsClientOptions = {}): Promise<SageMakerRuntimeClient> {
  return createAwsClient(StandardRetryRuntimeClient, options);
}
