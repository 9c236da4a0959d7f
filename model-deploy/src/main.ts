import * as path from 'node:path';
import { ModelDeployApp, CONFIG_FILE_NAME, readProjectConfig } from 'sagemaker-gitops/lib/app';

// The project's options come from the generated config file; add stacks of your own below.
// The model to deploy comes from resolved-model.json, which the pipeline's synth step writes
// (`npm run resolve-model` does the same on a laptop with AWS credentials).
const repoDir = path.join(__dirname, '..');
const config = readProjectConfig(path.join(repoDir, CONFIG_FILE_NAME));
const app = new ModelDeployApp({ config, repoDir });
app.synth();
