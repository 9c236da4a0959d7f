import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalRunError, LocalStorage, fileUri } from '../../src/local-run';
import { ContainerPaths } from '../../src/local-run/container-paths';

let dir: string;
let storage: LocalStorage;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-storage-'));
  storage = new LocalStorage({ s3Root: path.join(dir, 's3'), buckets: ['artifacts'], baseDir: path.join(dir, 'cwd') });
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(file: string, text: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

describe('LocalStorage.localPath', () => {
  test('a stand-in bucket maps under the S3 root; file:// URIs and paths map to themselves', () => {
    expect(storage.localPath('s3://artifacts/pipeline/run-1/Preprocess/train')).toBe(path.join(dir, 's3', 'artifacts', 'pipeline', 'run-1', 'Preprocess', 'train'));
    expect(storage.localPath('s3://artifacts')).toBe(path.join(dir, 's3', 'artifacts'));
    expect(storage.localPath(fileUri('/data/players file.csv'))).toBe('/data/players file.csv');
    expect(fileUri('/data/players file.csv')).toBe('file:///data/players%20file.csv');
    expect(storage.localPath('data/players.csv')).toBe(path.join(dir, 'cwd', 'data', 'players.csv'));
    expect(storage.localPath('/abs/players.csv')).toBe('/abs/players.csv');
  });

  test('another bucket cannot be read: the run has no S3 access', () => {
    expect(() => storage.localPath('s3://my-team-data/players.csv')).toThrow(new LocalRunError(
      'the local run cannot read s3://my-team-data/players.csv: it has no access to S3 and stands in only for the pipeline\'s own bucket; give a local file or folder instead (a path or a file:// URI)',
    ));
  });

  test('other schemes and keys that leave the bucket are refused', () => {
    expect(() => storage.localPath('https://example.com/players.csv')).toThrow(/cannot read https:\/\/example\.com\/players\.csv: give a local file or folder/);
    expect(() => storage.localPath('s3://artifacts/../../etc/passwd')).toThrow('the key of s3://artifacts/../../etc/passwd leaves its bucket');
  });
});

describe('LocalStorage download and upload', () => {
  test('a file is copied into the folder under its name, as SageMaker downloads one object', () => {
    const source = write(path.join(dir, 'repo', 'pipelines', 'preprocess.py'), 'print(1)\n');
    storage.download(fileUri(source), path.join(dir, 'job', 'code'), 'step Preprocess: input code');
    expect(fs.readFileSync(path.join(dir, 'job', 'code', 'preprocess.py'), 'utf-8')).toBe('print(1)\n');
  });

  test('a folder\'s content is copied with its subfolders', () => {
    write(path.join(dir, 'cwd', 'data', 'a.csv'), 'a\n');
    write(path.join(dir, 'cwd', 'data', 'more', 'b.csv'), 'b\n');
    storage.download('data', path.join(dir, 'job', 'input'), 'step Preprocess: input data');
    expect(fs.readFileSync(path.join(dir, 'job', 'input', 'a.csv'), 'utf-8')).toBe('a\n');
    expect(fs.readFileSync(path.join(dir, 'job', 'input', 'more', 'b.csv'), 'utf-8')).toBe('b\n');
  });

  test('an upload lands where later steps find the URI', () => {
    write(path.join(dir, 'job', 'output', 'train', 'train.csv'), '1,2\n');
    const uri = 's3://artifacts/pipeline/run-1/Preprocess/train';
    storage.upload(path.join(dir, 'job', 'output', 'train'), uri);
    storage.download(uri, path.join(dir, 'train-job', 'train'), 'step Train: channel train');
    expect(fs.readFileSync(path.join(dir, 'train-job', 'train', 'train.csv'), 'utf-8')).toBe('1,2\n');
    const archive = write(path.join(dir, 'model.tar.gz'), 'tar');
    expect(storage.uploadFile(archive, 's3://artifacts/model/job/output/model.tar.gz')).toBe(path.join(dir, 's3', 'artifacts', 'model', 'job', 'output', 'model.tar.gz'));
  });

  // S3 has no empty folders: a job's output folder left empty uploads no objects, and CreateTrainingJob
  // and CreateTransformJob fail on an input prefix without objects ("No S3 objects found under S3 URL ...
  // given in input data source", as in aws/amazon-sagemaker-examples#2267 and #2270).
  test('an empty output folder uploads nothing, and a later step cannot read the prefix', () => {
    fs.mkdirSync(path.join(dir, 'job', 'output', 'baseline', 'empty-subfolder'), { recursive: true });
    const uri = 's3://artifacts/pipeline/run-1/Preprocess/baseline';
    storage.upload(path.join(dir, 'job', 'output', 'baseline'), uri);
    expect(fs.existsSync(storage.localPath(uri))).toBe(false);
    expect(() => storage.download(uri, path.join(dir, 'train-job', 'baseline'), 'step Train: channel baseline'))
      .toThrow(`step Train: channel baseline: no objects under ${uri} (${storage.localPath(uri)}): SageMaker refuses an input with no objects under its S3 prefix ("No S3 objects found under S3 URL"), and an output folder a job leaves empty uploads none`);
  });

  test('a local folder without files is no input either, whole or sharded', () => {
    fs.mkdirSync(path.join(dir, 'cwd', 'data', 'empty'), { recursive: true });
    const message = `step Preprocess: input data: no objects under data (${path.join(dir, 'cwd', 'data')}, an empty folder): SageMaker refuses an input with no objects under its S3 prefix`;
    expect(() => storage.download('data', path.join(dir, 'job', 'input'), 'step Preprocess: input data')).toThrow(message);
    expect(() => storage.downloadShard('data', path.join(dir, 'job', 'input'), 0, 2, 'step Preprocess: input data')).toThrow(message);
    expect(fs.existsSync(path.join(dir, 'job', 'input'))).toBe(false);
  });

  test('nothing at the URI is an error naming the input, the URI and the local path', () => {
    expect(() => storage.download('missing.csv', path.join(dir, 'job'), 'step Preprocess: input data'))
      .toThrow(`step Preprocess: input data: nothing at missing.csv (${path.join(dir, 'cwd', 'missing.csv')}): expected a file or a folder`);
  });
});

describe('ContainerPaths', () => {
  const paths = new ContainerPaths('/opt/ml/processing', '/work/run/steps/Preprocess');

  test('a container path is the same path under the step folder', () => {
    expect(paths.localRoot).toBe('/work/run/steps/Preprocess/opt/ml/processing');
    expect(paths.localPath('/opt/ml/processing/input/code', 'input code')).toBe('/work/run/steps/Preprocess/opt/ml/processing/input/code');
    expect(paths.localPath('/opt/ml/processing', 'root')).toBe('/work/run/steps/Preprocess/opt/ml/processing');
  });

  test.each(['/opt/ml/model', '/opt/ml/processing-other/x', '/opt/ml/processing/../model', 'relative/path', 42])('%j is refused', (value) => {
    expect(() => paths.localPath(value, 'step Preprocess: output train'))
      .toThrow(`step Preprocess: output train: the container path must be under /opt/ml/processing/, got ${JSON.stringify(value)}`);
  });

  test('rewrites container paths in arguments, --option=value forms and lists, and nothing else', () => {
    const local = '/work/run/steps/Preprocess/opt/ml/processing';
    expect(paths.rewrite('/opt/ml/processing/input/data')).toBe(`${local}/input/data`);
    expect(paths.rewrite('/opt/ml/processing')).toBe(local);
    expect(paths.rewrite('--output-dir=/opt/ml/processing/output')).toBe(`--output-dir=${local}/output`);
    expect(paths.rewrite('/opt/ml/processing/a:/opt/ml/processing/b,/opt/ml/processing/c')).toBe(`${local}/a:${local}/b,${local}/c`);
    expect(paths.rewrite('/opt/ml/processing-cache')).toBe('/opt/ml/processing-cache');
    expect(paths.rewrite('/home/opt/ml/processing/x')).toBe('/home/opt/ml/processing/x');
    expect(paths.rewrite('--verbose')).toBe('--verbose');
  });
});
