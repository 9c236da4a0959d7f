import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { copyRepository, createCdkFloor, linkNodeModules, projenFloorRc, workingTreeFiles } from '../../bench/workspace';

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};
const git = (cwd: string, ...args: string[]) => {
  const result = spawnSync('git', args, { cwd, encoding: 'utf-8' });
  if (result.status !== 0) {
    throw new Error(result.stderr);
  }
};

/** A repository with a tracked file, a new file, an ignored file, a compiled lib/ and node_modules. */
function fakeRepo(): string {
  const repo = tmp('bench-repo-');
  git(repo, 'init', '-q');
  write(path.join(repo, '.gitignore'), 'node_modules/\nlib/\nignored.txt\n');
  write(path.join(repo, 'src', 'tracked.ts'), 'export const a = 1;\n');
  git(repo, 'add', '.');
  git(repo, '-c', 'user.email=b@example.com', '-c', 'user.name=bench', 'commit', '-q', '-m', 'init');
  write(path.join(repo, 'src', 'new.ts'), 'export const b = 2;\n');
  write(path.join(repo, 'ignored.txt'), 'no\n');
  write(path.join(repo, 'lib', 'tracked.js'), 'exports.a = 1;\n');
  write(path.join(repo, 'node_modules', 'aws-cdk-lib', 'package.json'), '{"name":"aws-cdk-lib"}');
  fs.symlinkSync('..', path.join(repo, 'node_modules', 'sagemaker-gitops'));
  return repo;
}

describe('copyRepository', () => {
  const repo = fakeRepo();
  const copy = path.join(tmp('bench-copy-'), 'repo');
  copyRepository(repo, copy);

  test('copies tracked and new files and the compiled lib/, not ignored files', () => {
    expect(workingTreeFiles(repo).sort()).toEqual(['.gitignore', 'src/new.ts', 'src/tracked.ts']);
    expect(fs.readFileSync(path.join(copy, 'src', 'new.ts'), 'utf-8')).toBe('export const b = 2;\n');
    expect(fs.existsSync(path.join(copy, 'lib', 'tracked.js'))).toBe(true);
    expect(fs.existsSync(path.join(copy, 'ignored.txt'))).toBe(false);
  });

  test('links every package to the repository\'s, and the package itself to the copy', () => {
    expect(fs.realpathSync(path.join(copy, 'node_modules', 'aws-cdk-lib'))).toBe(fs.realpathSync(path.join(repo, 'node_modules', 'aws-cdk-lib')));
    expect(fs.realpathSync(path.join(copy, 'node_modules', 'sagemaker-gitops'))).toBe(fs.realpathSync(copy));
  });
});

describe('linkNodeModules', () => {
  test('needs the repository to be installed', () => {
    expect(() => linkNodeModules(tmp('no-modules-'), tmp('target-'))).toThrow(/node_modules does not exist: run `npm ci`/);
  });
});

describe('createCdkFloor', () => {
  test('one empty stack with the generated app\'s cdk.json and tsconfig.json, and the same synth options', () => {
    const repo = fakeRepo();
    write(path.join(repo, 'model-deploy', 'cdk.json'), '{"app":"npx tsx src/main.ts","context":{"flag":true}}');
    write(path.join(repo, 'model-deploy', 'tsconfig.json'), '{}');
    const floor = tmp('bench-floor-');
    createCdkFloor(repo, 'model-deploy', floor);
    expect(fs.readFileSync(path.join(floor, 'cdk.json'), 'utf-8')).toContain('npx tsx src/main.ts');
    const main = fs.readFileSync(path.join(floor, 'src', 'main.ts'), 'utf-8');
    expect(main).toContain("new Stack(app, 'Floor');");
    expect(main.match(/new Stack/g)).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(path.join(floor, 'package.json'), 'utf-8')).scripts.synth).toBe('cdk synth --no-notices --quiet');
    expect(fs.realpathSync(path.join(floor, 'node_modules', 'aws-cdk-lib'))).toBe(fs.realpathSync(path.join(repo, 'node_modules', 'aws-cdk-lib')));
  });
});

describe('projenFloorRc', () => {
  test('a TypeScript project on the given versions, .projenrc.ts run by tsx without type-check, generators off', () => {
    const rc = projenFloorRc({ projenVersion: '0.103.25', minNodeVersion: '20.0.0', typescriptVersion: '~5.9.3' });
    expect(rc).toContain('new typescript.TypeScriptProject({');
    expect(rc).toContain('projenVersion: "0.103.25"');
    expect(rc).toContain('projenrcTsOptions: { runner: typescript.TypeScriptRunner.tsx({ typeCheck: false }) }');
    for (const off of ['github: false', 'release: false', 'eslint: false', 'sampleCode: false']) {
      expect(rc).toContain(off);
    }
    expect(rc.trimEnd().endsWith('project.synth();')).toBe(true);
  });
});
