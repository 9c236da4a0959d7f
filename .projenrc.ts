import { typescript } from 'projen';
import { configureRootProject } from './projenrc/configure-root-project';
import { rootProjectOptions } from './projenrc/root-project';
import { PLACEHOLDER_CONNECTION_ARN } from './src/config';
import { MlopsProject } from './src/project';

const project = new typescript.TypeScriptProject(rootProjectOptions());
configureRootProject(project);

// The example SageMaker project, generated into model-build/ and model-deploy/.
// PLACEHOLDER_CONNECTION_ARN names no real connection: replace it with the ARN of your own
// AWS CodeConnections connection (and the repositories with yours) before deploying.
new MlopsProject(project, {
  projectName: 'player-churn',
  region: 'us-east-1',
  source: {
    modelBuild: { connectionArn: PLACEHOLDER_CONNECTION_ARN, repository: 'example-org/player-churn-model-build' },
    modelDeploy: { connectionArn: PLACEHOLDER_CONNECTION_ARN, repository: 'example-org/player-churn-model-deploy' },
  },
  // Every step and the drift check log to a serverless MLflow App the model-build stack creates
  // (no additional cost while idle; see MlflowOptions for a tracking server or an existing backend).
  mlflow: {},
});

project.synth();
