import * as path from 'node:path';
import { ModelBuildApp, CONFIG_FILE_NAME, readProjectConfig } from 'sagemaker-gitops';

// The project's options come from the generated config file; add stacks of your own below.
const config = readProjectConfig(path.join(__dirname, '..', CONFIG_FILE_NAME));
const app = new ModelBuildApp({ config });
app.synth();
