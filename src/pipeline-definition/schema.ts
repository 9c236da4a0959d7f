import * as fs from 'node:fs';
import * as path from 'node:path';
import type Ajv from 'ajv';
import type { ErrorObject, Options, ValidateFunction } from 'ajv';
import { PipelineDefinitionError } from './errors';
import { SCHEMA_CORRECTIONS, Schema } from './schema-corrections';

/**
 * The JSON schema AWS publishes for pipeline definitions, unchanged: repository
 * aws-sagemaker-mlops/sagemaker-model-building-pipeline-definition-JSON-schema, file
 * schema/pipeline-definition.schema.json, commit b4012b0 (2025-04-03); the schema the
 * SageMaker API reference links from CreatePipeline.PipelineDefinition.
 */
export const PIPELINE_DEFINITION_SCHEMA_FILE = path.join(__dirname, '..', '..', 'schemas', 'pipeline-definition.schema.json');
/** sha256 of that file, so a test can prove the copy is untouched. */
export const PIPELINE_DEFINITION_SCHEMA_SHA256 = '35633f4376dda695d1847bd16d72d3b3d9201f0106e75107eafbeef11ef5ce30';

export { SCHEMA_CORRECTIONS } from './schema-corrections';

interface Validators {
  readonly document: ValidateFunction;
  readonly step: (type: unknown) => ValidateFunction | undefined;
}

let validators: Validators | undefined;

/** Which schema definition describes each step `Type`. */
const STEP_DEFINITIONS: Readonly<Record<string, string>> = {
  Processing: 'ProcessingStep', Training: 'TrainingStep', Condition: 'ConditionStep', RegisterModel: 'RegisterModelStep',
  Model: 'CreateModelStep', Transform: 'TransformStep', Fail: 'FailStep', Lambda: 'LambdaStep', Callback: 'CallbackStep',
  Tuning: 'TuningStep', ClarifyCheck: 'ClarifyCheckStep', QualityCheck: 'QualityCheckStep', EMR: 'EMRStep', AutoML: 'AutoMLStep',
  Endpoint: 'EndpointStep', EndpointConfig: 'EndpointConfigStep',
};

/** The schema definition of a step `Type`; undefined for a type the schema does not know. */
function stepDefinition(type: unknown): string | undefined {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(STEP_DEFINITIONS, type) ? STEP_DEFINITIONS[type] : undefined;
}

/**
 * The corrected schema's document validator, precompiled: ajv's standalone code, a CommonJS module
 * next to the schema. `npx projen schema-validators` regenerates it.
 */
export const SCHEMA_VALIDATORS_FILE = path.join(__dirname, '..', '..', 'schemas', 'pipeline-definition.validators.js');

const SCHEMA_ID = 'pipeline-definition';

/**
 * A new ajv instance for the schema: draft-07, every error reported, unknown keywords allowed.
 * ajv is loaded on first use: a synth validates with the precompiled validator, and loading ajv
 * and compiling the schema added 0.1 to 0.2 s to every synth.
 */
function schemaAjv(extra: Options = {}): Ajv {
  const { default: AjvClass } = require('ajv') as typeof import('ajv');
  return new AjvClass({ allErrors: true, strict: false, ...extra });
}

/**
 * The source of {@link SCHEMA_VALIDATORS_FILE}: ajv's standalone code for the corrected schema's
 * document validator. A test fails when the committed file differs from this.
 */
export function renderSchemaValidators(): string {
  const ajv = schemaAjv({ code: { source: true, lines: true } });
  ajv.addSchema(correctedPipelineDefinitionSchema(), SCHEMA_ID);
  const { default: standaloneCode } = require('ajv/dist/standalone') as typeof import('ajv/dist/standalone');
  return [
    '/* eslint-disable */',
    '// Generated from pipeline-definition.schema.json with SCHEMA_CORRECTIONS (src/pipeline-definition/schema-corrections.ts)',
    '// by ajv\'s standalone code generator, so that synths do not compile the schema. Do not edit:',
    '// regenerate with `npx projen schema-validators`.',
    standaloneCode(ajv, { document: SCHEMA_ID }),
    '',
  ].join('\n');
}

/**
 * The document validator is precompiled ({@link SCHEMA_VALIDATORS_FILE}); the per-step validators
 * that explain a failure are compiled when a definition first fails, which a valid synth never does.
 */
function projectValidators(): Validators {
  const { document } = require(SCHEMA_VALIDATORS_FILE) as { document: ValidateFunction };
  let ajv: Ajv | undefined;
  const steps = new Map<string, ValidateFunction>();
  return {
    document,
    step: (type) => {
      const name = stepDefinition(type);
      if (name === undefined) {
        return undefined;
      }
      if (!steps.has(name)) {
        if (ajv === undefined) {
          ajv = schemaAjv();
          ajv.addSchema(correctedPipelineDefinitionSchema(), SCHEMA_ID);
        }
        steps.set(name, ajv.getSchema(`${SCHEMA_ID}#/definitions/${name}`)!);
      }
      return steps.get(name);
    },
  };
}

/** The published schema with {@link SCHEMA_CORRECTIONS} applied. */
export function correctedPipelineDefinitionSchema(): Schema {
  const schema = publishedPipelineDefinitionSchema();
  for (const correction of SCHEMA_CORRECTIONS) {
    correction.apply(schema);
  }
  return schema;
}

/** The published schema as AWS ships it. */
export function publishedPipelineDefinitionSchema(): Schema {
  const schema = JSON.parse(fs.readFileSync(PIPELINE_DEFINITION_SCHEMA_FILE, 'utf-8'));
  // "http://json-schema.org/schema#" names no draft; the schema is written for draft-07.
  delete schema.$schema;
  return schema;
}

/** Compiles a schema for pipeline definitions (draft-07, every error reported). */
export function compilePipelineDefinitionSchema(schema: Schema): ValidateFunction {
  return schemaAjv().compile(schema);
}

/** The problems of a definition against the corrected schema; empty when it is valid. */
export function pipelineDefinitionSchemaErrors(definition: unknown): string[] {
  validators ??= projectValidators();
  if (validators.document(definition)) {
    return [];
  }
  return explainErrors(definition, validators);
}

/**
 * The whole-document errors of a `oneOf` list of steps name every step kind the step is not;
 * validating each step against the definition of its own `Type` names what is wrong with it.
 */
function explainErrors(definition: unknown, v: Validators): string[] {
  const messages = formatSchemaErrors((v.document.errors ?? []).filter((e) => !e.instancePath.startsWith('/Steps/')));
  const steps = (definition as { Steps?: unknown }).Steps;
  const visit = (step: any, where: string) => {
    const validate = v.step(step?.Type);
    if (validate === undefined) {
      messages.push(`${where}/Type ${JSON.stringify(step?.Type)} is not a step type of the schema; types: ${Object.keys(STEP_DEFINITIONS).join(', ')}`);
      return;
    }
    if (!validate(step)) {
      const own = (validate.errors ?? []).filter((e) => !/^\/Arguments\/(IfSteps|ElseSteps)\/\d+\//.test(e.instancePath));
      messages.push(...formatSchemaErrors(own).map((m) => `${where}${m === '/' ? '' : m}`));
    }
    for (const branch of ['IfSteps', 'ElseSteps']) {
      const nested = step?.Type === 'Condition' ? step?.Arguments?.[branch] : undefined;
      (Array.isArray(nested) ? nested : []).forEach((child: unknown, i: number) => visit(child, `${where}/Arguments/${branch}/${i}`));
    }
  };
  (Array.isArray(steps) ? steps : []).forEach((step, i) => visit(step, `/Steps/${i}`));
  return messages.length > 0 ? messages : formatSchemaErrors(v.document.errors ?? []);
}

/** Throws a PipelineDefinitionError listing the schema problems of a definition. */
export function assertValidPipelineDefinition(definition: unknown): void {
  const errors = pipelineDefinitionSchemaErrors(definition);
  if (errors.length > 0) {
    throw new PipelineDefinitionError(`the pipeline definition does not match SageMaker's schema:\n  ${errors.join('\n  ')}`);
  }
}

/**
 * ajv reports every branch of every oneOf; keep the deepest problems, which name the field
 * that is wrong, and say where each is.
 */
export function formatSchemaErrors(errors: readonly ErrorObject[]): string[] {
  if (errors.length === 0) {
    return [];
  }
  const deepest = Math.max(...errors.map((e) => e.instancePath.split('/').length));
  const messages = errors
    .filter((e) => e.instancePath.split('/').length === deepest)
    .map((e) => {
      const extra = e.keyword === 'additionalProperties' ? ` (${(e.params as { additionalProperty: string }).additionalProperty})` : '';
      return `${e.instancePath || '/'} ${e.message}${extra}`;
    });
  return [...new Set(messages)];
}
