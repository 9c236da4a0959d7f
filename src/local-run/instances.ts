import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalRunError } from './errors';
import { ProcessOptions, ProcessResult, runProcess } from './python';
import { LocalStorage } from './storage';

/**
 * The instances of a local job: SageMaker names a job's hosts algo-1 … algo-N (resourceconfig.json
 * `hosts`, SM_HOSTS). One instance works in the step's folder, as before; with several, instance
 * `algo-<i>` works in `<step folder>/algo-<i>/`, so each has its own container folders.
 */
export interface LocalInstance {
  readonly host: string;
  readonly index: number;
  /** The folder that stands for the instance's `/` (its container paths are under it). */
  readonly dir: string;
}

/** The most instances a local job simulates: each is a process on this machine. */
export const MAX_LOCAL_INSTANCES = 16;

/** The instances of a job with `count` instances in the step's folder. */
export function localInstances(stepDir: string, count: number): LocalInstance[] {
  const hosts = Array.from({ length: count }, (_, i) => `algo-${i + 1}`);
  return hosts.map((host, index) => ({ host, index, dir: count === 1 ? stepDir : path.join(stepDir, host) }));
}

/**
 * The job's instance count (ClusterConfig / ResourceConfig `InstanceCount`, after evaluation).
 *
 * @throws LocalRunError unless it is a whole number in 1..{@link MAX_LOCAL_INSTANCES}
 */
export function instanceCount(value: unknown, what: string): number {
  const count = value === undefined ? 1 : value;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_LOCAL_INSTANCES) {
    throw new LocalRunError(
      `${what}: InstanceCount must be a whole number in 1..${MAX_LOCAL_INSTANCES} for a local run (one process per instance), got ${JSON.stringify(value)}`,
    );
  }
  return count;
}

/**
 * Copies an input into one instance's folder as SageMaker distributes it: `FullyReplicated` (the
 * default) gives every instance everything; `ShardedByS3Key` gives the instance whole objects
 * (files), those at its index modulo the instance count in key order, so an instance may get none.
 */
export function downloadInput(
  storage: LocalStorage, uri: string, destination: string, distribution: unknown, instance: { readonly index: number }, count: number, what: string,
): void {
  if (distribution === undefined || distribution === 'FullyReplicated' || count === 1) {
    storage.download(uri, destination, what);
    return;
  }
  if (distribution !== 'ShardedByS3Key') {
    throw new LocalRunError(`${what}: S3DataDistributionType must be FullyReplicated or ShardedByS3Key, got ${JSON.stringify(distribution)}`);
  }
  storage.downloadShard(uri, destination, instance.index, count, what);
}

/** `/opt/ml/config/resourceconfig.json` of an instance, as SageMaker writes it: its host and all hosts. */
export function writeResourceConfig(file: string, instance: LocalInstance, instances: readonly LocalInstance[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const config = { current_host: instance.host, hosts: instances.map((i) => i.host), network_interface_name: 'lo' };
  fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
}

/** The result of the instances' processes, and the log that joins theirs. */
export interface InstancesResult {
  /** The first failed instance's result, else the first instance's. */
  readonly result: ProcessResult;
  /** The instance whose result that is. */
  readonly host: string;
  /** The step's log.txt: with several instances, each instance's log under a `== algo-<i> ==` line. */
  readonly logFile: string;
}

/**
 * Runs one process per instance, all at once (the instances of a job run together, and a
 * distributed training's workers wait for each other), each with its own log in its folder; with
 * several, the step's log.txt joins them.
 */
export async function runInstances(
  instances: readonly LocalInstance[], stepDir: string, options: (instance: LocalInstance, logFile: string) => ProcessOptions,
): Promise<InstancesResult> {
  const logFile = path.join(stepDir, 'log.txt');
  if (instances.length === 1) {
    return { result: await runProcess(options(instances[0], logFile)), host: instances[0].host, logFile };
  }
  const results = await Promise.all(instances.map((instance) => {
    fs.mkdirSync(instance.dir, { recursive: true });
    return runProcess(options(instance, path.join(instance.dir, 'log.txt')));
  }));
  fs.writeFileSync(logFile, instances.map((instance, i) => `== ${instance.host} ==\n${results[i].log}`).join('\n'));
  const failed = results.findIndex((r) => r.exitCode !== 0);
  const index = failed >= 0 ? failed : 0;
  return { result: results[index], host: instances[index].host, logFile };
}

/**
 * The CPUs each of `count` simulated instances gets: a SageMaker instance has its own, the local
 * instances share this machine's, so each gets its share (at least 1). As OMP_NUM_THREADS (and
 * SM_NUM_CPUS for a training script), it keeps N processes' thread pools (XGBoost's, numpy's) from
 * oversubscribing the cores, which would slow a distributed training's lock-step rounds far more
 * than N machines would be.
 */
export function instanceCpus(count: number, cpus: number = os.availableParallelism()): number {
  return Math.max(1, Math.floor(cpus / count));
}

/** A TCP port on 127.0.0.1 that nothing listens on (for a distributed training's tracker). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
