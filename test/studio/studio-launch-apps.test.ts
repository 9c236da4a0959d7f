/**
 * The model-build and model-deploy apps synthesized the way the Studio project template's bootstrap
 * build runs them: with the launch in the CDK context.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ModelBuildApp } from '../../src/model-build';
import { ModelDeployApp, ResolvedModel } from '../../src/model-deploy';
import { StudioProject, studioProjectContext } from '../../src/studio';
import { SEED_MODEL_BUILD_REPO, synthValidated, testConfig } from '../helpers/validated-synth';

const PROJECT: StudioProject = {
  projectName: 'churn-studio',
  projectId: 'p-abcdefghijkl',
  region: 'eu-west-1',
  buildAccount: '111111111111',
  connectionArn: 'arn:aws:codeconnections:eu-west-1:111111111111:connection/0a1b2c3d-4e5f-4a5b-8c7d-9e8f7a6b5c4d',
  modelBuild: { repository: 'team/churn-build', branch: 'main' },
  modelDeploy: { repository: 'team/churn-deploy', branch: 'main' },
};
const GROUP = 'churn-studio-p-abcdefghijkl';
const context = studioProjectContext(PROJECT);

const statementsOf = (template: Template) =>
  Object.values<any>(template.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);

describe('model-build launched from Studio', () => {
  const app = new ModelBuildApp({ config: testConfig(), repoDir: SEED_MODEL_BUILD_REPO, context });
  const templates = synthValidated(app);

  test('its stacks carry the launch\'s name and pass every check', () => {
    expect(Object.keys(templates).sort()).toEqual(['churn-studio-model-build', 'churn-studio-model-build-pipeline']);
    expect(app.modelBuildStack.region).toBe('eu-west-1');
  });

  test('the group the template created is used, not created again', () => {
    const stack = templates['churn-studio-model-build'];
    stack.resourceCountIs('AWS::SageMaker::ModelPackageGroup', 0);
    expect(JSON.stringify(app.modelBuildStack.definition.toJSON())).toContain(`"ModelPackageGroupName":"${GROUP}"`);
    const register = statementsOf(stack).find((s) => [s.Action].flat().includes('sagemaker:CreateModelPackage'));
    expect(register.Resource).toEqual([
      `arn:aws:sagemaker:eu-west-1:111111111111:model-package-group/${GROUP}`,
      `arn:aws:sagemaker:eu-west-1:111111111111:model-package/${GROUP}/*`,
    ]);
  });

  test('every resource is tagged with the SageMaker project, and the self-updating synth keeps the launch', () => {
    templates['churn-studio-model-build'].hasResourceProperties('AWS::SageMaker::Pipeline', {
      Tags: Match.arrayWith([{ Key: 'sagemaker:project-id', Value: 'p-abcdefghijkl' }, { Key: 'sagemaker:project-name', Value: 'churn-studio' }]),
    });
    const specs = Object.values<any>(templates['churn-studio-model-build-pipeline'].findResources('AWS::CodeBuild::Project')).map((p) => p.Properties.Source.BuildSpec);
    const synth = specs.find((spec: string) => spec.includes('npx cdk synth'));
    expect(synth).toContain('npx cdk synth --no-notices -c \'sagemaker-gitops:studio:project-name=churn-studio\' -c \'sagemaker-gitops:studio:project-id=p-abcdefghijkl\'');
  });
});

describe('model-deploy launched from Studio', () => {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-deploy-'));
  fs.mkdirSync(path.join(repo, 'monitoring'));
  fs.writeFileSync(path.join(repo, 'monitoring', 'drift_check.py'), 'print("drift")\n');
  const model: ResolvedModel = {
    modelPackageGroupName: GROUP,
    modelPackageArn: `arn:aws:sagemaker:eu-west-1:111111111111:model-package/${GROUP}/2`,
    version: 2,
    approvalStatus: 'Approved',
    creationTime: '2026-11-20T10:00:00.000Z',
    auc: 0.87,
    modelDataUrl: 's3://build-bucket/churn-studio-training/exec1/Train/output/model.tar.gz',
    baselineDataUri: 's3://build-bucket/churn-studio-training/exec1/Preprocess/baseline',
  };
  const app = new ModelDeployApp({ config: testConfig(), repoDir: repo, model, context });
  const templates = synthValidated(app);

  test('its pipeline and endpoints carry the launch\'s name and the trigger watches the launch\'s group', () => {
    expect(Object.keys(templates).sort()).toEqual(['churn-studio-model-deploy-pipeline', 'churn-studio-prod-endpoint', 'churn-studio-staging-endpoint']);
    const [rule] = Object.values<any>(templates['churn-studio-model-deploy-pipeline'].findResources('AWS::Events::Rule'));
    expect(rule.Properties.EventPattern.detail.ModelPackageGroupName).toEqual([GROUP]);
    templates['churn-studio-prod-endpoint'].hasResourceProperties('AWS::SageMaker::Endpoint', { EndpointName: 'churn-studio-prod' });
  });
});
