/**
 * Peak memory of a process tree, read from /proc (Linux): Node.js reports only its own usage
 * (process.resourceUsage().maxRSS), and /usr/bin/time is not everywhere. A sampler reads every
 * process's parent and memory a few times a second; the peaks are
 *
 * - all: the largest sum of VmRSS over the tree at one sample (what runs at once: N shards),
 * - one process: the largest VmHWM (the kernel's own high-water mark of a process's resident
 *   memory, so a peak between two samples still counts, for processes seen at least once).
 */
import * as fs from 'node:fs';
import { descendantsOf, parseProcStat, statusKb } from './data-scale';

export interface TreeMemoryPeak {
  readonly peakRssMb: number;
  readonly maxProcessRssMb: number;
  readonly samples: number;
}

/** Samples the memory of `root`'s descendants every `intervalMs` until stopped. */
export class TreeMemorySampler {
  private timer?: NodeJS.Timeout;
  private peakKb = 0;
  private maxProcessKb = 0;
  private samples = 0;

  constructor(private readonly root: number = process.pid, private readonly intervalMs = 100) {}

  public start(): void {
    if (!fs.existsSync('/proc/self/stat')) {
      throw new Error('peak memory is read from /proc, which this system does not have (Linux only)');
    }
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
  }

  public stop(): TreeMemoryPeak {
    if (this.timer !== undefined) {
      clearInterval(this.timer);
    }
    this.sample();
    return { peakRssMb: this.peakKb / 1024, maxProcessRssMb: this.maxProcessKb / 1024, samples: this.samples };
  }

  private sample(): void {
    const parents = new Map<number, number>();
    for (const entry of fs.readdirSync('/proc')) {
      if (/^\d+$/.test(entry)) {
        const stat = read(`/proc/${entry}/stat`);
        const parsed = stat === undefined ? undefined : parseProcStat(stat);
        if (parsed) {
          parents.set(parsed.pid, parsed.ppid);
        }
      }
    }
    let sum = 0;
    for (const pid of descendantsOf(this.root, parents)) {
      const status = read(`/proc/${pid}/status`);
      if (status !== undefined) {
        sum += statusKb(status, 'VmRSS') ?? 0;
        this.maxProcessKb = Math.max(this.maxProcessKb, statusKb(status, 'VmHWM') ?? 0);
      }
    }
    this.peakKb = Math.max(this.peakKb, sum);
    this.samples++;
  }
}

/** A /proc file's text; undefined when the process has gone. */
function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf-8');
  } catch {
    return undefined;
  }
}
