/**
 * The shared parsers of the CLI's numeric options and output files: what they take, and that a
 * refusal names the option, the value and what is allowed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { describeRange, numberOption, outputFileOption, outputFileProblem } from '../../src/cli/option-parsers';
import { optionNumber } from '../../src/constructs/release-tools';
import { endpointTestCommand } from '../../src/model-deploy/release-checks';
import { testConfig } from '../helpers/validated-synth';

function refusal(parse: (value: string) => unknown, value: string): string {
  try {
    parse(value);
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidArgumentError);
    return (err as Error).message;
  }
  throw new Error(`${JSON.stringify(value)} was accepted`);
}

describe('numberOption', () => {
  const seconds = numberOption('--wait', { min: 1, max: 900, unit: 'seconds' });
  const rows = numberOption('--rows', { min: 1, whole: true, unit: 'rows' });
  const rate = numberOption('--rate', { min: 0, exclusiveMin: true, max: 1, note: 'a share' });

  test('takes decimal numbers in the range, fractions unless whole', () => {
    expect(seconds('1')).toBe(1);
    expect(seconds('900')).toBe(900);
    expect(seconds('2.5')).toBe(2.5);
    expect(rows('123456')).toBe(123456);
    expect(rate('1')).toBe(1);
    expect(rate('0.001')).toBe(0.001);
  });

  test('refuses what Number() would read but a user does not mean: hexadecimal, exponents, signs, blanks', () => {
    for (const value of ['0x10', '1e3', '+5', '-1', ' 5', '5 ', '', 'Infinity', '1_000', '.5', '5.']) {
      expect(refusal(seconds, value)).toBe(`--wait must be a number of seconds from 1 to 900, got ${value}`);
    }
  });

  test('refuses numbers out of range, fractions where whole numbers are needed, and the excluded minimum', () => {
    expect(refusal(seconds, '901')).toBe('--wait must be a number of seconds from 1 to 900, got 901');
    expect(refusal(rows, '2.5')).toBe('--rows must be a whole number of rows, at least 1, got 2.5');
    expect(refusal(rows, '0')).toBe('--rows must be a whole number of rows, at least 1, got 0');
    expect(refusal(rows, '99999999999999999999')).toMatch(/--rows must be a whole number of rows, at least 1, got 9{20}/);
    expect(refusal(rate, '0')).toBe('--rate must be a number above 0 and at most 1 (a share), got 0');
    expect(refusal(rate, '1.01')).toBe('--rate must be a number above 0 and at most 1 (a share), got 1.01');
  });

  test('describeRange words the bounds as the help shows them', () => {
    expect(describeRange({ min: 1, max: 900 })).toBe('from 1 to 900');
    expect(describeRange({ min: 0, exclusiveMin: true, max: 300 })).toBe('above 0 and at most 300');
    expect(describeRange({ min: 20 })).toBe('at least 20');
  });
});

describe('outputFileOption', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'output-file-'));
  const parse = outputFileOption('--report');

  test('takes a new file, in folders still to be created, or an existing file', () => {
    expect(parse(path.join(dir, 'report.json'))).toBe(path.join(dir, 'report.json'));
    expect(outputFileProblem(path.join(dir, 'a', 'b', 'report.json'))).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'old.json'), '{}');
    expect(outputFileProblem(path.join(dir, 'old.json'))).toBeUndefined();
  });

  test('refuses an empty name, a folder, and a path through a file', () => {
    expect(refusal(parse, '')).toBe('--report "" must name a file');
    expect(refusal(parse, path.join(dir, 'new-folder') + '/')).toBe(`--report ${JSON.stringify(path.join(dir, 'new-folder') + '/')} names a folder (it ends with a slash): name a file`);
    expect(refusal(parse, dir)).toBe(`--report ${JSON.stringify(dir)} is a folder: name a file in it`);
    fs.writeFileSync(path.join(dir, 'payload.csv'), '1,2\n');
    const through = path.join(dir, 'payload.csv', 'sub', 'report.json');
    expect(refusal(parse, through)).toBe(`--report ${JSON.stringify(through)} cannot be written: ${path.join(dir, 'payload.csv')} is a file, not a folder`);
  });
});

describe('the generated pipelines\' numbers, as the numeric options read them', () => {
  // The config takes any number in range (shadow.maxErrorRate 0.0000005, release.maxP95LatencyMs 0.5), and String()
  // would write 5e-7, which numberOption refuses: the commands write them with optionNumber.
  test.each([0.0000005, 5e-12, 0.1, 0.25, 1, 20, 1000, 60_000, 123.456])('%p is written in plain digits and read back as itself', (value) => {
    const text = optionNumber(value);
    expect(text).toMatch(/^\d+(\.\d+)?$/);
    expect(numberOption('--x', { min: 0, max: 1e6 })(text)).toBe(value);
  });

  test('the release\'s endpoint test command writes the latency budget and the AUC threshold so', () => {
    const config = testConfig({ qualityThreshold: 0.0000005, release: { maxP95LatencyMs: 0.0000005 } });
    const command = endpointTestCommand(config, 'staging', 'report.json', '--region us-east-1');
    expect(command).toContain('--max-p95-ms 0.0000005 ');
    expect(command).toContain("'--min-auc 0.0000005'");
    expect(command).not.toMatch(/\de-\d/);
  });
});
