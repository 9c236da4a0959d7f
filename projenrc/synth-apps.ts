/**
 * `npm run synth`: synthesizes every generated app (each into its own cdk.out) in parallel,
 * with no AWS credentials, then prints one row per stack. Exits non-zero if any synth fails.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { formatSummary, summarizeAssembly } from '../src/cli/assembly-summary';

function synth(dir: string): Promise<{ dir: string; code: number; output: string; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['--prefix', dir, 'run', 'synth'], { env: { ...process.env, CI: 'true' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ dir, code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }));
  });
}

async function main(dirs: string[]) {
  const results = await Promise.all(dirs.map(synth));
  for (const result of results) {
    console.error(`${result.dir}: cdk synth ${result.code === 0 ? 'succeeded' : `FAILED (exit ${result.code})`} in ${result.seconds.toFixed(1)} s`);
    if (result.code !== 0) {
      console.error(result.output);
    }
  }
  if (results.some((result) => result.code !== 0)) {
    process.exit(1);
  }
  console.log(formatSummary(dirs.flatMap((dir) => summarizeAssembly(path.join(dir, 'cdk.out'), dir))));
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err);
  process.exit(1);
});
