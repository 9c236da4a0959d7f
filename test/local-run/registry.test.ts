import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalRunError, addLocalModelVersion, readLocalRegistry } from '../../src/local-run';

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-registry-'));
  file = path.join(dir, '.local-run', 'registry.json');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const ENTRY = {
  modelPackageGroupName: 'Player-Churn',
  approvalStatus: 'PendingManualApproval' as const,
  pipelineName: 'player-churn-training',
  executionId: 'local-1',
  modelDataUrl: 's3://bucket/model.tar.gz',
  modelDataPath: '/work/model.tar.gz',
  customerMetadata: { auc: '0.88' },
};

describe('local registry', () => {
  test('a missing file is an empty registry', () => {
    expect(readLocalRegistry(file)).toEqual({ registryVersion: 1, modelPackageGroups: {} });
  });

  test('versions count per group from 1, with ARNs of the form SageMaker gives', () => {
    const now = new Date('2025-03-04T05:06:07Z');
    const first = addLocalModelVersion(file, 'eu-west-1', ENTRY, now);
    const second = addLocalModelVersion(file, 'eu-west-1', { ...ENTRY, executionId: 'local-2', approvalStatus: 'Approved' }, now);
    const other = addLocalModelVersion(file, 'eu-west-1', { ...ENTRY, modelPackageGroupName: 'other' }, now);
    expect(first).toEqual({
      ...ENTRY, version: 1, modelPackageArn: 'arn:aws:sagemaker:eu-west-1:000000000000:model-package/player-churn/1', createdAt: '2025-03-04T05:06:07.000Z',
    });
    expect([second.version, second.approvalStatus, other.version]).toEqual([2, 'Approved', 1]);
    expect(readLocalRegistry(file)).toEqual({ registryVersion: 1, modelPackageGroups: { 'Player-Churn': [first, second], 'other': [other] } });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['registry.json']);
  });

  test('a file that is not JSON, or not a registry, is an error that says what to do', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{ not json');
    expect(() => readLocalRegistry(file)).toThrow(LocalRunError);
    expect(() => addLocalModelVersion(file, 'eu-west-1', ENTRY)).toThrow(new RegExp(`^the local model registry ${file.replace(/[.]/g, '\\.')} is not JSON \\(.*\\): fix it or remove it to start a new one$`));
    fs.writeFileSync(file, JSON.stringify({ groups: [] }));
    expect(() => readLocalRegistry(file)).toThrow(`${file} is not a local model registry of version 1 (registryVersion and modelPackageGroups): fix it or remove it to start a new one`);
  });
});
