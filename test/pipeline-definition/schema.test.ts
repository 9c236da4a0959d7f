import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { playerChurnPipeline } from '../../src/model-build/player-churn-pipeline';
import {
  Condition, ConditionStep, ExecutionVariable, FailStep, Join, PIPELINE_DEFINITION_SCHEMA_FILE, PIPELINE_DEFINITION_SCHEMA_SHA256,
  ParameterString, PipelineDefinition, PipelineDefinitionError, SCHEMA_CORRECTIONS, SCHEMA_VALIDATORS_FILE, assertValidPipelineDefinition,
  compilePipelineDefinitionSchema, correctedPipelineDefinitionSchema, pipelineDefinitionSchemaErrors, publishedPipelineDefinitionSchema, renderSchemaValidators,
} from '../../src/pipeline-definition';
import { MLFLOW_ARN, MLFLOW_TRACKING, errorOf, evaluationStep, failStep, playerChurnProps, processingStep, registerStep, trainingStep } from './fixtures';

type Json = Record<string, any>;

const published = compilePipelineDefinitionSchema(publishedPipelineDefinitionSchema());
const corrected = compilePipelineDefinitionSchema(correctedPipelineDefinitionSchema());

/**
 * Corrections that refer to definitions another correction adds, and so cannot be applied
 * without it: Std:Join's values may be Std:JsonGet (`#/definitions/JsonGetFunction`).
 */
const NEEDS: Record<string, readonly string[]> = { 'Std:Join': ['Std:JsonGet'] };

/** The published schema with every correction but `name` (and those that need it). */
function schemaWithout(name: string) {
  const schema = publishedPipelineDefinitionSchema();
  for (const correction of SCHEMA_CORRECTIONS) {
    if (correction.name !== name && !(NEEDS[correction.name] ?? []).includes(name)) {
      correction.apply(schema);
    }
  }
  return compilePipelineDefinitionSchema(schema);
}

interface CorrectionCase {
  /** The smallest definition that uses the corrected feature, as this builder writes it (the In condition, which it no longer writes, as a definition from elsewhere holds it). */
  readonly definition: () => PipelineDefinition;
  /** Ways to break the feature in that definition's JSON; the corrected schema must reject each. */
  readonly malformed: Record<string, (json: Json) => void>;
}

const thresholdCheck = (json: Json) => json.Steps[1].Arguments.Conditions[0];

/** One case per entry of SCHEMA_CORRECTIONS. */
const CASES: Record<string, CorrectionCase> = {
  'Std:JsonGet': {
    definition: () => {
      const { step, report } = evaluationStep();
      return new PipelineDefinition({
        steps: [step, new ConditionStep({ name: 'CheckAuc', conditions: [Condition.greaterThanOrEqualTo(report.get('classification_metrics.auc_score.value'), 0.75)], ifSteps: [failStep()] })],
      });
    },
    malformed: {
      'an extra key beside Path': (json) => { thresholdCheck(json).LeftValue['Std:JsonGet'].Extra = 1; },
      'an extra key beside Std:JsonGet': (json) => { thresholdCheck(json).LeftValue.Extra = 1; },
      'no Path': (json) => { delete thresholdCheck(json).LeftValue['Std:JsonGet'].Path; },
      'a PropertyFile that is not a Get': (json) => { thresholdCheck(json).LeftValue['Std:JsonGet'].PropertyFile = 'Steps.Evaluate.PropertyFiles.EvaluationReport'; },
      'a Path that is not a string': (json) => { thresholdCheck(json).LeftValue['Std:JsonGet'].Path = ['classification_metrics']; },
    },
  },
  'PropertyFiles': {
    definition: () => new PipelineDefinition({ steps: [evaluationStep().step] }),
    malformed: {
      'an item missing FilePath': (json) => { delete json.Steps[0].PropertyFiles[0].FilePath; },
      'an item with an extra key': (json) => { json.Steps[0].PropertyFiles[0].Format = 'json'; },
      'a PropertyFileName with a space': (json) => { json.Steps[0].PropertyFiles[0].PropertyFileName = 'Evaluation Report'; },
      'an empty OutputName': (json) => { json.Steps[0].PropertyFiles[0].OutputName = ''; },
      'PropertyFiles that is not a list': (json) => { json.Steps[0].PropertyFiles = json.Steps[0].PropertyFiles[0]; },
    },
  },
  'Std:Join': {
    definition: () => new PipelineDefinition({
      steps: [new FailStep({ name: 'Fail', errorMessage: new Join(' ', ['execution', ExecutionVariable.PIPELINE_EXECUTION_ID, 'failed', 3]) })],
    }),
    malformed: {
      'an extra key beside On and Values': (json) => { json.Steps[0].Arguments.ErrorMessage['Std:Join'].Extra = 1; },
      'a value that is an object': (json) => { json.Steps[0].Arguments.ErrorMessage['Std:Join'].Values.push({ Foo: 1 }); },
      'no Values': (json) => { delete json.Steps[0].Arguments.ErrorMessage['Std:Join'].Values; },
      'On that is not a string': (json) => { json.Steps[0].Arguments.ErrorMessage['Std:Join'].On = 1; },
    },
  },
  'RetryPolicy.ExceptionType': {
    definition: () => new PipelineDefinition({
      steps: [processingStep({ retryPolicies: [{ exceptionTypes: ['SageMaker.CAPACITY_ERROR', 'Step.THROTTLING'], maxAttempts: 3 }] })],
    }),
    malformed: {
      'an ExceptionType not in the enum': (json) => { json.Steps[0].RetryPolicies[0].ExceptionType.push('SageMaker.OUT_OF_LUCK'); },
      'an empty ExceptionType list': (json) => { json.Steps[0].RetryPolicies[0].ExceptionType = []; },
      'a MaxAttempts that is not an integer': (json) => { json.Steps[0].RetryPolicies[0].MaxAttempts = 'three'; },
    },
  },
  'TrainingStep Environment': {
    definition: () => new PipelineDefinition({ steps: [trainingStep({ environment: { MLFLOW_TRACKING_URI: MLFLOW_ARN } })] }),
    malformed: {
      'an Environment value that is an object': (json) => { json.Steps[0].Arguments.Environment.MLFLOW_TRACKING_URI = { Uri: MLFLOW_ARN }; },
      'an Environment name that is not a variable name': (json) => { json.Steps[0].Arguments.Environment['1-TRACKING'] = 'x'; },
    },
  },
  'RegisterModel ModelApprovalStatus and CustomerMetadataProperties': {
    definition: () => new PipelineDefinition({ steps: [registerStep({ approvalStatus: 'Approved', customerMetadata: { commit: 'abc123' } })] }),
    malformed: {
      'ModelApprovalStatus "Maybe"': (json) => { json.Steps[0].Arguments.ModelApprovalStatus = 'Maybe'; },
      'ModelApprovalStatus that is an object but not a Get': (json) => { json.Steps[0].Arguments.ModelApprovalStatus = { Status: 'Approved' }; },
      'a CustomerMetadataProperties value that is an object': (json) => { json.Steps[0].Arguments.CustomerMetadataProperties.commit = { sha: 'abc123' }; },
      'a CustomerMetadataProperties key with a character CreateModelPackage does not allow': (json) => {
        json.Steps[0].Arguments.CustomerMetadataProperties['commit#sha'] = 'abc123';
      },
    },
  },
  // SageMaker's Python SDK, sagemaker.workflow.parameters.ParameterString.to_request, writes
  // enum_values as EnumValues; the developer guide's "Pipeline parameters" page does not list the
  // field (the published JSON schema neither), so the SDK is the reference it encodes.
  'StringParameter EnumValues': {
    definition: () => {
      const status = new ParameterString({ name: 'ModelApprovalStatus', defaultValue: 'PendingManualApproval', allowedValues: ['PendingManualApproval', 'Approved'] });
      return new PipelineDefinition({ parameters: [status], steps: [registerStep({ approvalStatus: status })] });
    },
    malformed: {
      'an empty EnumValues': (json) => { json.Parameters[0].EnumValues = []; },
      'an EnumValues item that is not a string': (json) => { json.Parameters[0].EnumValues.push(3); },
      'EnumValues that is a string': (json) => { json.Parameters[0].EnumValues = 'Approved'; },
      'a repeated EnumValues item': (json) => { json.Parameters[0].EnumValues.push('Approved'); },
    },
  },
  // Condition.in() writes equalities (src/pipeline-definition/conditions.ts); a definition from elsewhere may hold the
  // schema's In, which the validators and the local run still take: the step's condition is replaced by one here.
  'InCondition oneOf': {
    definition: () => {
      const stage = new ParameterString({ name: 'Stage', defaultValue: 'dev' });
      const built = new PipelineDefinition({
        parameters: [stage],
        steps: [new ConditionStep({ name: 'CheckStage', conditions: [Condition.equals(stage, 'dev')], ifSteps: [failStep()] })],
      });
      return {
        toJSON: () => {
          const json: Json = built.toJSON();
          json.Steps[0].Arguments.Conditions = [{ Type: 'In', Value: { Get: 'Parameters.Stage' }, In: ['dev', 'test', 3] }];
          return json;
        },
      } as PipelineDefinition;
    },
    malformed: {
      'an In item that is an object but not a Get': (json) => { json.Steps[0].Arguments.Conditions[0].In.push({ Foo: 1 }); },
      'a Value that is a list': (json) => { json.Steps[0].Arguments.Conditions[0].Value = ['dev']; },
      'no In': (json) => { delete json.Steps[0].Arguments.Conditions[0].In; },
      'an unknown Type': (json) => { json.Steps[0].Arguments.Conditions[0].Type = 'Contains'; },
    },
  },
};

describe('the vendored schema', () => {
  test('is the published file, unchanged (sha256)', () => {
    const sha256 = createHash('sha256').update(fs.readFileSync(PIPELINE_DEFINITION_SCHEMA_FILE)).digest('hex');
    expect(sha256).toBe(PIPELINE_DEFINITION_SCHEMA_SHA256);
  });

  test('is read fresh each time: corrections do not leak into the published schema', () => {
    correctedPipelineDefinitionSchema();
    expect(publishedPipelineDefinitionSchema().definitions).not.toHaveProperty('JsonGetFunction');
    expect(correctedPipelineDefinitionSchema().definitions).toHaveProperty('JsonGetFunction');
  });

  test('a definition without any corrected feature passes both schemas', () => {
    const json = new PipelineDefinition({ steps: [processingStep(), trainingStep(), failStep()] }).toJSON();
    expect(published(json)).toBe(true);
    expect(corrected(json)).toBe(true);
  });
});

describe('the default player-churn pipeline', () => {
  test.each([
    ['without MLflow', playerChurnProps()],
    ['with an MLflow tracking server', playerChurnProps({ mlflow: MLFLOW_TRACKING })],
  ])('%s has no errors against the corrected schema', (_name, props) => {
    const json = playerChurnPipeline(props).toJSON();
    expect(pipelineDefinitionSchemaErrors(json)).toEqual([]);
    expect(() => assertValidPipelineDefinition(json)).not.toThrow();
  });

  test('is rejected by the published schema (which is why the corrections exist)', () => {
    expect(published(playerChurnPipeline(playerChurnProps()).toJSON())).toBe(false);
  });
});

describe('SCHEMA_CORRECTIONS', () => {
  test('each correction has a name, a reason and a case below', () => {
    for (const correction of SCHEMA_CORRECTIONS) {
      expect(correction.name).not.toBe('');
      expect(correction.why.length).toBeGreaterThan(20);
    }
    expect(Object.keys(CASES).sort()).toEqual(SCHEMA_CORRECTIONS.map((c) => c.name).sort());
  });

  describe.each(SCHEMA_CORRECTIONS.map((c) => c.name))('%s', (name) => {
    const { definition, malformed } = CASES[name];

    test('is needed: a definition using the feature fails the published schema and passes the corrected one', () => {
      const json = definition().toJSON();
      expect(published(json)).toBe(false);
      expect(pipelineDefinitionSchemaErrors(json)).toEqual([]);
    });

    test('is needed on its own: every other correction applied, the definition still fails', () => {
      expect(schemaWithout(name)(definition().toJSON())).toBe(false);
    });

    test.each(Object.keys(malformed))('is narrow: %s still fails the corrected schema', (variant) => {
      const json: Json = definition().toJSON();
      malformed[variant](json);
      expect(corrected(json)).toBe(false);
      expect(pipelineDefinitionSchemaErrors(json)).not.toEqual([]);
    });
  });
});

describe('pipelineDefinitionSchemaErrors', () => {
  test('names the path and the unknown key of a broken step', () => {
    const json: Json = new PipelineDefinition({ steps: [trainingStep()] }).toJSON();
    json.Steps[0].Arguments.Foo = 'bar';
    const errors = pipelineDefinitionSchemaErrors(json);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('/Steps/0/Arguments');
    expect(errors[0]).toContain('Foo');
  });

  test('names the path of a broken step inside a condition branch', () => {
    const check = new ConditionStep({ name: 'Check', conditions: [Condition.equals(1, 1)], ifSteps: [failStep()], elseSteps: [trainingStep()] });
    const json: Json = new PipelineDefinition({ steps: [processingStep(), check] }).toJSON();
    json.Steps[1].Arguments.ElseSteps[0].Arguments.ResourceConfig.InstanceCount = 'two';
    const errors = pipelineDefinitionSchemaErrors(json);
    expect(errors).toContain('/Steps/1/Arguments/ElseSteps/0/Arguments/ResourceConfig/InstanceCount must be integer');
    expect(errors.every((e) => e.startsWith('/Steps/1/Arguments/ElseSteps/0'))).toBe(true);
  });

  test('names a step type the schema does not have', () => {
    const json: Json = new PipelineDefinition({ steps: [failStep()] }).toJSON();
    json.Steps[0].Type = 'Sleep';
    expect(pipelineDefinitionSchemaErrors(json)).toEqual([expect.stringMatching(/^\/Steps\/0\/Type "Sleep" is not a step type of the schema; types: Processing, Training/)]);
  });

  test('names document-level problems', () => {
    const json: Json = new PipelineDefinition({ steps: [failStep()] }).toJSON();
    json.Version = '2021-01-01';
    expect(pipelineDefinitionSchemaErrors(json)).toEqual([expect.stringMatching(/^\/Version must be equal to one of the allowed values/)]);
  });

  test('is empty for a valid definition', () => {
    expect(pipelineDefinitionSchemaErrors(new PipelineDefinition({ steps: [failStep()] }).toJSON())).toEqual([]);
  });
});

describe('the precompiled validator', () => {
  test('is the fresh standalone code of the corrected schema (regenerate: npx projen schema-validators)', () => {
    expect(fs.readFileSync(SCHEMA_VALIDATORS_FILE, 'utf-8') === renderSchemaValidators()).toBe(true);
  });

  test('is shipped with the schema', () => {
    const files: string[] = JSON.parse(fs.readFileSync(`${__dirname}/../../package.json`, 'utf-8')).files;
    expect(files).toContain('schemas/');
    expect(SCHEMA_VALIDATORS_FILE).toMatch(/\/schemas\/pipeline-definition\.validators\.js$/);
  });

  test('decides as the schema compiled at run time does, valid and broken definitions alike', () => {
    const valid: Json = playerChurnPipeline(playerChurnProps()).toJSON();
    const broken: Json[] = [
      (() => { const j = structuredClone(valid); j.Steps[0].Arguments.Foo = 'bar'; return j; })(),
      (() => { const j = structuredClone(valid); j.Version = '2021-01-01'; return j; })(),
      (() => { const j = structuredClone(valid); j.Parameters.push({ Name: 'x y', Type: 'String' }); return j; })(),
      (() => { const j = structuredClone(valid); delete j.Steps; return j; })(),
    ];
    expect(corrected(valid)).toBe(true);
    expect(pipelineDefinitionSchemaErrors(valid)).toEqual([]);
    for (const json of broken) {
      expect(corrected(json)).toBe(false);
      expect(pipelineDefinitionSchemaErrors(json)).not.toEqual([]);
    }
  });

  test('a step type named like an Object property is not a schema definition', () => {
    const json: Json = new PipelineDefinition({ steps: [failStep()] }).toJSON();
    json.Steps[0].Type = 'constructor';
    expect(pipelineDefinitionSchemaErrors(json)).toEqual([expect.stringMatching(/^\/Steps\/0\/Type "constructor" is not a step type of the schema/)]);
  });
});

describe('assertValidPipelineDefinition', () => {
  test('throws a PipelineDefinitionError listing the problems', () => {
    const json: Json = new PipelineDefinition({ steps: [trainingStep()] }).toJSON();
    json.Steps[0].Arguments.Foo = 'bar';
    const err = errorOf(() => assertValidPipelineDefinition(json));
    expect(err).toBeInstanceOf(PipelineDefinitionError);
    expect(err.message).toMatch(/^the pipeline definition does not match SageMaker's schema:\n {2}\/Steps\/0\/Arguments .*\(Foo\)$/);
  });

  test('passes a valid definition', () => {
    expect(() => assertValidPipelineDefinition(new PipelineDefinition({ steps: [failStep()] }).toJSON())).not.toThrow();
  });
});
