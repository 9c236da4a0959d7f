import * as path from 'node:path';
import { LocalRunError } from './errors';

/**
 * Container paths in a local folder: `/opt/ml/...` of a step's container is
 * `<stepDir>/opt/ml/...`, so the work folder shows each step's files where the job saw them.
 */
export class ContainerPaths {
  /**
   * @param root the container folder the step's paths must be under, such as /opt/ml/processing
   * @param stepDir the step's local folder
   */
  constructor(public readonly root: string, public readonly stepDir: string) {}

  /** The local folder of the container root. */
  public get localRoot(): string {
    return path.join(this.stepDir, this.root);
  }

  /**
   * The local path of a container path under the root.
   *
   * @param what names the path in errors, such as "step Preprocess: output train"
   * @throws LocalRunError when the path is not under the root or leaves it
   */
  public localPath(containerPath: unknown, what: string): string {
    if (typeof containerPath !== 'string' || !(containerPath === this.root || containerPath.startsWith(`${this.root}/`))
      || containerPath.split('/').includes('..')) {
      throw new LocalRunError(`${what}: the container path must be under ${this.root}/, got ${JSON.stringify(containerPath)}`);
    }
    return path.join(this.stepDir, containerPath);
  }

  /**
   * Rewrites the container paths in a value passed to the step's process (an argument such as
   * `/opt/ml/processing/output` or `--output-dir=/opt/ml/processing/output`, an environment
   * variable, a `:`- or `,`-separated list) to their local paths.
   */
  public rewrite(value: string): string {
    const root = this.root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return value.replace(new RegExp(`(^|[=:,])${root}(?=$|[/:,])`, 'g'), (_match, before: string) => `${before}${this.localRoot}`);
  }
}
