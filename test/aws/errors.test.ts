import { CloudFormationServiceException } from '@aws-sdk/client-cloudformation';
import { SageMakerServiceException } from '@aws-sdk/client-sagemaker';
import { ifExists, isNotFound } from '../../src/aws';

const cfn = (name: string, message: string) => new CloudFormationServiceException({ name, message, $fault: 'client', $metadata: {} });
const sm = (name: string, message: string) => new SageMakerServiceException({ name, message, $fault: 'client', $metadata: {} });

describe('isNotFound', () => {
  // CloudFormation DescribeStacks API reference: "If the stack doesn't exist, a ValidationError is returned."
  test.each([
    'Stack with id churn-model-build does not exist',
    'Stack with id arn:aws:cloudformation:eu-west-1:123456789012:stack/churn-model-build/0000 does not exist',
    'Stack: churn-model-build does not exist',
  ])('CloudFormation ValidationError %p is not found', (message) => {
    expect(isNotFound(cfn('ValidationError', message))).toBe(true);
  });

  // Other CloudFormation ValidationErrors (a bad parameter, a stack in the wrong state) are real failures.
  test.each([
    'Stack [churn-model-build] cannot be deleted while in status UPDATE_IN_PROGRESS',
    '1 validation error detected: Value \'x y\' at \'stackName\' failed to satisfy constraint',
    'Template format error: Resource Queue does not exist in the template',
  ])('CloudFormation ValidationError %p is not "not found"', (message) => {
    expect(isNotFound(cfn('ValidationError', message))).toBe(false);
  });

  test('CloudFormation\'s wording under SageMaker\'s error name is still SageMaker\'s rule; SageMaker\'s wording under ValidationError is not', () => {
    expect(isNotFound(sm('ValidationException', 'Could not find endpoint "churn-prod".'))).toBe(true);
    expect(isNotFound(sm('ValidationException', 'ModelPackageGroup churn does not exist.'))).toBe(true);
    expect(isNotFound(cfn('ValidationError', 'Could not find endpoint "churn-prod".'))).toBe(false);
    expect(isNotFound(sm('ValidationException', 'Value at \'maxResults\' failed to satisfy constraint'))).toBe(false);
  });

  test('ResourceNotFound names always are; other names, prototype keys and non-errors never are', () => {
    expect(isNotFound(sm('ResourceNotFound', 'Cannot find pipeline'))).toBe(true);
    expect(isNotFound({ name: 'ResourceNotFoundException' })).toBe(true);
    expect(isNotFound(cfn('AccessDenied', 'Stack with id x does not exist'))).toBe(false);
    expect(isNotFound({ name: 'constructor', message: 'does not exist' })).toBe(false);
    expect(isNotFound({ name: 'toString', message: 'Stack with id x does not exist' })).toBe(false);
    expect(isNotFound(undefined)).toBe(false);
    expect(isNotFound('Stack with id x does not exist')).toBe(false);
  });

  test('ifExists gives undefined for a missing stack and rethrows the rest', async () => {
    await expect(ifExists(() => Promise.reject(cfn('ValidationError', 'Stack with id x does not exist')))).resolves.toBeUndefined();
    await expect(ifExists(() => Promise.reject(cfn('ValidationError', 'Stack [x] is in UPDATE_IN_PROGRESS state')))).rejects.toThrow('UPDATE_IN_PROGRESS');
  });
});
