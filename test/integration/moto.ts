import { ChildProcess, spawn } from 'node:child_process';
import * as http from 'node:http';
import * as net from 'node:net';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { STSClient } from '@aws-sdk/client-sts';
import { AwsClientOptions, ClientClass, RegionalClient, createAwsClient } from '../../src/aws';
import { CliDeps } from '../../src/cli';
import { MotoInstallation, SKIP_MOTO_ENV, motoCacheDir, motoSkipped, readMotoInstallation } from './moto-installation';

export type { MotoInstallation };
export { SKIP_MOTO_ENV, motoCacheDir, motoSkipped, readMotoInstallation };

/**
 * Local moto server for the integration tests: `scripts/install-moto.sh` installs moto into a
 * cache folder; each test file starts its own server on a free loopback port and stops it after.
 *
 * Set SAGEMAKER_GITOPS_SKIP_MOTO=1 to skip the integration tests on a machine without moto. CI
 * (the CI environment variable set) never skips: a missing moto fails the tests there.
 */

/** The region every integration test calls. */
export const MOTO_REGION = 'us-east-1';

/** The account moto answers as. */
export const MOTO_ACCOUNT = '123456789012';

/** A running moto server. */
export interface MotoServer {
  /** `http://127.0.0.1:<port>`: the endpoint for SDK clients. */
  readonly endpoint: string;
  readonly port: number;
  /** Posts JSON to moto's own API (`/moto-api/...`), e.g. to queue SageMaker Runtime results. */
  motoApi(route: string, body: unknown): Promise<void>;
  /** Stops the server and waits until its process has exited. */
  stop(): Promise<void>;
}

/** `describe`, or `describe.skip` when SAGEMAKER_GITOPS_SKIP_MOTO=1 outside CI. */
export const describeWithMoto: jest.Describe = motoSkipped() ? describe.skip : describe;

/** How long a server may take to answer after it was spawned. */
const START_TIMEOUT_MS = 60_000;
/** How many free ports to try when another process takes the port first. */
const PORT_ATTEMPTS = 3;
/** The end of the server's output kept for error messages. */
const OUTPUT_TAIL_CHARS = 4_000;

/**
 * Starts `python3 -m moto.server` on a free loopback port with the cached PYTHONPATH and resolves
 * once it answers HTTP.
 *
 * @throws Error when moto is not installed, or exits or does not answer in time (with its output)
 */
export async function startMoto(installation: MotoInstallation = readMotoInstallation()): Promise<MotoServer> {
  let lastError: Error | undefined;
  for (let attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
    const port = await freeLoopbackPort();
    try {
      return await startOnPort(installation, port);
    } catch (err) {
      lastError = err as Error;
      if (!/address already in use/i.test(lastError.message)) {
        throw lastError;
      }
    }
  }
  throw lastError;
}

async function startOnPort(installation: MotoInstallation, port: number): Promise<MotoServer> {
  const endpoint = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONPATH: installation.pythonPath, PYTHONNOUSERSITE: '1' };
  // The first start writes the bytecode moto's import did not, so later starts are faster.
  delete env.PYTHONDONTWRITEBYTECODE;
  const child = spawn(installation.python, ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf-8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<string>((resolve) => {
    child.on('error', (err) => resolve(`could not run ${installation.python}: ${err.message}`));
    child.on('exit', (code, signal) => resolve(`exited with ${signal ?? `code ${code}`}`));
  });
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);

  const stop = async () => {
    process.removeListener('exit', stopOnExit);
    await stopChild(child, exited);
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  let ended: string | undefined;
  void exited.then((how) => (ended = how));
  while (!(await answers(`${endpoint}/moto-api/`))) {
    if (ended !== undefined || Date.now() > deadline) {
      await stop();
      const what = ended ?? `did not answer on ${endpoint} within ${START_TIMEOUT_MS / 1000} s`;
      throw new Error(`moto ${installation.motoVersion} (${installation.python} -m moto.server) ${what}; its output:\n${output}`);
    }
    await sleep(100);
  }
  return {
    endpoint,
    port,
    motoApi: (route, body) => postJson(`${endpoint}${route}`, body),
    stop,
  };
}

async function stopChild(child: ChildProcess, exited: Promise<string>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** A port the kernel just handed out on 127.0.0.1 and released again. */
function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port assigned'))));
    });
  });
}

/** Whether an HTTP GET gets any answer (a refused or reset connection is no answer). */
function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: 2_000 }, (response) => {
      response.resume();
      resolve(true);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

function postJson(url: string, body: unknown): Promise<void> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
    }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf-8')));
      response.on('end', () => (response.statusCode === 200 || response.statusCode === 201
        ? resolve()
        : reject(new Error(`POST ${url} answered ${response.statusCode}: ${text}`))));
    });
    request.on('error', reject);
    request.end(data);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Points the SDK's default credential chain at dummy keys (moto accepts any) and away from any
 * profile, SSO or instance metadata of the machine; returns a function that restores the environment.
 */
export function useDummyCredentials(): () => void {
  const values: Record<string, string | undefined> = {
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_DEFAULT_PROFILE: undefined,
    AWS_REGION: undefined,
    AWS_DEFAULT_REGION: undefined,
    AWS_ENDPOINT_URL: undefined,
  };
  const saved = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  setEnv(values);
  return () => setEnv(saved);
}

function setEnv(values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) {
      delete process.env[name];
    } else {
      process.env[name] = value;
    }
  }
}

/**
 * A client of the real SDK built by the toolkit's factory, calling the moto server in
 * {@link MOTO_REGION} with 2 attempts per call.
 */
export function motoClient<C extends RegionalClient>(Client: ClientClass<C>, server: MotoServer, options: AwsClientOptions = {}): Promise<C> {
  return createAwsClient(Client, { region: MOTO_REGION, maxAttempts: 2, ...options, endpoint: server.endpoint });
}

/** The CLI's client factories, pointed at the moto server (the region and profile come from the command line). */
export function motoDeps(server: MotoServer): CliDeps {
  return {
    sageMakerClient: (options) => motoClient(SageMakerClient, server, options),
    runtimeClient: (options) => motoClient(SageMakerRuntimeClient, server, options),
    stsClient: (options) => motoClient(STSClient, server, options),
    cloudFormationClient: (options) => motoClient(CloudFormationClient, server, options),
    s3Client: (options) => motoClient(S3Client, server, options),
  };
}
