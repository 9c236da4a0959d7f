import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LocalRunError } from './errors';

/** Where a local run keeps what stands in for S3. */
export interface LocalStorageProps {
  /** The folder that stands in for S3: `s3://<bucket>/<key>` is `<s3Root>/<bucket>/<key>`. */
  readonly s3Root: string;
  /** The buckets the local run stands in for (the pipeline's artifact bucket); other buckets cannot be read. */
  readonly buckets: readonly string[];
  /** The folder relative paths are resolved against. */
  readonly baseDir: string;
}

/**
 * Where the data of a local run lives: the pipeline's S3 URIs in its stand-in buckets map to a
 * local folder, `file://` URIs and plain paths to themselves. Processing inputs are downloaded
 * (copied) from there and outputs uploaded (copied) to there, as SageMaker does with S3.
 */
export class LocalStorage {
  public readonly s3Root: string;
  private readonly buckets: ReadonlySet<string>;
  private readonly baseDir: string;

  constructor(props: LocalStorageProps) {
    this.s3Root = path.resolve(props.s3Root);
    this.buckets = new Set(props.buckets);
    this.baseDir = path.resolve(props.baseDir);
  }

  /**
   * The local file or folder of a URI: `s3://<stand-in bucket>/<key>`, `file:///<path>` or a
   * path (relative to the base folder).
   *
   * @throws LocalRunError for an S3 bucket the run does not stand in for, or a key that leaves its bucket
   */
  public localPath(uri: string): string {
    if (uri.startsWith('file://')) {
      return fileURLToPath(uri);
    }
    const s3 = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
    if (s3 !== null) {
      const [, bucket, key] = s3;
      if (!this.buckets.has(bucket)) {
        throw new LocalRunError(
          `the local run cannot read ${uri}: it has no access to S3 and stands in only for the pipeline's own bucket; give a local file or folder instead (a path or a file:// URI)`,
        );
      }
      const root = path.join(this.s3Root, bucket);
      const local = path.join(root, key);
      if (local !== root && !local.startsWith(root + path.sep)) {
        throw new LocalRunError(`the key of ${uri} leaves its bucket`);
      }
      return local;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) {
      throw new LocalRunError(`the local run cannot read ${uri}: give a local file or folder (a path or a file:// URI)`);
    }
    return path.resolve(this.baseDir, uri);
  }

  /**
   * Copies what `uri` names into `destination`, as SageMaker downloads an S3 prefix into a
   * container folder: a file is copied into the folder under its name, a folder's content is
   * copied as is.
   *
   * @param what names the input in errors, such as "step Preprocess: input data"
   */
  public download(uri: string, destination: string, what: string): void {
    const source = this.localPath(uri);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(source);
    } catch {
      throw nothingAt(uri, source, what);
    }
    if (stat.isDirectory() && filesBelow(source, '').length === 0) {
      throw new LocalRunError(`${what}: no objects under ${uri}${source !== uri ? ` (${source}, an empty folder)` : ''}: ${NO_OBJECTS}`);
    }
    fs.mkdirSync(destination, { recursive: true });
    if (stat.isDirectory()) {
      fs.cpSync(source, destination, { recursive: true });
    } else {
      fs.copyFileSync(source, path.join(destination, path.basename(source)));
    }
  }

  /**
   * The objects (files) under what `uri` names, as relative keys in key order: a file is one object
   * (its name), a folder every file below it.
   */
  public objects(uri: string, what: string): string[] {
    const source = this.localPath(uri);
    if (!fs.existsSync(source)) {
      throw nothingAt(uri, source, what);
    }
    if (!fs.statSync(source).isDirectory()) {
      return [path.basename(source)];
    }
    const keys = filesBelow(source, '');
    if (keys.length === 0) {
      throw new LocalRunError(`${what}: no objects under ${uri}${source !== uri ? ` (${source}, an empty folder)` : ''}: ${NO_OBJECTS}`);
    }
    return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /**
   * Copies one instance's shard of what `uri` names into `destination`, as SageMaker distributes an
   * S3 prefix with `ShardedByS3Key`: whole objects, the instance `index` of `count` getting the
   * objects at its index modulo `count` in key order (so with fewer objects than instances, some
   * instances get none). Returns the keys copied.
   */
  public downloadShard(uri: string, destination: string, index: number, count: number, what: string): string[] {
    const source = this.localPath(uri);
    const single = !fs.statSync(source).isDirectory();
    const keys = this.objects(uri, what).filter((_key, i) => i % count === index);
    fs.mkdirSync(destination, { recursive: true });
    for (const key of keys) {
      const target = path.join(destination, ...key.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(single ? source : path.join(source, ...key.split('/')), target);
    }
    return keys;
  }

  /**
   * Copies a folder's content to what `uri` names, as SageMaker uploads a job's output folder to S3:
   * a folder with no files uploads nothing, so no prefix appears.
   */
  public upload(folder: string, uri: string): string {
    const destination = this.localPath(uri);
    if (filesBelow(folder, '').length === 0) {
      return destination;
    }
    fs.mkdirSync(destination, { recursive: true });
    fs.cpSync(folder, destination, { recursive: true });
    return destination;
  }

  /** Copies one file to what `uri` names (an object key). */
  public uploadFile(file: string, uri: string): string {
    const destination = this.localPath(uri);
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    fs.copyFileSync(file, destination);
    return destination;
  }
}

/**
 * Why an S3 prefix without objects cannot be a job's input: CreateTrainingJob and CreateTransformJob
 * fail with "No S3 objects found under S3 URL ... given in input data source", and a job's output
 * folder left empty uploads no objects.
 */
const NO_OBJECTS = 'SageMaker refuses an input with no objects under its S3 prefix ("No S3 objects found under S3 URL"), and an output folder a job leaves empty uploads none';

/** The error for a URI with nothing at it: in a stand-in bucket, no objects under an S3 prefix. */
function nothingAt(uri: string, source: string, what: string): LocalRunError {
  return uri.startsWith('s3://')
    ? new LocalRunError(`${what}: no objects under ${uri} (${source}): ${NO_OBJECTS}`)
    : new LocalRunError(`${what}: nothing at ${uri}${source !== uri ? ` (${source})` : ''}: expected a file or a folder`);
}

/** The files below a folder, as `/`-separated paths relative to it. */
function filesBelow(folder: string, prefix: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const key = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory() ? filesBelow(path.join(folder, entry.name), key) : entry.isFile() ? [key] : [];
  });
}

/** The `file://` URI of a local path. */
export function fileUri(localPath: string): string {
  return pathToFileURL(path.resolve(localPath)).href;
}
