/**
 * CloudFormation User Guide, "CloudFormation quotas": at most 500 resources, 200 outputs, 200
 * parameters and 200 mappings (of at most 200 attributes each) in a template; names of at most 255
 * characters; a description of at most 1,024 bytes; a template body of at most 51,200 bytes in the
 * request (CreateStack, UpdateStack, ValidateTemplate) and of at most 1 MB in an S3 object.
 * CloudFormation refuses the whole template otherwise; the project refuses it when it is synthesized.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CfnOutput, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { CLOUDFORMATION_QUOTAS, GuardrailsPlugin, cloudFormationQuotaFindings } from '../../src/validation';
import { DOMAIN_TEMPLATE_FILE, PROJECT_TEMPLATE_FILE, STUDIO_TEMPLATES_DIR } from '../../src/studio';
// aws-cdk-lib's own CloudFormation validator on the tests' shared worker, not built again on this file's thread.
import '../helpers/suite-validation-worker';

const Q = CLOUDFORMATION_QUOTAS;
/** `count` entries named `<prefix><i>`. */
const entries = (prefix: string, count: number, value: unknown = {}) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, value]));
const wait = { Type: 'AWS::CloudFormation::WaitConditionHandle' };

describe('cloudFormationQuotaFindings', () => {
  test('a template at every limit passes', () => {
    const template = {
      Description: 'd'.repeat(Q.descriptionBytes),
      Resources: { ...entries('R', Q.resources - 1, wait), [`R${'x'.repeat(Q.nameLength - 1)}`]: wait },
      Outputs: entries('O', Q.outputs, { Value: 'v' }),
      Parameters: entries('P', Q.parameters, { Type: 'String' }),
      Mappings: entries('M', Q.mappings, entries('a', Q.mappingAttributes, { v: 'x' })),
    };
    expect(cloudFormationQuotaFindings(template, Q.bodyBytesInS3)).toEqual([]);
    expect(cloudFormationQuotaFindings({ Resources: {} }, Q.bodyBytesInRequest, 'request')).toEqual([]);
  });

  test('one over each limit is a finding naming where, how many and the limit', () => {
    const template = {
      Description: `é${'d'.repeat(Q.descriptionBytes - 1)}`, // 1,025 bytes in UTF-8
      Resources: { ...entries('R', Q.resources, wait), [`R${'x'.repeat(Q.nameLength)}`]: wait },
      Outputs: entries('O', Q.outputs + 1, { Value: 'v' }),
      Parameters: entries('P', Q.parameters + 1, { Type: 'String' }),
      Mappings: { ...entries('M', Q.mappings), Wide: entries('a', Q.mappingAttributes + 1, { v: 'x' }) },
    };
    expect(cloudFormationQuotaFindings(template, Q.bodyBytesInS3 + 1)).toEqual([
      { location: 'Resources', message: '501 resources; CloudFormation takes at most 500 in a template' },
      { location: `Resources/R${'x'.repeat(255)}`, message: 'the name is 256 characters; CloudFormation takes at most 255' },
      { location: 'Outputs', message: '201 outputs; CloudFormation takes at most 200 in a template' },
      { location: 'Parameters', message: '201 parameters; CloudFormation takes at most 200 in a template' },
      { location: 'Mappings', message: '201 mappings; CloudFormation takes at most 200 in a template' },
      { location: 'Mappings/Wide', message: '201 attributes; CloudFormation takes at most 200 per mapping' },
      { location: 'Description', message: 'the description is 1025 bytes; CloudFormation takes at most 1024' },
      { location: '(template)', message: 'the template is 1000001 bytes; CloudFormation takes at most 1000000 read from S3' },
    ]);
  });

  test('a template the AWS CLI sends in the request may be 51,200 bytes', () => {
    expect(cloudFormationQuotaFindings({ Resources: {} }, Q.bodyBytesInRequest + 1, 'request')).toEqual([{
      location: '(template)',
      message: 'the template is 51201 bytes; CloudFormation takes at most 51200 passed in the request (the AWS CLI sends a --template-file inline unless --s3-bucket names a bucket)',
    }]);
  });
});

// aws-cdk-lib refuses a stack over 500 resources itself (its stack resource limit); outputs and
// parameters it does not count.
test('the guardrails fail the synth of a stack over 200 outputs, naming the quota', () => {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-test-')) });
  Validations.of(app).addPlugins(new GuardrailsPlugin());
  const stack = new Stack(app, 'Test', { env: { region: 'us-east-1' } });
  new CfnResource(stack, 'Handle', { type: 'AWS::CloudFormation::WaitConditionHandle' });
  for (let i = 0; i <= Q.outputs; i++) {
    new CfnOutput(stack, `Out${i}`, { value: String(i) });
  }
  expect(() => app.synth()).toThrow(/Outputs: 201 outputs; CloudFormation takes at most 200 in a template[^]*SageMakerGitOps-CloudFormationQuota/);
});

describe('the committed Studio templates', () => {
  const bytes = (file: string) => fs.statSync(path.join(__dirname, '..', '..', STUDIO_TEMPLATES_DIR, file)).size;

  // The README deploys the domain template with `aws cloudformation deploy --template-file`, which sends it in the request.
  test('the domain template fits in a request, as the README deploys it', () => {
    expect(bytes(DOMAIN_TEMPLATE_FILE)).toBeLessThanOrEqual(Q.bodyBytesInRequest);
  });

  test('the project template fits in an S3 object, as SageMaker reads it', () => {
    expect(bytes(PROJECT_TEMPLATE_FILE)).toBeLessThanOrEqual(Q.bodyBytesInS3);
  });
});
