/**
 * src/ has no import cycle, type-only imports included (issue 20): madge reads the imports the
 * TypeScript compiler would, and lists every cycle. The second test shows the check finds one.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import madge from 'madge';

const ROOT = path.join(__dirname, '..', '..');

/** The import cycles among the TypeScript files under `dir`, each as the list of its files. */
async function cyclesOf(dir: string, tsConfig?: string): Promise<string[][]> {
  const result = await madge(dir, {
    fileExtensions: ['ts'],
    tsConfig,
    // `import type` counts: a cycle of types still ties the files' layers together.
    detectiveOptions: { ts: { skipTypeImports: false }, es6: { skipTypeImports: false } },
  });
  return result.circular();
}

test('no file of src/ reaches itself through its imports', async () => {
  const cycles = await cyclesOf(path.join(ROOT, 'src'), path.join(ROOT, 'tsconfig.json'));
  expect(cycles.map((files) => files.join(' -> '))).toEqual([]);
}, 60_000);

test('a cycle through a type-only import is found', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cycles-'));
  fs.writeFileSync(path.join(dir, 'stack.ts'), "import { monitor } from './monitor';\nexport type Stage = 'staging' | 'prod';\nexport const stacks = [monitor];\n");
  fs.writeFileSync(path.join(dir, 'monitor.ts'), "import type { Stage } from './stack';\nexport const monitor = (stage: Stage) => stage;\n");
  fs.writeFileSync(path.join(dir, 'apart.ts'), "export const apart = 1;\n");
  expect(await cyclesOf(dir)).toEqual([['monitor.ts', 'stack.ts']]);
});
