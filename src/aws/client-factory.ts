import { LIBRARY_NAME, LIBRARY_VERSION } from '../app-context/versions';
import { AwsCall, annotateCallError } from './call-errors';
import { CliError } from './errors';
import { noteNodeSupport } from './node-support';

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
  /**
   * How long one attempt may take to connect, in milliseconds.
   * @default 5_000
   */
  readonly connectTimeoutMs?: number;
  /**
   * How long one attempt may take from sending the request to the end of the answer, in
   * milliseconds; the SDK then retries (up to `maxAttempts`) and fails with a TimeoutError.
   * @default 60_000 (none of the toolkit's calls is a long poll)
   */
  readonly requestTimeoutMs?: number;
}

/** How long an attempt may take to connect by default. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

/** How long an attempt may take by default. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/** The longest request timeout allowed (15 minutes): beyond it a hang is not worth waiting for. */
export const MAX_REQUEST_TIMEOUT_MS = 900_000;

/** The timeouts of the SDK's Node HTTP handler (`NodeHttpHandlerOptions` of @smithy/node-http-handler). */
export interface HttpTimeouts {
  readonly connectionTimeout: number;
  readonly requestTimeout: number;
  /** Without it, the handler only logs a warning when `requestTimeout` passes and keeps waiting. */
  readonly throwOnRequestTimeout: true;
}

/** The client configuration the factory sets: fields every SDK v3 client accepts. */
export interface FactoryClientConfig {
  readonly region?: string;
  readonly profile?: string;
  readonly endpoint?: string;
  readonly retryMode: 'adaptive';
  readonly maxAttempts: number;
  readonly customUserAgent: string;
  readonly requestHandler: HttpTimeouts;
}

/** An SDK v3 client, as far as the factory needs one. */
export interface RegionalClient {
  readonly config: { readonly region: () => Promise<string> };
}

/** Every SDK v3 client has a middleware stack; the factory adds one initialize-step middleware. */
interface MiddlewareHost {
  readonly middlewareStack: {
    add(
      middleware: (next: (args: unknown) => Promise<unknown>, context: CallContext) => (args: unknown) => Promise<unknown>,
      options: { readonly step: 'initialize'; readonly name: string; readonly override: boolean },
    ): void;
  };
}

/** What the SDK's middleware context tells about a call. */
interface CallContext {
  readonly clientName?: string;
  readonly commandName?: string;
  readonly endpointV2?: { readonly url?: URL };
}

/** An SDK v3 client class, e.g. `SageMakerClient` or `CodePipelineClient`. */
export type ClientClass<C extends RegionalClient> = new (config: FactoryClientConfig) => C;

/** The SDK's message when neither the config, the environment nor the profile gives a region. */
const MISSING_REGION = /region is missing/i;

/**
 * Builds an SDK v3 client with the toolkit's retry strategy (adaptive, `maxAttempts` tries), user
 * agent and network timeouts, then resolves its region at once so a missing region fails before
 * any call. A failure the service did not answer with its own error (a timeout, a refused
 * connection, missing credentials, an unreadable answer) becomes an AwsCallError naming the
 * service, the operation, the region and the endpoint.
 *
 * @throws CliError when no region is given or configured, naming `--region` and AWS_REGION
 */
export async function createAwsClient<C extends RegionalClient>(Client: ClientClass<C>, options: AwsClientOptions = {}): Promise<C> {
  const maxAttempts = options.maxAttempts ?? 5;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new Error(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  }
  noteNodeSupport();
  const connectionTimeout = checkTimeout('connectTimeoutMs', options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS);
  const requestTimeout = checkTimeout('requestTimeoutMs', options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  const client = new Client({
    ...definedOnly({ region: options.region, profile: options.profile, endpoint: options.endpoint }),
    retryMode: 'adaptive',
    maxAttempts,
    customUserAgent: USER_AGENT,
    requestHandler: { connectionTimeout, requestTimeout, throwOnRequestTimeout: true },
  });
  (client as unknown as MiddlewareHost).middlewareStack.add((next, context) => async (args) => {
    try {
      return await next(args);
    } catch (err) {
      throw annotateCallError(err, await callOf(client, context, options.endpoint), requestTimeout);
    }
  }, { step: 'initialize', name: 'sagemakerGitopsCallErrors', override: true });
  try {
    await client.config.region();
  } catch (err) {
    if (err instanceof Error && MISSING_REGION.test(err.message)) {
      // A profile named on the command line may be the cause: one the config file does not hold has no region either.
      throw new CliError(options.profile === undefined
        ? 'no AWS region configured: pass --region <region> or set AWS_REGION (or set a region in the AWS profile)'
        : `no AWS region configured: pass --region <region> or set AWS_REGION, or set a region in profile ${options.profile} ` +
          '(check that the AWS config file, ~/.aws/config or AWS_CONFIG_FILE, has it: a profile it does not hold gives no region)');
    }
    throw err;
  }
  return client;
}

function checkTimeout(option: string, ms: number): number {
  if (!Number.isInteger(ms) || ms < 1 || ms > MAX_REQUEST_TIMEOUT_MS) {
    throw new Error(`${option} must be an integer number of milliseconds from 1 to ${MAX_REQUEST_TIMEOUT_MS}, got ${ms}`);
  }
  return ms;
}

async function callOf(client: RegionalClient, context: CallContext, endpoint?: string): Promise<AwsCall> {
  const region = await client.config.region().catch(() => undefined);
  const url = context.endpointV2?.url?.href ?? endpoint;
  return {
    service: (context.clientName ?? 'AWS').replace(/Client$/, ''),
    operation: (context.commandName ?? 'call').replace(/Command$/, ''),
    ...(region ? { region } : {}),
    ...(url ? { endpoint: url.replace(/\/$/, '') } : {}),
  };
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
