/**
 * The live staging test sends seed-code/model-deploy/test/payload.csv to the endpoint: it must hold
 * rows of the model's input exactly as preprocess.py writes them for the committed sample (the
 * feature columns in order, no label, no header). Runs preprocess.py with Debian's Python.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readPayload } from '../../src/aws';
import { requireTestPython } from '../scripts/require-python';

// Without the Python modules, fail this suite once with the command that installs them.
requireTestPython();

const SEED = path.join(__dirname, '..', '..', 'seed-code');
const PAYLOAD = path.join(SEED, 'model-deploy', 'test', 'payload.csv');
const PYTHON = process.env.SAGEMAKER_GITOPS_PYTHON ?? '/usr/bin/python3';

describe('the model-deploy test payload', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-payload-'));
  execFileSync(PYTHON, [
    path.join(SEED, 'model-build', 'pipelines', 'preprocess.py'),
    '--input-dir', path.join(SEED, 'model-build', 'data'),
    '--output-dir', out,
  ], { stdio: 'pipe', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  const features = fs.readFileSync(path.join(out, 'baseline', 'baseline.csv'), 'utf-8').split('\n')[0].split(',');
  const testRows = fs.readFileSync(path.join(out, 'test', 'test.csv'), 'utf-8').trim().split('\n');
  const payload = fs.readFileSync(PAYLOAD, 'utf-8').trim().split('\n');

  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test('has a few dozen rows, each with the model\'s feature columns and no label', () => {
    expect(payload.length).toBeGreaterThanOrEqual(20);
    expect(readPayload(PAYLOAD)).toHaveLength(payload.length);
    for (const row of payload) {
      const fields = row.split(',');
      expect(fields).toHaveLength(features.length);
      expect(fields.every((field) => field !== '' && Number.isFinite(Number(field)))).toBe(true);
    }
  });

  test('its rows are held-out test rows of the committed sample, without their label', () => {
    const heldOut = new Set(testRows.map((row) => row.slice(row.indexOf(',') + 1)));
    expect(payload.filter((row) => !heldOut.has(row))).toEqual([]);
  });
});
