import { LIBRARY_NAME, LIBRARY_VERSION } from '../project/versions';
import { CliError } from './errors';

/** The user agent every client adds to the SDK's own, so calls are attributable in CloudTrail. */
export const USER_AGENT = `${LIBRARY_NAME}/${LIBRARY_VERSION}`;

/** Where and as whom the clients call AWS. */
export interface AwsClientOptions {
  /**
   * The AWS region.
   * @default - the SDK's resolution: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region
   */
  readonly region?: string;
  /**
   * The named profile of the shared config and credentials files.
   * @default - AWS_PROFILE, else the default profile
   */
  readonly profile?: string;
  /**
   * The service endpoint URL, e.g. a local AWS API emulator.
   * @default - the region's endpoint for the service
   */
  readonly endpoint?: string;
  /**
   * The attempts per call (first try included), spaced by the SDK's adaptive retry strategy.
   * @default 5
   */
  readonly maxAttempts?: number;
}

/** The client configuration the factory sets: fields every SDK v3 client accepts. */
export interface FactoryClientConfig {
  readonly region?: string;
  readonly profile?: string;
  readonly endpoint?: string;
  readonly retryMode: 'adaptive';
  readonly maxAttempts: number;
  readonly customUserAgent: string;
}

/** An SDK v3 client, as far as the factory needs one. */
export interface RegionalClient {
  readonly config: { readonly region: () => Promise<string> };
}

/** An SDK v3 client class, e.g. `SageMakerClient` or `CodePipelineClient`. */
export type ClientClass<C extends RegionalClient> = new (config: FactoryClientConfig) => C;

/** The SDK's message when neither the config, the environment nor the profile gives a region. */
const MISSING_REGION = /region is missing/i;

/**
 * Builds an SDK v3 client with the toolkit's retry strategy (adaptive, `maxAttempts` tries) and
 * user agent, then resolves its region at once so a missing region fails before any call.
 *
 * @throws CliError when no region is given or configured, naming `--region` and AWS_REGION
 */
export async function createAwsClient<C extends RegionalClient>(Client: ClientClass<C>, options: AwsClientOptions = {}): Promise<C> {
  const maxAttempts = options.maxAttempts ?? 5;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new Error(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  }
  const client = new Client({
    ...definedOnly({ region: options.region, profile: options.profile, endpoint: options.endpoint }),
    retryMode: 'adaptive',
    maxAttempts,
    customUserAgent: USER_AGENT,
  });
  try {
    await client.config.region();
  } catch (err) {
    if (err instanceof Error && MISSING_REGION.test(err.message)) {
      throw new CliError('no AWS region configured: pass --region <region> or set AWS_REGION (or set a region in the AWS profile)');
    }
    throw err;
  }
  return client;
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
