/**
 * How long `sagemaker-gitops local-run` takes on the committed sample (seed-code/model-build/data):
 * one warm-up run, then the median of 3 runs, overall and per step. Writes
 * bench/results-local-run.json. The goal is under 30 s on 2 cores.
 *
 *   npx tsx bench/local-run.ts [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../src/config';
import { LocalRunResult, choosePython, runModelBuildLocally } from '../src/local-run';

const ROOT = path.join(__dirname, '..');
const RESULTS_FILE = path.join(__dirname, 'results-local-run.json');
const GOAL_SECONDS = 30;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const seconds = (ms: number) => Math.round(ms) / 1000;

/** A model-build repository in a temporary folder: the example's config, the seed's scripts and committed sample. */
function makeRepo(): string {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-local-run-'));
  fs.copyFileSync(path.join(ROOT, 'model-build', CONFIG_FILE_NAME), path.join(repo, CONFIG_FILE_NAME));
  fs.cpSync(path.join(ROOT, 'seed-code', 'model-build', 'pipelines'), path.join(repo, 'pipelines'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'seed-code', 'model-build', 'data'), path.join(repo, 'data'), { recursive: true });
  return repo;
}

function pythonVersions(python: string): Record<string, string> {
  const script = 'import sys, pandas, sklearn, xgboost; print(sys.version.split()[0], pandas.__version__, sklearn.__version__, xgboost.__version__)';
  const [pythonVersion, pandas, sklearn, xgboost] = spawnSync(python, ['-c', script], { encoding: 'utf-8' }).stdout.trim().split(' ');
  return { python: `${python} ${pythonVersion}`, pandas, sklearn, xgboost };
}

async function main(): Promise<void> {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`--runs must be a positive integer, got ${process.argv[runsArg + 1]}`);
  }
  const repo = makeRepo();
  try {
    const timed: LocalRunResult[] = [];
    for (let i = 0; i <= runs; i++) {
      const result = await runModelBuildLocally({ repoDir: repo });
      if (result.status !== 'Succeeded') {
        throw new Error(`run ${i} failed: ${result.failureReason}`);
      }
      const label = i === 0 ? 'warm-up' : `run ${i}`;
      console.log(`${label.padEnd(8)} ${seconds(result.durationMs).toFixed(2)} s  (AUC ${result.auc?.toFixed(4)})`);
      if (i > 0) {
        timed.push(result);
      }
    }
    const total = median(timed.map((r) => r.durationMs));
    const steps = Object.fromEntries(timed[0].steps.filter((s) => s.status === 'Succeeded').map((s) => [
      s.name, seconds(median(timed.map((r) => r.steps.find((t) => t.name === s.name)!.durationMs))),
    ]));
    const results = {
      benchmark: 'sagemaker-gitops local-run on the committed sample (seed-code/model-build/data/player-churn.csv)',
      date: new Date().toISOString(),
      machine: { cpus: os.availableParallelism(), node: process.version, ...pythonVersions(choosePython()) },
      method: `median of ${runs} runs after a warm-up run; each run is the whole pipeline in process (runModelBuildLocally): Preprocess, Train, Evaluate, CheckAuc, Register`,
      runsSeconds: timed.map((r) => seconds(r.durationMs)),
      medianSeconds: seconds(total),
      stepMedianSeconds: steps,
      auc: timed[0].auc,
      goalSeconds: GOAL_SECONDS,
      withinGoal: total / 1000 < GOAL_SECONDS,
    };
    console.log(`median   ${results.medianSeconds.toFixed(2)} s on ${results.machine.cpus} cores (goal: under ${GOAL_SECONDS} s)`);
    for (const [name, value] of Object.entries(steps)) {
      console.log(`  ${name.padEnd(12)} ${value.toFixed(2)} s`);
    }
    fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`wrote ${path.relative(process.cwd(), RESULTS_FILE)}`);
    if (!results.withinGoal) {
      process.exitCode = 1;
    }
  } finally {
    fs.rmSync(repo, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`error: ${(err as Error).message}`);
  process.exitCode = 1;
});
