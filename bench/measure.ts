/**
 * Times commands as a person runs them: a child process from spawn to exit, its output captured.
 * Commands compared with each other run interleaved (A B C, A B C, ...) after a warm-up round, so
 * load that comes and goes on a shared machine weighs on every command alike.
 */
import { spawn, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { TreeMemoryPeak, TreeMemorySampler } from './proc-memory';

/** One command to time. */
export interface CommandSpec {
  /** A name for tables and results.json. */
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Added to this process's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Kill the command after this many seconds.
   * @default 600
   */
  readonly timeoutSeconds?: number;
}

/** Thrown when a timed command fails: names it and shows the end of its output. */
export class CommandFailed extends Error {
  constructor(spec: CommandSpec, detail: string, output: string) {
    const tail = output.trim().split('\n').slice(-25).join('\n');
    super(`${spec.label}: \`${[spec.command, ...spec.args].join(' ')}\` in ${spec.cwd} ${detail}${tail ? `\n${tail}` : ''}`);
    this.name = 'CommandFailed';
  }
}

/** Runs a command once and returns its wall-clock time in seconds; throws CommandFailed unless it exits 0. */
export function timeCommand(spec: CommandSpec): number {
  const started = performance.now();
  const result = spawnSync(spec.command, [...spec.args], {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    encoding: 'utf-8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: (spec.timeoutSeconds ?? 600) * 1000,
  });
  const seconds = (performance.now() - started) / 1000;
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') {
    throw new CommandFailed(spec, `timed out after ${spec.timeoutSeconds ?? 600} s`, output);
  }
  if (result.error) {
    throw new CommandFailed(spec, `could not run: ${result.error.message}`, output);
  }
  if (result.status !== 0) {
    throw new CommandFailed(spec, result.signal ? `was killed (${result.signal})` : `exited ${result.status}`, output);
  }
  return seconds;
}

/** How many rounds to run. */
export interface Rounds {
  /** Untimed rounds first (caches, compiled TypeScript, the file system). */
  readonly warmups: number;
  /** Timed rounds. */
  readonly runs: number;
}

/**
 * Times several commands in interleaved rounds and returns each command's timed samples (in
 * seconds), keyed by label. `onRun` reports progress.
 */
export function timeInterleaved(
  specs: readonly CommandSpec[],
  rounds: Rounds,
  onRun: (label: string, round: string, seconds: number) => void = () => {},
): Record<string, number[]> {
  const labels = new Set(specs.map((spec) => spec.label));
  if (labels.size !== specs.length) {
    throw new Error(`command labels must be unique, got ${specs.map((spec) => spec.label).join(', ')}`);
  }
  const samples: Record<string, number[]> = Object.fromEntries(specs.map((spec) => [spec.label, []]));
  for (let round = 0; round < rounds.warmups + rounds.runs; round++) {
    const warmup = round < rounds.warmups;
    for (const spec of specs) {
      const seconds = timeCommand(spec);
      onRun(spec.label, warmup ? 'warm-up' : `run ${round - rounds.warmups + 1}/${rounds.runs}`, seconds);
      if (!warmup) {
        samples[spec.label].push(seconds);
      }
    }
  }
  return samples;
}

/** A command's wall-clock time and the peak memory of its process tree. */
export interface MemoryRun {
  readonly seconds: number;
  readonly memory: TreeMemoryPeak;
}

/**
 * Runs a command once (not timed against anything) while sampling the memory of every process it
 * starts (bench/proc-memory.ts), and resolves with its peak; rejects with CommandFailed unless it
 * exits 0. Asynchronous, unlike `timeCommand`: the sampler reads /proc on this process's timer.
 */
export function measureMemory(spec: CommandSpec, intervalMs = 50): Promise<MemoryRun> {
  const sampler = new TreeMemorySampler(process.pid, intervalMs);
  sampler.start();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // A process group of its own, so that a timeout ends the command's children too (npm, the CDK CLI, the app).
    const child = spawn(spec.command, [...spec.args], { cwd: spec.cwd, env: { ...process.env, ...spec.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf-8')).slice(-64 * 1024);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timeoutSeconds = spec.timeoutSeconds ?? 600;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutSeconds * 1000);
    let failed: Error | undefined;
    child.on('error', (err) => {
      failed = new CommandFailed(spec, `could not run: ${err.message}`, output);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const memory = sampler.stop();
      const seconds = (performance.now() - started) / 1000;
      if (failed) {
        reject(failed);
      } else if (timedOut) {
        reject(new CommandFailed(spec, `timed out after ${timeoutSeconds} s`, output));
      } else if (code !== 0) {
        reject(new CommandFailed(spec, signal ? `was killed (${signal})` : `exited ${code}`, output));
      } else {
        resolve({ seconds, memory });
      }
    });
  });
}
