/**
 * How the local model-build pipeline scales with the data: runs it (runModelBuildLocally, the
 * example project's config) on generated player-churn data of 10k, 100k and 1M rows (the
 * generator of `sagemaker-gitops sample-data`), then on one size with the input in 1 and 4 files
 * and `instanceCounts` 1 and 4 (4 Preprocess processes over 4 shards, 4 training workers). Each
 * run: wall time, rows per second, peak memory of its processes (bench/proc-memory.ts), seconds
 * per step. Prints the tables; run.ts's `data-scale` section calls {@link runDataScale}.
 *
 *   npx tsx bench/data-scale-run.ts [--rows 10000,100000,1000000] [--shard-rows 100000] [--shards 1,4]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, readProjectConfig, renderConfigFile } from '../src/config';
import { generatePlayerData } from '../src/data';
import { LocalRunResult, runModelBuildLocally } from '../src/local-run';
import { PLAYER_CHURN } from '../src/model-build/player-churn-pipeline';
import { DATA_SCALE_ROWS, DATA_SCALE_SHARDS, DataRun, dataScaleTable, growthSummary, rowLabel, shardTable } from './data-scale';
import { TreeMemoryPeak, TreeMemorySampler } from './proc-memory';

const ROOT = path.join(__dirname, '..');
/** The days the generator simulates (as `sample-data`'s default) and its seed. */
const DAYS = 18;
const SEED = 42;

export interface DataScaleOptions {
  readonly rows: readonly number[];
  /** The size of the sharded runs. */
  readonly shardRows: number;
  readonly shards: readonly number[];
  readonly log: (message: string) => void;
}

export interface DataScaleResults {
  readonly sizes: DataRun[];
  readonly sharded: DataRun[];
}

/** Runs every size, then every shard count, each once, in a temporary folder it removes. */
export async function runDataScale(options: DataScaleOptions): Promise<DataScaleResults> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-data-scale-'));
  try {
    const sizes: DataRun[] = [];
    for (const rows of options.rows) {
      sizes.push(await measuredRun(work, rows, 1, options.log));
    }
    const sharded: DataRun[] = [];
    for (const shards of options.shards) {
      sharded.push(await measuredRun(work, options.shardRows, shards, options.log));
    }
    return { sizes, sharded };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The generated data of `rows` players in `files` CSV files (each with the header), made once per size. */
function dataFiles(work: string, rows: number, files: number, log: (message: string) => void): string {
  const single = path.join(work, `players-${rows}.csv`);
  if (!fs.existsSync(single)) {
    const started = Date.now();
    const fd = fs.openSync(single, 'w');
    try {
      generatePlayerData({ players: rows, days: DAYS, seed: SEED }, (chunk) => fs.writeSync(fd, chunk));
    } finally {
      fs.closeSync(fd);
    }
    log(`  generated ${rowLabel(rows)} rows (${(fs.statSync(single).size / 2 ** 20).toFixed(0)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (files === 1) {
    return single;
  }
  const folder = path.join(work, `players-${rows}-in-${files}`);
  if (!fs.existsSync(folder)) {
    fs.mkdirSync(folder);
    const [header, ...lines] = fs.readFileSync(single, 'utf-8').trimEnd().split('\n');
    for (let f = 0; f < files; f++) {
      fs.writeFileSync(path.join(folder, `part-${f}.csv`), `${header}\n${lines.filter((_l, i) => i % files === f).join('\n')}\n`);
    }
  }
  return folder;
}

/** A model-build repository: the example's config (with the instance counts), the seed's scripts. */
function repository(work: string, shards: number): string {
  const repo = path.join(work, `repo-${shards}`);
  if (!fs.existsSync(repo)) {
    const example = readProjectConfig(path.join(ROOT, 'model-build', CONFIG_FILE_NAME));
    const config = shards === 1 ? example : { ...example, instanceCounts: { processing: shards, training: shards } };
    fs.mkdirSync(repo, { recursive: true });
    fs.writeFileSync(path.join(repo, CONFIG_FILE_NAME), JSON.stringify(renderConfigFile(config)));
    fs.cpSync(path.join(ROOT, 'seed-code', 'model-build', 'pipelines'), path.join(repo, 'pipelines'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'seed-code', 'model-build', 'data'), path.join(repo, 'data'), { recursive: true });
  }
  return repo;
}

async function measuredRun(work: string, rows: number, shards: number, log: (message: string) => void): Promise<DataRun> {
  const data = dataFiles(work, rows, shards, log);
  const repo = repository(work, shards);
  const workDir = path.join(work, `run-${rows}-${shards}`);
  const sampler = new TreeMemorySampler();
  sampler.start();
  let memory: TreeMemoryPeak | undefined;
  let result: LocalRunResult;
  try {
    result = await runModelBuildLocally({
      repoDir: repo, workDir, registryFile: path.join(work, 'registry.json'), mlflowTrackingUri: null,
      parameters: { [PLAYER_CHURN.parameters.inputDataUrl]: data },
    });
  } finally {
    memory = sampler.stop();
  }
  fs.rmSync(workDir, { recursive: true, force: true });
  if (result.status !== 'Succeeded') {
    throw new Error(`the local run on ${rowLabel(rows)} rows, ${shards} shard(s), failed: ${result.failureReason}`);
  }
  const run: DataRun = {
    rows, shards, seconds: result.durationMs / 1000, peakRssMb: memory.peakRssMb, maxProcessRssMb: memory.maxProcessRssMb,
    steps: Object.fromEntries(result.steps.filter((s) => s.status === 'Succeeded').map((s) => [s.name, s.durationMs / 1000])),
    auc: result.auc,
  };
  log(`  ${rowLabel(rows)} rows, ${shards} shard(s): ${run.seconds.toFixed(1)} s, peak ${run.peakRssMb.toFixed(0)} MB (${memory.samples} samples), AUC ${run.auc?.toFixed(4)}`);
  return run;
}

/** The printed tables of a data-scale run. */
export function dataScaleReport(results: DataScaleResults, shardRows: number): string[] {
  const parts = [
    `Data scale: the local pipeline (one instance per step) on generated player data\n${dataScaleTable(results.sizes)}`,
  ];
  if (results.sizes.length >= 3) {
    parts.push(growthSummary(results.sizes));
  }
  if (results.sharded.length > 0) {
    parts.push(`Sharded local run on ${rowLabel(shardRows)} rows: instanceCounts processing = training = shards (one process per instance)\n${shardTable(results.sharded)}`);
  }
  return parts;
}

function listArg(argv: readonly string[], name: string, fallback: readonly number[]): number[] {
  const i = argv.indexOf(name);
  if (i < 0) {
    return [...fallback];
  }
  const values = (argv[i + 1] ?? '').split(',').map(Number);
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v < 1)) {
    throw new Error(`${name} takes a comma-separated list of whole numbers >= 1, got ${JSON.stringify(argv[i + 1])}`);
  }
  return values;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const rows = listArg(argv, '--rows', DATA_SCALE_ROWS);
  const [shardRows] = listArg(argv, '--shard-rows', [100_000]);
  const shards = listArg(argv, '--shards', DATA_SCALE_SHARDS);
  const results = await runDataScale({ rows, shardRows, shards, log: (m) => console.error(m) });
  for (const part of dataScaleReport(results, shardRows)) {
    console.log(`\n${part}`);
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`error: ${(err as Error).message}`);
    process.exitCode = 1;
  });
}
