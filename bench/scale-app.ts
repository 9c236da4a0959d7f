/**
 * The scale benchmark's CDK app: the example project's production endpoint stack (real-time,
 * autoscaling, data capture, blue/green guardrails with alarms, drift check: the largest endpoint
 * stack the project makes) once per model variant, `-c bench:endpoint-stacks=N` variants, each
 * with its own project name so that no two stacks name the same resources. It loads the library
 * as the generated apps do (the `sagemaker-gitops` package) and runs in the model-deploy folder:
 *
 *   cd model-deploy && npx cdk synth --app 'npx tsx ../bench/scale-app.ts' -c bench:endpoint-stacks=5
 */
import * as path from 'node:path';
import { CONFIG_FILE_NAME, EndpointStack, ProjectApp, placeholderModel, readProjectConfig } from 'sagemaker-gitops';
import { SCALE_CONTEXT, scaleCount, variantProjectName } from './scale';

const repoDir = process.cwd();
const config = readProjectConfig(path.join(repoDir, CONFIG_FILE_NAME));
const app = new ProjectApp({ config });
const count = scaleCount(app.node.tryGetContext(SCALE_CONTEXT) ?? '1');
const model = placeholderModel(config.modelPackageGroupName, config.environments.build.region);
for (let i = 1; i <= count; i++) {
  const variant = { ...config, projectName: variantProjectName(config.projectName, i) };
  new EndpointStack(app, `Variant${i}`, { config: variant, stage: 'prod', model, repoDir, stackName: `${variant.projectName}-prod-endpoint` });
}
app.synth();
