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

  test('a repository\'s table holds only its rows', () => {
    const build = renderAwsConstraintsTable('model-build').join('\n');
    const deploy = renderAwsConstraintsTable('model-deploy').join('\n');
    expect(build).toContain('AlgorithmSpecification');
    expect(build).not.toContain('TrafficRoutingConfig');
    expect(deploy).toContain('TrafficRoutingConfig');
    expect(deploy).not.toContain('AlgorithmSpecification');
  });
});
