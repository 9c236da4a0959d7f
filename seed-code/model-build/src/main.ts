import * as path from 'node:path';
import { ModelBuildApp, CONFIG_FILE_NAME, readProjectConfig } from 'sagemaker-gitops/lib/app';

// The project's options come from the generated config file; add stacks of your own below.
// The pipeline's step scripts (pipelines/) and sample data (data/) are read from this repository.
const repoDir = path.join(__dirname, '..');
const config = readProjectConfig(path.join(repoDir, CONFIG_FILE_NAME));
const app = new ModelBuildApp({ config, repoDir });
app.synth();
