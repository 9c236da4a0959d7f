import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { MLFLOW_APP_ARN_MAX_LENGTH, MLFLOW_APP_ARN_PATTERN, MLFLOW_PARTITIONS, MLFLOW_TRACKING_SERVER_ARN_PATTERN } from '../config';
import { USER_AGENT } from './client-factory';
import { CliError } from './errors';

/**
 * The variable the sagemaker-mlflow plugin reads to replace the endpoint it derives from the ARN
 * (aws/sagemaker-mlflow, sagemaker_mlflow/mlflow_sagemaker_helpers.py, construct_tracking_server_url);
 * this client honours it the same way, e.g. for a local stand-in server.
 */
export const MLFLOW_CUSTOM_ENDPOINT_VARIABLE = 'SAGEMAKER_MLFLOW_CUSTOM_ENDPOINT';

/** How long one MLflow REST call may take by default, in milliseconds. */
export const DEFAULT_MLFLOW_TIMEOUT_MS = 15_000;

/** MLflow's run id rule (mlflow/utils/validation.py, `_RUN_ID_REGEX`). */
export const MLFLOW_RUN_ID_PATTERN = /^[a-zA-Z0-9][\w-]{0,255}$/;

/** An MLflow App or tracking server ARN, split, with how the sagemaker-mlflow plugin reaches it. */
export interface MlflowBackendArn {
  readonly arn: string;
  readonly kind: 'app' | 'tracking-server';
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  /** The app id (`app-…`) or the tracking server's name. */
  readonly resourceId: string;
  /** The plugin's endpoint for the ARN (before any custom endpoint). */
  readonly endpoint: string;
  /** The routing header the plugin sends and its value (the ARN). */
  readonly header: string;
  /** The SigV4 signing name. */
  readonly signingService: 'sagemaker' | 'sagemaker-mlflow';
  /** The IAM action a `runs/get` call needs. */
  readonly getRunAction: string;
}

/** Credentials as the SDK v3 clients resolve them (`client.config.credentials`). */
export type MlflowCredentialProvider = () => Promise<{ readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string }>;

export interface MlflowClientOptions {
  /** The app or tracking server ARN. */
  readonly arn: string;
  /** The caller's credentials: pass a client's `config.credentials` so the CLI's provider chain (and `--profile`) applies. */
  readonly credentials: MlflowCredentialProvider;
  /**
   * Milliseconds one call may take.
   * @default DEFAULT_MLFLOW_TIMEOUT_MS
   */
  readonly timeoutMs?: number;
  /**
   * The endpoint to call instead of the ARN's.
   * @default - SAGEMAKER_MLFLOW_CUSTOM_ENDPOINT if set, else the ARN's endpoint
   */
  readonly endpoint?: string;
}

/** An MLflow run as `runs/get` returns it: the latest value of each metric. */
export interface MlflowRun {
  readonly runId: string;
  readonly runName?: string;
  readonly experimentId: string;
  /** RUNNING, SCHEDULED, FINISHED, FAILED or KILLED. */
  readonly status: string;
  readonly metrics: Readonly<Record<string, number>>;
  readonly params: Readonly<Record<string, string>>;
  readonly tags: Readonly<Record<string, string>>;
}

/** An MLflow REST call that failed; `errorCode` is MLflow's `error_code` when the server sent one. */
export class MlflowCallError extends CliError {
  constructor(message: string, public readonly httpStatus?: number, public readonly errorCode?: string) {
    super(message);
    this.name = 'MlflowCallError';
  }
}

/**
 * Splits an MLflow App or tracking server ARN and says how the sagemaker-mlflow plugin reaches it
 * (aws/sagemaker-mlflow: mlflow_sagemaker_helpers.py `_get_endpoint`,
 * mlflow_sagemaker_request_header_provider.py `_get_arn_header`, auth_provider.py `_get_auth_service_name`).
 *
 * @throws CliError for anything else, naming the two ARN forms, or a partition the plugin does not serve
 */
export function parseMlflowArn(arn: string): MlflowBackendArn {
  const app = arn.length <= MLFLOW_APP_ARN_MAX_LENGTH ? MLFLOW_APP_ARN_PATTERN.exec(arn) : null;
  const server = MLFLOW_TRACKING_SERVER_ARN_PATTERN.exec(arn);
  const match = app ?? server;
  if (!match) {
    throw new CliError(
      `${JSON.stringify(arn)} is not an MLflow App ARN (arn:aws:sagemaker:<region>:<account>:mlflow-app/<id>) ` +
      'or tracking server ARN (arn:aws:sagemaker:<region>:<account>:mlflow-tracking-server/<name>)',
    );
  }
  const [, partition, , , account] = arn.split(':');
  if (!(MLFLOW_PARTITIONS as readonly string[]).includes(partition)) {
    throw new CliError(`${arn} is in partition ${partition}; SageMaker MLflow endpoints exist only in ${MLFLOW_PARTITIONS.join(' and ')}`);
  }
  const region = match[2];
  const resourceId = arn.slice(arn.indexOf('/') + 1);
  // Both partitions use the DNS suffix "aws" (the plugin's _get_dns_suffix).
  return app
    ? {
      arn, kind: 'app', partition, region, account, resourceId,
      endpoint: `https://mlflow.sagemaker.${region}.app.aws`, header: 'x-sm-mlflow-app-arn', signingService: 'sagemaker',
      getRunAction: 'sagemaker:CallMlflowAppApi',
    }
    : {
      arn, kind: 'tracking-server', partition, region, account, resourceId,
      endpoint: `https://${region}.experiments.sagemaker.aws`, header: 'x-mlflow-sm-tracking-server-arn', signingService: 'sagemaker-mlflow',
      getRunAction: 'sagemaker-mlflow:GetRun',
    };
}

/** A SageMaker MLflow REST client: SigV4-signed calls to the app or tracking server the ARN names. */
export class MlflowClient {
  public readonly backend: MlflowBackendArn;
  private readonly baseUrl: URL;
  private readonly signer: SignatureV4;
  private readonly timeoutMs: number;

  constructor(options: MlflowClientOptions) {
    this.backend = parseMlflowArn(options.arn);
    const endpoint = options.endpoint ?? (process.env[MLFLOW_CUSTOM_ENDPOINT_VARIABLE] || this.backend.endpoint);
    try {
      this.baseUrl = new URL(endpoint);
    } catch {
      throw new CliError(`the MLflow endpoint ${JSON.stringify(endpoint)} (from ${options.endpoint !== undefined ? 'the options' : MLFLOW_CUSTOM_ENDPOINT_VARIABLE}) is not a URL`);
    }
    this.timeoutMs = options.timeoutMs ?? DEFAULT_MLFLOW_TIMEOUT_MS;
    if (!Number.isInteger(this.timeoutMs) || this.timeoutMs < 1) {
      throw new Error(`timeoutMs must be a positive integer, got ${this.timeoutMs}`);
    }
    this.signer = new SignatureV4({ service: this.backend.signingService, region: this.backend.region, credentials: options.credentials, sha256: NodeSha256 });
  }

  /**
   * The run (`GET /api/2.0/mlflow/runs/get`), with the latest value of each metric.
   *
   * @throws MlflowCallError naming the call, the run, the ARN and the region: for a malformed run id,
   *   a run the backend does not have, a denied call (naming the IAM action), a timeout, or any other failure
   */
  public async getRun(runId: string): Promise<MlflowRun> {
    const call = `MLflow runs/get of run ${runId} on ${this.backend.arn} (region ${this.backend.region})`;
    if (!MLFLOW_RUN_ID_PATTERN.test(runId)) {
      throw new MlflowCallError(`${call}: ${JSON.stringify(runId)} is not an MLflow run id (${MLFLOW_RUN_ID_PATTERN.source})`);
    }
    const { status, body } = await this.get(call, '/api/2.0/mlflow/runs/get', { run_id: runId });
    if (status === 200) {
      return toRun(call, body);
    }
    const { errorCode, message } = mlflowError(body);
    const detail = `HTTP ${status}${errorCode ? ` ${errorCode}` : ''}${message ? `: ${message}` : ''}`;
    if (status === 404 && errorCode === 'RESOURCE_DOES_NOT_EXIST') {
      throw new MlflowCallError(`run ${runId} not found in ${this.backend.arn} (${detail})`, status, errorCode);
    }
    if (status === 403) {
      throw new MlflowCallError(`${call} was denied (${detail}): the credentials in use need ${this.backend.getRunAction} on ${this.backend.arn}`, status, errorCode);
    }
    throw new MlflowCallError(`${call} failed: ${detail}`, status, errorCode);
  }

  private async get(call: string, path: string, query: Record<string, string>): Promise<{ status: number; body: string }> {
    const basePath = this.baseUrl.pathname.replace(/\/+$/, '');
    const headers = { 'host': this.baseUrl.host, 'accept': 'application/json', 'user-agent': USER_AGENT, [this.backend.header]: this.backend.arn };
    let signed: { headers: Record<string, string> };
    try {
      signed = await this.signer.sign({
        method: 'GET',
        protocol: this.baseUrl.protocol,
        hostname: this.baseUrl.hostname,
        ...(this.baseUrl.port ? { port: Number(this.baseUrl.port) } : {}),
        path: `${basePath}${path}`,
        query,
        headers,
      });
    } catch (err) {
      throw new MlflowCallError(`${call}: cannot sign the request (no AWS credentials?): ${(err as Error).message}`);
    }
    const url = new URL(`${basePath}${path}?${new URLSearchParams(query).toString()}`, this.baseUrl);
    // fetch sets Host from the URL itself (the value signed above).
    const { host: _host, ...sent } = signed.headers;
    let response: Response;
    try {
      response = await fetch(url, { method: 'GET', headers: sent, signal: AbortSignal.timeout(this.timeoutMs) });
      return { status: response.status, body: await response.text() };
    } catch (err) {
      const error = err as Error;
      if (error.name === 'TimeoutError' || error.name === 'AbortError') {
        throw new MlflowCallError(`${call} timed out after ${this.timeoutMs} ms (endpoint ${this.baseUrl.origin})`);
      }
      const cause = (error as { cause?: Error }).cause?.message;
      throw new MlflowCallError(`${call} failed: ${error.message}${cause ? ` (${cause})` : ''} (endpoint ${this.baseUrl.origin})`);
    }
  }
}

/** What SignatureV4 hands a hash: text or bytes (SourceData of @smithy/types). */
type SourceData = string | ArrayBuffer | ArrayBufferView;

/** SHA-256 and HMAC-SHA-256 from node:crypto, in the shape SignatureV4 takes (what @smithy/hash-node does). */
class NodeSha256 {
  private hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
  private fresh() {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(this.secret));
  }
}

function bytes(data: SourceData): string | Buffer {
  if (typeof data === 'string') {
    return data;
  }
  return ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);
}

interface RunJson {
  readonly run?: {
    readonly info?: { readonly run_id?: string; readonly run_uuid?: string; readonly run_name?: string; readonly experiment_id?: string; readonly status?: string };
    readonly data?: {
      readonly metrics?: ReadonlyArray<{ readonly key: string; readonly value: number }>;
      readonly params?: ReadonlyArray<{ readonly key: string; readonly value: string }>;
      readonly tags?: ReadonlyArray<{ readonly key: string; readonly value: string }>;
    };
  };
}

function toRun(call: string, body: string): MlflowRun {
  let parsed: RunJson;
  try {
    parsed = JSON.parse(body) as RunJson;
  } catch {
    throw new MlflowCallError(`${call} answered with something other than JSON: ${body.slice(0, 200)}`);
  }
  const info = parsed.run?.info;
  const runId = info?.run_id ?? info?.run_uuid;
  if (!runId || info?.experiment_id === undefined) {
    throw new MlflowCallError(`${call} answered without run.info.run_id and experiment_id: ${body.slice(0, 200)}`);
  }
  const data = parsed.run?.data ?? {};
  const tags = Object.fromEntries((data.tags ?? []).map((tag) => [tag.key, tag.value]));
  const runName = info.run_name ?? tags['mlflow.runName'];
  return {
    runId,
    ...(runName ? { runName } : {}),
    experimentId: String(info.experiment_id),
    status: info.status ?? 'UNKNOWN',
    // MLflow sends NaN and infinities as strings in JSON; Number() reads them back.
    metrics: Object.fromEntries((data.metrics ?? []).map((metric) => [metric.key, Number(metric.value)])),
    params: Object.fromEntries((data.params ?? []).map((param) => [param.key, param.value])),
    tags,
  };
}

/** MLflow's `{"error_code", "message"}`, or an AWS front door's `{"message"}` / `{"Message"}`, or the text. */
function mlflowError(body: string): { errorCode?: string; message?: string } {
  try {
    const parsed = JSON.parse(body) as { error_code?: unknown; message?: unknown; Message?: unknown };
    const message = parsed.message ?? parsed.Message;
    return {
      ...(typeof parsed.error_code === 'string' ? { errorCode: parsed.error_code } : {}),
      ...(typeof message === 'string' ? { message } : {}),
    };
  } catch {
    return body.trim() === '' ? {} : { message: body.trim().slice(0, 300) };
  }
}
