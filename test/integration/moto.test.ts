import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SKIP_MOTO_ENV, motoSkipped, readMotoInstallation, startMoto } from './moto';

// The helper's own checks: they run without moto.

describe('motoSkipped', () => {
  test('runs the integration tests unless SAGEMAKER_GITOPS_SKIP_MOTO=1', () => {
    expect(motoSkipped({})).toBe(false);
    expect(motoSkipped({ [SKIP_MOTO_ENV]: '' })).toBe(false);
    expect(motoSkipped({ [SKIP_MOTO_ENV]: '0' })).toBe(false);
    expect(motoSkipped({ [SKIP_MOTO_ENV]: '1' })).toBe(true);
    expect(motoSkipped({ [SKIP_MOTO_ENV]: '1', CI: 'false' })).toBe(true);
  });

  test('never skips in CI', () => {
    expect(() => motoSkipped({ [SKIP_MOTO_ENV]: '1', CI: 'true' })).toThrow(`${SKIP_MOTO_ENV}=1 is not allowed in CI (CI=true)`);
    expect(() => motoSkipped({ [SKIP_MOTO_ENV]: '1', CI: '1' })).toThrow('install moto with `bash scripts/install-moto.sh`');
  });

  test('rejects other values', () => {
    expect(() => motoSkipped({ [SKIP_MOTO_ENV]: 'yes' })).toThrow(`${SKIP_MOTO_ENV} must be 1 (skip the moto integration tests) or 0, got yes`);
  });
});

describe('readMotoInstallation and startMoto', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moto-helper-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('no installation: says how to install moto and how to skip', () => {
    expect(() => readMotoInstallation(dir)).toThrow(
      `moto is not installed: ${path.join(dir, 'installed.json')} does not exist; install it with \`bash scripts/install-moto.sh\``,
    );
    expect(() => readMotoInstallation(dir)).toThrow(`or skip the integration tests outside CI with ${SKIP_MOTO_ENV}=1`);
  });

  test('an installation whose moto is gone is incomplete', () => {
    fs.writeFileSync(path.join(dir, 'installed.json'), JSON.stringify({ python: '/usr/bin/python3', pythonPath: path.join(dir, 'site'), motoVersion: '5.2.4' }));
    expect(() => readMotoInstallation(dir)).toThrow(`moto's installation in ${dir} is incomplete`);
  });

  test('a server that cannot start fails with its output', async () => {
    // A Python without moto on its path exits at once.
    const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
    await expect(startMoto({ python, pythonPath: dir, motoVersion: '5.2.4' }))
      .rejects.toThrow(/moto 5\.2\.4 \(.* -m moto\.server\) exited with code 1; its output:\n[\s\S]*No module named 'moto'/);
    await expect(startMoto({ python: path.join(dir, 'no-python'), pythonPath: dir, motoVersion: '5.2.4' }))
      .rejects.toThrow(`could not run ${path.join(dir, 'no-python')}`);
  });
});
