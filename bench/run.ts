/**
 * `npm run bench`: speed, scale, critical path and idle cost of the example project, each beside
 * its floor or the first-party SageMaker template, measured in one run on this machine. Prints
 * tables and writes bench/results.json. Everything runs in a temporary copy of the repository, so
 * no file of the working tree changes but bench/results.json.
 *
 *   npx tsx bench/run.ts [--runs N] [--only projen,synth,root-synth,scale,pipeline,local-run,data-scale,cli-start] [--keep]
 *
 * Exits 1 when a measurement could not be taken; a missed goal is reported, not an error.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLOUDFORMATION_RESOURCE_LIMIT, StackSummary, summarizeAssembly } from '../src/cli/assembly-summary';
import { CONFIG_FILE_NAME, readProjectConfig } from '../src/config';
import { MIN_NODE_VERSION, TOOL_VERSIONS } from '../src/app-context/versions';
import { resourceNamesOf } from '../src/app-context/resource-names';
import { assemblyContext, assemblyStacks, endpointStacksByStage } from './assembly';
import { CriticalPath, PathContext, PipelineAction, Scenario, codePipelinesOf, criticalPath, endToEnd } from './critical-path';
import {
  FIRST_PARTY_COMMANDS, FIRST_PARTY_MODEL_BUILD, FIRST_PARTY_MODEL_DEPLOY, FIRST_PARTY_PROD_STACK, FIRST_PARTY_REGION,
  FIRST_PARTY_SAGEMAKER_PIPELINE, FIRST_PARTY_STAGING_STACK, firstPartyEndpointStack,
} from './first-party-template';
import { IdleCost, idleCosts, totalIdleCost } from './idle-cost';
import { DATA_SCALE_ROWS, DATA_SCALE_SHARDS, rowGrowth, rowsPerSecond } from './data-scale';
import { dataScaleReport, runDataScale } from './data-scale-run';
import { synthEnvironment } from './codebuild-memory';
import { CommandSpec, measureMemory, timeCommand, timeInterleaved } from './measure';
import { ACTION_MODEL, ActionModel, withMeasuredSynth } from './pipeline-model';
import { releaseChanges } from './release-restart';
import { HOURS_PER_MONTH, REALTIME_INFERENCE_PRICES, SERVERLESS_IDLE } from './price-table';
import { formatTable, minutes, pathRows, seconds, times, usd, verdict } from './report';
import { SCALE_CONTEXT, SCALE_SIZES } from './scale';
import { Timing, compare, growth, round, timing } from './stats';
import { copyRepository, createCdkFloor, createProjenFloor, packageJson, projenFloorRc } from './workspace';

const REPO = path.join(__dirname, '..');
const RESULTS_FILE = path.join(__dirname, 'results.json');
const APPS = ['model-build', 'model-deploy'] as const;
type App = (typeof APPS)[number];

/** Goals of issue 8, as ratios against the floor. */
const GOALS = { appSynth: 1.5, projen: 1.3, cliStart: 1.5 } as const;

/** The size of the sharded runs of the data-scale section (1 and 4 shards). */
const DATA_SCALE_SHARD_ROWS = 100_000;

const SECTIONS = ['projen', 'root-synth', 'synth', 'scale', 'pipeline', 'local-run', 'data-scale', 'cli-start'] as const;
type Section = (typeof SECTIONS)[number];

/** Timed runs per section (after one warm-up round); `--runs` sets them all. */
const DEFAULT_RUNS: Record<Section, number> = { 'projen': 5, 'root-synth': 3, 'synth': 5, 'scale': 3, 'pipeline': 0, 'local-run': 3, 'data-scale': 1, 'cli-start': 15 };

/**
 * Environment of every command: as `npm run synth` sets it; post-synthesis steps (installs) off in
 * the copies; the Control Tower results cache off, so that every timed synth runs cfn-guard as a
 * pipeline's first synth in CodeBuild does (with the cache, a repeated synth of unchanged
 * templates would skip it and look faster than a team's pipeline is).
 */
const ENV = { CI: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', PROJEN_DISABLE_POST: 'true', SAGEMAKER_GITOPS_VALIDATION_CACHE: 'off' };

/** One figure of results.json. */
interface Figure {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  /** null when there is no value to give (a ratio over zero). */
  readonly value: number | null;
  readonly samples?: readonly number[];
  /** What the value is compared with. */
  readonly floorIs?: string;
  readonly floor?: number;
  readonly floorSamples?: readonly number[];
  /** value / floor. */
  readonly ratio?: number;
  readonly goal?: string;
  readonly pass?: boolean;
  readonly note?: string;
}

interface Options {
  readonly runs?: number;
  readonly sections: ReadonlySet<Section>;
  readonly keep: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  let runs: number | undefined;
  let sections: Set<Section> = new Set(SECTIONS);
  let keep = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') {
      runs = Number(argv[++i]);
      if (!Number.isInteger(runs) || runs < 1) {
        usage(`--runs must be a whole number >= 1, got ${JSON.stringify(argv[i])}`);
      }
    } else if (arg === '--only') {
      const names = (argv[++i] ?? '').split(',').filter(Boolean);
      const unknown = names.filter((name) => !(SECTIONS as readonly string[]).includes(name));
      if (names.length === 0 || unknown.length > 0) {
        usage(`--only takes a comma-separated list of ${SECTIONS.join(', ')}, got ${JSON.stringify(argv[i])}`);
      }
      sections = new Set(names as Section[]);
    } else if (arg === '--keep') {
      keep = true;
    } else {
      usage(`unknown argument ${JSON.stringify(arg)}`);
    }
  }
  return { runs, sections, keep };
}

function usage(message: string): never {
  console.error(`error: ${message}\nusage: npx tsx bench/run.ts [--runs N] [--only ${SECTIONS.join(',')}] [--keep]`);
  process.exit(2);
}

const log = (message: string) => console.error(message);
const progress = (label: string, round: string, s: number) => log(`  ${label.padEnd(28)} ${round.padEnd(9)} ${seconds(s)}`);
const npmRun = (label: string, cwd: string, script: string): CommandSpec => ({ label, command: 'npm', args: ['run', '--silent', script], cwd, env: ENV });
const npx = (label: string, cwd: string, args: string[]): CommandSpec => ({ label, command: 'npx', args, cwd, env: ENV });

class Bench {
  readonly figures: Figure[] = [];
  readonly results: Record<string, unknown> = {};
  readonly errors: { section: Section; message: string }[] = [];
  readonly tables: string[] = [];
  readonly synthMedians: Partial<Record<App, number>> = {};
  floorSynth?: Timing;
  sageMakerRunMinutes?: number;

  constructor(readonly work: string, readonly options: Options) {}

  get copy(): string {
    return path.join(this.work, 'repo');
  }

  rounds(section: Section) {
    return { warmups: 1, runs: this.options.runs ?? DEFAULT_RUNS[section] };
  }

  print(title: string, table: string): void {
    const text = `\n${title}\n${table}`;
    this.tables.push(text);
    console.log(text);
  }

  async section(name: Section, body: () => void | Promise<void>): Promise<void> {
    if (!this.options.sections.has(name)) {
      return;
    }
    log(`\n== ${name}`);
    try {
      await body();
    } catch (err) {
      const message = (err as Error).message;
      this.errors.push({ section: name, message });
      this.results[name] = { error: message };
      console.log(`\n${name}: NOT MEASURED: ${message}`);
    }
  }

  /** 2. `npx projen` in the copy (regenerates the root and both repositories) against a bare projen TypeScript project. */
  projen(): void {
    const floorDir = path.join(this.work, 'projen-floor');
    const rootPkg = packageJson(REPO);
    createProjenFloor(REPO, floorDir, projenFloorRc({
      projenVersion: String(rootPkg.devDependencies.projen),
      minNodeVersion: MIN_NODE_VERSION,
      typescriptVersion: TOOL_VERSIONS.typescript,
    }));
    // The floor's first synth writes .projen/tasks.json, with the default task `npx projen` runs.
    timeCommand(npx('projen floor bootstrap', floorDir, ['tsx', '.projenrc.ts']));
    // --no-post: the projen CLI would otherwise turn post-synthesis (dependency installs) back on.
    const samples = timeInterleaved([
      npx('projen floor', floorDir, ['projen', '--no-post']),
      npx('npx projen (root + 2 repos)', this.copy, ['projen', '--no-post']),
    ], this.rounds('projen'), progress);
    const floor = timing(samples['projen floor']);
    const root = timing(samples['npx projen (root + 2 repos)']);
    const c = compare(root.median, floor.median, GOALS.projen);
    this.figures.push({
      id: 'projen', title: '`npx projen` (root and both generated repos) vs a bare projen TypeScript project', unit: 's',
      value: root.median, samples: root.samples, floorIs: 'a bare projen TypeScript project (same projen, same .projenrc.ts runner)', floor: floor.median, floorSamples: floor.samples, ratio: c.ratio, goal: `ratio <= ${GOALS.projen}`, pass: c.pass,
    });
    this.results.projen = { floor, root, ratio: c.ratio, goal: GOALS.projen, pass: c.pass };
    this.print('npx projen vs a bare projen TypeScript project (median)', formatTable(
      ['command', 'median', 'runs', 'floor', 'ratio', 'goal', 'result'],
      [['npx projen', seconds(root.median), root.samples.map((s) => s.toFixed(1)).join(' '), seconds(floor.median), times(c.ratio), `<= ${GOALS.projen}x`, verdict(c.pass)]],
      ['left', 'right', 'left', 'right', 'right', 'right', 'left'],
    ));
  }

  /**
   * 7. The CLI's start: `sagemaker-gitops --help` and `--version` (the compiled CLI, as `npx`
   * runs its bin) against the floor, Node.js loading commander and nothing else (issue 21, item 3).
   */
  cliStart(): void {
    const main = path.join(this.copy, 'lib', 'cli', 'main.js');
    const node = (label: string, args: string[]): CommandSpec => ({ label, command: process.execPath, args, cwd: this.copy, env: ENV });
    const floorLabel = 'node + commander';
    const specs = [node(floorLabel, ['-e', "require('commander')"]), node('--help', [main, '--help']), node('--version', [main, '--version'])];
    const samples = timeInterleaved(specs, this.rounds('cli-start'), progress);
    const floor = timing(samples[floorLabel]);
    const rows = ['--help', '--version'].map((label) => {
      const t = timing(samples[label]);
      const c = compare(t.median, floor.median, GOALS.cliStart);
      this.figures.push({
        id: `cli-start.${label.slice(2)}`, title: `\`sagemaker-gitops ${label}\` vs Node.js loading commander`, unit: 's', value: t.median, samples: t.samples,
        floorIs: 'node -e "require(\'commander\')"', floor: floor.median, floorSamples: floor.samples, ratio: c.ratio, goal: `ratio <= ${GOALS.cliStart}`, pass: c.pass,
      });
      return [`sagemaker-gitops ${label}`, seconds(t.median, 3), seconds(floor.median, 3), times(c.ratio), `<= ${GOALS.cliStart}x`, verdict(c.pass)];
    });
    this.results.cliStart = { floor, goal: GOALS.cliStart };
    this.print('CLI start vs Node.js loading commander (median)', formatTable(
      ['command', 'median', 'floor', 'ratio', 'goal', 'result'], rows, ['left', 'right', 'right', 'right', 'right', 'left'],
    ));
  }

  /** Compiles the library in the copy once, untimed, so the apps load the copy's own code. */
  prepare(): void {
    log('  compiling the library in the copy (tsc --build)');
    try {
      timeCommand(npx('tsc --build', this.copy, ['tsc', '--build']));
    } catch (err) {
      // tsc still emits on type errors; the synths then show whether the code runs.
      log(`  warning: ${(err as Error).message}`);
    }
  }

  /** 1a. The root `npm run synth`: regenerate, compile, synthesize both apps in parallel. */
  rootSynth(): void {
    const samples = timeInterleaved([npmRun('npm run synth (root)', this.copy, 'synth')], this.rounds('root-synth'), progress);
    const root = timing(samples['npm run synth (root)']);
    this.results.rootSynth = { timing: root, note: 'runs `npx projen default`, `tsc --build` and both apps\' `cdk synth` in parallel; no goal (the goal is on the apps\' cdk synth)' };
    this.figures.push({ id: 'synth.root', title: 'root `npm run synth` (projen, tsc --build, both apps in parallel)', unit: 's', value: root.median, samples: root.samples });
  }

  /** 1b. Each app's `cdk synth` against the floor: one empty stack on the same CLI, tsx, aws-cdk-lib and cdk.json. */
  async appSynth(): Promise<void> {
    const floorDir = path.join(this.work, 'cdk-floor');
    createCdkFloor(REPO, 'model-deploy', floorDir);
    const specs = [npmRun('floor (1 empty stack)', floorDir, 'synth'), ...APPS.map((app) => npmRun(app, path.join(this.copy, app), 'synth'))];
    const samples = timeInterleaved(specs, this.rounds('synth'), progress);
    const floor = timing(samples['floor (1 empty stack)']);
    this.floorSynth = floor;
    const rows: string[][] = [['floor: 1 empty stack', seconds(floor.median), floor.samples.map((s) => s.toFixed(1)).join(' '), '', '', '', '', '']];
    const apps: Record<string, unknown> = {};
    for (const app of APPS) {
      const t = timing(samples[app]);
      this.synthMedians[app] = t.median;
      const c = compare(t.median, floor.median, GOALS.appSynth);
      const stacks = summarizeAssembly(path.join(this.copy, app, 'cdk.out'), app);
      const largest = stacks.reduce((max, s) => (s.resources > max.resources ? s : max));
      apps[app] = { timing: t, ratio: c.ratio, pass: c.pass, stacks: stacks.map(({ template: _t, ...s }) => s) };
      this.figures.push({
        id: `synth.${app}`, title: `${app}: \`npm run synth\` (cdk synth) vs the floor app`, unit: 's',
        value: t.median, samples: t.samples, floorIs: 'a CDK app with one empty stack (same CLI, tsx, aws-cdk-lib, cdk.json)', floor: floor.median, floorSamples: floor.samples, ratio: c.ratio, goal: `ratio <= ${GOALS.appSynth}`, pass: c.pass,
      });
      rows.push([app, seconds(t.median), t.samples.map((s) => s.toFixed(1)).join(' '), times(c.ratio), `<= ${GOALS.appSynth}x`, verdict(c.pass), String(stacks.length), `${largest.resources} (${largest.stack})`]);
    }
    const root = this.results.rootSynth as { timing: Timing } | undefined;
    if (root) {
      rows.push(['root npm run synth', seconds(root.timing.median), root.timing.samples.map((s) => s.toFixed(1)).join(' '), times(root.timing.median / floor.median), 'no goal', '', '', '']);
    }
    this.results.synth = { floor, apps, goal: GOALS.appSynth, rootSynth: root };
    this.print('npm run synth: each app\'s cdk synth vs the floor app (median, seconds; interleaved runs)', formatTable(
      ['app', 'median', 'runs', 'ratio', 'goal', 'result', 'stacks', 'largest stack (resources)'],
      rows,
      ['left', 'right', 'left', 'right', 'right', 'left', 'right', 'left'],
    ));
    await this.synthMemory(apps);
  }

  /**
   * 1c. Each app's synth once more, its process tree's memory sampled from /proc, against the
   * memory of the build container its pipeline's synth step runs `cdk synth` in (read from the
   * assembly): a synth that outgrows it is killed in CodeBuild.
   */
  private async synthMemory(apps: Record<string, unknown>): Promise<void> {
    try {
      await this.measureSynthMemory(apps);
    } catch (err) {
      // The timings above stay measured; only the memory figures are missing (and the bench exits 1).
      const message = (err as Error).message;
      this.errors.push({ section: 'synth', message: `memory: ${message}` });
      (this.results.synth as Record<string, unknown>).memoryError = message;
      console.log(`\nsynth memory: NOT MEASURED: ${message}`);
    }
  }

  private async measureSynthMemory(apps: Record<string, unknown>): Promise<void> {
    const floor = await measureMemory(npmRun('floor synth (memory)', path.join(this.work, 'cdk-floor'), 'synth'));
    const rows: string[][] = [['floor: 1 empty stack', `${floor.memory.peakRssMb.toFixed(0)} MB`, `${floor.memory.maxProcessRssMb.toFixed(0)} MB`, '', '', '', 'no goal', String(floor.memory.samples)]];
    (this.results.synth as Record<string, unknown>).floorMemory = floor.memory;
    for (const app of APPS) {
      const run = await measureMemory(npmRun(`${app} synth (memory)`, path.join(this.copy, app), 'synth'));
      const container = synthEnvironment(path.join(this.copy, app, 'cdk.out'));
      const pass = run.memory.peakRssMb <= container.memoryMb;
      const share = run.memory.peakRssMb / container.memoryMb;
      Object.assign(apps[app] as object, { memory: { ...run.memory, seconds: run.seconds, container, share: round(share, 3), pass } });
      this.figures.push({
        id: `synth.${app}.memory`, title: `${app}: peak memory of \`npm run synth\` (all its processes) vs the synth step's CodeBuild container`, unit: 'MB',
        value: round(run.memory.peakRssMb, 0), floorIs: 'the floor app (one empty stack)', floor: round(floor.memory.peakRssMb, 0), goal: `<= ${container.memoryMb} MB (${container.type} ${container.computeType})`, pass,
      });
      rows.push([app, `${run.memory.peakRssMb.toFixed(0)} MB`, `${run.memory.maxProcessRssMb.toFixed(0)} MB`, `${container.computeType} (${container.type})`,
        `${container.memoryMb} MB`, `${(share * 100).toFixed(0)} %`, verdict(pass), String(run.memory.samples)]);
    }
    this.print('npm run synth: peak memory (resident, all processes at once; one run each) vs the pipeline synth step\'s CodeBuild container', formatTable(
      ['app', 'peak', 'largest process', 'synth step container', 'its memory', 'share', 'result', 'samples'],
      rows,
      ['left', 'right', 'right', 'left', 'right', 'right', 'left', 'right'],
    ));
  }

  /** 3. Synth time and resource counts of 1, 5 and 20 production endpoint stacks. */
  scale(): void {
    const deployDir = path.join(this.copy, 'model-deploy');
    const outDir = (n: number) => path.join(this.work, `scale-${n}`);
    const specs = SCALE_SIZES.map((n) => npx(`${n} endpoint stack(s)`, deployDir, [
      'cdk', 'synth', '--no-notices', '--quiet', '--app', 'npx tsx ../bench/scale-app.ts', '-c', `${SCALE_CONTEXT}=${n}`, '-o', outDir(n),
    ]));
    // One warm-up synth of the smallest app (tsx's cache, the file cache); every size then runs interleaved.
    timeInterleaved(specs.slice(0, 1), { warmups: 0, runs: 1 }, (label, _round, s) => progress(label, 'warm-up', s));
    const samples = timeInterleaved(specs, { warmups: 0, runs: this.rounds('scale').runs }, progress);
    const points = SCALE_SIZES.map((n) => {
      const t = timing(samples[`${n} endpoint stack(s)`]);
      const stacks: StackSummary[] = summarizeAssembly(outDir(n), `scale-${n}`);
      const largest = Math.max(...stacks.map((s) => s.resources));
      return { stacks: n, timing: t, stackCount: stacks.length, largestStackResources: largest, totalResources: stacks.reduce((sum, s) => sum + s.resources, 0) };
    });
    const g = growth(points.map((p) => ({ stacks: p.stacks, seconds: p.timing.median, spread: p.timing.max - p.timing.min })));
    const largest = Math.max(...points.map((p) => p.largestStackResources));
    const underLimit = largest < CLOUDFORMATION_RESOURCE_LIMIT;
    this.results.scale = { points, growth: g, resourceLimit: CLOUDFORMATION_RESOURCE_LIMIT, largestStackResources: largest, underLimit };
    this.figures.push(
      { id: 'scale.seconds-per-added-stack', title: 'synth seconds each added endpoint stack costs (1 → 20 stacks)', unit: 's', value: g.overallSecondsPerAddedStack },
      {
        id: 'scale.growth', title: 'linear or better: cost per added stack in the last step (5 → 20) vs the first (1 → 5), beyond the runs\' noise',
        unit: 'ratio', value: g.growthRatio ?? null, goal: `<= ${g.tolerance} beyond ${g.noiseSeconds.toFixed(1)} s of noise`, pass: g.linearOrBetter,
      },
      {
        id: 'scale.largest-stack', title: 'resources in the largest stack (20 production endpoint stacks) vs CloudFormation\'s limit', unit: 'resources',
        value: largest, floorIs: 'CloudFormation\'s limit of resources per stack', floor: CLOUDFORMATION_RESOURCE_LIMIT, ratio: largest / CLOUDFORMATION_RESOURCE_LIMIT,
        goal: `< ${CLOUDFORMATION_RESOURCE_LIMIT}`, pass: underLimit,
      },
      ...points.map((p) => ({
        id: `scale.synth-${p.stacks}`, title: `cdk synth of ${p.stacks} production endpoint stack(s)`, unit: 's', value: p.timing.median, samples: p.timing.samples,
        note: `${p.totalResources} resources in ${p.stackCount} stack(s)`,
      })),
    );
    const marginal = new Map(g.marginal.map((m) => [m.to, m.secondsPerAddedStack]));
    const ratioText = g.growthRatio === undefined ? 'n/a' : g.growthRatio.toFixed(2);
    this.print(`Scale: production endpoint stacks (one per model variant), cdk synth (median); ${seconds(g.overallSecondsPerAddedStack, 2)} per added stack; `
      + `growth ratio ${ratioText} (${g.linearOrBetter ? 'linear or better' : 'SUPER-LINEAR'} given ${g.noiseSeconds.toFixed(1)} s of run-to-run spread)`, formatTable(
      ['stacks', 'median', 'per stack', 'per added stack', 'resources (largest stack)', 'resources (all)', `limit ${CLOUDFORMATION_RESOURCE_LIMIT}`],
      points.map((p) => [
        String(p.stacks), seconds(p.timing.median), seconds(p.timing.median / p.stacks, 2),
        marginal.has(p.stacks) ? seconds(marginal.get(p.stacks)!, 2) : '', String(p.largestStackResources), String(p.totalResources), verdict(p.largestStackResources < CLOUDFORMATION_RESOURCE_LIMIT),
      ]),
      ['right', 'right', 'right', 'right', 'right', 'right', 'left'],
    ));
  }

  /** 4 and 5. Critical path and idle cost, ours (from the copy's cdk.out) beside the first-party template's. */
  pipeline(): void {
    for (const app of APPS) {
      if (!fs.existsSync(path.join(this.copy, app, 'cdk.out', 'manifest.json'))) {
        timeCommand(npmRun(`${app} synth`, path.join(this.copy, app), 'synth'));
      }
    }
    const deployDir = path.join(this.copy, 'model-deploy');
    // A release that changes the pipeline's own stack makes the self-mutation update it and restart the execution;
    // one that changes no file asset of the stages finds them published by the release before (the Assets stage skipped).
    const changes = releaseChanges(readProjectConfig(path.join(deployDir, CONFIG_FILE_NAME)), deployDir);
    const restarts = changes.pipeline;
    const ours = (scenario: Scenario) => {
      const paths = APPS.map((app) => {
        const stacks = assemblyStacks(path.join(this.copy, app, 'cdk.out'));
        const model = withMeasuredSynth(ACTION_MODEL, this.synthMedians[app], `the ${app} app`);
        const withPipeline = stacks.filter((s) => codePipelinesOf(s.template).length > 0);
        if (withPipeline.length !== 1) {
          throw new Error(`expected one stack with a CodePipeline in ${app}/cdk.out, found ${withPipeline.length}`);
        }
        const [spec] = codePipelinesOf(withPipeline[0].template);
        const context = {
          ...assemblyContext(withPipeline[0], stacks, model, scenario),
          releaseChangesPipeline: app === 'model-deploy' && restarts,
          // A commit to model-build is taken to change its code bundle; a first deploy publishes everything.
          assetsPublished: app === 'model-deploy' && scenario === 'update' && !changes.assets,
        };
        return { model, path: criticalPath(spec, context) };
      });
      return { build: paths[0].path, deploy: paths[1].path, e2e: endToEnd(paths[0].path, paths[1].path, ACTION_MODEL), models: paths.map((p) => p.model) };
    };
    const firstParty = (scenario: Scenario) => {
      const context: PathContext = {
        model: ACTION_MODEL,
        scenario,
        commandsOf: (action: PipelineAction) => FIRST_PARTY_COMMANDS[action.name],
        stackTemplate: (name: string) => (name === FIRST_PARTY_STAGING_STACK ? firstPartyEndpointStack('staging') : name === FIRST_PARTY_PROD_STACK ? firstPartyEndpointStack('prod') : undefined),
        sageMakerPipeline: () => FIRST_PARTY_SAGEMAKER_PIPELINE,
      };
      const build = criticalPath(FIRST_PARTY_MODEL_BUILD, context);
      const deploy = criticalPath(FIRST_PARTY_MODEL_DEPLOY, context);
      return { build, deploy, e2e: endToEnd(build, deploy, ACTION_MODEL) };
    };
    const update = { ours: ours('update'), firstParty: firstParty('update') };
    const create = { ours: ours('create'), firstParty: firstParty('create') };
    this.sageMakerRunMinutes = update.ours.build.groups.flatMap((g) => g.actions).flatMap((a) => a.work)
      .filter((w) => w.what.startsWith('SageMaker step')).reduce((sum, w) => sum + w.minutes, 0);

    const [buildModel, deployModel] = update.ours.models;
    this.print('Per-action model (bench/pipeline-model.ts): minutes per kind of work', formatTable(
      ['work', 'minutes', 'basis', 'note'],
      (Object.keys(ACTION_MODEL) as (keyof ActionModel)[]).flatMap((key) => (key === 'cdkSynth'
        ? [[`${key} (model-build)`, buildModel[key]], [`${key} (model-deploy)`, deployModel[key]]] as const
        : [[key, ACTION_MODEL[key]]] as const)
        .map(([name, figure]) => [name, figure.minutes.toFixed(2), figure.basis, figure.note])),
      ['left', 'right', 'left', 'left'],
    ));
    for (const [label, p] of [['ours', update.ours], ['first-party template', update.firstParty]] as const) {
      for (const cp of [p.build, p.deploy] as CriticalPath[]) {
        this.print(`Critical path (${label}): ${cp.pipeline}, new model version on existing endpoints`, formatTable(
          ['stage', 'action', 'order', 'minutes', 'ends at', 'work'], pathRows(cp), ['left', 'left', 'right', 'right', 'right', 'left'],
        ));
      }
    }
    const e2eRows = (key: keyof typeof update.ours.e2e, title: string) => [
      title, minutes(update.ours.e2e[key]), minutes(update.firstParty.e2e[key]), minutes(create.ours.e2e[key]), minutes(create.firstParty.e2e[key]),
    ];
    this.print('Critical path, end to end (minutes from the per-action model in bench/pipeline-model.ts; people\'s approvals not counted)', formatTable(
      ['segment', 'ours (update)', 'first-party (update)', 'ours (first deploy)', 'first-party (first deploy)'],
      [
        e2eRows('commitToRegistered', 'commit to model-build → version registered'),
        e2eRows('approvedToStaging', 'version approved → staging endpoint tested'),
        e2eRows('commitToStaging', 'commit → staging (model approval excluded)'),
        e2eRows('releaseToProd', 'release approved → production serving'),
        e2eRows('commitToProd', 'commit → production (both approvals excluded)'),
      ],
      ['left', 'right', 'right', 'right', 'right'],
    ));
    for (const key of ['commitToStaging', 'commitToProd'] as const) {
      this.figures.push({
        id: `critical-path.${key}`, title: `modeled minutes, ${key === 'commitToStaging' ? 'commit → staging' : 'commit → production'} (new model version), ours vs the first-party template`,
        unit: 'min', value: update.ours.e2e[key], floorIs: 'the first-party template, same per-action model', floor: update.firstParty.e2e[key], ratio: update.ours.e2e[key] / update.firstParty.e2e[key],
      });
    }
    this.results.criticalPath = {
      method: 'stages in sequence, actions of a stage by run order, equal run orders in parallel; minutes per kind of work from bench/pipeline-model.ts (cdkSynth measured in this run); manual approvals excluded',
      model: { modelBuild: update.ours.models[0], modelDeploy: update.ours.models[1], firstParty: ACTION_MODEL },
      releaseChangesPipeline: restarts,
      releaseChangesAssets: changes.assets,
      update: strip(update),
      create: strip(create),
    };
    this.idleCost();
  }

  idleCost(): void {
    const deployDir = path.join(this.copy, 'model-deploy');
    const config = readProjectConfig(path.join(deployDir, CONFIG_FILE_NAME));
    const stages = endpointStacksByStage(assemblyStacks(path.join(deployDir, 'cdk.out')), resourceNamesOf(config));
    const ours = idleCosts(stages.map(({ stage, stack }) => ({ stage, region: stack.region, template: stack.template })));
    const firstParty = idleCosts((['staging', 'prod'] as const).map((stage) => ({ stage, region: FIRST_PARTY_REGION, template: firstPartyEndpointStack(stage) })));
    const oursTotal = totalIdleCost(ours);
    const fpTotal = totalIdleCost(firstParty);
    const row = (who: string, cost: IdleCost) => [who, cost.stage, cost.kind, cost.instanceType ?? '-', String(cost.idleInstances), usd(cost.usdPerMonth), cost.basis];
    this.print(`Idle cost per month (${HOURS_PER_MONTH} h; prices: bench/price-table.ts${oursTotal.unconfirmed || fpTotal.unconfirmed ? ', UNCONFIRMED against AWS' : ''})`, formatTable(
      ['project', 'stage', 'endpoint', 'instance', 'idle', 'per month', 'basis'],
      [
        ...ours.map((cost) => row('ours', cost)),
        ['ours', 'total', '', '', '', usd(oursTotal.usdPerMonth), ''],
        ...firstParty.map((cost) => row('first-party', cost)),
        ['first-party', 'total', '', '', '', usd(fpTotal.usdPerMonth), ''],
      ],
      ['left', 'left', 'left', 'left', 'right', 'right', 'left'],
    ));
    if (oursTotal.usdPerMonth !== undefined && fpTotal.usdPerMonth !== undefined) {
      this.figures.push({
        id: 'idle-cost', title: 'idle endpoint cost per month (staging + production), ours vs the first-party template defaults', unit: 'USD/month',
        value: oursTotal.usdPerMonth, floorIs: 'the first-party template defaults (ml.m5.large x 1 in staging and prod)', floor: fpTotal.usdPerMonth,
        ratio: fpTotal.usdPerMonth > 0 ? oursTotal.usdPerMonth / fpTotal.usdPerMonth : undefined,
        ...(oursTotal.unconfirmed || fpTotal.unconfirmed ? { note: 'uses a price not confirmed against AWS\'s pricing page (bench/price-table.ts)' } : {}),
      });
    }
    this.results.idleCost = {
      hoursPerMonth: HOURS_PER_MONTH, prices: REALTIME_INFERENCE_PRICES, serverless: SERVERLESS_IDLE,
      ours, oursTotal, firstParty, firstPartyTotal: fpTotal,
      excluded: 'storage (S3, data capture), the daily drift-check processing job, KMS keys, CloudWatch alarms, CodePipeline/CodeBuild minutes',
    };
  }

  /** 6. The local run: bench/local-run.ts in the copy (it times itself and writes bench/results-local-run.json). */
  localRun(): void {
    const script = path.join(this.copy, 'bench', 'local-run.ts');
    if (!fs.existsSync(script)) {
      this.results.localRun = { notMeasured: 'bench/local-run.ts missing' };
      console.log('\nlocal run: not measured (bench/local-run.ts missing)');
      return;
    }
    const resultsFile = path.join(this.copy, 'bench', 'results-local-run.json');
    fs.rmSync(resultsFile, { force: true });
    const runs = this.options.runs ?? DEFAULT_RUNS['local-run'];
    try {
      timeCommand({ ...npx('bench/local-run.ts', this.copy, ['tsx', 'bench/local-run.ts', '--runs', String(runs)]), timeoutSeconds: 900 });
    } catch (err) {
      // It exits 1 when its own goal is missed, after writing its results.
      if (!fs.existsSync(resultsFile)) {
        throw err;
      }
    }
    const local = JSON.parse(fs.readFileSync(resultsFile, 'utf-8'));
    const cloud = this.sageMakerRunMinutes;
    this.results.localRun = { ...local, modeledSageMakerRunMinutes: cloud };
    this.figures.push({
      id: 'local-run', title: 'local run of the model-build pipeline on the committed sample (bench/local-run.ts)', unit: 's',
      value: local.medianSeconds, samples: local.runsSeconds, goal: `< ${local.goalSeconds} s`, pass: local.withinGoal,
      ...(cloud ? { note: `the same steps on SageMaker: ${cloud.toFixed(1)} min modeled (bench/pipeline-model.ts)` } : {}),
    });
    this.print('Local run (bench/local-run.ts: the model-build pipeline on this machine)', formatTable(
      ['median', 'runs', 'goal', 'result', 'the same steps on SageMaker (modeled)', 'steps (median)'],
      [[seconds(local.medianSeconds), (local.runsSeconds as number[]).map((s) => s.toFixed(1)).join(' '), `< ${local.goalSeconds} s`, verdict(local.withinGoal),
        cloud ? minutes(cloud) : 'n/a', Object.entries(local.stepMedianSeconds ?? {}).map(([name, s]) => `${name} ${(s as number).toFixed(1)} s`).join(', ')]],
      ['right', 'left', 'right', 'left', 'right', 'left'],
    ));
  }

  /**
   * 7. The local pipeline on generated data of 10k, 100k and 1M rows (one run each: wall time, rows
   * per second, peak memory of its processes, growth ratio), then on 100k rows in 1 and 4 shards
   * (instanceCounts 1 and 4). See bench/data-scale-run.ts.
   */
  async dataScale(): Promise<void> {
    const results = await runDataScale({ rows: [...DATA_SCALE_ROWS], shardRows: DATA_SCALE_SHARD_ROWS, shards: [...DATA_SCALE_SHARDS], log });
    const time = rowGrowth(results.sizes.map((r) => ({ rows: r.rows, value: r.seconds })));
    const memory = rowGrowth(results.sizes.map((r) => ({ rows: r.rows, value: r.peakRssMb })));
    const largest = results.sizes[results.sizes.length - 1];
    this.results.dataScale = { ...results, shardRows: DATA_SCALE_SHARD_ROWS, timeGrowth: time, memoryGrowth: memory };
    this.figures.push(
      {
        id: 'data-scale.rows-per-second', title: `local pipeline rows per second on ${largest.rows} generated rows (wall time)`, unit: 'rows/s',
        value: rowsPerSecond(largest.rows, largest.seconds), note: `${largest.seconds.toFixed(1)} s, peak ${largest.peakRssMb.toFixed(0)} MB`,
      },
      {
        id: 'data-scale.time-growth', title: 'seconds per added row in the last step (100k → 1M) over the first (10k → 100k)', unit: 'ratio',
        value: time.growthRatio ?? null, goal: `<= ${time.tolerance} (near-linear)`, ...(time.nearLinear === undefined ? {} : { pass: time.nearLinear }),
      },
      {
        id: 'data-scale.memory-growth', title: 'peak MB per added row in the last step over the first', unit: 'ratio',
        value: memory.growthRatio ?? null, goal: `<= ${memory.tolerance} (near-linear)`, ...(memory.nearLinear === undefined ? {} : { pass: memory.nearLinear }),
      },
      ...results.sharded.map((r) => ({
        id: `data-scale.shards-${r.shards}`, title: `local pipeline on ${r.rows} rows with instanceCounts ${r.shards}`, unit: 's', value: r.seconds,
        note: `peak ${r.peakRssMb.toFixed(0)} MB, AUC ${r.auc?.toFixed(4)}`,
      })),
    );
    const [sizes, ...rest] = dataScaleReport(results, DATA_SCALE_SHARD_ROWS);
    this.print(sizes.split('\n')[0], [sizes.split('\n').slice(1).join('\n'), ...rest].join('\n\n'));
  }
}

/** The end-to-end figures and per-action rows without the functions' model copies (results.json). */
function strip(scenario: Record<string, { build: CriticalPath; deploy: CriticalPath; e2e: unknown }>) {
  return Object.fromEntries(Object.entries(scenario).map(([who, p]) => [who, { modelBuild: p.build, modelDeploy: p.deploy, endToEnd: p.e2e }]));
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = new Date();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sagemaker-gitops-bench-'));
  const bench = new Bench(work, options);
  const machine = {
    node: process.version, platform: `${os.platform()} ${os.release()}`, cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model,
    memoryGb: round(os.totalmem() / 2 ** 30, 1), loadAverageAtStart: os.loadavg().map((l) => round(l, 2)),
  };
  log(`bench: working in ${work} on ${machine.cpus} CPU(s), node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}`);
  try {
    log('copying the repository');
    copyRepository(REPO, bench.copy);
    const s = options.sections;
    await bench.section('projen', () => bench.projen());
    if (s.has('root-synth') || s.has('synth') || s.has('scale') || s.has('pipeline') || s.has('cli-start')) {
      bench.prepare();
    }
    await bench.section('root-synth', () => bench.rootSynth());
    await bench.section('synth', () => bench.appSynth());
    await bench.section('pipeline', () => bench.pipeline());
    await bench.section('scale', () => bench.scale());
    await bench.section('local-run', () => bench.localRun());
    await bench.section('data-scale', () => bench.dataScale());
    await bench.section('cli-start', () => bench.cliStart());
  } finally {
    if (!options.keep) {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
  const finished = new Date();
  const results = {
    benchmark: 'sagemaker-gitops: npm run bench (issue 8)',
    date: started.toISOString(),
    durationSeconds: round((finished.getTime() - started.getTime()) / 1000, 1),
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)) },
    method: 'each figure: the median of its timed runs after one warm-up round; commands compared with each other run interleaved; '
      + 'ratios against a floor measured in the same run; everything in a temporary copy of the repository (node_modules linked)',
    sections: [...options.sections],
    figures: bench.figures,
    ...bench.results,
    errors: bench.errors,
  };
  // Every number to 3 decimals: milliseconds are below the noise of any figure here.
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(results, (_key, value) => (typeof value === 'number' ? round(value) : value), 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), RESULTS_FILE)} (${results.durationSeconds} s)`);
  if (bench.errors.length > 0) {
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(`error: ${(err as Error).stack ?? err}`);
  process.exitCode = 1;
});
