import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, renderConfigFile } from '../../src/config';
import { LocalRunError, LocalStorage, runModelBuildLocally } from '../../src/local-run';
import { instanceCount, localInstances } from '../../src/local-run/instances';
import { PLAYER_CHURN } from '../../src/model-build/player-churn-pipeline';
import { SEED_MODEL_BUILD_REPO, testConfig } from '../helpers/validated-synth';
import { requireTestPython } from '../scripts/require-python';

requireTestPython();

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-scale-out-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(file: string, text: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const listing = (folder: string): string[] => (fs.existsSync(folder) ? fs.readdirSync(folder).sort() : []);

function filesBelow(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesBelow(path.join(folder, e.name)) : [path.join(folder, e.name)]));
}

describe('LocalStorage shards (ShardedByS3Key)', () => {
  /*
   * SageMaker API reference, S3DataSource / S3Input S3DataDistributionType: with ShardedByS3Key each
   * instance gets about 1/N of the S3 objects (whole objects); with fewer objects than instances,
   * some instances get none.
   */
  test('whole files, the instance at index i of n getting the files i, i + n, ... in key order', () => {
    const root = path.join(dir, 'data');
    for (const name of ['e.csv', 'a.csv', 'sub/c.csv', 'b.csv', 'd.csv']) {
      write(path.join(root, name), `${name}\n`);
    }
    const storage = new LocalStorage({ s3Root: path.join(dir, 's3'), buckets: [], baseDir: dir });
    expect(storage.objects(root, 'input')).toEqual(['a.csv', 'b.csv', 'd.csv', 'e.csv', 'sub/c.csv']);
    expect(storage.downloadShard(root, path.join(dir, 'one'), 0, 2, 'input')).toEqual(['a.csv', 'd.csv', 'sub/c.csv']);
    expect(storage.downloadShard(root, path.join(dir, 'two'), 1, 2, 'input')).toEqual(['b.csv', 'e.csv']);
    expect(fs.readFileSync(path.join(dir, 'one', 'sub', 'c.csv'), 'utf-8')).toBe('sub/c.csv\n');
    expect(listing(path.join(dir, 'two'))).toEqual(['b.csv', 'e.csv']);
  });

  test('a single file goes to the first instance only', () => {
    const file = write(path.join(dir, 'players.csv'), 'x\n');
    const storage = new LocalStorage({ s3Root: path.join(dir, 's3'), buckets: [], baseDir: dir });
    expect(storage.downloadShard(file, path.join(dir, 'i0'), 0, 3, 'input')).toEqual(['players.csv']);
    expect(storage.downloadShard(file, path.join(dir, 'i2'), 2, 3, 'input')).toEqual([]);
    expect(listing(path.join(dir, 'i2'))).toEqual([]);
  });
});

describe('local instances', () => {
  test('one instance works in the step folder; several in algo-<i> folders', () => {
    expect(localInstances('/w/Step', 1)).toEqual([{ host: 'algo-1', index: 0, dir: '/w/Step' }]);
    expect(localInstances('/w/Step', 2).map((i) => [i.host, i.dir])).toEqual([['algo-1', '/w/Step/algo-1'], ['algo-2', '/w/Step/algo-2']]);
  });

  test.each([[0], [1.5], ['2'], [17]])('InstanceCount %p is refused, naming the limit', (value) => {
    expect(() => instanceCount(value, 'step Train: ResourceConfig')).toThrow(LocalRunError);
    expect(() => instanceCount(value, 'step Train: ResourceConfig')).toThrow(/^step Train: ResourceConfig: InstanceCount must be a whole number in 1..16/);
  });
});

describe('the sharded pipeline on this machine (instanceCounts: 3 processing, 2 training)', () => {
  jest.setTimeout(240_000);

  test('N processes over N shards: scan, 3 Preprocess instances, merge, 2 training workers, and a registered model', async () => {
    const repo = path.join(dir, 'repo');
    const config = testConfig({ instanceCounts: { processing: 3, training: 2 } });
    write(path.join(repo, CONFIG_FILE_NAME), JSON.stringify(renderConfigFile(config)));
    fs.cpSync(path.join(SEED_MODEL_BUILD_REPO, 'pipelines'), path.join(repo, 'pipelines'), { recursive: true });
    // The sample in 3 files, the prefix SageMaker shards by object.
    const [header, ...rows] = fs.readFileSync(path.join(SEED_MODEL_BUILD_REPO, 'data', 'player-churn.csv'), 'utf-8').trim().split('\n');
    const data = path.join(dir, 'players');
    for (let i = 0; i < 3; i++) {
      write(path.join(data, `part-${i}.csv`), `${[header, ...rows.filter((_row, r) => r % 3 === i)].join('\n')}\n`);
    }
    write(path.join(repo, 'data', 'player-churn.csv'), `${header}\n${rows.slice(0, 10).join('\n')}\n`);

    const workDir = path.join(dir, 'work');
    const result = await runModelBuildLocally({
      repoDir: repo, workDir, registryFile: path.join(dir, 'registry.json'), mlflowTrackingUri: null,
      parameters: { [PLAYER_CHURN.parameters.inputDataUrl]: data },
    });
    expect(result.failureReason).toBeUndefined();
    expect(result.status).toBe('Succeeded');
    expect(result.steps.filter((s) => s.status === 'Succeeded').map((s) => s.name)).toEqual([
      'ScanInput', 'Preprocess', 'MergeBaseline', 'Train', 'Evaluate', 'CheckAuc', 'Register',
    ]);

    const step = (name: string, ...rest: string[]) => path.join(workDir, 'steps', name, ...rest);
    // Each ScanInput and Preprocess instance got one file of the input; each Preprocess instance its resourceconfig.json and the scans of every shard.
    for (const [i, host] of ['algo-1', 'algo-2', 'algo-3'].entries()) {
      expect(listing(step('Preprocess', host, 'opt/ml/processing/input/data'))).toEqual([`part-${i}.csv`]);
      expect(JSON.parse(fs.readFileSync(step('Preprocess', host, 'opt/ml/config/resourceconfig.json'), 'utf-8')))
        .toMatchObject({ current_host: host, hosts: ['algo-1', 'algo-2', 'algo-3'] });
      expect(listing(step('Preprocess', host, 'opt/ml/processing/input/scan'))).toEqual(['scan-algo-1.json', 'scan-algo-2.json', 'scan-algo-3.json']);
      expect(listing(step('ScanInput', host, 'opt/ml/processing/input/data'))).toEqual([`part-${i}.csv`]);
    }
    // Every instance's output lands in one prefix, a file per instance.
    const s3Files = filesBelow(path.join(workDir, 's3'));
    expect(s3Files.filter((f) => /Preprocess\/train\/train-algo-\d\.csv$/.test(f)).length).toBe(3);
    expect(s3Files.filter((f) => /MergeBaseline\/baseline\/baseline\.csv$/.test(f)).length).toBe(1);

    // The training workers: the train files sharded (algo-1 the 1st and 3rd, algo-2 the 2nd), validation replicated.
    expect(listing(step('Train', 'algo-1', 'opt/ml/input/data/train'))).toEqual(['train-algo-1.csv', 'train-algo-3.csv']);
    expect(listing(step('Train', 'algo-2', 'opt/ml/input/data/train'))).toEqual(['train-algo-2.csv']);
    expect(listing(step('Train', 'algo-2', 'opt/ml/input/data/validation'))).toEqual(['validation-algo-1.csv', 'validation-algo-2.csv', 'validation-algo-3.csv']);
    const log = fs.readFileSync(step('Train', 'log.txt'), 'utf-8');
    expect(log).toContain('algo-1: worker 0 of 2');
    expect(log).toContain('algo-2: worker 1 of 2');
    expect(listing(step('Train', 'algo-2', 'opt/ml/model'))).toEqual([]);

    expect(result.auc).toBeGreaterThan(0.75);
    expect(result.trainingMetrics['validation:auc']).toBeGreaterThan(0.75);
    expect(result.registeredVersion?.customerMetadata?.baselineDataUri).toMatch(/MergeBaseline\/baseline$/);
  });
});
