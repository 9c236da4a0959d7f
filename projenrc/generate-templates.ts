/**
 * The SageMaker Studio templates (templates/sagemaker-project.yaml and
 * templates/sagemaker-domain.yaml), synthesized from the CDK code in src/studio/.
 *
 * `npm run templates` (also part of `npm run synth`) writes them into templates/; a test fails when
 * the committed ones differ from a fresh generation. They are not projen files: rendering them is
 * two validated synths, which would slow every `npx projen`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { STUDIO_TEMPLATES_DIR, renderStudioTemplates } from '../src/studio';

/** Writes both templates into `dir`; returns the files written. */
export function writeStudioTemplates(dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return Object.entries(renderStudioTemplates()).map(([file, text]) => {
    const target = path.join(dir, file);
    // projen leaves the files it generates read-only.
    fs.rmSync(target, { force: true });
    fs.writeFileSync(target, text);
    return target;
  });
}

if (require.main === module) {
  for (const file of writeStudioTemplates(path.join(__dirname, '..', STUDIO_TEMPLATES_DIR))) {
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
