import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli';
import { SAMPLE_DATA_DEFAULTS, SampleDataResult } from '../../src/cli/sample-data';
import { PLAYER_DATA_COLUMNS } from '../../src/data';
import { captureOutput as capture, withStderr } from '../helpers/cli-output';

// renameSync stays the real one unless a test makes it fail.
jest.mock('node:fs', () => {
  const actual = jest.requireActual<typeof import('node:fs')>('node:fs');
  return { ...actual, renameSync: jest.fn(actual.renameSync) };
});

const COMMITTED_SAMPLE = path.join(__dirname, '..', '..', 'seed-code', 'model-build', 'data', 'player-churn.csv');

let dir: string;

async function run(argv: string[]) {
  const out = capture();
  const code = await runCli(argv, out);
  return { code, out };
}

/** The usage errors commander writes to stderr. */
async function usageError(argv: string[]): Promise<{ code: number; stderr: string }> {
  const { value, stderr } = await withStderr(() => run(argv));
  return { code: value.code, stderr };
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sample-data-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('sample-data', () => {
  test('writes the players into a new folder and says what it wrote', async () => {
    const out = path.join(dir, 'nested', 'data', 'players.csv');
    const { code, out: output } = await run(['sample-data', '--players', '300', '--days', '12', '--seed', '5', '--out', out]);
    expect(code).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(PLAYER_DATA_COLUMNS.join(','));
    expect(lines).toHaveLength(301);
    expect(output.results).toHaveLength(1);
    expect(output.results[0]).toMatch(new RegExp(`^wrote 300 players to ${out.replace(/[.]/g, '\\.')} \\(0\\.\\d\\d MB\\)\\n`
      + 'churned: \\d+ \\(\\d+\\.\\d%\\); player types: \\d+ hardcore, \\d+ casual, \\d+ churner\\n'
      + 'generated in \\d+\\.\\d\\d s \\(\\d+ rows/s\\)$'));
    expect(fs.readdirSync(path.dirname(out))).toEqual(['players.csv']);
  });

  test('--json prints the summary, the resolved options and the speed', async () => {
    const out = path.join(dir, 'players.csv');
    const { code, out: output } = await run(['--json', 'sample-data', '--players', '200', '--seed', '9', '--start-date', '2025-01-06', '--out', out]);
    expect(code).toBe(0);
    const result = output.results[0] as SampleDataResult;
    expect(result).toEqual({
      file: out,
      options: { players: 200, days: SAMPLE_DATA_DEFAULTS.days, seed: 9, startDate: '2025-01-06' },
      rows: 200,
      churned: expect.any(Number),
      playerTypes: { hardcore: expect.any(Number), casual: expect.any(Number), churner: expect.any(Number) },
      bytes: fs.statSync(out).size,
      seconds: expect.any(Number),
      rowsPerSecond: expect.any(Number),
    });
    expect(result.playerTypes.hardcore + result.playerTypes.casual + result.playerTypes.churner).toBe(200);
    expect(result.rowsPerSecond).toBeGreaterThan(0);
    expect(fs.readFileSync(out, 'utf8').split('\n')[1].split(',')[1]).toBe('2025_01_06');
  });

  test('the same options write the same bytes; another seed other bytes; an existing file is replaced', async () => {
    const [a, b, c] = ['a.csv', 'b.csv', 'c.csv'].map((name) => path.join(dir, name));
    fs.writeFileSync(b, 'old content');
    expect((await run(['sample-data', '--players', '400', '--seed', '11', '--out', a])).code).toBe(0);
    expect((await run(['sample-data', '--players', '400', '--seed', '11', '--out', b])).code).toBe(0);
    expect((await run(['sample-data', '--players', '400', '--seed', '12', '--out', c])).code).toBe(0);
    expect(sha256(b)).toBe(sha256(a));
    expect(sha256(c)).not.toBe(sha256(a));
  });

  test('the defaults reproduce the committed sample of the model-build repository byte for byte', async () => {
    const out = path.join(dir, 'player-churn.csv');
    expect((await run(['sample-data', '--out', out])).code).toBe(0);
    expect(sha256(out)).toBe(sha256(COMMITTED_SAMPLE));
    expect(fs.statSync(COMMITTED_SAMPLE).size).toBeLessThan(2_000_000);
  });

  test.each([
    [['--players', '0'], '--players must be a whole number from 1 to 1000000, got 0'],
    [['--players', 'many'], '--players must be a whole number from 1 to 1000000, got many'],
    [['--players', '1e3'], '--players must be a whole number from 1 to 1000000, got 1e3'],
    [['--players', '-5'], '--players must be a whole number from 1 to 1000000, got -5'],
    [['--players', '1000001'], '--players must be a whole number from 1 to 1000000, got 1000001'],
    [['--days', '5'], '--days must be a whole number from 6 to 366, got 5'],
    [['--days', '400'], '--days must be a whole number from 6 to 366, got 400'],
    [['--days', '7.5'], '--days must be a whole number from 6 to 366, got 7.5'],
    [['--seed', '-1'], '--seed must be a whole number from 0 to 4294967295, got -1'],
    [['--seed', '1.5'], '--seed must be a whole number from 0 to 4294967295, got 1.5'],
    [['--seed', '4294967296'], '--seed must be a whole number from 0 to 4294967295, got 4294967296'],
    [['--start-date', '2024-13-01'], 'start date must be a calendar date YYYY-MM-DD from 1970 on, got 2024-13-01'],
  ])('%p is a usage error naming the value', async (args, message) => {
    const out = path.join(dir, 'players.csv');
    const { code, stderr } = await usageError(['sample-data', ...args, '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('--out is required and must name a file', async () => {
    const missing = await usageError(['sample-data', '--players', '10']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--out <file>' not specified");

    const folder = await usageError(['sample-data', '--out', dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`out must be a file path, got ${dir}, which is a folder: add a file name such as ${path.join(dir, 'player-churn.csv')}`);

    const slash = await usageError(['sample-data', '--out', `${dir}/new/`]);
    expect(slash.code).toBe(2);
    expect(slash.stderr).toContain(`got ${dir}/new/, which is a folder`);
  });

  test('a folder that cannot be created fails with exit code 1 and leaves nothing behind', async () => {
    const blocker = path.join(dir, 'blocker');
    fs.writeFileSync(blocker, 'a file, not a folder');
    const { code, out } = await run(['sample-data', '--players', '10', '--out', path.join(blocker, 'players.csv')]);
    expect(code).toBe(1);
    expect(out.infos).toEqual([expect.stringMatching(new RegExp(`^error: cannot create the folder ${blocker} for ${blocker}/players\\.csv: `))]);
    expect(fs.readdirSync(dir)).toEqual(['blocker']);
  });

  test('a failure after writing started removes the temporary file', async () => {
    const out = path.join(dir, 'players.csv');
    jest.mocked(fs.renameSync).mockImplementationOnce(() => {
      throw new Error('EXDEV: cross-device link not permitted');
    });
    const { code, out: output } = await run(['sample-data', '--players', '10', '--out', out]);
    expect(code).toBe(1);
    expect(output.infos).toEqual([`error: cannot write the sample data to ${out}: EXDEV: cross-device link not permitted`]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('an empty --out is a usage error', async () => {
    const { code, stderr } = await usageError(['sample-data', '--out', '']);
    expect(code).toBe(2);
    expect(stderr).toContain('out must be a file path, got an empty value');
  });

  test('a file that cannot be written fails with exit code 1 and leaves what was there', async () => {
    const out = path.join(dir, 'players.csv');
    const temporary = path.join(dir, `.players.csv.${process.pid}.tmp`);
    fs.mkdirSync(temporary);
    const { code, out: output } = await run(['sample-data', '--players', '10', '--out', out]);
    expect(code).toBe(1);
    expect(output.infos).toEqual([expect.stringMatching(new RegExp(`^error: cannot write the sample data to ${out.replace(/[.]/g, '\\.')}: EEXIST`))]);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.statSync(temporary).isDirectory()).toBe(true);
  });
});
