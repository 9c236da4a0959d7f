import * as fs from 'node:fs';
import * as path from 'node:path';
import { AWS_CONSTRAINTS, renderAwsConstraintsTable } from '../../src/config';

describe('AWS_CONSTRAINTS', () => {
  test('the README shows every constraint, exactly as rendered', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf-8');
    expect(readme).toContain(renderAwsConstraintsTable().join('\n'));
  });

  test('every constraint names an option, a rule, an AWS page and at least one repository', () => {
    for (const c of AWS_CONSTRAINTS) {
      expect(c.option).not.toHaveLength(0);
      expect(c.rule).not.toHaveLength(0);
      expect(c.source).toMatch(/SageMaker|Amazon|AWS|Application Auto Scaling|EventBridge|CloudWatch/);
      expect(c.repos.length).toBeGreaterThan(0);
    }
  });

  test('a generated repository\'s table names the project\'s own stacks, so its commands run as written', () => {
    const deploy = renderAwsConstraintsTable('model-deploy', 'player-churn').join('\n');
    expect(deploy).toContain('aws cloudformation continue-update-rollback --stack-name player-churn-prod-endpoint --resources-to-skip Endpoint');
    expect(deploy).not.toMatch(/<project(Name)?>/);
    expect(renderAwsConstraintsTable('model-build', 'player-churn').join('\n')).not.toMatch(/<project(Name)?>/);
    expect(renderAwsConstraintsTable('model-build', 'player-churn').join('\n')).toContain('the app is named `player-churn-mlflow`');
    expect(renderAwsConstraintsTable('model-build', 'player-churn').join('\n')).toContain('`player-churn-model-build-failures`');
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'model-deploy', 'README.md'), 'utf-8');
    expect(committed).toContain(deploy);
  });

  test('a repository\'s table holds only its rows', () => {
    const build = renderAwsConstraintsTable('model-build').join('\n');
    const deploy = renderAwsConstraintsTable('model-deploy').join('\n');
    expect(build).toContain('AlgorithmSpecification');
    expect(build).not.toContain('TrafficRoutingConfig');
    expect(deploy).toContain('TrafficRoutingConfig');
    expect(deploy).not.toContain('AlgorithmSpecification');
  });
});
