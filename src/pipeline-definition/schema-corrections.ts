/** A JSON schema, as parsed. */
export type Schema = Record<string, any>;

/**
 * Where the published schema rejects definitions that SageMaker accepts and documents, and
 * that this builder must write. Each correction is as narrow as the gap; nothing else in the
 * schema is loosened.
 */
export const SCHEMA_CORRECTIONS: ReadonlyArray<{ readonly name: string; readonly why: string; readonly apply: (schema: Schema) => void }> = [
  {
    name: 'Std:JsonGet',
    why: 'the schema has no Std:JsonGet, which SageMaker evaluates and its Python SDK writes for every condition on a property file',
    apply: (schema) => {
      schema.definitions.JsonGetFunction = {
        type: 'object',
        properties: {
          'Std:JsonGet': {
            type: 'object',
            properties: { PropertyFile: { $ref: '#/definitions/GetFunction' }, Path: { type: 'string' } },
            required: ['PropertyFile', 'Path'],
            additionalProperties: false,
          },
        },
        required: ['Std:JsonGet'],
        additionalProperties: false,
      };
      for (const name of ['StringArgumentValue', 'IntegerArgumentValue', 'FloatArgumentValue', 'BooleanArgumentValue']) {
        schema.definitions[name].oneOf.push({ $ref: '#/definitions/JsonGetFunction' });
      }
    },
  },
  {
    name: 'PropertyFiles',
    why: 'a processing step declares the JSON files that Std:JsonGet reads in a step-level PropertyFiles list, which the schema does not have (so no definition with Std:JsonGet could pass it)',
    apply: (schema) => {
      schema.definitions.ProcessingStep.properties.PropertyFiles = {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            PropertyFileName: { $ref: '#/definitions/StepName' },
            OutputName: { type: 'string', minLength: 1 },
            FilePath: { type: 'string', minLength: 1 },
          },
          required: ['PropertyFileName', 'OutputName', 'FilePath'],
          additionalProperties: false,
        },
      };
    },
  },
  {
    name: 'Std:Join',
    why: 'the schema defines JoinFunction (with its Values under a misplaced key) but never allows it as a value; SageMaker evaluates Std:Join wherever a string goes',
    apply: (schema) => {
      schema.definitions.JoinFunction = {
        type: 'object',
        properties: {
          'Std:Join': {
            type: 'object',
            properties: {
              On: { type: 'string' },
              Values: {
                type: 'array',
                items: {
                  anyOf: [
                    { type: ['string', 'number', 'boolean'] },
                    { $ref: '#/definitions/GetFunction' },
                    { $ref: '#/definitions/JsonGetFunction' },
                  ],
                },
              },
            },
            required: ['Values'],
            additionalProperties: false,
          },
        },
        required: ['Std:Join'],
        additionalProperties: false,
      };
      schema.definitions.StringArgumentValue.oneOf.push({ $ref: '#/definitions/JoinFunction' });
    },
  },
  {
    name: 'RetryPolicy.ExceptionType',
    why: 'SageMaker documents ExceptionType as a list of exception types ("ExceptionType": [String]); the schema has a single string',
    apply: (schema) => {
      const policy = schema.definitions.RetryPolicy;
      policy.properties.ExceptionType = { type: 'array', minItems: 1, items: policy.properties.ExceptionType };
    },
  },
  {
    name: 'TrainingStep Environment',
    why: 'CreateTrainingJob takes Environment (a map of strings, as processing jobs do), which the schema leaves out of the training arguments',
    apply: (schema) => {
      schema.definitions.TrainingStep.properties.Arguments.properties.Environment = {
        type: 'object',
        maxProperties: 100,
        patternProperties: { '^[a-zA-Z_][a-zA-Z0-9_]{0,511}$': { $ref: '#/definitions/StringArgumentValue' } },
        additionalProperties: false,
      };
    },
  },
  {
    name: 'RegisterModel ModelApprovalStatus and CustomerMetadataProperties',
    why: 'CreateModelPackage takes both and SageMaker\'s Python SDK writes ModelApprovalStatus into every RegisterModel step; the schema lists neither, so no version could be registered for review',
    apply: (schema) => {
      const args = schema.definitions.RegisterModelStep.properties.Arguments.properties;
      args.ModelApprovalStatus = {
        oneOf: [{ type: 'string', enum: ['Approved', 'Rejected', 'PendingManualApproval'] }, { $ref: '#/definitions/GetFunction' }],
      };
      args.CustomerMetadataProperties = {
        type: 'object',
        maxProperties: 50,
        patternProperties: { '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$': { $ref: '#/definitions/StringArgumentValue' } },
        additionalProperties: false,
      };
    },
  },
  {
    name: 'StringParameter EnumValues',
    why: 'a String parameter declares the values an execution may set as EnumValues, which SageMaker\'s Python SDK writes (ParameterString enum_values) and SageMaker checks when an execution starts; the schema\'s StringParameter has no EnumValues',
    apply: (schema) => {
      schema.definitions.StringParameter.properties.EnumValues = {
        type: 'array',
        minItems: 1,
        uniqueItems: true,
        items: { type: 'string', maxLength: 4096 },
      };
    },
  },
  {
    name: 'InCondition oneOf',
    why: 'In/NotIn take each value with oneOf over the four argument types, which all accept a Get and overlap on numbers, so a parameter or a number could never match exactly one; anyOf is what the other conditions use',
    apply: (schema) => {
      const props = schema.definitions.InCondition.properties;
      props.Value = { anyOf: props.Value.oneOf };
      props.In.items = { anyOf: props.In.items.oneOf };
    },
  },
];
