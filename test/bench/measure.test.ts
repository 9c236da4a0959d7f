import * as os from 'node:os';
import { CommandFailed, CommandSpec, measureMemory, timeCommand, timeInterleaved } from '../../bench/measure';

const node = (label: string, script: string, extra: Partial<CommandSpec> = {}): CommandSpec =>
  ({ label, command: process.execPath, args: ['-e', script], cwd: os.tmpdir(), ...extra });

describe('timeCommand', () => {
  test('returns the wall-clock seconds of a command that exits 0', () => {
    const s = timeCommand(node('sleep', 'setTimeout(() => {}, 200)'));
    expect(s).toBeGreaterThanOrEqual(0.2);
    expect(s).toBeLessThan(10);
  });

  test('passes the extra environment', () => {
    expect(() => timeCommand(node('env', 'process.exit(process.env.BENCH_TEST === "yes" ? 0 : 3)', { env: { BENCH_TEST: 'yes' } }))).not.toThrow();
  });

  test('a non-zero exit fails with the command, its exit code and the end of its output', () => {
    expect(() => timeCommand(node('broken', 'console.error("line 1\\nthe reason"); process.exit(4)'))).toThrow(CommandFailed);
    expect(() => timeCommand(node('broken', 'console.error("the reason"); process.exit(4)'))).toThrow(/broken: `.* -e .*` in .* exited 4\nthe reason/);
  });

  test('a command that cannot start, or runs past its timeout, fails too', () => {
    expect(() => timeCommand({ label: 'missing', command: 'no-such-command-for-bench', args: [], cwd: os.tmpdir() })).toThrow(/missing: .* could not run/);
    expect(() => timeCommand(node('slow', 'setTimeout(() => {}, 5000)', { timeoutSeconds: 0.3 }))).toThrow(/slow: .* timed out after 0.3 s/);
  });
});

describe('timeInterleaved', () => {
  test('runs A B, A B, ... after the warm-up rounds and keeps only the timed samples', () => {
    const seen: string[] = [];
    const samples = timeInterleaved([node('a', ''), node('b', '')], { warmups: 1, runs: 2 }, (label, round) => seen.push(`${label} ${round}`));
    expect(seen).toEqual(['a warm-up', 'b warm-up', 'a run 1/2', 'b run 1/2', 'a run 2/2', 'b run 2/2']);
    expect(samples.a).toHaveLength(2);
    expect(samples.b).toHaveLength(2);
  });

  test('refuses two commands with one label', () => {
    expect(() => timeInterleaved([node('a', ''), node('a', '')], { warmups: 0, runs: 1 })).toThrow(/labels must be unique/);
  });
});

describe('measureMemory', () => {
  test('gives the peak resident memory of the command\'s processes, a child\'s child included', async () => {
    // The child starts a grandchild that fills 200 MB and holds it for half a second.
    const hold = 'const b = Buffer.alloc(200 * 1024 * 1024, 1); setTimeout(() => b.length, 500)';
    const run = await measureMemory(node('grandchild', `require('child_process').execFileSync(process.execPath, ['-e', ${JSON.stringify(hold)}])`), 20);
    expect(run.memory.peakRssMb).toBeGreaterThan(200);
    expect(run.memory.maxProcessRssMb).toBeGreaterThan(200);
    expect(run.memory.samples).toBeGreaterThan(5);
    expect(run.seconds).toBeGreaterThanOrEqual(0.5);
  });

  test('a failing command rejects with its exit code and output; a slow one with its timeout', async () => {
    await expect(measureMemory(node('broken', 'console.error("the reason"); process.exit(4)'))).rejects.toThrow(/broken: .* exited 4\nthe reason/);
    await expect(measureMemory({ label: 'missing', command: 'no-such-command-for-bench', args: [], cwd: os.tmpdir() })).rejects.toThrow(/missing: .* could not run/);
    await expect(measureMemory(node('slow', 'setTimeout(() => {}, 5000)', { timeoutSeconds: 0.3 }))).rejects.toThrow(/slow: .* timed out after 0.3 s/);
  });

  test('a timeout ends the command\'s children too, which hold its output open', async () => {
    // The child starts a grandchild that sleeps 20 s on the same output; killing only the child would wait for it.
    const started = Date.now();
    const script = "require('child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], { stdio: 'inherit' }); setTimeout(() => {}, 20000)";
    await expect(measureMemory(node('tree', script, { timeoutSeconds: 0.5 }))).rejects.toThrow(/tree: .* timed out after 0.5 s/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
