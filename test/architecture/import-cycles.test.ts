/**
 * src/ has no import cycle, type-only imports included (issue 20): madge reads the imports the
 * TypeScript compiler would, and lists every cycle. Nor has it a cycle between folders: each folder
 * is a layer that imports only the ones below it (README, "Architecture"). The other tests show
 * each check finds what it looks for.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import madge from 'madge';

const ROOT = path.join(__dirname, '..', '..');

// `import type` counts: a cycle of types still ties the files' layers together.
const DETECTIVE = { ts: { skipTypeImports: false }, es6: { skipTypeImports: false } };

/** madge's graph of the TypeScript files under `dir`. */
function graphOf(dir: string, tsConfig?: string): ReturnType<typeof madge> {
  return madge(dir, { fileExtensions: ['ts'], tsConfig, detectiveOptions: DETECTIVE });
}

/** src/'s graph, read once for the file and the folder checks (madge parses every file: seconds). */
let srcGraph: ReturnType<typeof madge> | undefined;
const graphOfSrc = () => (srcGraph ??= graphOf(path.join(ROOT, 'src'), path.join(ROOT, 'tsconfig.json')));

/** The import cycles among the TypeScript files under `dir` (or of a graph already read), each as the list of its files. */
async function cyclesOf(dir: string | ReturnType<typeof madge>): Promise<string[][]> {
  return (await (typeof dir === 'string' ? graphOf(dir) : dir)).circular();
}

test('no file of src/ reaches itself through its imports', async () => {
  const cycles = await cyclesOf(graphOfSrc());
  expect(cycles.map((files) => files.join(' -> '))).toEqual([]);
}, 60_000);

test('a cycle through a type-only import is found', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cycles-'));
  fs.writeFileSync(path.join(dir, 'stack.ts'), "import { monitor } from './monitor';\nexport type Stage = 'staging' | 'prod';\nexport const stacks = [monitor];\n");
  fs.writeFileSync(path.join(dir, 'monitor.ts'), "import type { Stage } from './stack';\nexport const monitor = (stage: Stage) => stage;\n");
  fs.writeFileSync(path.join(dir, 'apart.ts'), "export const apart = 1;\n");
  expect(await cyclesOf(dir)).toEqual([['monitor.ts', 'stack.ts']]);
});

/**
 * The folders of `dir` as one graph: an arrow from folder A to folder B when a file of A imports
 * a file of B (files directly in `dir` form the folder "."). madge then lists this graph's cycles
 * as it lists the files' (it takes a prebuilt dependency tree).
 */
async function folderCyclesOf(dir: string | ReturnType<typeof madge>): Promise<string[][]> {
  const files = (await (typeof dir === 'string' ? graphOf(dir) : dir)).obj();
  const folderOf = (file: string) => path.dirname(file).split(path.sep)[0];
  const folders: Record<string, string[]> = {};
  for (const [file, imports] of Object.entries(files)) {
    const from = folderOf(file);
    const to = new Set([...(folders[from] ?? []), ...imports.map(folderOf).filter((folder) => folder !== from)]);
    folders[from] = [...to].sort();
  }
  return (await madge(folders)).circular();
}

test('no folder of src/ reaches itself through its files\' imports (the layers run one way)', async () => {
  const cycles = await folderCyclesOf(graphOfSrc());
  expect(cycles.map((folders) => folders.join(' -> '))).toEqual([]);
}, 60_000);

test('a cycle between folders is found though no file reaches itself', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folder-cycles-'));
  for (const folder of ['low', 'high']) {
    fs.mkdirSync(path.join(dir, folder));
  }
  fs.writeFileSync(path.join(dir, 'high', 'app.ts'), "import { name } from '../low/names';\nexport const app = name;\n");
  fs.writeFileSync(path.join(dir, 'high', 'constant.ts'), 'export const limit = 3;\n');
  fs.writeFileSync(path.join(dir, 'low', 'names.ts'), "import { limit } from '../high/constant';\nexport const name = `n${limit}`;\n");
  expect(await cyclesOf(dir)).toEqual([]);
  expect(await folderCyclesOf(dir)).toEqual([['high', 'low']]);
});
