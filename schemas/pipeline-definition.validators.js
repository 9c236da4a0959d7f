/* eslint-disable */
// Generated from pipeline-definition.schema.json with SCHEMA_CORRECTIONS (src/pipeline-definition/schema-corrections.ts)
// by ajv's standalone code generator, so that synths do not compile the schema. Do not edit:
// regenerate with `npx projen schema-validators`.
"use strict";
exports.document = validate10;
const schema11 = {"$id":"https://github.com/jerrypeng7773/sagemaker-model-building-pipeline-definition-JSON-schema/schema/","title":"SageMaker Pipeline Definition JSON Schema","type":"object","definitions":{"ParameterName":{"type":"string","pattern":"^[A-Za-z0-9\\-_]{1,64}$"},"ParameterDescription":{"type":"string","minLength":0,"maxLength":4096},"StringParameter":{"properties":{"Name":{"$ref":"#/definitions/ParameterName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"DefaultValue":{"type":"string","maxLength":4096},"Type":{"type":"string","enum":["String"]},"EnumValues":{"type":"array","minItems":1,"uniqueItems":true,"items":{"type":"string","maxLength":4096}}},"required":["Name"],"additionalProperties":false},"IntegerParameter":{"properties":{"Name":{"$ref":"#/definitions/ParameterName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"DefaultValue":{"type":"integer"},"Type":{"type":"string","enum":["Integer"]}},"required":["Name","Type"],"additionalProperties":false},"FloatParameter":{"properties":{"Name":{"$ref":"#/definitions/ParameterName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"DefaultValue":{"type":"number"},"Type":{"type":"string","enum":["Float"]}},"required":["Name","Type"],"additionalProperties":false},"BooleanParameter":{"properties":{"Name":{"$ref":"#/definitions/ParameterName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"DefaultValue":{"type":"boolean"},"Type":{"type":"string","enum":["Boolean"]}},"required":["Name","Type"],"additionalProperties":false},"GetFunction":{"type":"object","properties":{"Get":{"type":"string"}},"required":["Get"],"additionalProperties":false},"JoinFunction":{"type":"object","properties":{"Std:Join":{"type":"object","properties":{"On":{"type":"string"},"Values":{"type":"array","items":{"anyOf":[{"type":["string","number","boolean"]},{"$ref":"#/definitions/GetFunction"},{"$ref":"#/definitions/JsonGetFunction"}]}}},"required":["Values"],"additionalProperties":false}},"required":["Std:Join"],"additionalProperties":false},"StringArgumentValue":{"oneOf":[{"type":"string"},{"$ref":"#/definitions/GetFunction"},{"$ref":"#/definitions/JsonGetFunction"},{"$ref":"#/definitions/JoinFunction"}]},"IntegerArgumentValue":{"oneOf":[{"type":"integer"},{"$ref":"#/definitions/GetFunction"},{"$ref":"#/definitions/JsonGetFunction"}]},"FloatArgumentValue":{"oneOf":[{"type":"number"},{"$ref":"#/definitions/GetFunction"},{"$ref":"#/definitions/JsonGetFunction"}]},"BooleanArgumentValue":{"oneOf":[{"type":"boolean"},{"$ref":"#/definitions/GetFunction"},{"$ref":"#/definitions/JsonGetFunction"}]},"StepName":{"type":"string","pattern":"^[A-Za-z0-9\\-_]{1,64}$"},"BinaryCondition":{"type":"object","properties":{"LeftValue":{"anyOf":[{"$ref":"#/definitions/StringArgumentValue"},{"$ref":"#/definitions/BooleanArgumentValue"},{"$ref":"#/definitions/IntegerArgumentValue"},{"$ref":"#/definitions/FloatArgumentValue"}]},"RightValue":{"anyOf":[{"$ref":"#/definitions/StringArgumentValue"},{"$ref":"#/definitions/BooleanArgumentValue"},{"$ref":"#/definitions/IntegerArgumentValue"},{"$ref":"#/definitions/FloatArgumentValue"}]},"Type":{"type":"string","enum":["GreaterThan","LessThan","LessThanOrEqualTo","GreaterThanOrEqualTo","Equals","NotEquals"]}},"required":["Type","LeftValue","RightValue"],"additionalProperties":false},"InCondition":{"type":"object","properties":{"Type":{"type":"string","enum":["In","NotIn"]},"Value":{"anyOf":[{"$ref":"#/definitions/StringArgumentValue"},{"$ref":"#/definitions/BooleanArgumentValue"},{"$ref":"#/definitions/IntegerArgumentValue"},{"$ref":"#/definitions/FloatArgumentValue"}]},"In":{"type":"array","items":{"anyOf":[{"$ref":"#/definitions/StringArgumentValue"},{"$ref":"#/definitions/BooleanArgumentValue"},{"$ref":"#/definitions/IntegerArgumentValue"},{"$ref":"#/definitions/FloatArgumentValue"}]}}},"required":["Type","Value","In"],"additionalProperties":false},"OrCondition":{"type":"object","properties":{"Type":{"type":"string","enum":["Or"]},"Conditions":{"type":"array","items":{"anyOf":[{"$ref":"#/definitions/BinaryCondition"},{"$ref":"#/definitions/InCondition"}]}}},"required":["Type","Conditions"],"additionalProperties":false},"RetryPolicy":{"type":"object","properties":{"ExceptionType":{"type":"array","minItems":1,"items":{"type":"string","enum":["Step.SERVICE_FAULT","Step.THROTTLING","SageMaker.JOB_INTERNAL_ERROR","SageMaker.CAPACITY_ERROR","SageMaker.RESOURCE_LIMIT","Emr.RESOURCE_LIMIT"]}},"IntervalSeconds":{"type":"integer"},"BackoffRate":{"type":"number"},"ExpireAfterMin":{"type":"integer"},"MaxAttempts":{"type":"integer"}},"required":["ExceptionType"],"additionalProperties":false},"VpcConfig":{"type":"object","properties":{"SecurityGroupIds":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}},"Subnets":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}}},"additionalProperties":false},"CacheConfig":{"type":"object","properties":{"Enabled":{"type":"boolean"},"ExpireAfter":{"type":"string","description":"ISO 8601 duration string"}},"required":[],"additionalProperties":false},"Tag":{"type":"object","properties":{"Key":{"$ref":"#/definitions/StringArgumentValue"},"Value":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"ProductionVariants":{"type":"array","items":{"type":"object","properties":{"VariantName":{"$ref":"#/definitions/StringArgumentValue"},"AcceleratorType":{"$ref":"#/definitions/StringArgumentValue"},"ContainerStartupHealthCheckTimeoutInSeconds":{"$ref":"#/definitions/IntegerArgumentValue"},"CoreDumpConfig":{"type":"object","properties":{"DestinationS3Uri":{"$ref":"#/definitions/StringArgumentValue"},"KmsKeyId":{"$ref":"#/definitions/StringArgumentValue"}},"required":["DestinationS3Uri"],"additionalProperties":false},"EnableSSMAccess":{"$ref":"#/definitions/BooleanArgumentValue"},"InferenceAmiVersion":{"$ref":"#/definitions/StringArgumentValue"},"InitialInstanceCount":{"$ref":"#/definitions/IntegerArgumentValue"},"InitialVariantWeight":{"$ref":"#/definitions/IntegerArgumentValue"},"InstanceType":{"$ref":"#/definitions/StringArgumentValue"},"ManagedInstanceScaling":{"type":"object","properties":{"MaxInstanceCount":{"$ref":"#/definitions/IntegerArgumentValue"},"MinInstanceCount":{"$ref":"#/definitions/IntegerArgumentValue"},"Status":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"ModelDataDownloadTimeoutInSeconds":{"$ref":"#/definitions/IntegerArgumentValue"},"ModelName":{"$ref":"#/definitions/StringArgumentValue"},"RoutingConfig":{"type":"object","properties":{"RoutingStrategy":{"$ref":"#/definitions/StringArgumentValue"}},"required":["RoutingStrategy"],"additionalProperties":false},"ServerlessConfig":{"type":"object","properties":{"MaxConcurrency":{"$ref":"#/definitions/IntegerArgumentValue"},"MemorySizeInMB":{"$ref":"#/definitions/IntegerArgumentValue"},"ProvisionedConcurrency":{"$ref":"#/definitions/IntegerArgumentValue"}},"required":["MaxConcurrency","MemorySizeInMB"],"additionalProperties":false},"VolumeSizeInGB":{"$ref":"#/definitions/IntegerArgumentValue"}},"required":["VariantName"],"additionalProperties":false},"minItems":1,"maxItems":10},"ParameterRanges":{"type":"object","properties":{"CategoricalParameterRanges":{"type":"array","items":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StringArgumentValue"},"Values":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}}},"required":["Name","Values"],"additionalProperties":false},"minItems":0,"maxItems":20},"IntegerParameterRanges":{"type":"array","items":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StringArgumentValue"},"MinValue":{"$ref":"#/definitions/StringArgumentValue"},"MaxValue":{"$ref":"#/definitions/StringArgumentValue"},"ScalingType":{"type":"string","enum":["Auto","Linear","Logarithmic","ReverseLogarithmic"]}},"required":["Name","MinValue","MaxValue"],"additionalProperties":false},"minItems":0,"maxItems":20},"ContinuousParameterRanges":{"type":"array","items":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StringArgumentValue"},"MinValue":{"$ref":"#/definitions/StringArgumentValue"},"MaxValue":{"$ref":"#/definitions/StringArgumentValue"},"ScalingType":{"type":"string","enum":["Auto","Linear","Logarithmic","ReverseLogarithmic"]}},"required":["Name","MinValue","MaxValue"],"additionalProperties":false},"minItems":0,"maxItems":20}},"required":[],"additionalProperties":false},"HyperParameterTrainingJobDefinition":{"type":"object","properties":{"DefinitionName":{"$ref":"#/definitions/StringArgumentValue"},"AlgorithmSpecification":{"type":"object","properties":{"AlgorithmName":{"$ref":"#/definitions/StringArgumentValue"},"EnableSageMakerMetricsTimeSeries":{"$ref":"#/definitions/BooleanArgumentValue"},"MetricDefinitions":{"type":"array","items":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StringArgumentValue"},"Regex":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"TrainingImage":{"$ref":"#/definitions/StringArgumentValue"},"TrainingInputMode":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"CheckpointConfig":{"type":"object","properties":{"LocalPath":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"EnableInterContainerTrafficEncryption":{"$ref":"#/definitions/BooleanArgumentValue"},"EnableManagedSpotTraining":{"$ref":"#/definitions/BooleanArgumentValue"},"EnableNetworkIsolation":{"$ref":"#/definitions/BooleanArgumentValue"},"HyperParameterRanges":{"$ref":"#/definitions/ParameterRanges"},"InputDataConfig":{"type":"array","items":{"type":"object","properties":{"ChannelName":{"$ref":"#/definitions/StringArgumentValue"},"CompressionType":{"$ref":"#/definitions/StringArgumentValue"},"ContentType":{"$ref":"#/definitions/StringArgumentValue"},"DataSource":{"type":"object","properties":{"FileSystemDataSource":{"type":"object","properties":{"DirectoryPath":{"$ref":"#/definitions/StringArgumentValue"},"FileSystemAccessMode":{"$ref":"#/definitions/StringArgumentValue"},"FileSystemId":{"$ref":"#/definitions/StringArgumentValue"},"FileSystemType":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"S3DataSource":{"type":"object","properties":{"AttributeNames":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}},"S3DataDistributionType":{"$ref":"#/definitions/StringArgumentValue"},"S3DataType":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}}},"InputMode":{"$ref":"#/definitions/StringArgumentValue"},"RecordWrapperType":{"$ref":"#/definitions/StringArgumentValue"},"ShuffleConfig":{"type":"object","properties":{"Seed":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false}}}},"OutputDataConfig":{"type":"object","properties":{"KmsKeyId":{"$ref":"#/definitions/StringArgumentValue"},"S3OutputPath":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"ResourceConfig":{"type":"object","properties":{"InstanceCount":{"$ref":"#/definitions/IntegerArgumentValue"},"InstanceType":{"$ref":"#/definitions/StringArgumentValue"},"VolumeKmsKeyId":{"$ref":"#/definitions/StringArgumentValue"},"VolumeSizeInGB":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false},"RetryStrategy":{"type":"object","properties":{"MaximumRetryAttempts":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false},"RoleArn":{"$ref":"#/definitions/StringArgumentValue"},"StaticHyperParameters":{"type":"object"},"StoppingCondition":{"type":"object","properties":{"MaxRuntimeInSeconds":{"$ref":"#/definitions/IntegerArgumentValue"},"MaxWaitTimeInSeconds":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false},"TuningObjective":{"type":"object","properties":{"MetricName":{"$ref":"#/definitions/StringArgumentValue"},"Type":{"type":"string","enum":["Maximize","Minimize"]}},"required":["MetricName","Type"],"additionalProperties":false},"VpcConfig":{"$ref":"#/definitions/VpcConfig"}},"required":["AlgorithmSpecification","OutputDataConfig","ResourceConfig","RoleArn","StoppingCondition"],"additionalProperties":false},"ProcessingArgs":{"type":"object","properties":{"AppSpecification":{"type":"object","properties":{"ContainerArguments":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}},"ContainerEntrypoint":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}},"ImageUri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"Environment":{"type":"object","patternProperties":{".*":{"$ref":"#/definitions/StringArgumentValue"}}},"NetworkConfig":{"type":"object","properties":{"EnableInterContainerTrafficEncryption":{"$ref":"#/definitions/BooleanArgumentValue"},"EnableNetworkIsolation":{"$ref":"#/definitions/BooleanArgumentValue"},"VpcConfig":{"$ref":"#/definitions/VpcConfig"}},"additionalProperties":false},"ProcessingInputs":{"type":"array","items":{"type":"object","properties":{"InputName":{"$ref":"#/definitions/StringArgumentValue"},"S3Input":{"type":"object","properties":{"LocalPath":{"$ref":"#/definitions/StringArgumentValue"},"S3CompressionType":{"$ref":"#/definitions/StringArgumentValue"},"S3DataDistributionType":{"$ref":"#/definitions/StringArgumentValue"},"S3DataType":{"$ref":"#/definitions/StringArgumentValue"},"S3InputMode":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false}},"ProcessingOutputConfig":{"type":"object","properties":{"KmsKeyId":{"$ref":"#/definitions/StringArgumentValue"},"Outputs":{"type":"array","items":{"type":"object","properties":{"OutputName":{"$ref":"#/definitions/StringArgumentValue"},"S3Output":{"type":"object","properties":{"LocalPath":{"$ref":"#/definitions/StringArgumentValue"},"S3UploadMode":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false}}},"additionalProperties":false},"ProcessingResources":{"type":"object","properties":{"ClusterConfig":{"type":"object","properties":{"InstanceCount":{"$ref":"#/definitions/IntegerArgumentValue"},"InstanceType":{"$ref":"#/definitions/StringArgumentValue"},"VolumeKmsKeyId":{"$ref":"#/definitions/StringArgumentValue"},"VolumeSizeInGB":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false}},"additionalProperties":false},"RoleArn":{"$ref":"#/definitions/StringArgumentValue"},"StoppingCondition":{"type":"object","properties":{"MaxRuntimeInSeconds":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false},"Tags":{"type":"array","items":{"$ref":"#/definitions/Tag"}},"ProcessingJobName":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"ContainerDefinition":{"type":"object","properties":{"ContainerHostname":{"$ref":"#/definitions/StringArgumentValue"},"Environment":{"type":"object","patternProperties":{".*":{"$ref":"#/definitions/StringArgumentValue"}}},"Image":{"$ref":"#/definitions/StringArgumentValue"},"ImageConfig":{"type":"object","properties":{"RepositoryAccessMode":{"type":"string","enum":["Platform","Vpc"]},"RepositoryAuthConfig":{"type":"object","properties":{"RepositoryCredentialsProviderArn":{"$ref":"#/definitions/StringArgumentValue"}},"required":["RepositoryCredentialsProviderArn"],"additionalProperties":false}},"required":["RepositoryAccessMode"],"additionalProperties":false},"InferenceSpecificationName":{"$ref":"#/definitions/StringArgumentValue"},"Mode":{"type":"string","enum":["SingleModel","MultiModel"]},"ModelDataUrl":{"type":"string","minLength":0,"maxLength":1024,"pattern":"^(https|s3)://([^/]+)/?(.*)$"},"ModelPackageName":{"$ref":"#/definitions/StringArgumentValue"},"MultiModelConfig":{"type":"object","properties":{"ModelCacheSetting":{"type":"string","enum":["Enabled","Disabled"]}},"additionalProperties":false}},"additionalProperties":false},"ConditionStep":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Condition"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"Arguments":{"type":"object","properties":{"Conditions":{"type":"array","items":{"oneOf":[{"$ref":"#/definitions/BinaryCondition"},{"$ref":"#/definitions/InCondition"},{"$ref":"#/definitions/OrCondition"}]}},"IfSteps":{"type":"array","items":{"oneOf":[{"$ref":"#/definitions/TrainingStep"},{"$ref":"#/definitions/FailStep"},{"$ref":"#/definitions/ProcessingStep"},{"$ref":"#/definitions/TransformStep"},{"$ref":"#/definitions/RegisterModelStep"}]}},"ElseSteps":{"type":"array","items":{"oneOf":[{"$ref":"#/definitions/TrainingStep"},{"$ref":"#/definitions/FailStep"},{"$ref":"#/definitions/ProcessingStep"},{"$ref":"#/definitions/TransformStep"},{"$ref":"#/definitions/RegisterModelStep"}]}}},"required":["Conditions"],"additionalProperties":false}},"required":["Type","Name","Arguments"],"additionalProperties":false},"TrainingStep":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Training"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"RetryPolicies":{"type":"array","items":{"$ref":"#/definitions/RetryPolicy"}},"CacheConfig":{"$ref":"#/definitions/CacheConfig"},"Arguments":{"type":"object","properties":{"AlgorithmSpecification":{"type":"object","properties":{"AlgorithmName":{"$ref":"#/definitions/StringArgumentValue"},"EnableSageMakerMetricsTimeSeries":{"$ref":"#/definitions/BooleanArgumentValue"},"MetricDefinitions":{"type":"array","items":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StringArgumentValue"},"Regex":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"TrainingImage":{"$ref":"#/definitions/StringArgumentValue"},"TrainingInputMode":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"CheckpointConfig":{"type":"object","properties":{"LocalPath":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"DebugHookConfig":{"type":"object","properties":{"CollectionConfigurations":{"type":"array","items":{"type":"object","properties":{"CollectionName":{"$ref":"#/definitions/StringArgumentValue"},"CollectionParameters":{"type":"object","patternProperties":{".*":{"$ref":"#/definitions/StringArgumentValue"}}}},"additionalProperties":false}},"HookParameters":{"type":"object","patternProperties":{".*":{"$ref":"#/definitions/StringArgumentValue"}}},"LocalPath":{"$ref":"#/definitions/StringArgumentValue"},"S3OutputPath":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"DebugRuleConfigurations":{"type":"array","items":{"type":"object","properties":{"InstanceType":{"$ref":"#/definitions/StringArgumentValue"},"LocalPath":{"$ref":"#/definitions/StringArgumentValue"},"RuleConfigurationName":{"$ref":"#/definitions/StringArgumentValue"},"RuleEvaluatorImage":{"$ref":"#/definitions/StringArgumentValue"},"RuleParameters":{"type":"object","patternProperties":{".*":{"$ref":"#/definitions/StringArgumentValue"}}},"S3OutputPath":{"$ref":"#/definitions/StringArgumentValue"},"VolumeSizeInGB":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false}},"EnableInterContainerTrafficEncryption":{"$ref":"#/definitions/BooleanArgumentValue"},"EnableManagedSpotTraining":{"$ref":"#/definitions/BooleanArgumentValue"},"EnableNetworkIsolation":{"$ref":"#/definitions/BooleanArgumentValue"},"HyperParameters":{"type":"object","patternProperties":{".*":{"$ref":"#/definitions/StringArgumentValue"}}},"InputDataConfig":{"type":"array","items":{"type":"object","properties":{"ChannelName":{"$ref":"#/definitions/StringArgumentValue"},"CompressionType":{"$ref":"#/definitions/StringArgumentValue"},"ContentType":{"$ref":"#/definitions/StringArgumentValue"},"DataSource":{"type":"object","properties":{"FileSystemDataSource":{"type":"object","properties":{"DirectoryPath":{"$ref":"#/definitions/StringArgumentValue"},"FileSystemAccessMode":{"$ref":"#/definitions/StringArgumentValue"},"FileSystemId":{"$ref":"#/definitions/StringArgumentValue"},"FileSystemType":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"S3DataSource":{"type":"object","properties":{"AttributeNames":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}},"S3DataDistributionType":{"$ref":"#/definitions/StringArgumentValue"},"S3DataType":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}}},"InputMode":{"$ref":"#/definitions/StringArgumentValue"},"RecordWrapperType":{"$ref":"#/definitions/StringArgumentValue"},"ShuffleConfig":{"type":"object","properties":{"Seed":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false}}}},"OutputDataConfig":{"type":"object","properties":{"KmsKeyId":{"$ref":"#/definitions/StringArgumentValue"},"S3OutputPath":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"ResourceConfig":{"type":"object","properties":{"InstanceCount":{"$ref":"#/definitions/IntegerArgumentValue"},"InstanceType":{"$ref":"#/definitions/StringArgumentValue"},"VolumeKmsKeyId":{"$ref":"#/definitions/StringArgumentValue"},"VolumeSizeInGB":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false},"RoleArn":{"$ref":"#/definitions/StringArgumentValue"},"StoppingCondition":{"type":"object","properties":{"MaxRuntimeInSeconds":{"$ref":"#/definitions/IntegerArgumentValue"},"MaxWaitTimeInSeconds":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false},"Tags":{"type":"array","items":{"$ref":"#/definitions/Tag"}},"TrainingJobName":{"$ref":"#/definitions/StringArgumentValue"},"TensorBoardOutputConfig":{"type":"object","properties":{"LocalPath":{"$ref":"#/definitions/StringArgumentValue"},"S3OutputPath":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"VpcConfig":{"$ref":"#/definitions/VpcConfig"},"Environment":{"type":"object","maxProperties":100,"patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]{0,511}$":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false}},"required":["Type","Name","Arguments"],"additionalProperties":false},"ProcessingStep":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Processing"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"RetryPolicies":{"type":"array","items":{"$ref":"#/definitions/RetryPolicy"}},"CacheConfig":{"$ref":"#/definitions/CacheConfig"},"Arguments":{"$ref":"#/definitions/ProcessingArgs"},"PropertyFiles":{"type":"array","items":{"type":"object","properties":{"PropertyFileName":{"$ref":"#/definitions/StepName"},"OutputName":{"type":"string","minLength":1},"FilePath":{"type":"string","minLength":1}},"required":["PropertyFileName","OutputName","FilePath"],"additionalProperties":false}}},"required":["Type","Name","Arguments"],"additionalProperties":false},"TransformStep":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Transform"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"RetryPolicies":{"type":"array","items":{"$ref":"#/definitions/RetryPolicy"}},"CacheConfig":{"$ref":"#/definitions/CacheConfig"},"Arguments":{"type":"object","properties":{"BatchStrategy":{"$ref":"#/definitions/StringArgumentValue"},"DataProcessing":{"type":"object","properties":{"InputFilter":{"$ref":"#/definitions/StringArgumentValue"},"JoinSource":{"$ref":"#/definitions/StringArgumentValue"},"OutputFilter":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"Environment":{"type":"object","patternProperties":{".*":{"$ref":"#/definitions/StringArgumentValue"}}},"MaxConcurrentTransforms":{"$ref":"#/definitions/IntegerArgumentValue"},"MaxPayloadInMB":{"$ref":"#/definitions/IntegerArgumentValue"},"ModelClientConfig":{"type":"object","properties":{"InvocationsMaxRetries":{"$ref":"#/definitions/IntegerArgumentValue"},"InvocationsTimeoutInSeconds":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false},"Tags":{"type":"array","items":{"$ref":"#/definitions/Tag"}},"ModelName":{"$ref":"#/definitions/StringArgumentValue"},"TransformInput":{"type":"object","properties":{"CompressionType":{"$ref":"#/definitions/StringArgumentValue"},"ContentType":{"$ref":"#/definitions/StringArgumentValue"},"DataSource":{"type":"object","properties":{"S3DataSource":{"type":"object","properties":{"S3DataType":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false},"SplitType":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"TransformJobName":{"$ref":"#/definitions/StringArgumentValue"},"TransformOutput":{"type":"object","properties":{"Accept":{"$ref":"#/definitions/StringArgumentValue"},"AssembleWith":{"$ref":"#/definitions/StringArgumentValue"},"KmsKeyId":{"$ref":"#/definitions/StringArgumentValue"},"S3OutputPath":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"TransformResources":{"type":"object","properties":{"InstanceCount":{"$ref":"#/definitions/IntegerArgumentValue"},"InstanceType":{"$ref":"#/definitions/StringArgumentValue"},"VolumeKmsKeyId":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false}},"required":["Type","Name","Arguments"],"additionalProperties":false},"CreateModelStep":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Model"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"RetryPolicies":{"type":"array","items":{"$ref":"#/definitions/RetryPolicy"}},"Arguments":{"type":"object","properties":{"Containers":{"type":"array","items":{"$ref":"#/definitions/ContainerDefinition"}},"EnableNetworkIsolation":{"$ref":"#/definitions/BooleanArgumentValue"},"ExecutionRoleArn":{"$ref":"#/definitions/StringArgumentValue"},"InferenceExecutionConfig":{"type":"object","properties":{"Mode":{"type":"string","enum":["Serial","Direct"]}},"additionalProperties":false},"PrimaryContainer":{"$ref":"#/definitions/ContainerDefinition"},"Tags":{"type":"array","items":{"$ref":"#/definitions/Tag"}},"ModelName":{"$ref":"#/definitions/StringArgumentValue"},"VpcConfig":{"$ref":"#/definitions/VpcConfig"}},"required":["ExecutionRoleArn"],"additionalProperties":false}},"required":["Type","Name","Arguments"],"additionalProperties":false},"RegisterModelStep":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["RegisterModel"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"RetryPolicies":{"type":"array","items":{"$ref":"#/definitions/RetryPolicy"}},"Arguments":{"type":"object","properties":{"CertifyForMarketplace":{"$ref":"#/definitions/BooleanArgumentValue"},"InferenceSpecification":{"type":"object","properties":{"Containers":{"type":"array","items":{"type":"object","properties":{"ContainerHostname":{"$ref":"#/definitions/StringArgumentValue"},"Image":{"$ref":"#/definitions/StringArgumentValue"},"ImageDigest":{"$ref":"#/definitions/StringArgumentValue"},"ModelDataUrl":{"$ref":"#/definitions/StringArgumentValue"},"ProductId":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"SupportedContentTypes":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}},"SupportedRealtimeInferenceInstanceTypes":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}},"SupportedResponseMIMETypes":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}},"SupportedTransformInstanceTypes":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}}},"additionalProperties":false},"ModelPackageDescription":{"$ref":"#/definitions/StringArgumentValue"},"ModelPackageGroupName":{"$ref":"#/definitions/StringArgumentValue"},"ModelMetrics":{"type":"object","properties":{"ModelQuality":{"type":"object","properties":{"Statistics":{"type":"object","properties":{"ContentType":{"$ref":"#/definitions/StringArgumentValue"},"ContentDigest":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"Constraints":{"type":"object","properties":{"ContentType":{"$ref":"#/definitions/StringArgumentValue"},"ContentDigest":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false},"ModelDataQuality":{"type":"object","properties":{"Statistics":{"type":"object","properties":{"ContentType":{"$ref":"#/definitions/StringArgumentValue"},"ContentDigest":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"Constraints":{"type":"object","properties":{"ContentType":{"$ref":"#/definitions/StringArgumentValue"},"ContentDigest":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false},"Bias":{"type":"object","properties":{"Report":{"type":"object","properties":{"ContentType":{"$ref":"#/definitions/StringArgumentValue"},"ContentDigest":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false},"Explainability":{"type":"object","properties":{"Report":{"type":"object","properties":{"ContentType":{"$ref":"#/definitions/StringArgumentValue"},"ContentDigest":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false},"DeploymentSpecification":{"type":"object","properties":{"TestInput":{"type":"object","properties":{"CompressionType":{"$ref":"#/definitions/StringArgumentValue"},"ContentType":{"$ref":"#/definitions/StringArgumentValue"},"DataSource":{"type":"object","properties":{"S3DataSource":{"type":"object","properties":{"S3DataType":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false},"SplitType":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"HealthCheckConfig":{"type":"object","properties":{"NumPayloads":{"$ref":"#/definitions/IntegerArgumentValue"},"NumFailuresAllowed":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false}},"additionalProperties":false}},"additionalProperties":false},"ModelApprovalStatus":{"oneOf":[{"type":"string","enum":["Approved","Rejected","PendingManualApproval"]},{"$ref":"#/definitions/GetFunction"}]},"CustomerMetadataProperties":{"type":"object","maxProperties":50,"patternProperties":{"^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"ModelPackageName":{"$ref":"#/definitions/StringArgumentValue"},"additionalProperties":false}},"required":["Type","Name","Arguments"],"additionalProperties":false},"LambdaStep":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Lambda"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"FunctionArn":{"type":"string"},"CacheConfig":{"$ref":"#/definitions/CacheConfig"},"Arguments":{"type":"object"},"OutputParameters":{"type":"array","items":{"type":"object","properties":{"OutputName":{"$ref":"#/definitions/StringArgumentValue"},"OutputType":{"type":"string","enum":["String","Integer","Boolean","Float"]}},"additionalProperties":false}}},"required":["Type","Name","FunctionArn"],"additionalProperties":false},"CallbackStep":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Callback"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"SqsQueueUrl":{"type":"string"},"CacheConfig":{"$ref":"#/definitions/CacheConfig"},"Arguments":{"type":"object"},"OutputParameters":{"type":"array","items":{"type":"object","properties":{"OutputName":{"$ref":"#/definitions/StringArgumentValue"},"OutputType":{"type":"string","enum":["String","Integer","Boolean","Float"]}},"additionalProperties":false}}},"required":["Type","Name","SqsQueueUrl"],"additionalProperties":false},"TuningStep":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Tuning"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"RetryPolicies":{"type":"array","items":{"$ref":"#/definitions/RetryPolicy"}},"CacheConfig":{"$ref":"#/definitions/CacheConfig"},"Arguments":{"type":"object","properties":{"HyperParameterTuningJobConfig":{"type":"object","properties":{"HyperParameterTuningJobObjective":{"type":"object","properties":{"MetricName":{"$ref":"#/definitions/StringArgumentValue"},"Type":{"type":"string","enum":["Maximize","Minimize"]}},"required":["MetricName","Type"],"additionalProperties":false},"ParameterRanges":{"$ref":"#/definitions/ParameterRanges"},"ResourceLimits":{"type":"object","properties":{"MaxNumberOfTrainingJobs":{"type":"integer","minLength":1},"MaxParallelTrainingJobs":{"type":"integer","minLength":1}},"required":["MaxNumberOfTrainingJobs","MaxParallelTrainingJobs"],"additionalProperties":false},"Strategy":{"type":"string","enum":["Bayesian","Random"]},"TrainingJobEarlyStoppingType":{"type":"string","enum":["Off","Auto"]},"TuningJobCompletionCriteria":{"type":"object","properties":{"TargetObjectiveMetricValue":{"$ref":"#/definitions/FloatArgumentValue"}},"required":["TargetObjectiveMetricValue"],"additionalProperties":false}},"required":["ResourceLimits","Strategy"],"additionalProperties":false},"Tags":{"type":"array","items":{"$ref":"#/definitions/Tag"}},"HyperParameterTuningJobName":{"$ref":"#/definitions/StringArgumentValue"},"TrainingJobDefinition":{"$ref":"#/definitions/HyperParameterTrainingJobDefinition"},"TrainingJobDefinitions":{"type":"array","items":{"$ref":"#/definitions/HyperParameterTrainingJobDefinition"},"minItems":0,"maxItems":10},"WarmStartConfig":{"type":"object","properties":{"ParentHyperParameterTuningJobs":{"type":"array","items":{"type":"object","properties":{"HyperParameterTuningJobName":{"$ref":"#/definitions/StringArgumentValue"}},"required":["HyperParameterTuningJobName"],"additionalProperties":false}},"WarmStartType":{"type":"string","enum":["IdenticalDataAndAlgorithm","TransferLearning"]}},"required":["TargetObjectiveMetricValue"],"additionalProperties":false}},"required":["HyperParameterTuningJobConfig"],"additionalProperties":false}},"required":["Type","Name","Arguments"],"additionalProperties":false},"ClarifyCheckStep":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["ClarifyCheck"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"RetryPolicies":{"type":"array","items":{"$ref":"#/definitions/RetryPolicy"}},"CacheConfig":{"$ref":"#/definitions/CacheConfig"},"CheckType":{"type":"string","enum":["DATA_BIAS","MODEL_BIAS","MODEL_EXPLAINABILITY"]},"ModelPackageGroupName":{"$ref":"#/definitions/StringArgumentValue"},"SuppliedBaselineConstraints":{"$ref":"#/definitions/StringArgumentValue"},"SkipCheck":{"$ref":"#/definitions/BooleanArgumentValue"},"RegisterNewBaseline":{"$ref":"#/definitions/BooleanArgumentValue"},"ModelName":{"$ref":"#/definitions/StringArgumentValue"},"Arguments":{"$ref":"#/definitions/ProcessingArgs"}},"required":["Type","Name","Arguments","CheckType"],"additionalProperties":false},"QualityCheckStep":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["QualityCheck"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"RetryPolicies":{"type":"array","items":{"$ref":"#/definitions/RetryPolicy"}},"CacheConfig":{"$ref":"#/definitions/CacheConfig"},"CheckType":{"type":"string","enum":["DATA_QUALITY","MODEL_QUALITY"]},"ModelPackageGroupName":{"$ref":"#/definitions/StringArgumentValue"},"SuppliedBaselineConstraints":{"$ref":"#/definitions/StringArgumentValue"},"SuppliedBaselineStatistics":{"$ref":"#/definitions/StringArgumentValue"},"SkipCheck":{"$ref":"#/definitions/BooleanArgumentValue"},"RegisterNewBaseline":{"$ref":"#/definitions/BooleanArgumentValue"},"Arguments":{"$ref":"#/definitions/ProcessingArgs"}},"required":["Type","Name","Arguments","CheckType"],"additionalProperties":false},"EMRStep":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["EMR"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"CacheConfig":{"$ref":"#/definitions/CacheConfig"},"Arguments":{"type":"object","properties":{"ClusterId":{"$ref":"#/definitions/StringArgumentValue"},"StepConfig":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StringArgumentValue"},"HadoopJarStep":{"type":"object","properties":{"Args":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}},"Jar":{"$ref":"#/definitions/StringArgumentValue"},"MainClass":{"$ref":"#/definitions/StringArgumentValue"},"Properties":{"type":"array","items":{"type":"object","properties":{"Key":{"$ref":"#/definitions/StringArgumentValue"},"Value":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}}},"required":["Jar"],"additionalProperties":false},"ActionOnFailure":{"type":"string","enum":["TERMINATE_JOB_FLOW","TERMINATE_CLUSTER","CANCEL_AND_WAIT","CONTINUE"]}},"required":["HadoopJarStep","Name"],"additionalProperties":false}},"required":["ClusterId","StepConfig"],"additionalProperties":false}},"required":["Name","Type","Arguments"],"additionalProperties":false},"FailStep":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Fail"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"Arguments":{"type":"object","properties":{"ErrorMessage":{"$ref":"#/definitions/StringArgumentValue"}}}},"required":["Name","Type","Arguments"],"additionalProperties":false},"AutoMLStep":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["AutoML"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"RetryPolicies":{"type":"array","items":{"$ref":"#/definitions/RetryPolicy"}},"CacheConfig":{"$ref":"#/definitions/CacheConfig"},"Arguments":{"type":"object","properties":{"AutoMLJobConfig":{"type":"object","properties":{"CandidateGenerationConfig":{"type":"object","properties":{"FeatureSpecificationS3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"CompletionCriteria":{"type":"object","properties":{"MaxAutoMLJobRuntimeInSeconds":{"type":"integer","minLength":1},"MaxCandidates":{"type":"integer","minLength":1},"MaxRuntimePerTrainingJobInSeconds":{"type":"integer","minLength":1}},"additionalProperties":false},"DataSplitConfig":{"type":"object","properties":{"ValidationFraction":{"$ref":"#/definitions/FloatArgumentValue"}}},"Mode":{"type":"string","enum":["ENSEMBLING"]},"SecurityConfig":{"type":"object","properties":{"EnableInterContainerTrafficEncryption":{"type":"boolean"},"VolumeKmsKeyId":{"type":"string"},"VpcConfig":{"$ref":"#/definitions/VpcConfig"}},"additionalProperties":false}},"required":["Mode"],"additionalProperties":false},"AutoMLJobObjective":{"type":"object","properties":{"MetricName":{"type":"string","enum":["Accuracy","MSE","F1","F1macro","AUC"]}},"additionalProperties":false},"InputDataConfig":{"type":"array","items":{"type":"object","properties":{"ChannelType":{"type":"string","enum":["training","validation"]},"CompressionType":{"type":"string","enum":["None","Gzip"]},"ContentType":{"type":"string","enum":["text/csv;header=present","x-application/vnd.amazon+parquet"]},"DataSource":{"type":"object","properties":{"S3DataSource":{"type":"object","properties":{"S3DataType":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false},"TargetAttributeName":{"$ref":"#/definitions/StringArgumentValue"}}},"minItems":1,"maxItems":2,"additionalProperties":false},"OutputDataConfig":{"type":"object","properties":{"KmsKeyId":{"$ref":"#/definitions/StringArgumentValue"},"S3OutputPath":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"RoleArn":{"$ref":"#/definitions/StringArgumentValue"},"ProblemType":{"type":"string","enum":["BinaryClassification","MulticlassClassification","Regression"]},"Tags":{"type":"array","items":{"$ref":"#/definitions/Tag"}},"AutoMLJobName":{"$ref":"#/definitions/StringArgumentValue"}},"required":["AutoMLJobConfig","InputDataConfig","OutputDataConfig","RoleArn"],"additionalProperties":false}},"required":["Type","Name","Arguments"],"additionalProperties":false},"EndpointStep":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Endpoint"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"Arguments":{"type":"object","properties":{"EndpointConfigName":{"$ref":"#/definitions/StringArgumentValue"},"Tags":{"type":"array","items":{"$ref":"#/definitions/Tag"}},"EndpointName":{"$ref":"#/definitions/StringArgumentValue"}},"required":["EndpointConfigName"],"additionalProperties":false}},"required":["Type","Name","Arguments"],"additionalProperties":false},"EndpointConfigStep":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Endpoint"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"Arguments":{"type":"object","properties":{"AsyncInferenceConfig":{"type":"object","properties":{"ClientConfig":{"type":"object","properties":{"MaxConcurrentInvocationsPerInstance":{"$ref":"#/definitions/IntegerArgumentValue"},"OutputConfig":{"type":"object","properties":{"KmsKeyId":{"$ref":"#/definitions/StringArgumentValue"},"NotificationConfig":{"type":"object","properties":{"ErrorTopic":{"$ref":"#/definitions/StringArgumentValue"},"IncludeInferenceResponseIn":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}},"SuccessTopic":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"S3FailurePath":{"$ref":"#/definitions/StringArgumentValue"},"S3OutputPath":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false}},"additionalProperties":false},"EnableNetworkIsolation":{"$ref":"#/definitions/BooleanArgumentValue"},"ExecutionRoleArn":{"$ref":"#/definitions/StringArgumentValue"},"KmsKeyId":{"$ref":"#/definitions/StringArgumentValue"},"Tags":{"type":"array","items":{"$ref":"#/definitions/Tag"}},"EndpointConfigName":{"$ref":"#/definitions/StringArgumentValue"},"VpcConfig":{"$ref":"#/definitions/VpcConfig"},"ProductionVariants":{"$ref":"#/definitions/ProductionVariants"},"ShadowProductionVariants":{"$ref":"#/definitions/ProductionVariants"}},"required":["ProductionVariants"],"additionalProperties":false}},"required":["Type","Name","Arguments"],"additionalProperties":false},"JsonGetFunction":{"type":"object","properties":{"Std:JsonGet":{"type":"object","properties":{"PropertyFile":{"$ref":"#/definitions/GetFunction"},"Path":{"type":"string"}},"required":["PropertyFile","Path"],"additionalProperties":false}},"required":["Std:JsonGet"],"additionalProperties":false}},"properties":{"Version":{"type":"string","enum":["2020-12-01"]},"Metadata":{"type":"object","patternProperties":{"^[A-Za-z0-9\\-_]{1,128}$":{"type":"string","minLength":0,"maxLength":1024}}},"Parameters":{"type":"array","items":{"oneOf":[{"$ref":"#/definitions/StringParameter"},{"$ref":"#/definitions/IntegerParameter"},{"$ref":"#/definitions/FloatParameter"},{"$ref":"#/definitions/BooleanParameter"}]}},"Steps":{"type":"array","items":{"oneOf":[{"$ref":"#/definitions/ConditionStep"},{"$ref":"#/definitions/TrainingStep"},{"$ref":"#/definitions/ProcessingStep"},{"$ref":"#/definitions/TransformStep"},{"$ref":"#/definitions/CreateModelStep"},{"$ref":"#/definitions/RegisterModelStep"},{"$ref":"#/definitions/LambdaStep"},{"$ref":"#/definitions/CallbackStep"},{"$ref":"#/definitions/TuningStep"},{"$ref":"#/definitions/ClarifyCheckStep"},{"$ref":"#/definitions/QualityCheckStep"},{"$ref":"#/definitions/EMRStep"},{"$ref":"#/definitions/FailStep"},{"$ref":"#/definitions/AutoMLStep"},{"$ref":"#/definitions/EndpointStep"},{"$ref":"#/definitions/EndpointConfigStep"}]}}},"required":["Steps"],"additionalProperties":false};
const pattern0 = new RegExp("^[A-Za-z0-9\\-_]{1,128}$", "u");
const func2 = require("ajv/dist/runtime/ucs2length").default;
const schema12 = {"properties":{"Name":{"$ref":"#/definitions/ParameterName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"DefaultValue":{"type":"string","maxLength":4096},"Type":{"type":"string","enum":["String"]},"EnumValues":{"type":"array","minItems":1,"uniqueItems":true,"items":{"type":"string","maxLength":4096}}},"required":["Name"],"additionalProperties":false};
const schema13 = {"type":"string","pattern":"^[A-Za-z0-9\\-_]{1,64}$"};
const schema14 = {"type":"string","minLength":0,"maxLength":4096};
const pattern1 = new RegExp("^[A-Za-z0-9\\-_]{1,64}$", "u");

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "Name") || (key0 === "Description")) || (key0 === "DefaultValue")) || (key0 === "Type")) || (key0 === "EnumValues"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.Name !== undefined){
let data0 = data.Name;
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err2 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/ParameterName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/ParameterName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.Description !== undefined){
let data1 = data.Description;
if(typeof data1 === "string"){
if(func2(data1) > 4096){
const err4 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(func2(data1) < 0){
const err5 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.DefaultValue !== undefined){
let data2 = data.DefaultValue;
if(typeof data2 === "string"){
if(func2(data2) > 4096){
const err7 = {instancePath:instancePath+"/DefaultValue",schemaPath:"#/properties/DefaultValue/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/DefaultValue",schemaPath:"#/properties/DefaultValue/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.Type !== undefined){
let data3 = data.Type;
if(typeof data3 !== "string"){
const err9 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!(data3 === "String")){
const err10 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema12.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.EnumValues !== undefined){
let data4 = data.EnumValues;
if(Array.isArray(data4)){
if(data4.length < 1){
const err11 = {instancePath:instancePath+"/EnumValues",schemaPath:"#/properties/EnumValues/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
if(typeof data5 === "string"){
if(func2(data5) > 4096){
const err12 = {instancePath:instancePath+"/EnumValues/" + i0,schemaPath:"#/properties/EnumValues/items/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/EnumValues/" + i0,schemaPath:"#/properties/EnumValues/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
let i1 = data4.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data4[i1];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err14 = {instancePath:instancePath+"/EnumValues",schemaPath:"#/properties/EnumValues/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err15 = {instancePath:instancePath+"/EnumValues",schemaPath:"#/properties/EnumValues/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
validate11.errors = vErrors;
return errors === 0;
}

const schema15 = {"properties":{"Name":{"$ref":"#/definitions/ParameterName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"DefaultValue":{"type":"integer"},"Type":{"type":"string","enum":["Integer"]}},"required":["Name","Type"],"additionalProperties":false};

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.Type === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "Name") || (key0 === "Description")) || (key0 === "DefaultValue")) || (key0 === "Type"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.Name !== undefined){
let data0 = data.Name;
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err3 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/ParameterName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/ParameterName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.Description !== undefined){
let data1 = data.Description;
if(typeof data1 === "string"){
if(func2(data1) > 4096){
const err5 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(func2(data1) < 0){
const err6 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.DefaultValue !== undefined){
let data2 = data.DefaultValue;
if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){
const err8 = {instancePath:instancePath+"/DefaultValue",schemaPath:"#/properties/DefaultValue/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.Type !== undefined){
let data3 = data.Type;
if(typeof data3 !== "string"){
const err9 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!(data3 === "Integer")){
const err10 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema15.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
validate13.errors = vErrors;
return errors === 0;
}

const schema18 = {"properties":{"Name":{"$ref":"#/definitions/ParameterName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"DefaultValue":{"type":"number"},"Type":{"type":"string","enum":["Float"]}},"required":["Name","Type"],"additionalProperties":false};

function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.Type === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "Name") || (key0 === "Description")) || (key0 === "DefaultValue")) || (key0 === "Type"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.Name !== undefined){
let data0 = data.Name;
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err3 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/ParameterName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/ParameterName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.Description !== undefined){
let data1 = data.Description;
if(typeof data1 === "string"){
if(func2(data1) > 4096){
const err5 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(func2(data1) < 0){
const err6 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.DefaultValue !== undefined){
if(!(typeof data.DefaultValue == "number")){
const err8 = {instancePath:instancePath+"/DefaultValue",schemaPath:"#/properties/DefaultValue/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.Type !== undefined){
let data3 = data.Type;
if(typeof data3 !== "string"){
const err9 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!(data3 === "Float")){
const err10 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema18.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
validate15.errors = vErrors;
return errors === 0;
}

const schema21 = {"properties":{"Name":{"$ref":"#/definitions/ParameterName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"DefaultValue":{"type":"boolean"},"Type":{"type":"string","enum":["Boolean"]}},"required":["Name","Type"],"additionalProperties":false};

function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.Type === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "Name") || (key0 === "Description")) || (key0 === "DefaultValue")) || (key0 === "Type"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.Name !== undefined){
let data0 = data.Name;
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err3 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/ParameterName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/ParameterName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.Description !== undefined){
let data1 = data.Description;
if(typeof data1 === "string"){
if(func2(data1) > 4096){
const err5 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(func2(data1) < 0){
const err6 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.DefaultValue !== undefined){
if(typeof data.DefaultValue !== "boolean"){
const err8 = {instancePath:instancePath+"/DefaultValue",schemaPath:"#/properties/DefaultValue/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.Type !== undefined){
let data3 = data.Type;
if(typeof data3 !== "string"){
const err9 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!(data3 === "Boolean")){
const err10 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema21.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
validate17.errors = vErrors;
return errors === 0;
}

const schema24 = {"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Condition"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"Arguments":{"type":"object","properties":{"Conditions":{"type":"array","items":{"oneOf":[{"$ref":"#/definitions/BinaryCondition"},{"$ref":"#/definitions/InCondition"},{"$ref":"#/definitions/OrCondition"}]}},"IfSteps":{"type":"array","items":{"oneOf":[{"$ref":"#/definitions/TrainingStep"},{"$ref":"#/definitions/FailStep"},{"$ref":"#/definitions/ProcessingStep"},{"$ref":"#/definitions/TransformStep"},{"$ref":"#/definitions/RegisterModelStep"}]}},"ElseSteps":{"type":"array","items":{"oneOf":[{"$ref":"#/definitions/TrainingStep"},{"$ref":"#/definitions/FailStep"},{"$ref":"#/definitions/ProcessingStep"},{"$ref":"#/definitions/TransformStep"},{"$ref":"#/definitions/RegisterModelStep"}]}}},"required":["Conditions"],"additionalProperties":false}},"required":["Type","Name","Arguments"],"additionalProperties":false};
const schema25 = {"type":"string","pattern":"^[A-Za-z0-9\\-_]{1,64}$"};
const schema29 = {"type":"object","properties":{"LeftValue":{"anyOf":[{"$ref":"#/definitions/StringArgumentValue"},{"$ref":"#/definitions/BooleanArgumentValue"},{"$ref":"#/definitions/IntegerArgumentValue"},{"$ref":"#/definitions/FloatArgumentValue"}]},"RightValue":{"anyOf":[{"$ref":"#/definitions/StringArgumentValue"},{"$ref":"#/definitions/BooleanArgumentValue"},{"$ref":"#/definitions/IntegerArgumentValue"},{"$ref":"#/definitions/FloatArgumentValue"}]},"Type":{"type":"string","enum":["GreaterThan","LessThan","LessThanOrEqualTo","GreaterThanOrEqualTo","Equals","NotEquals"]}},"required":["Type","LeftValue","RightValue"],"additionalProperties":false};
const schema30 = {"oneOf":[{"type":"string"},{"$ref":"#/definitions/GetFunction"},{"$ref":"#/definitions/JsonGetFunction"},{"$ref":"#/definitions/JoinFunction"}]};
const schema31 = {"type":"object","properties":{"Get":{"type":"string"}},"required":["Get"],"additionalProperties":false};
const schema32 = {"type":"object","properties":{"Std:JsonGet":{"type":"object","properties":{"PropertyFile":{"$ref":"#/definitions/GetFunction"},"Path":{"type":"string"}},"required":["PropertyFile","Path"],"additionalProperties":false}},"required":["Std:JsonGet"],"additionalProperties":false};

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data["Std:JsonGet"] === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Std:JsonGet"},message:"must have required property '"+"Std:JsonGet"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(key0 === "Std:JsonGet")){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data["Std:JsonGet"] !== undefined){
let data0 = data["Std:JsonGet"];
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.PropertyFile === undefined){
const err2 = {instancePath:instancePath+"/Std:JsonGet",schemaPath:"#/properties/Std%3AJsonGet/required",keyword:"required",params:{missingProperty: "PropertyFile"},message:"must have required property '"+"PropertyFile"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data0.Path === undefined){
const err3 = {instancePath:instancePath+"/Std:JsonGet",schemaPath:"#/properties/Std%3AJsonGet/required",keyword:"required",params:{missingProperty: "Path"},message:"must have required property '"+"Path"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key1 in data0){
if(!((key1 === "PropertyFile") || (key1 === "Path"))){
const err4 = {instancePath:instancePath+"/Std:JsonGet",schemaPath:"#/properties/Std%3AJsonGet/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data0.PropertyFile !== undefined){
let data1 = data0.PropertyFile;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.Get === undefined){
const err5 = {instancePath:instancePath+"/Std:JsonGet/PropertyFile",schemaPath:"#/definitions/GetFunction/required",keyword:"required",params:{missingProperty: "Get"},message:"must have required property '"+"Get"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
for(const key2 in data1){
if(!(key2 === "Get")){
const err6 = {instancePath:instancePath+"/Std:JsonGet/PropertyFile",schemaPath:"#/definitions/GetFunction/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data1.Get !== undefined){
if(typeof data1.Get !== "string"){
const err7 = {instancePath:instancePath+"/Std:JsonGet/PropertyFile/Get",schemaPath:"#/definitions/GetFunction/properties/Get/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/Std:JsonGet/PropertyFile",schemaPath:"#/definitions/GetFunction/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data0.Path !== undefined){
if(typeof data0.Path !== "string"){
const err9 = {instancePath:instancePath+"/Std:JsonGet/Path",schemaPath:"#/properties/Std%3AJsonGet/properties/Path/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/Std:JsonGet",schemaPath:"#/properties/Std%3AJsonGet/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}

const schema34 = {"type":"object","properties":{"Std:Join":{"type":"object","properties":{"On":{"type":"string"},"Values":{"type":"array","items":{"anyOf":[{"type":["string","number","boolean"]},{"$ref":"#/definitions/GetFunction"},{"$ref":"#/definitions/JsonGetFunction"}]}}},"required":["Values"],"additionalProperties":false}},"required":["Std:Join"],"additionalProperties":false};

function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data["Std:Join"] === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Std:Join"},message:"must have required property '"+"Std:Join"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(key0 === "Std:Join")){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data["Std:Join"] !== undefined){
let data0 = data["Std:Join"];
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.Values === undefined){
const err2 = {instancePath:instancePath+"/Std:Join",schemaPath:"#/properties/Std%3AJoin/required",keyword:"required",params:{missingProperty: "Values"},message:"must have required property '"+"Values"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key1 in data0){
if(!((key1 === "On") || (key1 === "Values"))){
const err3 = {instancePath:instancePath+"/Std:Join",schemaPath:"#/properties/Std%3AJoin/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data0.On !== undefined){
if(typeof data0.On !== "string"){
const err4 = {instancePath:instancePath+"/Std:Join/On",schemaPath:"#/properties/Std%3AJoin/properties/On/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data0.Values !== undefined){
let data2 = data0.Values;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
const _errs10 = errors;
let valid4 = false;
const _errs11 = errors;
if(((typeof data3 !== "string") && (!(typeof data3 == "number"))) && (typeof data3 !== "boolean")){
const err5 = {instancePath:instancePath+"/Std:Join/Values/" + i0,schemaPath:"#/properties/Std%3AJoin/properties/Values/items/anyOf/0/type",keyword:"type",params:{type: schema34.properties["Std:Join"].properties.Values.items.anyOf[0].type},message:"must be string,number,boolean"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid0 = _errs11 === errors;
valid4 = valid4 || _valid0;
if(!valid4){
const _errs13 = errors;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.Get === undefined){
const err6 = {instancePath:instancePath+"/Std:Join/Values/" + i0,schemaPath:"#/definitions/GetFunction/required",keyword:"required",params:{missingProperty: "Get"},message:"must have required property '"+"Get"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
for(const key2 in data3){
if(!(key2 === "Get")){
const err7 = {instancePath:instancePath+"/Std:Join/Values/" + i0,schemaPath:"#/definitions/GetFunction/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data3.Get !== undefined){
if(typeof data3.Get !== "string"){
const err8 = {instancePath:instancePath+"/Std:Join/Values/" + i0+"/Get",schemaPath:"#/definitions/GetFunction/properties/Get/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/Std:Join/Values/" + i0,schemaPath:"#/definitions/GetFunction/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
var _valid0 = _errs13 === errors;
valid4 = valid4 || _valid0;
if(!valid4){
const _errs19 = errors;
if(!(validate22(data3, {instancePath:instancePath+"/Std:Join/Values/" + i0,parentData:data2,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
var _valid0 = _errs19 === errors;
valid4 = valid4 || _valid0;
}
}
if(!valid4){
const err10 = {instancePath:instancePath+"/Std:Join/Values/" + i0,schemaPath:"#/properties/Std%3AJoin/properties/Values/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
else {
errors = _errs10;
if(vErrors !== null){
if(_errs10){
vErrors.length = _errs10;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err11 = {instancePath:instancePath+"/Std:Join/Values",schemaPath:"#/properties/Std%3AJoin/properties/Values/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/Std:Join",schemaPath:"#/properties/Std%3AJoin/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
validate24.errors = vErrors;
return errors === 0;
}


function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
if(typeof data !== "string"){
const err0 = {instancePath,schemaPath:"#/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
}
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Get === undefined){
const err1 = {instancePath,schemaPath:"#/definitions/GetFunction/required",keyword:"required",params:{missingProperty: "Get"},message:"must have required property '"+"Get"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(key0 === "Get")){
const err2 = {instancePath,schemaPath:"#/definitions/GetFunction/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.Get !== undefined){
if(typeof data.Get !== "string"){
const err3 = {instancePath:instancePath+"/Get",schemaPath:"#/definitions/GetFunction/properties/Get/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/definitions/GetFunction/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid0 = _errs3 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
}
const _errs9 = errors;
if(!(validate22(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
var _valid0 = _errs9 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid0 = true;
passing0 = 2;
}
const _errs10 = errors;
if(!(validate24(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
errors = vErrors.length;
}
var _valid0 = _errs10 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 3];
}
else {
if(_valid0){
valid0 = true;
passing0 = 3;
}
}
}
}
if(!valid0){
const err5 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate21.errors = vErrors;
return errors === 0;
}

const schema36 = {"oneOf":[{"type":"boolean"},{"$ref":"#/definitions/GetFunction"},{"$ref":"#/definitions/JsonGetFunction"}]};

function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
if(typeof data !== "boolean"){
const err0 = {instancePath,schemaPath:"#/oneOf/0/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
}
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Get === undefined){
const err1 = {instancePath,schemaPath:"#/definitions/GetFunction/required",keyword:"required",params:{missingProperty: "Get"},message:"must have required property '"+"Get"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(key0 === "Get")){
const err2 = {instancePath,schemaPath:"#/definitions/GetFunction/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.Get !== undefined){
if(typeof data.Get !== "string"){
const err3 = {instancePath:instancePath+"/Get",schemaPath:"#/definitions/GetFunction/properties/Get/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/definitions/GetFunction/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid0 = _errs3 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
}
const _errs9 = errors;
if(!(validate22(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
var _valid0 = _errs9 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid0 = true;
passing0 = 2;
}
}
}
if(!valid0){
const err5 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate28.errors = vErrors;
return errors === 0;
}

const schema38 = {"oneOf":[{"type":"integer"},{"$ref":"#/definitions/GetFunction"},{"$ref":"#/definitions/JsonGetFunction"}]};

function validate31(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
if(!((typeof data == "number") && (!(data % 1) && !isNaN(data)))){
const err0 = {instancePath,schemaPath:"#/oneOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
}
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Get === undefined){
const err1 = {instancePath,schemaPath:"#/definitions/GetFunction/required",keyword:"required",params:{missingProperty: "Get"},message:"must have required property '"+"Get"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(key0 === "Get")){
const err2 = {instancePath,schemaPath:"#/definitions/GetFunction/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.Get !== undefined){
if(typeof data.Get !== "string"){
const err3 = {instancePath:instancePath+"/Get",schemaPath:"#/definitions/GetFunction/properties/Get/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/definitions/GetFunction/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid0 = _errs3 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
}
const _errs9 = errors;
if(!(validate22(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
var _valid0 = _errs9 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid0 = true;
passing0 = 2;
}
}
}
if(!valid0){
const err5 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate31.errors = vErrors;
return errors === 0;
}

const schema40 = {"oneOf":[{"type":"number"},{"$ref":"#/definitions/GetFunction"},{"$ref":"#/definitions/JsonGetFunction"}]};

function validate34(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
if(!(typeof data == "number")){
const err0 = {instancePath,schemaPath:"#/oneOf/0/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
}
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Get === undefined){
const err1 = {instancePath,schemaPath:"#/definitions/GetFunction/required",keyword:"required",params:{missingProperty: "Get"},message:"must have required property '"+"Get"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(key0 === "Get")){
const err2 = {instancePath,schemaPath:"#/definitions/GetFunction/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.Get !== undefined){
if(typeof data.Get !== "string"){
const err3 = {instancePath:instancePath+"/Get",schemaPath:"#/definitions/GetFunction/properties/Get/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/definitions/GetFunction/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid0 = _errs3 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
}
const _errs9 = errors;
if(!(validate22(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
var _valid0 = _errs9 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid0 = true;
passing0 = 2;
}
}
}
if(!valid0){
const err5 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate34.errors = vErrors;
return errors === 0;
}


function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.LeftValue === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "LeftValue"},message:"must have required property '"+"LeftValue"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.RightValue === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "RightValue"},message:"must have required property '"+"RightValue"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "LeftValue") || (key0 === "RightValue")) || (key0 === "Type"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.LeftValue !== undefined){
let data0 = data.LeftValue;
const _errs3 = errors;
let valid1 = false;
const _errs4 = errors;
if(!(validate21(data0, {instancePath:instancePath+"/LeftValue",parentData:data,parentDataProperty:"LeftValue",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
var _valid0 = _errs4 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const _errs5 = errors;
if(!(validate28(data0, {instancePath:instancePath+"/LeftValue",parentData:data,parentDataProperty:"LeftValue",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
var _valid0 = _errs5 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const _errs6 = errors;
if(!(validate31(data0, {instancePath:instancePath+"/LeftValue",parentData:data,parentDataProperty:"LeftValue",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
var _valid0 = _errs6 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const _errs7 = errors;
if(!(validate34(data0, {instancePath:instancePath+"/LeftValue",parentData:data,parentDataProperty:"LeftValue",rootData}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
var _valid0 = _errs7 === errors;
valid1 = valid1 || _valid0;
}
}
}
if(!valid1){
const err4 = {instancePath:instancePath+"/LeftValue",schemaPath:"#/properties/LeftValue/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
else {
errors = _errs3;
if(vErrors !== null){
if(_errs3){
vErrors.length = _errs3;
}
else {
vErrors = null;
}
}
}
}
if(data.RightValue !== undefined){
let data1 = data.RightValue;
const _errs9 = errors;
let valid2 = false;
const _errs10 = errors;
if(!(validate21(data1, {instancePath:instancePath+"/RightValue",parentData:data,parentDataProperty:"RightValue",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
var _valid1 = _errs10 === errors;
valid2 = valid2 || _valid1;
if(!valid2){
const _errs11 = errors;
if(!(validate28(data1, {instancePath:instancePath+"/RightValue",parentData:data,parentDataProperty:"RightValue",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
var _valid1 = _errs11 === errors;
valid2 = valid2 || _valid1;
if(!valid2){
const _errs12 = errors;
if(!(validate31(data1, {instancePath:instancePath+"/RightValue",parentData:data,parentDataProperty:"RightValue",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
var _valid1 = _errs12 === errors;
valid2 = valid2 || _valid1;
if(!valid2){
const _errs13 = errors;
if(!(validate34(data1, {instancePath:instancePath+"/RightValue",parentData:data,parentDataProperty:"RightValue",rootData}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
var _valid1 = _errs13 === errors;
valid2 = valid2 || _valid1;
}
}
}
if(!valid2){
const err5 = {instancePath:instancePath+"/RightValue",schemaPath:"#/properties/RightValue/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
}
}
if(data.Type !== undefined){
let data2 = data.Type;
if(typeof data2 !== "string"){
const err6 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!((((((data2 === "GreaterThan") || (data2 === "LessThan")) || (data2 === "LessThanOrEqualTo")) || (data2 === "GreaterThanOrEqualTo")) || (data2 === "Equals")) || (data2 === "NotEquals"))){
const err7 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema29.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}

const schema42 = {"type":"object","properties":{"Type":{"type":"string","enum":["In","NotIn"]},"Value":{"anyOf":[{"$ref":"#/definitions/StringArgumentValue"},{"$ref":"#/definitions/BooleanArgumentValue"},{"$ref":"#/definitions/IntegerArgumentValue"},{"$ref":"#/definitions/FloatArgumentValue"}]},"In":{"type":"array","items":{"anyOf":[{"$ref":"#/definitions/StringArgumentValue"},{"$ref":"#/definitions/BooleanArgumentValue"},{"$ref":"#/definitions/IntegerArgumentValue"},{"$ref":"#/definitions/FloatArgumentValue"}]}}},"required":["Type","Value","In"],"additionalProperties":false};

function validate42(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.Value === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Value"},message:"must have required property '"+"Value"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.In === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "In"},message:"must have required property '"+"In"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "Type") || (key0 === "Value")) || (key0 === "In"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.Type !== undefined){
let data0 = data.Type;
if(typeof data0 !== "string"){
const err4 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(!((data0 === "In") || (data0 === "NotIn"))){
const err5 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema42.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.Value !== undefined){
let data1 = data.Value;
const _errs5 = errors;
let valid1 = false;
const _errs6 = errors;
if(!(validate21(data1, {instancePath:instancePath+"/Value",parentData:data,parentDataProperty:"Value",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
var _valid0 = _errs6 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const _errs7 = errors;
if(!(validate28(data1, {instancePath:instancePath+"/Value",parentData:data,parentDataProperty:"Value",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
var _valid0 = _errs7 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const _errs8 = errors;
if(!(validate31(data1, {instancePath:instancePath+"/Value",parentData:data,parentDataProperty:"Value",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
var _valid0 = _errs8 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const _errs9 = errors;
if(!(validate34(data1, {instancePath:instancePath+"/Value",parentData:data,parentDataProperty:"Value",rootData}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
var _valid0 = _errs9 === errors;
valid1 = valid1 || _valid0;
}
}
}
if(!valid1){
const err6 = {instancePath:instancePath+"/Value",schemaPath:"#/properties/Value/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
else {
errors = _errs5;
if(vErrors !== null){
if(_errs5){
vErrors.length = _errs5;
}
else {
vErrors = null;
}
}
}
}
if(data.In !== undefined){
let data2 = data.In;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
const _errs13 = errors;
let valid4 = false;
const _errs14 = errors;
if(!(validate21(data3, {instancePath:instancePath+"/In/" + i0,parentData:data2,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
var _valid1 = _errs14 === errors;
valid4 = valid4 || _valid1;
if(!valid4){
const _errs15 = errors;
if(!(validate28(data3, {instancePath:instancePath+"/In/" + i0,parentData:data2,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
var _valid1 = _errs15 === errors;
valid4 = valid4 || _valid1;
if(!valid4){
const _errs16 = errors;
if(!(validate31(data3, {instancePath:instancePath+"/In/" + i0,parentData:data2,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
var _valid1 = _errs16 === errors;
valid4 = valid4 || _valid1;
if(!valid4){
const _errs17 = errors;
if(!(validate34(data3, {instancePath:instancePath+"/In/" + i0,parentData:data2,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
var _valid1 = _errs17 === errors;
valid4 = valid4 || _valid1;
}
}
}
if(!valid4){
const err7 = {instancePath:instancePath+"/In/" + i0,schemaPath:"#/properties/In/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
else {
errors = _errs13;
if(vErrors !== null){
if(_errs13){
vErrors.length = _errs13;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err8 = {instancePath:instancePath+"/In",schemaPath:"#/properties/In/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
validate42.errors = vErrors;
return errors === 0;
}

const schema43 = {"type":"object","properties":{"Type":{"type":"string","enum":["Or"]},"Conditions":{"type":"array","items":{"anyOf":[{"$ref":"#/definitions/BinaryCondition"},{"$ref":"#/definitions/InCondition"}]}}},"required":["Type","Conditions"],"additionalProperties":false};

function validate52(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.Conditions === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Conditions"},message:"must have required property '"+"Conditions"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "Type") || (key0 === "Conditions"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.Type !== undefined){
let data0 = data.Type;
if(typeof data0 !== "string"){
const err3 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(!(data0 === "Or")){
const err4 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema43.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.Conditions !== undefined){
let data1 = data.Conditions;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
const _errs7 = errors;
let valid3 = false;
const _errs8 = errors;
if(!(validate20(data2, {instancePath:instancePath+"/Conditions/" + i0,parentData:data1,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate20.errors : vErrors.concat(validate20.errors);
errors = vErrors.length;
}
var _valid0 = _errs8 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const _errs9 = errors;
if(!(validate42(data2, {instancePath:instancePath+"/Conditions/" + i0,parentData:data1,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate42.errors : vErrors.concat(validate42.errors);
errors = vErrors.length;
}
var _valid0 = _errs9 === errors;
valid3 = valid3 || _valid0;
}
if(!valid3){
const err5 = {instancePath:instancePath+"/Conditions/" + i0,schemaPath:"#/properties/Conditions/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
errors = _errs7;
if(vErrors !== null){
if(_errs7){
vErrors.length = _errs7;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err6 = {instancePath:instancePath+"/Conditions",schemaPath:"#/properties/Conditions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
validate52.errors = vErrors;
return errors === 0;
}

const schema44 = {"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Training"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"RetryPolicies":{"type":"array","items":{"$ref":"#/definitions/RetryPolicy"}},"CacheConfig":{"$ref":"#/definitions/CacheConfig"},"Arguments":{"type":"object","properties":{"AlgorithmSpecification":{"type":"object","properties":{"AlgorithmName":{"$ref":"#/definitions/StringArgumentValue"},"EnableSageMakerMetricsTimeSeries":{"$ref":"#/definitions/BooleanArgumentValue"},"MetricDefinitions":{"type":"array","items":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StringArgumentValue"},"Regex":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"TrainingImage":{"$ref":"#/definitions/StringArgumentValue"},"TrainingInputMode":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"CheckpointConfig":{"type":"object","properties":{"LocalPath":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"DebugHookConfig":{"type":"object","properties":{"CollectionConfigurations":{"type":"array","items":{"type":"object","properties":{"CollectionName":{"$ref":"#/definitions/StringArgumentValue"},"CollectionParameters":{"type":"object","patternProperties":{".*":{"$ref":"#/definitions/StringArgumentValue"}}}},"additionalProperties":false}},"HookParameters":{"type":"object","patternProperties":{".*":{"$ref":"#/definitions/StringArgumentValue"}}},"LocalPath":{"$ref":"#/definitions/StringArgumentValue"},"S3OutputPath":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"DebugRuleConfigurations":{"type":"array","items":{"type":"object","properties":{"InstanceType":{"$ref":"#/definitions/StringArgumentValue"},"LocalPath":{"$ref":"#/definitions/StringArgumentValue"},"RuleConfigurationName":{"$ref":"#/definitions/StringArgumentValue"},"RuleEvaluatorImage":{"$ref":"#/definitions/StringArgumentValue"},"RuleParameters":{"type":"object","patternProperties":{".*":{"$ref":"#/definitions/StringArgumentValue"}}},"S3OutputPath":{"$ref":"#/definitions/StringArgumentValue"},"VolumeSizeInGB":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false}},"EnableInterContainerTrafficEncryption":{"$ref":"#/definitions/BooleanArgumentValue"},"EnableManagedSpotTraining":{"$ref":"#/definitions/BooleanArgumentValue"},"EnableNetworkIsolation":{"$ref":"#/definitions/BooleanArgumentValue"},"HyperParameters":{"type":"object","patternProperties":{".*":{"$ref":"#/definitions/StringArgumentValue"}}},"InputDataConfig":{"type":"array","items":{"type":"object","properties":{"ChannelName":{"$ref":"#/definitions/StringArgumentValue"},"CompressionType":{"$ref":"#/definitions/StringArgumentValue"},"ContentType":{"$ref":"#/definitions/StringArgumentValue"},"DataSource":{"type":"object","properties":{"FileSystemDataSource":{"type":"object","properties":{"DirectoryPath":{"$ref":"#/definitions/StringArgumentValue"},"FileSystemAccessMode":{"$ref":"#/definitions/StringArgumentValue"},"FileSystemId":{"$ref":"#/definitions/StringArgumentValue"},"FileSystemType":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"S3DataSource":{"type":"object","properties":{"AttributeNames":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}},"S3DataDistributionType":{"$ref":"#/definitions/StringArgumentValue"},"S3DataType":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}}},"InputMode":{"$ref":"#/definitions/StringArgumentValue"},"RecordWrapperType":{"$ref":"#/definitions/StringArgumentValue"},"ShuffleConfig":{"type":"object","properties":{"Seed":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false}}}},"OutputDataConfig":{"type":"object","properties":{"KmsKeyId":{"$ref":"#/definitions/StringArgumentValue"},"S3OutputPath":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"ResourceConfig":{"type":"object","properties":{"InstanceCount":{"$ref":"#/definitions/IntegerArgumentValue"},"InstanceType":{"$ref":"#/definitions/StringArgumentValue"},"VolumeKmsKeyId":{"$ref":"#/definitions/StringArgumentValue"},"VolumeSizeInGB":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false},"RoleArn":{"$ref":"#/definitions/StringArgumentValue"},"StoppingCondition":{"type":"object","properties":{"MaxRuntimeInSeconds":{"$ref":"#/definitions/IntegerArgumentValue"},"MaxWaitTimeInSeconds":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false},"Tags":{"type":"array","items":{"$ref":"#/definitions/Tag"}},"TrainingJobName":{"$ref":"#/definitions/StringArgumentValue"},"TensorBoardOutputConfig":{"type":"object","properties":{"LocalPath":{"$ref":"#/definitions/StringArgumentValue"},"S3OutputPath":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"VpcConfig":{"$ref":"#/definitions/VpcConfig"},"Environment":{"type":"object","maxProperties":100,"patternProperties":{"^[a-zA-Z_][a-zA-Z0-9_]{0,511}$":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false}},"required":["Type","Name","Arguments"],"additionalProperties":false};
const schema49 = {"type":"object","properties":{"ExceptionType":{"type":"array","minItems":1,"items":{"type":"string","enum":["Step.SERVICE_FAULT","Step.THROTTLING","SageMaker.JOB_INTERNAL_ERROR","SageMaker.CAPACITY_ERROR","SageMaker.RESOURCE_LIMIT","Emr.RESOURCE_LIMIT"]}},"IntervalSeconds":{"type":"integer"},"BackoffRate":{"type":"number"},"ExpireAfterMin":{"type":"integer"},"MaxAttempts":{"type":"integer"}},"required":["ExceptionType"],"additionalProperties":false};
const schema50 = {"type":"object","properties":{"Enabled":{"type":"boolean"},"ExpireAfter":{"type":"string","description":"ISO 8601 duration string"}},"required":[],"additionalProperties":false};
const pattern11 = new RegExp(".*", "u");
const pattern15 = new RegExp("^[a-zA-Z_][a-zA-Z0-9_]{0,511}$", "u");
const func18 = Object.prototype.hasOwnProperty;
const schema51 = {"type":"object","properties":{"Key":{"$ref":"#/definitions/StringArgumentValue"},"Value":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false};

function validate104(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((key0 === "Key") || (key0 === "Value"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.Key !== undefined){
if(!(validate21(data.Key, {instancePath:instancePath+"/Key",parentData:data,parentDataProperty:"Key",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data.Value !== undefined){
if(!(validate21(data.Value, {instancePath:instancePath+"/Value",parentData:data,parentDataProperty:"Value",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err1 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
validate104.errors = vErrors;
return errors === 0;
}

const schema52 = {"type":"object","properties":{"SecurityGroupIds":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}},"Subnets":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}}},"additionalProperties":false};

function validate111(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((key0 === "SecurityGroupIds") || (key0 === "Subnets"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.SecurityGroupIds !== undefined){
let data0 = data.SecurityGroupIds;
if(Array.isArray(data0)){
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
if(!(validate21(data0[i0], {instancePath:instancePath+"/SecurityGroupIds/" + i0,parentData:data0,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err1 = {instancePath:instancePath+"/SecurityGroupIds",schemaPath:"#/properties/SecurityGroupIds/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.Subnets !== undefined){
let data2 = data.Subnets;
if(Array.isArray(data2)){
const len1 = data2.length;
for(let i1=0; i1<len1; i1++){
if(!(validate21(data2[i1], {instancePath:instancePath+"/Subnets/" + i1,parentData:data2,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err2 = {instancePath:instancePath+"/Subnets",schemaPath:"#/properties/Subnets/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
else {
const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
validate111.errors = vErrors;
return errors === 0;
}


function validate56(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.Name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.Arguments === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Arguments"},message:"must have required property '"+"Arguments"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "Name") || (key0 === "Type")) || (key0 === "DependsOn")) || (key0 === "DisplayName")) || (key0 === "Description")) || (key0 === "RetryPolicies")) || (key0 === "CacheConfig")) || (key0 === "Arguments"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.Name !== undefined){
let data0 = data.Name;
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err4 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.Type !== undefined){
let data1 = data.Type;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!(data1 === "Training")){
const err7 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema44.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.DependsOn !== undefined){
let data2 = data.DependsOn;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(!pattern1.test(data3)){
const err8 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/DependsOn",schemaPath:"#/properties/DependsOn/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.DisplayName !== undefined){
let data4 = data.DisplayName;
if(typeof data4 === "string"){
if(!pattern1.test(data4)){
const err11 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.Description !== undefined){
let data5 = data.Description;
if(typeof data5 === "string"){
if(func2(data5) > 4096){
const err13 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(func2(data5) < 0){
const err14 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.RetryPolicies !== undefined){
let data6 = data.RetryPolicies;
if(Array.isArray(data6)){
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
let data7 = data6[i1];
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.ExceptionType === undefined){
const err16 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/required",keyword:"required",params:{missingProperty: "ExceptionType"},message:"must have required property '"+"ExceptionType"+"'"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
for(const key1 in data7){
if(!(((((key1 === "ExceptionType") || (key1 === "IntervalSeconds")) || (key1 === "BackoffRate")) || (key1 === "ExpireAfterMin")) || (key1 === "MaxAttempts"))){
const err17 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data7.ExceptionType !== undefined){
let data8 = data7.ExceptionType;
if(Array.isArray(data8)){
if(data8.length < 1){
const err18 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType",schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
let data9 = data8[i2];
if(typeof data9 !== "string"){
const err19 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType/" + i2,schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(!((((((data9 === "Step.SERVICE_FAULT") || (data9 === "Step.THROTTLING")) || (data9 === "SageMaker.JOB_INTERNAL_ERROR")) || (data9 === "SageMaker.CAPACITY_ERROR")) || (data9 === "SageMaker.RESOURCE_LIMIT")) || (data9 === "Emr.RESOURCE_LIMIT"))){
const err20 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType/" + i2,schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/items/enum",keyword:"enum",params:{allowedValues: schema49.properties.ExceptionType.items.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType",schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data7.IntervalSeconds !== undefined){
let data10 = data7.IntervalSeconds;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
const err22 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/IntervalSeconds",schemaPath:"#/definitions/RetryPolicy/properties/IntervalSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data7.BackoffRate !== undefined){
if(!(typeof data7.BackoffRate == "number")){
const err23 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/BackoffRate",schemaPath:"#/definitions/RetryPolicy/properties/BackoffRate/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data7.ExpireAfterMin !== undefined){
let data12 = data7.ExpireAfterMin;
if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){
const err24 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExpireAfterMin",schemaPath:"#/definitions/RetryPolicy/properties/ExpireAfterMin/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data7.MaxAttempts !== undefined){
let data13 = data7.MaxAttempts;
if(!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))){
const err25 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/MaxAttempts",schemaPath:"#/definitions/RetryPolicy/properties/MaxAttempts/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/RetryPolicies",schemaPath:"#/properties/RetryPolicies/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.CacheConfig !== undefined){
let data14 = data.CacheConfig;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
for(const key2 in data14){
if(!((key2 === "Enabled") || (key2 === "ExpireAfter"))){
const err28 = {instancePath:instancePath+"/CacheConfig",schemaPath:"#/definitions/CacheConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data14.Enabled !== undefined){
if(typeof data14.Enabled !== "boolean"){
const err29 = {instancePath:instancePath+"/CacheConfig/Enabled",schemaPath:"#/definitions/CacheConfig/properties/Enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data14.ExpireAfter !== undefined){
if(typeof data14.ExpireAfter !== "string"){
const err30 = {instancePath:instancePath+"/CacheConfig/ExpireAfter",schemaPath:"#/definitions/CacheConfig/properties/ExpireAfter/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/CacheConfig",schemaPath:"#/definitions/CacheConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.Arguments !== undefined){
let data17 = data.Arguments;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
for(const key3 in data17){
if(!(func18.call(schema44.properties.Arguments.properties, key3))){
const err32 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data17.AlgorithmSpecification !== undefined){
let data18 = data17.AlgorithmSpecification;
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
for(const key4 in data18){
if(!(((((key4 === "AlgorithmName") || (key4 === "EnableSageMakerMetricsTimeSeries")) || (key4 === "MetricDefinitions")) || (key4 === "TrainingImage")) || (key4 === "TrainingInputMode"))){
const err33 = {instancePath:instancePath+"/Arguments/AlgorithmSpecification",schemaPath:"#/properties/Arguments/properties/AlgorithmSpecification/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data18.AlgorithmName !== undefined){
if(!(validate21(data18.AlgorithmName, {instancePath:instancePath+"/Arguments/AlgorithmSpecification/AlgorithmName",parentData:data18,parentDataProperty:"AlgorithmName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data18.EnableSageMakerMetricsTimeSeries !== undefined){
if(!(validate28(data18.EnableSageMakerMetricsTimeSeries, {instancePath:instancePath+"/Arguments/AlgorithmSpecification/EnableSageMakerMetricsTimeSeries",parentData:data18,parentDataProperty:"EnableSageMakerMetricsTimeSeries",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
if(data18.MetricDefinitions !== undefined){
let data21 = data18.MetricDefinitions;
if(Array.isArray(data21)){
const len3 = data21.length;
for(let i3=0; i3<len3; i3++){
let data22 = data21[i3];
if(data22 && typeof data22 == "object" && !Array.isArray(data22)){
for(const key5 in data22){
if(!((key5 === "Name") || (key5 === "Regex"))){
const err34 = {instancePath:instancePath+"/Arguments/AlgorithmSpecification/MetricDefinitions/" + i3,schemaPath:"#/properties/Arguments/properties/AlgorithmSpecification/properties/MetricDefinitions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data22.Name !== undefined){
if(!(validate21(data22.Name, {instancePath:instancePath+"/Arguments/AlgorithmSpecification/MetricDefinitions/" + i3+"/Name",parentData:data22,parentDataProperty:"Name",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data22.Regex !== undefined){
if(!(validate21(data22.Regex, {instancePath:instancePath+"/Arguments/AlgorithmSpecification/MetricDefinitions/" + i3+"/Regex",parentData:data22,parentDataProperty:"Regex",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err35 = {instancePath:instancePath+"/Arguments/AlgorithmSpecification/MetricDefinitions/" + i3,schemaPath:"#/properties/Arguments/properties/AlgorithmSpecification/properties/MetricDefinitions/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
else {
const err36 = {instancePath:instancePath+"/Arguments/AlgorithmSpecification/MetricDefinitions",schemaPath:"#/properties/Arguments/properties/AlgorithmSpecification/properties/MetricDefinitions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data18.TrainingImage !== undefined){
if(!(validate21(data18.TrainingImage, {instancePath:instancePath+"/Arguments/AlgorithmSpecification/TrainingImage",parentData:data18,parentDataProperty:"TrainingImage",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data18.TrainingInputMode !== undefined){
if(!(validate21(data18.TrainingInputMode, {instancePath:instancePath+"/Arguments/AlgorithmSpecification/TrainingInputMode",parentData:data18,parentDataProperty:"TrainingInputMode",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err37 = {instancePath:instancePath+"/Arguments/AlgorithmSpecification",schemaPath:"#/properties/Arguments/properties/AlgorithmSpecification/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data17.CheckpointConfig !== undefined){
let data27 = data17.CheckpointConfig;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
for(const key6 in data27){
if(!((key6 === "LocalPath") || (key6 === "S3Uri"))){
const err38 = {instancePath:instancePath+"/Arguments/CheckpointConfig",schemaPath:"#/properties/Arguments/properties/CheckpointConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data27.LocalPath !== undefined){
if(!(validate21(data27.LocalPath, {instancePath:instancePath+"/Arguments/CheckpointConfig/LocalPath",parentData:data27,parentDataProperty:"LocalPath",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data27.S3Uri !== undefined){
if(!(validate21(data27.S3Uri, {instancePath:instancePath+"/Arguments/CheckpointConfig/S3Uri",parentData:data27,parentDataProperty:"S3Uri",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err39 = {instancePath:instancePath+"/Arguments/CheckpointConfig",schemaPath:"#/properties/Arguments/properties/CheckpointConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data17.DebugHookConfig !== undefined){
let data30 = data17.DebugHookConfig;
if(data30 && typeof data30 == "object" && !Array.isArray(data30)){
for(const key7 in data30){
if(!((((key7 === "CollectionConfigurations") || (key7 === "HookParameters")) || (key7 === "LocalPath")) || (key7 === "S3OutputPath"))){
const err40 = {instancePath:instancePath+"/Arguments/DebugHookConfig",schemaPath:"#/properties/Arguments/properties/DebugHookConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data30.CollectionConfigurations !== undefined){
let data31 = data30.CollectionConfigurations;
if(Array.isArray(data31)){
const len4 = data31.length;
for(let i4=0; i4<len4; i4++){
let data32 = data31[i4];
if(data32 && typeof data32 == "object" && !Array.isArray(data32)){
for(const key8 in data32){
if(!((key8 === "CollectionName") || (key8 === "CollectionParameters"))){
const err41 = {instancePath:instancePath+"/Arguments/DebugHookConfig/CollectionConfigurations/" + i4,schemaPath:"#/properties/Arguments/properties/DebugHookConfig/properties/CollectionConfigurations/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data32.CollectionName !== undefined){
if(!(validate21(data32.CollectionName, {instancePath:instancePath+"/Arguments/DebugHookConfig/CollectionConfigurations/" + i4+"/CollectionName",parentData:data32,parentDataProperty:"CollectionName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data32.CollectionParameters !== undefined){
let data34 = data32.CollectionParameters;
if(data34 && typeof data34 == "object" && !Array.isArray(data34)){
for(const key9 in data34){
if(pattern11.test(key9)){
if(!(validate21(data34[key9], {instancePath:instancePath+"/Arguments/DebugHookConfig/CollectionConfigurations/" + i4+"/CollectionParameters/" + key9.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data34,parentDataProperty:key9,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
}
else {
const err42 = {instancePath:instancePath+"/Arguments/DebugHookConfig/CollectionConfigurations/" + i4+"/CollectionParameters",schemaPath:"#/properties/Arguments/properties/DebugHookConfig/properties/CollectionConfigurations/items/properties/CollectionParameters/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath:instancePath+"/Arguments/DebugHookConfig/CollectionConfigurations/" + i4,schemaPath:"#/properties/Arguments/properties/DebugHookConfig/properties/CollectionConfigurations/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
else {
const err44 = {instancePath:instancePath+"/Arguments/DebugHookConfig/CollectionConfigurations",schemaPath:"#/properties/Arguments/properties/DebugHookConfig/properties/CollectionConfigurations/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data30.HookParameters !== undefined){
let data36 = data30.HookParameters;
if(data36 && typeof data36 == "object" && !Array.isArray(data36)){
for(const key10 in data36){
if(pattern11.test(key10)){
if(!(validate21(data36[key10], {instancePath:instancePath+"/Arguments/DebugHookConfig/HookParameters/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data36,parentDataProperty:key10,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
}
else {
const err45 = {instancePath:instancePath+"/Arguments/DebugHookConfig/HookParameters",schemaPath:"#/properties/Arguments/properties/DebugHookConfig/properties/HookParameters/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data30.LocalPath !== undefined){
if(!(validate21(data30.LocalPath, {instancePath:instancePath+"/Arguments/DebugHookConfig/LocalPath",parentData:data30,parentDataProperty:"LocalPath",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data30.S3OutputPath !== undefined){
if(!(validate21(data30.S3OutputPath, {instancePath:instancePath+"/Arguments/DebugHookConfig/S3OutputPath",parentData:data30,parentDataProperty:"S3OutputPath",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err46 = {instancePath:instancePath+"/Arguments/DebugHookConfig",schemaPath:"#/properties/Arguments/properties/DebugHookConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data17.DebugRuleConfigurations !== undefined){
let data40 = data17.DebugRuleConfigurations;
if(Array.isArray(data40)){
const len5 = data40.length;
for(let i5=0; i5<len5; i5++){
let data41 = data40[i5];
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
for(const key11 in data41){
if(!(((((((key11 === "InstanceType") || (key11 === "LocalPath")) || (key11 === "RuleConfigurationName")) || (key11 === "RuleEvaluatorImage")) || (key11 === "RuleParameters")) || (key11 === "S3OutputPath")) || (key11 === "VolumeSizeInGB"))){
const err47 = {instancePath:instancePath+"/Arguments/DebugRuleConfigurations/" + i5,schemaPath:"#/properties/Arguments/properties/DebugRuleConfigurations/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data41.InstanceType !== undefined){
if(!(validate21(data41.InstanceType, {instancePath:instancePath+"/Arguments/DebugRuleConfigurations/" + i5+"/InstanceType",parentData:data41,parentDataProperty:"InstanceType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data41.LocalPath !== undefined){
if(!(validate21(data41.LocalPath, {instancePath:instancePath+"/Arguments/DebugRuleConfigurations/" + i5+"/LocalPath",parentData:data41,parentDataProperty:"LocalPath",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data41.RuleConfigurationName !== undefined){
if(!(validate21(data41.RuleConfigurationName, {instancePath:instancePath+"/Arguments/DebugRuleConfigurations/" + i5+"/RuleConfigurationName",parentData:data41,parentDataProperty:"RuleConfigurationName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data41.RuleEvaluatorImage !== undefined){
if(!(validate21(data41.RuleEvaluatorImage, {instancePath:instancePath+"/Arguments/DebugRuleConfigurations/" + i5+"/RuleEvaluatorImage",parentData:data41,parentDataProperty:"RuleEvaluatorImage",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data41.RuleParameters !== undefined){
let data46 = data41.RuleParameters;
if(data46 && typeof data46 == "object" && !Array.isArray(data46)){
for(const key12 in data46){
if(pattern11.test(key12)){
if(!(validate21(data46[key12], {instancePath:instancePath+"/Arguments/DebugRuleConfigurations/" + i5+"/RuleParameters/" + key12.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data46,parentDataProperty:key12,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
}
else {
const err48 = {instancePath:instancePath+"/Arguments/DebugRuleConfigurations/" + i5+"/RuleParameters",schemaPath:"#/properties/Arguments/properties/DebugRuleConfigurations/items/properties/RuleParameters/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data41.S3OutputPath !== undefined){
if(!(validate21(data41.S3OutputPath, {instancePath:instancePath+"/Arguments/DebugRuleConfigurations/" + i5+"/S3OutputPath",parentData:data41,parentDataProperty:"S3OutputPath",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data41.VolumeSizeInGB !== undefined){
if(!(validate31(data41.VolumeSizeInGB, {instancePath:instancePath+"/Arguments/DebugRuleConfigurations/" + i5+"/VolumeSizeInGB",parentData:data41,parentDataProperty:"VolumeSizeInGB",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
}
else {
const err49 = {instancePath:instancePath+"/Arguments/DebugRuleConfigurations/" + i5,schemaPath:"#/properties/Arguments/properties/DebugRuleConfigurations/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
}
else {
const err50 = {instancePath:instancePath+"/Arguments/DebugRuleConfigurations",schemaPath:"#/properties/Arguments/properties/DebugRuleConfigurations/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data17.EnableInterContainerTrafficEncryption !== undefined){
if(!(validate28(data17.EnableInterContainerTrafficEncryption, {instancePath:instancePath+"/Arguments/EnableInterContainerTrafficEncryption",parentData:data17,parentDataProperty:"EnableInterContainerTrafficEncryption",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
if(data17.EnableManagedSpotTraining !== undefined){
if(!(validate28(data17.EnableManagedSpotTraining, {instancePath:instancePath+"/Arguments/EnableManagedSpotTraining",parentData:data17,parentDataProperty:"EnableManagedSpotTraining",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
if(data17.EnableNetworkIsolation !== undefined){
if(!(validate28(data17.EnableNetworkIsolation, {instancePath:instancePath+"/Arguments/EnableNetworkIsolation",parentData:data17,parentDataProperty:"EnableNetworkIsolation",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
if(data17.HyperParameters !== undefined){
let data53 = data17.HyperParameters;
if(data53 && typeof data53 == "object" && !Array.isArray(data53)){
for(const key13 in data53){
if(pattern11.test(key13)){
if(!(validate21(data53[key13], {instancePath:instancePath+"/Arguments/HyperParameters/" + key13.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data53,parentDataProperty:key13,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
}
else {
const err51 = {instancePath:instancePath+"/Arguments/HyperParameters",schemaPath:"#/properties/Arguments/properties/HyperParameters/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data17.InputDataConfig !== undefined){
let data55 = data17.InputDataConfig;
if(Array.isArray(data55)){
const len6 = data55.length;
for(let i6=0; i6<len6; i6++){
let data56 = data55[i6];
if(data56 && typeof data56 == "object" && !Array.isArray(data56)){
if(data56.ChannelName !== undefined){
if(!(validate21(data56.ChannelName, {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/ChannelName",parentData:data56,parentDataProperty:"ChannelName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data56.CompressionType !== undefined){
if(!(validate21(data56.CompressionType, {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/CompressionType",parentData:data56,parentDataProperty:"CompressionType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data56.ContentType !== undefined){
if(!(validate21(data56.ContentType, {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/ContentType",parentData:data56,parentDataProperty:"ContentType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data56.DataSource !== undefined){
let data60 = data56.DataSource;
if(data60 && typeof data60 == "object" && !Array.isArray(data60)){
if(data60.FileSystemDataSource !== undefined){
let data61 = data60.FileSystemDataSource;
if(data61 && typeof data61 == "object" && !Array.isArray(data61)){
for(const key14 in data61){
if(!((((key14 === "DirectoryPath") || (key14 === "FileSystemAccessMode")) || (key14 === "FileSystemId")) || (key14 === "FileSystemType"))){
const err52 = {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/DataSource/FileSystemDataSource",schemaPath:"#/properties/Arguments/properties/InputDataConfig/items/properties/DataSource/properties/FileSystemDataSource/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data61.DirectoryPath !== undefined){
if(!(validate21(data61.DirectoryPath, {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/DataSource/FileSystemDataSource/DirectoryPath",parentData:data61,parentDataProperty:"DirectoryPath",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data61.FileSystemAccessMode !== undefined){
if(!(validate21(data61.FileSystemAccessMode, {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/DataSource/FileSystemDataSource/FileSystemAccessMode",parentData:data61,parentDataProperty:"FileSystemAccessMode",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data61.FileSystemId !== undefined){
if(!(validate21(data61.FileSystemId, {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/DataSource/FileSystemDataSource/FileSystemId",parentData:data61,parentDataProperty:"FileSystemId",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data61.FileSystemType !== undefined){
if(!(validate21(data61.FileSystemType, {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/DataSource/FileSystemDataSource/FileSystemType",parentData:data61,parentDataProperty:"FileSystemType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err53 = {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/DataSource/FileSystemDataSource",schemaPath:"#/properties/Arguments/properties/InputDataConfig/items/properties/DataSource/properties/FileSystemDataSource/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data60.S3DataSource !== undefined){
let data66 = data60.S3DataSource;
if(data66 && typeof data66 == "object" && !Array.isArray(data66)){
for(const key15 in data66){
if(!((((key15 === "AttributeNames") || (key15 === "S3DataDistributionType")) || (key15 === "S3DataType")) || (key15 === "S3Uri"))){
const err54 = {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/DataSource/S3DataSource",schemaPath:"#/properties/Arguments/properties/InputDataConfig/items/properties/DataSource/properties/S3DataSource/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data66.AttributeNames !== undefined){
let data67 = data66.AttributeNames;
if(Array.isArray(data67)){
const len7 = data67.length;
for(let i7=0; i7<len7; i7++){
if(!(validate21(data67[i7], {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/DataSource/S3DataSource/AttributeNames/" + i7,parentData:data67,parentDataProperty:i7,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err55 = {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/DataSource/S3DataSource/AttributeNames",schemaPath:"#/properties/Arguments/properties/InputDataConfig/items/properties/DataSource/properties/S3DataSource/properties/AttributeNames/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data66.S3DataDistributionType !== undefined){
if(!(validate21(data66.S3DataDistributionType, {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/DataSource/S3DataSource/S3DataDistributionType",parentData:data66,parentDataProperty:"S3DataDistributionType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data66.S3DataType !== undefined){
if(!(validate21(data66.S3DataType, {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/DataSource/S3DataSource/S3DataType",parentData:data66,parentDataProperty:"S3DataType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data66.S3Uri !== undefined){
if(!(validate21(data66.S3Uri, {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/DataSource/S3DataSource/S3Uri",parentData:data66,parentDataProperty:"S3Uri",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err56 = {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/DataSource/S3DataSource",schemaPath:"#/properties/Arguments/properties/InputDataConfig/items/properties/DataSource/properties/S3DataSource/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
else {
const err57 = {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/DataSource",schemaPath:"#/properties/Arguments/properties/InputDataConfig/items/properties/DataSource/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data56.InputMode !== undefined){
if(!(validate21(data56.InputMode, {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/InputMode",parentData:data56,parentDataProperty:"InputMode",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data56.RecordWrapperType !== undefined){
if(!(validate21(data56.RecordWrapperType, {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/RecordWrapperType",parentData:data56,parentDataProperty:"RecordWrapperType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data56.ShuffleConfig !== undefined){
let data74 = data56.ShuffleConfig;
if(data74 && typeof data74 == "object" && !Array.isArray(data74)){
for(const key16 in data74){
if(!(key16 === "Seed")){
const err58 = {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/ShuffleConfig",schemaPath:"#/properties/Arguments/properties/InputDataConfig/items/properties/ShuffleConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key16},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data74.Seed !== undefined){
if(!(validate31(data74.Seed, {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/ShuffleConfig/Seed",parentData:data74,parentDataProperty:"Seed",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
}
else {
const err59 = {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6+"/ShuffleConfig",schemaPath:"#/properties/Arguments/properties/InputDataConfig/items/properties/ShuffleConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
}
else {
const err60 = {instancePath:instancePath+"/Arguments/InputDataConfig/" + i6,schemaPath:"#/properties/Arguments/properties/InputDataConfig/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
}
else {
const err61 = {instancePath:instancePath+"/Arguments/InputDataConfig",schemaPath:"#/properties/Arguments/properties/InputDataConfig/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data17.OutputDataConfig !== undefined){
let data76 = data17.OutputDataConfig;
if(data76 && typeof data76 == "object" && !Array.isArray(data76)){
for(const key17 in data76){
if(!((key17 === "KmsKeyId") || (key17 === "S3OutputPath"))){
const err62 = {instancePath:instancePath+"/Arguments/OutputDataConfig",schemaPath:"#/properties/Arguments/properties/OutputDataConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key17},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data76.KmsKeyId !== undefined){
if(!(validate21(data76.KmsKeyId, {instancePath:instancePath+"/Arguments/OutputDataConfig/KmsKeyId",parentData:data76,parentDataProperty:"KmsKeyId",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data76.S3OutputPath !== undefined){
if(!(validate21(data76.S3OutputPath, {instancePath:instancePath+"/Arguments/OutputDataConfig/S3OutputPath",parentData:data76,parentDataProperty:"S3OutputPath",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err63 = {instancePath:instancePath+"/Arguments/OutputDataConfig",schemaPath:"#/properties/Arguments/properties/OutputDataConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data17.ResourceConfig !== undefined){
let data79 = data17.ResourceConfig;
if(data79 && typeof data79 == "object" && !Array.isArray(data79)){
for(const key18 in data79){
if(!((((key18 === "InstanceCount") || (key18 === "InstanceType")) || (key18 === "VolumeKmsKeyId")) || (key18 === "VolumeSizeInGB"))){
const err64 = {instancePath:instancePath+"/Arguments/ResourceConfig",schemaPath:"#/properties/Arguments/properties/ResourceConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key18},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data79.InstanceCount !== undefined){
if(!(validate31(data79.InstanceCount, {instancePath:instancePath+"/Arguments/ResourceConfig/InstanceCount",parentData:data79,parentDataProperty:"InstanceCount",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data79.InstanceType !== undefined){
if(!(validate21(data79.InstanceType, {instancePath:instancePath+"/Arguments/ResourceConfig/InstanceType",parentData:data79,parentDataProperty:"InstanceType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data79.VolumeKmsKeyId !== undefined){
if(!(validate21(data79.VolumeKmsKeyId, {instancePath:instancePath+"/Arguments/ResourceConfig/VolumeKmsKeyId",parentData:data79,parentDataProperty:"VolumeKmsKeyId",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data79.VolumeSizeInGB !== undefined){
if(!(validate31(data79.VolumeSizeInGB, {instancePath:instancePath+"/Arguments/ResourceConfig/VolumeSizeInGB",parentData:data79,parentDataProperty:"VolumeSizeInGB",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
}
else {
const err65 = {instancePath:instancePath+"/Arguments/ResourceConfig",schemaPath:"#/properties/Arguments/properties/ResourceConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data17.RoleArn !== undefined){
if(!(validate21(data17.RoleArn, {instancePath:instancePath+"/Arguments/RoleArn",parentData:data17,parentDataProperty:"RoleArn",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data17.StoppingCondition !== undefined){
let data85 = data17.StoppingCondition;
if(data85 && typeof data85 == "object" && !Array.isArray(data85)){
for(const key19 in data85){
if(!((key19 === "MaxRuntimeInSeconds") || (key19 === "MaxWaitTimeInSeconds"))){
const err66 = {instancePath:instancePath+"/Arguments/StoppingCondition",schemaPath:"#/properties/Arguments/properties/StoppingCondition/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key19},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data85.MaxRuntimeInSeconds !== undefined){
if(!(validate31(data85.MaxRuntimeInSeconds, {instancePath:instancePath+"/Arguments/StoppingCondition/MaxRuntimeInSeconds",parentData:data85,parentDataProperty:"MaxRuntimeInSeconds",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data85.MaxWaitTimeInSeconds !== undefined){
if(!(validate31(data85.MaxWaitTimeInSeconds, {instancePath:instancePath+"/Arguments/StoppingCondition/MaxWaitTimeInSeconds",parentData:data85,parentDataProperty:"MaxWaitTimeInSeconds",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
}
else {
const err67 = {instancePath:instancePath+"/Arguments/StoppingCondition",schemaPath:"#/properties/Arguments/properties/StoppingCondition/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
if(data17.Tags !== undefined){
let data88 = data17.Tags;
if(Array.isArray(data88)){
const len8 = data88.length;
for(let i8=0; i8<len8; i8++){
if(!(validate104(data88[i8], {instancePath:instancePath+"/Arguments/Tags/" + i8,parentData:data88,parentDataProperty:i8,rootData}))){
vErrors = vErrors === null ? validate104.errors : vErrors.concat(validate104.errors);
errors = vErrors.length;
}
}
}
else {
const err68 = {instancePath:instancePath+"/Arguments/Tags",schemaPath:"#/properties/Arguments/properties/Tags/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data17.TrainingJobName !== undefined){
if(!(validate21(data17.TrainingJobName, {instancePath:instancePath+"/Arguments/TrainingJobName",parentData:data17,parentDataProperty:"TrainingJobName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data17.TensorBoardOutputConfig !== undefined){
let data91 = data17.TensorBoardOutputConfig;
if(data91 && typeof data91 == "object" && !Array.isArray(data91)){
for(const key20 in data91){
if(!((key20 === "LocalPath") || (key20 === "S3OutputPath"))){
const err69 = {instancePath:instancePath+"/Arguments/TensorBoardOutputConfig",schemaPath:"#/properties/Arguments/properties/TensorBoardOutputConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key20},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data91.LocalPath !== undefined){
if(!(validate21(data91.LocalPath, {instancePath:instancePath+"/Arguments/TensorBoardOutputConfig/LocalPath",parentData:data91,parentDataProperty:"LocalPath",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data91.S3OutputPath !== undefined){
if(!(validate21(data91.S3OutputPath, {instancePath:instancePath+"/Arguments/TensorBoardOutputConfig/S3OutputPath",parentData:data91,parentDataProperty:"S3OutputPath",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err70 = {instancePath:instancePath+"/Arguments/TensorBoardOutputConfig",schemaPath:"#/properties/Arguments/properties/TensorBoardOutputConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
if(data17.VpcConfig !== undefined){
if(!(validate111(data17.VpcConfig, {instancePath:instancePath+"/Arguments/VpcConfig",parentData:data17,parentDataProperty:"VpcConfig",rootData}))){
vErrors = vErrors === null ? validate111.errors : vErrors.concat(validate111.errors);
errors = vErrors.length;
}
}
if(data17.Environment !== undefined){
let data95 = data17.Environment;
if(data95 && typeof data95 == "object" && !Array.isArray(data95)){
if(Object.keys(data95).length > 100){
const err71 = {instancePath:instancePath+"/Arguments/Environment",schemaPath:"#/properties/Arguments/properties/Environment/maxProperties",keyword:"maxProperties",params:{limit: 100},message:"must NOT have more than 100 properties"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
for(const key21 in data95){
if(!(pattern15.test(key21))){
const err72 = {instancePath:instancePath+"/Arguments/Environment",schemaPath:"#/properties/Arguments/properties/Environment/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key21},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
for(const key22 in data95){
if(pattern15.test(key22)){
if(!(validate21(data95[key22], {instancePath:instancePath+"/Arguments/Environment/" + key22.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data95,parentDataProperty:key22,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
}
else {
const err73 = {instancePath:instancePath+"/Arguments/Environment",schemaPath:"#/properties/Arguments/properties/Environment/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
}
else {
const err74 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
}
else {
const err75 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
validate56.errors = vErrors;
return errors === 0;
}

const schema53 = {"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Fail"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"Arguments":{"type":"object","properties":{"ErrorMessage":{"$ref":"#/definitions/StringArgumentValue"}}}},"required":["Name","Type","Arguments"],"additionalProperties":false};

function validate117(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.Type === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.Arguments === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Arguments"},message:"must have required property '"+"Arguments"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "Name") || (key0 === "Type")) || (key0 === "DependsOn")) || (key0 === "DisplayName")) || (key0 === "Description")) || (key0 === "Arguments"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.Name !== undefined){
let data0 = data.Name;
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err4 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.Type !== undefined){
let data1 = data.Type;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!(data1 === "Fail")){
const err7 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema53.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.DependsOn !== undefined){
let data2 = data.DependsOn;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(!pattern1.test(data3)){
const err8 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/DependsOn",schemaPath:"#/properties/DependsOn/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.DisplayName !== undefined){
let data4 = data.DisplayName;
if(typeof data4 === "string"){
if(!pattern1.test(data4)){
const err11 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.Description !== undefined){
let data5 = data.Description;
if(typeof data5 === "string"){
if(func2(data5) > 4096){
const err13 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(func2(data5) < 0){
const err14 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.Arguments !== undefined){
let data6 = data.Arguments;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.ErrorMessage !== undefined){
if(!(validate21(data6.ErrorMessage, {instancePath:instancePath+"/Arguments/ErrorMessage",parentData:data6,parentDataProperty:"ErrorMessage",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err16 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
validate117.errors = vErrors;
return errors === 0;
}

const schema58 = {"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Processing"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"RetryPolicies":{"type":"array","items":{"$ref":"#/definitions/RetryPolicy"}},"CacheConfig":{"$ref":"#/definitions/CacheConfig"},"Arguments":{"$ref":"#/definitions/ProcessingArgs"},"PropertyFiles":{"type":"array","items":{"type":"object","properties":{"PropertyFileName":{"$ref":"#/definitions/StepName"},"OutputName":{"type":"string","minLength":1},"FilePath":{"type":"string","minLength":1}},"required":["PropertyFileName","OutputName","FilePath"],"additionalProperties":false}}},"required":["Type","Name","Arguments"],"additionalProperties":false};
const schema65 = {"type":"object","properties":{"AppSpecification":{"type":"object","properties":{"ContainerArguments":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}},"ContainerEntrypoint":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}},"ImageUri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"Environment":{"type":"object","patternProperties":{".*":{"$ref":"#/definitions/StringArgumentValue"}}},"NetworkConfig":{"type":"object","properties":{"EnableInterContainerTrafficEncryption":{"$ref":"#/definitions/BooleanArgumentValue"},"EnableNetworkIsolation":{"$ref":"#/definitions/BooleanArgumentValue"},"VpcConfig":{"$ref":"#/definitions/VpcConfig"}},"additionalProperties":false},"ProcessingInputs":{"type":"array","items":{"type":"object","properties":{"InputName":{"$ref":"#/definitions/StringArgumentValue"},"S3Input":{"type":"object","properties":{"LocalPath":{"$ref":"#/definitions/StringArgumentValue"},"S3CompressionType":{"$ref":"#/definitions/StringArgumentValue"},"S3DataDistributionType":{"$ref":"#/definitions/StringArgumentValue"},"S3DataType":{"$ref":"#/definitions/StringArgumentValue"},"S3InputMode":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false}},"ProcessingOutputConfig":{"type":"object","properties":{"KmsKeyId":{"$ref":"#/definitions/StringArgumentValue"},"Outputs":{"type":"array","items":{"type":"object","properties":{"OutputName":{"$ref":"#/definitions/StringArgumentValue"},"S3Output":{"type":"object","properties":{"LocalPath":{"$ref":"#/definitions/StringArgumentValue"},"S3UploadMode":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false}}},"additionalProperties":false},"ProcessingResources":{"type":"object","properties":{"ClusterConfig":{"type":"object","properties":{"InstanceCount":{"$ref":"#/definitions/IntegerArgumentValue"},"InstanceType":{"$ref":"#/definitions/StringArgumentValue"},"VolumeKmsKeyId":{"$ref":"#/definitions/StringArgumentValue"},"VolumeSizeInGB":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false}},"additionalProperties":false},"RoleArn":{"$ref":"#/definitions/StringArgumentValue"},"StoppingCondition":{"type":"object","properties":{"MaxRuntimeInSeconds":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false},"Tags":{"type":"array","items":{"$ref":"#/definitions/Tag"}},"ProcessingJobName":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false};

function validate121(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func18.call(schema65.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.AppSpecification !== undefined){
let data0 = data.AppSpecification;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key1 in data0){
if(!(((key1 === "ContainerArguments") || (key1 === "ContainerEntrypoint")) || (key1 === "ImageUri"))){
const err1 = {instancePath:instancePath+"/AppSpecification",schemaPath:"#/properties/AppSpecification/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data0.ContainerArguments !== undefined){
let data1 = data0.ContainerArguments;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
if(!(validate21(data1[i0], {instancePath:instancePath+"/AppSpecification/ContainerArguments/" + i0,parentData:data1,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err2 = {instancePath:instancePath+"/AppSpecification/ContainerArguments",schemaPath:"#/properties/AppSpecification/properties/ContainerArguments/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data0.ContainerEntrypoint !== undefined){
let data3 = data0.ContainerEntrypoint;
if(Array.isArray(data3)){
const len1 = data3.length;
for(let i1=0; i1<len1; i1++){
if(!(validate21(data3[i1], {instancePath:instancePath+"/AppSpecification/ContainerEntrypoint/" + i1,parentData:data3,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err3 = {instancePath:instancePath+"/AppSpecification/ContainerEntrypoint",schemaPath:"#/properties/AppSpecification/properties/ContainerEntrypoint/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data0.ImageUri !== undefined){
if(!(validate21(data0.ImageUri, {instancePath:instancePath+"/AppSpecification/ImageUri",parentData:data0,parentDataProperty:"ImageUri",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err4 = {instancePath:instancePath+"/AppSpecification",schemaPath:"#/properties/AppSpecification/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.Environment !== undefined){
let data6 = data.Environment;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key2 in data6){
if(pattern11.test(key2)){
if(!(validate21(data6[key2], {instancePath:instancePath+"/Environment/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data6,parentDataProperty:key2,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
}
else {
const err5 = {instancePath:instancePath+"/Environment",schemaPath:"#/properties/Environment/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.NetworkConfig !== undefined){
let data8 = data.NetworkConfig;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
for(const key3 in data8){
if(!(((key3 === "EnableInterContainerTrafficEncryption") || (key3 === "EnableNetworkIsolation")) || (key3 === "VpcConfig"))){
const err6 = {instancePath:instancePath+"/NetworkConfig",schemaPath:"#/properties/NetworkConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data8.EnableInterContainerTrafficEncryption !== undefined){
if(!(validate28(data8.EnableInterContainerTrafficEncryption, {instancePath:instancePath+"/NetworkConfig/EnableInterContainerTrafficEncryption",parentData:data8,parentDataProperty:"EnableInterContainerTrafficEncryption",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
if(data8.EnableNetworkIsolation !== undefined){
if(!(validate28(data8.EnableNetworkIsolation, {instancePath:instancePath+"/NetworkConfig/EnableNetworkIsolation",parentData:data8,parentDataProperty:"EnableNetworkIsolation",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
if(data8.VpcConfig !== undefined){
if(!(validate111(data8.VpcConfig, {instancePath:instancePath+"/NetworkConfig/VpcConfig",parentData:data8,parentDataProperty:"VpcConfig",rootData}))){
vErrors = vErrors === null ? validate111.errors : vErrors.concat(validate111.errors);
errors = vErrors.length;
}
}
}
else {
const err7 = {instancePath:instancePath+"/NetworkConfig",schemaPath:"#/properties/NetworkConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.ProcessingInputs !== undefined){
let data12 = data.ProcessingInputs;
if(Array.isArray(data12)){
const len2 = data12.length;
for(let i2=0; i2<len2; i2++){
let data13 = data12[i2];
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
for(const key4 in data13){
if(!((key4 === "InputName") || (key4 === "S3Input"))){
const err8 = {instancePath:instancePath+"/ProcessingInputs/" + i2,schemaPath:"#/properties/ProcessingInputs/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data13.InputName !== undefined){
if(!(validate21(data13.InputName, {instancePath:instancePath+"/ProcessingInputs/" + i2+"/InputName",parentData:data13,parentDataProperty:"InputName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data13.S3Input !== undefined){
let data15 = data13.S3Input;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
for(const key5 in data15){
if(!((((((key5 === "LocalPath") || (key5 === "S3CompressionType")) || (key5 === "S3DataDistributionType")) || (key5 === "S3DataType")) || (key5 === "S3InputMode")) || (key5 === "S3Uri"))){
const err9 = {instancePath:instancePath+"/ProcessingInputs/" + i2+"/S3Input",schemaPath:"#/properties/ProcessingInputs/items/properties/S3Input/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data15.LocalPath !== undefined){
if(!(validate21(data15.LocalPath, {instancePath:instancePath+"/ProcessingInputs/" + i2+"/S3Input/LocalPath",parentData:data15,parentDataProperty:"LocalPath",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data15.S3CompressionType !== undefined){
if(!(validate21(data15.S3CompressionType, {instancePath:instancePath+"/ProcessingInputs/" + i2+"/S3Input/S3CompressionType",parentData:data15,parentDataProperty:"S3CompressionType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data15.S3DataDistributionType !== undefined){
if(!(validate21(data15.S3DataDistributionType, {instancePath:instancePath+"/ProcessingInputs/" + i2+"/S3Input/S3DataDistributionType",parentData:data15,parentDataProperty:"S3DataDistributionType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data15.S3DataType !== undefined){
if(!(validate21(data15.S3DataType, {instancePath:instancePath+"/ProcessingInputs/" + i2+"/S3Input/S3DataType",parentData:data15,parentDataProperty:"S3DataType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data15.S3InputMode !== undefined){
if(!(validate21(data15.S3InputMode, {instancePath:instancePath+"/ProcessingInputs/" + i2+"/S3Input/S3InputMode",parentData:data15,parentDataProperty:"S3InputMode",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data15.S3Uri !== undefined){
if(!(validate21(data15.S3Uri, {instancePath:instancePath+"/ProcessingInputs/" + i2+"/S3Input/S3Uri",parentData:data15,parentDataProperty:"S3Uri",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err10 = {instancePath:instancePath+"/ProcessingInputs/" + i2+"/S3Input",schemaPath:"#/properties/ProcessingInputs/items/properties/S3Input/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/ProcessingInputs/" + i2,schemaPath:"#/properties/ProcessingInputs/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/ProcessingInputs",schemaPath:"#/properties/ProcessingInputs/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.ProcessingOutputConfig !== undefined){
let data22 = data.ProcessingOutputConfig;
if(data22 && typeof data22 == "object" && !Array.isArray(data22)){
for(const key6 in data22){
if(!((key6 === "KmsKeyId") || (key6 === "Outputs"))){
const err13 = {instancePath:instancePath+"/ProcessingOutputConfig",schemaPath:"#/properties/ProcessingOutputConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data22.KmsKeyId !== undefined){
if(!(validate21(data22.KmsKeyId, {instancePath:instancePath+"/ProcessingOutputConfig/KmsKeyId",parentData:data22,parentDataProperty:"KmsKeyId",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data22.Outputs !== undefined){
let data24 = data22.Outputs;
if(Array.isArray(data24)){
const len3 = data24.length;
for(let i3=0; i3<len3; i3++){
let data25 = data24[i3];
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
for(const key7 in data25){
if(!((key7 === "OutputName") || (key7 === "S3Output"))){
const err14 = {instancePath:instancePath+"/ProcessingOutputConfig/Outputs/" + i3,schemaPath:"#/properties/ProcessingOutputConfig/properties/Outputs/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data25.OutputName !== undefined){
if(!(validate21(data25.OutputName, {instancePath:instancePath+"/ProcessingOutputConfig/Outputs/" + i3+"/OutputName",parentData:data25,parentDataProperty:"OutputName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data25.S3Output !== undefined){
let data27 = data25.S3Output;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
for(const key8 in data27){
if(!(((key8 === "LocalPath") || (key8 === "S3UploadMode")) || (key8 === "S3Uri"))){
const err15 = {instancePath:instancePath+"/ProcessingOutputConfig/Outputs/" + i3+"/S3Output",schemaPath:"#/properties/ProcessingOutputConfig/properties/Outputs/items/properties/S3Output/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data27.LocalPath !== undefined){
if(!(validate21(data27.LocalPath, {instancePath:instancePath+"/ProcessingOutputConfig/Outputs/" + i3+"/S3Output/LocalPath",parentData:data27,parentDataProperty:"LocalPath",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data27.S3UploadMode !== undefined){
if(!(validate21(data27.S3UploadMode, {instancePath:instancePath+"/ProcessingOutputConfig/Outputs/" + i3+"/S3Output/S3UploadMode",parentData:data27,parentDataProperty:"S3UploadMode",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data27.S3Uri !== undefined){
if(!(validate21(data27.S3Uri, {instancePath:instancePath+"/ProcessingOutputConfig/Outputs/" + i3+"/S3Output/S3Uri",parentData:data27,parentDataProperty:"S3Uri",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err16 = {instancePath:instancePath+"/ProcessingOutputConfig/Outputs/" + i3+"/S3Output",schemaPath:"#/properties/ProcessingOutputConfig/properties/Outputs/items/properties/S3Output/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/ProcessingOutputConfig/Outputs/" + i3,schemaPath:"#/properties/ProcessingOutputConfig/properties/Outputs/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath:instancePath+"/ProcessingOutputConfig/Outputs",schemaPath:"#/properties/ProcessingOutputConfig/properties/Outputs/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/ProcessingOutputConfig",schemaPath:"#/properties/ProcessingOutputConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.ProcessingResources !== undefined){
let data31 = data.ProcessingResources;
if(data31 && typeof data31 == "object" && !Array.isArray(data31)){
for(const key9 in data31){
if(!(key9 === "ClusterConfig")){
const err20 = {instancePath:instancePath+"/ProcessingResources",schemaPath:"#/properties/ProcessingResources/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data31.ClusterConfig !== undefined){
let data32 = data31.ClusterConfig;
if(data32 && typeof data32 == "object" && !Array.isArray(data32)){
for(const key10 in data32){
if(!((((key10 === "InstanceCount") || (key10 === "InstanceType")) || (key10 === "VolumeKmsKeyId")) || (key10 === "VolumeSizeInGB"))){
const err21 = {instancePath:instancePath+"/ProcessingResources/ClusterConfig",schemaPath:"#/properties/ProcessingResources/properties/ClusterConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data32.InstanceCount !== undefined){
if(!(validate31(data32.InstanceCount, {instancePath:instancePath+"/ProcessingResources/ClusterConfig/InstanceCount",parentData:data32,parentDataProperty:"InstanceCount",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data32.InstanceType !== undefined){
if(!(validate21(data32.InstanceType, {instancePath:instancePath+"/ProcessingResources/ClusterConfig/InstanceType",parentData:data32,parentDataProperty:"InstanceType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data32.VolumeKmsKeyId !== undefined){
if(!(validate21(data32.VolumeKmsKeyId, {instancePath:instancePath+"/ProcessingResources/ClusterConfig/VolumeKmsKeyId",parentData:data32,parentDataProperty:"VolumeKmsKeyId",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data32.VolumeSizeInGB !== undefined){
if(!(validate31(data32.VolumeSizeInGB, {instancePath:instancePath+"/ProcessingResources/ClusterConfig/VolumeSizeInGB",parentData:data32,parentDataProperty:"VolumeSizeInGB",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
}
else {
const err22 = {instancePath:instancePath+"/ProcessingResources/ClusterConfig",schemaPath:"#/properties/ProcessingResources/properties/ClusterConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/ProcessingResources",schemaPath:"#/properties/ProcessingResources/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.RoleArn !== undefined){
if(!(validate21(data.RoleArn, {instancePath:instancePath+"/RoleArn",parentData:data,parentDataProperty:"RoleArn",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data.StoppingCondition !== undefined){
let data38 = data.StoppingCondition;
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
for(const key11 in data38){
if(!(key11 === "MaxRuntimeInSeconds")){
const err24 = {instancePath:instancePath+"/StoppingCondition",schemaPath:"#/properties/StoppingCondition/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data38.MaxRuntimeInSeconds !== undefined){
if(!(validate31(data38.MaxRuntimeInSeconds, {instancePath:instancePath+"/StoppingCondition/MaxRuntimeInSeconds",parentData:data38,parentDataProperty:"MaxRuntimeInSeconds",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
}
else {
const err25 = {instancePath:instancePath+"/StoppingCondition",schemaPath:"#/properties/StoppingCondition/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.Tags !== undefined){
let data40 = data.Tags;
if(Array.isArray(data40)){
const len4 = data40.length;
for(let i4=0; i4<len4; i4++){
if(!(validate104(data40[i4], {instancePath:instancePath+"/Tags/" + i4,parentData:data40,parentDataProperty:i4,rootData}))){
vErrors = vErrors === null ? validate104.errors : vErrors.concat(validate104.errors);
errors = vErrors.length;
}
}
}
else {
const err26 = {instancePath:instancePath+"/Tags",schemaPath:"#/properties/Tags/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.ProcessingJobName !== undefined){
if(!(validate21(data.ProcessingJobName, {instancePath:instancePath+"/ProcessingJobName",parentData:data,parentDataProperty:"ProcessingJobName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err27 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
validate121.errors = vErrors;
return errors === 0;
}


function validate120(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.Name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.Arguments === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Arguments"},message:"must have required property '"+"Arguments"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(func18.call(schema58.properties, key0))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.Name !== undefined){
let data0 = data.Name;
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err4 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.Type !== undefined){
let data1 = data.Type;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!(data1 === "Processing")){
const err7 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema58.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.DependsOn !== undefined){
let data2 = data.DependsOn;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(!pattern1.test(data3)){
const err8 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/DependsOn",schemaPath:"#/properties/DependsOn/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.DisplayName !== undefined){
let data4 = data.DisplayName;
if(typeof data4 === "string"){
if(!pattern1.test(data4)){
const err11 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.Description !== undefined){
let data5 = data.Description;
if(typeof data5 === "string"){
if(func2(data5) > 4096){
const err13 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(func2(data5) < 0){
const err14 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.RetryPolicies !== undefined){
let data6 = data.RetryPolicies;
if(Array.isArray(data6)){
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
let data7 = data6[i1];
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.ExceptionType === undefined){
const err16 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/required",keyword:"required",params:{missingProperty: "ExceptionType"},message:"must have required property '"+"ExceptionType"+"'"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
for(const key1 in data7){
if(!(((((key1 === "ExceptionType") || (key1 === "IntervalSeconds")) || (key1 === "BackoffRate")) || (key1 === "ExpireAfterMin")) || (key1 === "MaxAttempts"))){
const err17 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data7.ExceptionType !== undefined){
let data8 = data7.ExceptionType;
if(Array.isArray(data8)){
if(data8.length < 1){
const err18 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType",schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
let data9 = data8[i2];
if(typeof data9 !== "string"){
const err19 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType/" + i2,schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(!((((((data9 === "Step.SERVICE_FAULT") || (data9 === "Step.THROTTLING")) || (data9 === "SageMaker.JOB_INTERNAL_ERROR")) || (data9 === "SageMaker.CAPACITY_ERROR")) || (data9 === "SageMaker.RESOURCE_LIMIT")) || (data9 === "Emr.RESOURCE_LIMIT"))){
const err20 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType/" + i2,schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/items/enum",keyword:"enum",params:{allowedValues: schema49.properties.ExceptionType.items.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType",schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data7.IntervalSeconds !== undefined){
let data10 = data7.IntervalSeconds;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
const err22 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/IntervalSeconds",schemaPath:"#/definitions/RetryPolicy/properties/IntervalSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data7.BackoffRate !== undefined){
if(!(typeof data7.BackoffRate == "number")){
const err23 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/BackoffRate",schemaPath:"#/definitions/RetryPolicy/properties/BackoffRate/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data7.ExpireAfterMin !== undefined){
let data12 = data7.ExpireAfterMin;
if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){
const err24 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExpireAfterMin",schemaPath:"#/definitions/RetryPolicy/properties/ExpireAfterMin/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data7.MaxAttempts !== undefined){
let data13 = data7.MaxAttempts;
if(!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))){
const err25 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/MaxAttempts",schemaPath:"#/definitions/RetryPolicy/properties/MaxAttempts/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/RetryPolicies",schemaPath:"#/properties/RetryPolicies/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.CacheConfig !== undefined){
let data14 = data.CacheConfig;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
for(const key2 in data14){
if(!((key2 === "Enabled") || (key2 === "ExpireAfter"))){
const err28 = {instancePath:instancePath+"/CacheConfig",schemaPath:"#/definitions/CacheConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data14.Enabled !== undefined){
if(typeof data14.Enabled !== "boolean"){
const err29 = {instancePath:instancePath+"/CacheConfig/Enabled",schemaPath:"#/definitions/CacheConfig/properties/Enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data14.ExpireAfter !== undefined){
if(typeof data14.ExpireAfter !== "string"){
const err30 = {instancePath:instancePath+"/CacheConfig/ExpireAfter",schemaPath:"#/definitions/CacheConfig/properties/ExpireAfter/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/CacheConfig",schemaPath:"#/definitions/CacheConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.Arguments !== undefined){
if(!(validate121(data.Arguments, {instancePath:instancePath+"/Arguments",parentData:data,parentDataProperty:"Arguments",rootData}))){
vErrors = vErrors === null ? validate121.errors : vErrors.concat(validate121.errors);
errors = vErrors.length;
}
}
if(data.PropertyFiles !== undefined){
let data18 = data.PropertyFiles;
if(Array.isArray(data18)){
const len3 = data18.length;
for(let i3=0; i3<len3; i3++){
let data19 = data18[i3];
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if(data19.PropertyFileName === undefined){
const err32 = {instancePath:instancePath+"/PropertyFiles/" + i3,schemaPath:"#/properties/PropertyFiles/items/required",keyword:"required",params:{missingProperty: "PropertyFileName"},message:"must have required property '"+"PropertyFileName"+"'"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(data19.OutputName === undefined){
const err33 = {instancePath:instancePath+"/PropertyFiles/" + i3,schemaPath:"#/properties/PropertyFiles/items/required",keyword:"required",params:{missingProperty: "OutputName"},message:"must have required property '"+"OutputName"+"'"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(data19.FilePath === undefined){
const err34 = {instancePath:instancePath+"/PropertyFiles/" + i3,schemaPath:"#/properties/PropertyFiles/items/required",keyword:"required",params:{missingProperty: "FilePath"},message:"must have required property '"+"FilePath"+"'"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
for(const key3 in data19){
if(!(((key3 === "PropertyFileName") || (key3 === "OutputName")) || (key3 === "FilePath"))){
const err35 = {instancePath:instancePath+"/PropertyFiles/" + i3,schemaPath:"#/properties/PropertyFiles/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data19.PropertyFileName !== undefined){
let data20 = data19.PropertyFileName;
if(typeof data20 === "string"){
if(!pattern1.test(data20)){
const err36 = {instancePath:instancePath+"/PropertyFiles/" + i3+"/PropertyFileName",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
else {
const err37 = {instancePath:instancePath+"/PropertyFiles/" + i3+"/PropertyFileName",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data19.OutputName !== undefined){
let data21 = data19.OutputName;
if(typeof data21 === "string"){
if(func2(data21) < 1){
const err38 = {instancePath:instancePath+"/PropertyFiles/" + i3+"/OutputName",schemaPath:"#/properties/PropertyFiles/items/properties/OutputName/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/PropertyFiles/" + i3+"/OutputName",schemaPath:"#/properties/PropertyFiles/items/properties/OutputName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data19.FilePath !== undefined){
let data22 = data19.FilePath;
if(typeof data22 === "string"){
if(func2(data22) < 1){
const err40 = {instancePath:instancePath+"/PropertyFiles/" + i3+"/FilePath",schemaPath:"#/properties/PropertyFiles/items/properties/FilePath/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
else {
const err41 = {instancePath:instancePath+"/PropertyFiles/" + i3+"/FilePath",schemaPath:"#/properties/PropertyFiles/items/properties/FilePath/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
else {
const err42 = {instancePath:instancePath+"/PropertyFiles/" + i3,schemaPath:"#/properties/PropertyFiles/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath:instancePath+"/PropertyFiles",schemaPath:"#/properties/PropertyFiles/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
else {
const err44 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
validate120.errors = vErrors;
return errors === 0;
}

const schema67 = {"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Transform"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"RetryPolicies":{"type":"array","items":{"$ref":"#/definitions/RetryPolicy"}},"CacheConfig":{"$ref":"#/definitions/CacheConfig"},"Arguments":{"type":"object","properties":{"BatchStrategy":{"$ref":"#/definitions/StringArgumentValue"},"DataProcessing":{"type":"object","properties":{"InputFilter":{"$ref":"#/definitions/StringArgumentValue"},"JoinSource":{"$ref":"#/definitions/StringArgumentValue"},"OutputFilter":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"Environment":{"type":"object","patternProperties":{".*":{"$ref":"#/definitions/StringArgumentValue"}}},"MaxConcurrentTransforms":{"$ref":"#/definitions/IntegerArgumentValue"},"MaxPayloadInMB":{"$ref":"#/definitions/IntegerArgumentValue"},"ModelClientConfig":{"type":"object","properties":{"InvocationsMaxRetries":{"$ref":"#/definitions/IntegerArgumentValue"},"InvocationsTimeoutInSeconds":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false},"Tags":{"type":"array","items":{"$ref":"#/definitions/Tag"}},"ModelName":{"$ref":"#/definitions/StringArgumentValue"},"TransformInput":{"type":"object","properties":{"CompressionType":{"$ref":"#/definitions/StringArgumentValue"},"ContentType":{"$ref":"#/definitions/StringArgumentValue"},"DataSource":{"type":"object","properties":{"S3DataSource":{"type":"object","properties":{"S3DataType":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false},"SplitType":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"TransformJobName":{"$ref":"#/definitions/StringArgumentValue"},"TransformOutput":{"type":"object","properties":{"Accept":{"$ref":"#/definitions/StringArgumentValue"},"AssembleWith":{"$ref":"#/definitions/StringArgumentValue"},"KmsKeyId":{"$ref":"#/definitions/StringArgumentValue"},"S3OutputPath":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"TransformResources":{"type":"object","properties":{"InstanceCount":{"$ref":"#/definitions/IntegerArgumentValue"},"InstanceType":{"$ref":"#/definitions/StringArgumentValue"},"VolumeKmsKeyId":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false}},"required":["Type","Name","Arguments"],"additionalProperties":false};

function validate151(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.Name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.Arguments === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Arguments"},message:"must have required property '"+"Arguments"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "Name") || (key0 === "Type")) || (key0 === "DependsOn")) || (key0 === "DisplayName")) || (key0 === "Description")) || (key0 === "RetryPolicies")) || (key0 === "CacheConfig")) || (key0 === "Arguments"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.Name !== undefined){
let data0 = data.Name;
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err4 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.Type !== undefined){
let data1 = data.Type;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!(data1 === "Transform")){
const err7 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema67.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.DependsOn !== undefined){
let data2 = data.DependsOn;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(!pattern1.test(data3)){
const err8 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/DependsOn",schemaPath:"#/properties/DependsOn/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.DisplayName !== undefined){
let data4 = data.DisplayName;
if(typeof data4 === "string"){
if(!pattern1.test(data4)){
const err11 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.Description !== undefined){
let data5 = data.Description;
if(typeof data5 === "string"){
if(func2(data5) > 4096){
const err13 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(func2(data5) < 0){
const err14 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.RetryPolicies !== undefined){
let data6 = data.RetryPolicies;
if(Array.isArray(data6)){
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
let data7 = data6[i1];
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.ExceptionType === undefined){
const err16 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/required",keyword:"required",params:{missingProperty: "ExceptionType"},message:"must have required property '"+"ExceptionType"+"'"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
for(const key1 in data7){
if(!(((((key1 === "ExceptionType") || (key1 === "IntervalSeconds")) || (key1 === "BackoffRate")) || (key1 === "ExpireAfterMin")) || (key1 === "MaxAttempts"))){
const err17 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data7.ExceptionType !== undefined){
let data8 = data7.ExceptionType;
if(Array.isArray(data8)){
if(data8.length < 1){
const err18 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType",schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
let data9 = data8[i2];
if(typeof data9 !== "string"){
const err19 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType/" + i2,schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(!((((((data9 === "Step.SERVICE_FAULT") || (data9 === "Step.THROTTLING")) || (data9 === "SageMaker.JOB_INTERNAL_ERROR")) || (data9 === "SageMaker.CAPACITY_ERROR")) || (data9 === "SageMaker.RESOURCE_LIMIT")) || (data9 === "Emr.RESOURCE_LIMIT"))){
const err20 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType/" + i2,schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/items/enum",keyword:"enum",params:{allowedValues: schema49.properties.ExceptionType.items.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType",schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data7.IntervalSeconds !== undefined){
let data10 = data7.IntervalSeconds;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
const err22 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/IntervalSeconds",schemaPath:"#/definitions/RetryPolicy/properties/IntervalSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data7.BackoffRate !== undefined){
if(!(typeof data7.BackoffRate == "number")){
const err23 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/BackoffRate",schemaPath:"#/definitions/RetryPolicy/properties/BackoffRate/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data7.ExpireAfterMin !== undefined){
let data12 = data7.ExpireAfterMin;
if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){
const err24 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExpireAfterMin",schemaPath:"#/definitions/RetryPolicy/properties/ExpireAfterMin/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data7.MaxAttempts !== undefined){
let data13 = data7.MaxAttempts;
if(!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))){
const err25 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/MaxAttempts",schemaPath:"#/definitions/RetryPolicy/properties/MaxAttempts/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/RetryPolicies",schemaPath:"#/properties/RetryPolicies/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.CacheConfig !== undefined){
let data14 = data.CacheConfig;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
for(const key2 in data14){
if(!((key2 === "Enabled") || (key2 === "ExpireAfter"))){
const err28 = {instancePath:instancePath+"/CacheConfig",schemaPath:"#/definitions/CacheConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data14.Enabled !== undefined){
if(typeof data14.Enabled !== "boolean"){
const err29 = {instancePath:instancePath+"/CacheConfig/Enabled",schemaPath:"#/definitions/CacheConfig/properties/Enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data14.ExpireAfter !== undefined){
if(typeof data14.ExpireAfter !== "string"){
const err30 = {instancePath:instancePath+"/CacheConfig/ExpireAfter",schemaPath:"#/definitions/CacheConfig/properties/ExpireAfter/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/CacheConfig",schemaPath:"#/definitions/CacheConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.Arguments !== undefined){
let data17 = data.Arguments;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
for(const key3 in data17){
if(!(func18.call(schema67.properties.Arguments.properties, key3))){
const err32 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data17.BatchStrategy !== undefined){
if(!(validate21(data17.BatchStrategy, {instancePath:instancePath+"/Arguments/BatchStrategy",parentData:data17,parentDataProperty:"BatchStrategy",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data17.DataProcessing !== undefined){
let data19 = data17.DataProcessing;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
for(const key4 in data19){
if(!(((key4 === "InputFilter") || (key4 === "JoinSource")) || (key4 === "OutputFilter"))){
const err33 = {instancePath:instancePath+"/Arguments/DataProcessing",schemaPath:"#/properties/Arguments/properties/DataProcessing/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data19.InputFilter !== undefined){
if(!(validate21(data19.InputFilter, {instancePath:instancePath+"/Arguments/DataProcessing/InputFilter",parentData:data19,parentDataProperty:"InputFilter",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data19.JoinSource !== undefined){
if(!(validate21(data19.JoinSource, {instancePath:instancePath+"/Arguments/DataProcessing/JoinSource",parentData:data19,parentDataProperty:"JoinSource",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data19.OutputFilter !== undefined){
if(!(validate21(data19.OutputFilter, {instancePath:instancePath+"/Arguments/DataProcessing/OutputFilter",parentData:data19,parentDataProperty:"OutputFilter",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err34 = {instancePath:instancePath+"/Arguments/DataProcessing",schemaPath:"#/properties/Arguments/properties/DataProcessing/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data17.Environment !== undefined){
let data23 = data17.Environment;
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
for(const key5 in data23){
if(pattern11.test(key5)){
if(!(validate21(data23[key5], {instancePath:instancePath+"/Arguments/Environment/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data23,parentDataProperty:key5,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
}
else {
const err35 = {instancePath:instancePath+"/Arguments/Environment",schemaPath:"#/properties/Arguments/properties/Environment/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data17.MaxConcurrentTransforms !== undefined){
if(!(validate31(data17.MaxConcurrentTransforms, {instancePath:instancePath+"/Arguments/MaxConcurrentTransforms",parentData:data17,parentDataProperty:"MaxConcurrentTransforms",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data17.MaxPayloadInMB !== undefined){
if(!(validate31(data17.MaxPayloadInMB, {instancePath:instancePath+"/Arguments/MaxPayloadInMB",parentData:data17,parentDataProperty:"MaxPayloadInMB",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data17.ModelClientConfig !== undefined){
let data27 = data17.ModelClientConfig;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
for(const key6 in data27){
if(!((key6 === "InvocationsMaxRetries") || (key6 === "InvocationsTimeoutInSeconds"))){
const err36 = {instancePath:instancePath+"/Arguments/ModelClientConfig",schemaPath:"#/properties/Arguments/properties/ModelClientConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data27.InvocationsMaxRetries !== undefined){
if(!(validate31(data27.InvocationsMaxRetries, {instancePath:instancePath+"/Arguments/ModelClientConfig/InvocationsMaxRetries",parentData:data27,parentDataProperty:"InvocationsMaxRetries",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data27.InvocationsTimeoutInSeconds !== undefined){
if(!(validate31(data27.InvocationsTimeoutInSeconds, {instancePath:instancePath+"/Arguments/ModelClientConfig/InvocationsTimeoutInSeconds",parentData:data27,parentDataProperty:"InvocationsTimeoutInSeconds",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
}
else {
const err37 = {instancePath:instancePath+"/Arguments/ModelClientConfig",schemaPath:"#/properties/Arguments/properties/ModelClientConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data17.Tags !== undefined){
let data30 = data17.Tags;
if(Array.isArray(data30)){
const len3 = data30.length;
for(let i3=0; i3<len3; i3++){
if(!(validate104(data30[i3], {instancePath:instancePath+"/Arguments/Tags/" + i3,parentData:data30,parentDataProperty:i3,rootData}))){
vErrors = vErrors === null ? validate104.errors : vErrors.concat(validate104.errors);
errors = vErrors.length;
}
}
}
else {
const err38 = {instancePath:instancePath+"/Arguments/Tags",schemaPath:"#/properties/Arguments/properties/Tags/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data17.ModelName !== undefined){
if(!(validate21(data17.ModelName, {instancePath:instancePath+"/Arguments/ModelName",parentData:data17,parentDataProperty:"ModelName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data17.TransformInput !== undefined){
let data33 = data17.TransformInput;
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
for(const key7 in data33){
if(!((((key7 === "CompressionType") || (key7 === "ContentType")) || (key7 === "DataSource")) || (key7 === "SplitType"))){
const err39 = {instancePath:instancePath+"/Arguments/TransformInput",schemaPath:"#/properties/Arguments/properties/TransformInput/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data33.CompressionType !== undefined){
if(!(validate21(data33.CompressionType, {instancePath:instancePath+"/Arguments/TransformInput/CompressionType",parentData:data33,parentDataProperty:"CompressionType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data33.ContentType !== undefined){
if(!(validate21(data33.ContentType, {instancePath:instancePath+"/Arguments/TransformInput/ContentType",parentData:data33,parentDataProperty:"ContentType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data33.DataSource !== undefined){
let data36 = data33.DataSource;
if(data36 && typeof data36 == "object" && !Array.isArray(data36)){
for(const key8 in data36){
if(!(key8 === "S3DataSource")){
const err40 = {instancePath:instancePath+"/Arguments/TransformInput/DataSource",schemaPath:"#/properties/Arguments/properties/TransformInput/properties/DataSource/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data36.S3DataSource !== undefined){
let data37 = data36.S3DataSource;
if(data37 && typeof data37 == "object" && !Array.isArray(data37)){
for(const key9 in data37){
if(!((key9 === "S3DataType") || (key9 === "S3Uri"))){
const err41 = {instancePath:instancePath+"/Arguments/TransformInput/DataSource/S3DataSource",schemaPath:"#/properties/Arguments/properties/TransformInput/properties/DataSource/properties/S3DataSource/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data37.S3DataType !== undefined){
if(!(validate21(data37.S3DataType, {instancePath:instancePath+"/Arguments/TransformInput/DataSource/S3DataSource/S3DataType",parentData:data37,parentDataProperty:"S3DataType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data37.S3Uri !== undefined){
if(!(validate21(data37.S3Uri, {instancePath:instancePath+"/Arguments/TransformInput/DataSource/S3DataSource/S3Uri",parentData:data37,parentDataProperty:"S3Uri",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err42 = {instancePath:instancePath+"/Arguments/TransformInput/DataSource/S3DataSource",schemaPath:"#/properties/Arguments/properties/TransformInput/properties/DataSource/properties/S3DataSource/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath:instancePath+"/Arguments/TransformInput/DataSource",schemaPath:"#/properties/Arguments/properties/TransformInput/properties/DataSource/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data33.SplitType !== undefined){
if(!(validate21(data33.SplitType, {instancePath:instancePath+"/Arguments/TransformInput/SplitType",parentData:data33,parentDataProperty:"SplitType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err44 = {instancePath:instancePath+"/Arguments/TransformInput",schemaPath:"#/properties/Arguments/properties/TransformInput/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data17.TransformJobName !== undefined){
if(!(validate21(data17.TransformJobName, {instancePath:instancePath+"/Arguments/TransformJobName",parentData:data17,parentDataProperty:"TransformJobName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data17.TransformOutput !== undefined){
let data42 = data17.TransformOutput;
if(data42 && typeof data42 == "object" && !Array.isArray(data42)){
for(const key10 in data42){
if(!((((key10 === "Accept") || (key10 === "AssembleWith")) || (key10 === "KmsKeyId")) || (key10 === "S3OutputPath"))){
const err45 = {instancePath:instancePath+"/Arguments/TransformOutput",schemaPath:"#/properties/Arguments/properties/TransformOutput/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data42.Accept !== undefined){
if(!(validate21(data42.Accept, {instancePath:instancePath+"/Arguments/TransformOutput/Accept",parentData:data42,parentDataProperty:"Accept",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data42.AssembleWith !== undefined){
if(!(validate21(data42.AssembleWith, {instancePath:instancePath+"/Arguments/TransformOutput/AssembleWith",parentData:data42,parentDataProperty:"AssembleWith",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data42.KmsKeyId !== undefined){
if(!(validate21(data42.KmsKeyId, {instancePath:instancePath+"/Arguments/TransformOutput/KmsKeyId",parentData:data42,parentDataProperty:"KmsKeyId",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data42.S3OutputPath !== undefined){
if(!(validate21(data42.S3OutputPath, {instancePath:instancePath+"/Arguments/TransformOutput/S3OutputPath",parentData:data42,parentDataProperty:"S3OutputPath",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err46 = {instancePath:instancePath+"/Arguments/TransformOutput",schemaPath:"#/properties/Arguments/properties/TransformOutput/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data17.TransformResources !== undefined){
let data47 = data17.TransformResources;
if(data47 && typeof data47 == "object" && !Array.isArray(data47)){
for(const key11 in data47){
if(!(((key11 === "InstanceCount") || (key11 === "InstanceType")) || (key11 === "VolumeKmsKeyId"))){
const err47 = {instancePath:instancePath+"/Arguments/TransformResources",schemaPath:"#/properties/Arguments/properties/TransformResources/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data47.InstanceCount !== undefined){
if(!(validate31(data47.InstanceCount, {instancePath:instancePath+"/Arguments/TransformResources/InstanceCount",parentData:data47,parentDataProperty:"InstanceCount",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data47.InstanceType !== undefined){
if(!(validate21(data47.InstanceType, {instancePath:instancePath+"/Arguments/TransformResources/InstanceType",parentData:data47,parentDataProperty:"InstanceType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data47.VolumeKmsKeyId !== undefined){
if(!(validate21(data47.VolumeKmsKeyId, {instancePath:instancePath+"/Arguments/TransformResources/VolumeKmsKeyId",parentData:data47,parentDataProperty:"VolumeKmsKeyId",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err48 = {instancePath:instancePath+"/Arguments/TransformResources",schemaPath:"#/properties/Arguments/properties/TransformResources/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
}
else {
const err49 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
}
else {
const err50 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
validate151.errors = vErrors;
return errors === 0;
}

const schema74 = {"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["RegisterModel"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"RetryPolicies":{"type":"array","items":{"$ref":"#/definitions/RetryPolicy"}},"Arguments":{"type":"object","properties":{"CertifyForMarketplace":{"$ref":"#/definitions/BooleanArgumentValue"},"InferenceSpecification":{"type":"object","properties":{"Containers":{"type":"array","items":{"type":"object","properties":{"ContainerHostname":{"$ref":"#/definitions/StringArgumentValue"},"Image":{"$ref":"#/definitions/StringArgumentValue"},"ImageDigest":{"$ref":"#/definitions/StringArgumentValue"},"ModelDataUrl":{"$ref":"#/definitions/StringArgumentValue"},"ProductId":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"SupportedContentTypes":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}},"SupportedRealtimeInferenceInstanceTypes":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}},"SupportedResponseMIMETypes":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}},"SupportedTransformInstanceTypes":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}}},"additionalProperties":false},"ModelPackageDescription":{"$ref":"#/definitions/StringArgumentValue"},"ModelPackageGroupName":{"$ref":"#/definitions/StringArgumentValue"},"ModelMetrics":{"type":"object","properties":{"ModelQuality":{"type":"object","properties":{"Statistics":{"type":"object","properties":{"ContentType":{"$ref":"#/definitions/StringArgumentValue"},"ContentDigest":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"Constraints":{"type":"object","properties":{"ContentType":{"$ref":"#/definitions/StringArgumentValue"},"ContentDigest":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false},"ModelDataQuality":{"type":"object","properties":{"Statistics":{"type":"object","properties":{"ContentType":{"$ref":"#/definitions/StringArgumentValue"},"ContentDigest":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"Constraints":{"type":"object","properties":{"ContentType":{"$ref":"#/definitions/StringArgumentValue"},"ContentDigest":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false},"Bias":{"type":"object","properties":{"Report":{"type":"object","properties":{"ContentType":{"$ref":"#/definitions/StringArgumentValue"},"ContentDigest":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false},"Explainability":{"type":"object","properties":{"Report":{"type":"object","properties":{"ContentType":{"$ref":"#/definitions/StringArgumentValue"},"ContentDigest":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false},"DeploymentSpecification":{"type":"object","properties":{"TestInput":{"type":"object","properties":{"CompressionType":{"$ref":"#/definitions/StringArgumentValue"},"ContentType":{"$ref":"#/definitions/StringArgumentValue"},"DataSource":{"type":"object","properties":{"S3DataSource":{"type":"object","properties":{"S3DataType":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false},"SplitType":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"HealthCheckConfig":{"type":"object","properties":{"NumPayloads":{"$ref":"#/definitions/IntegerArgumentValue"},"NumFailuresAllowed":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false}},"additionalProperties":false}},"additionalProperties":false},"ModelApprovalStatus":{"oneOf":[{"type":"string","enum":["Approved","Rejected","PendingManualApproval"]},{"$ref":"#/definitions/GetFunction"}]},"CustomerMetadataProperties":{"type":"object","maxProperties":50,"patternProperties":{"^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"ModelPackageName":{"$ref":"#/definitions/StringArgumentValue"},"additionalProperties":false}},"required":["Type","Name","Arguments"],"additionalProperties":false};
const pattern32 = new RegExp("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$", "u");

function validate177(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.Name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.Arguments === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Arguments"},message:"must have required property '"+"Arguments"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(((((((key0 === "Name") || (key0 === "Type")) || (key0 === "DependsOn")) || (key0 === "DisplayName")) || (key0 === "Description")) || (key0 === "RetryPolicies")) || (key0 === "Arguments"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.Name !== undefined){
let data0 = data.Name;
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err4 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.Type !== undefined){
let data1 = data.Type;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!(data1 === "RegisterModel")){
const err7 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema74.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.DependsOn !== undefined){
let data2 = data.DependsOn;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(!pattern1.test(data3)){
const err8 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/DependsOn",schemaPath:"#/properties/DependsOn/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.DisplayName !== undefined){
let data4 = data.DisplayName;
if(typeof data4 === "string"){
if(!pattern1.test(data4)){
const err11 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.Description !== undefined){
let data5 = data.Description;
if(typeof data5 === "string"){
if(func2(data5) > 4096){
const err13 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(func2(data5) < 0){
const err14 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.RetryPolicies !== undefined){
let data6 = data.RetryPolicies;
if(Array.isArray(data6)){
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
let data7 = data6[i1];
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.ExceptionType === undefined){
const err16 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/required",keyword:"required",params:{missingProperty: "ExceptionType"},message:"must have required property '"+"ExceptionType"+"'"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
for(const key1 in data7){
if(!(((((key1 === "ExceptionType") || (key1 === "IntervalSeconds")) || (key1 === "BackoffRate")) || (key1 === "ExpireAfterMin")) || (key1 === "MaxAttempts"))){
const err17 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data7.ExceptionType !== undefined){
let data8 = data7.ExceptionType;
if(Array.isArray(data8)){
if(data8.length < 1){
const err18 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType",schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
let data9 = data8[i2];
if(typeof data9 !== "string"){
const err19 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType/" + i2,schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(!((((((data9 === "Step.SERVICE_FAULT") || (data9 === "Step.THROTTLING")) || (data9 === "SageMaker.JOB_INTERNAL_ERROR")) || (data9 === "SageMaker.CAPACITY_ERROR")) || (data9 === "SageMaker.RESOURCE_LIMIT")) || (data9 === "Emr.RESOURCE_LIMIT"))){
const err20 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType/" + i2,schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/items/enum",keyword:"enum",params:{allowedValues: schema49.properties.ExceptionType.items.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType",schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data7.IntervalSeconds !== undefined){
let data10 = data7.IntervalSeconds;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
const err22 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/IntervalSeconds",schemaPath:"#/definitions/RetryPolicy/properties/IntervalSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data7.BackoffRate !== undefined){
if(!(typeof data7.BackoffRate == "number")){
const err23 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/BackoffRate",schemaPath:"#/definitions/RetryPolicy/properties/BackoffRate/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data7.ExpireAfterMin !== undefined){
let data12 = data7.ExpireAfterMin;
if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){
const err24 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExpireAfterMin",schemaPath:"#/definitions/RetryPolicy/properties/ExpireAfterMin/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data7.MaxAttempts !== undefined){
let data13 = data7.MaxAttempts;
if(!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))){
const err25 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/MaxAttempts",schemaPath:"#/definitions/RetryPolicy/properties/MaxAttempts/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/RetryPolicies",schemaPath:"#/properties/RetryPolicies/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.Arguments !== undefined){
let data14 = data.Arguments;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
for(const key2 in data14){
if(!(((((((key2 === "CertifyForMarketplace") || (key2 === "InferenceSpecification")) || (key2 === "ModelPackageDescription")) || (key2 === "ModelPackageGroupName")) || (key2 === "ModelMetrics")) || (key2 === "ModelApprovalStatus")) || (key2 === "CustomerMetadataProperties"))){
const err28 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data14.CertifyForMarketplace !== undefined){
if(!(validate28(data14.CertifyForMarketplace, {instancePath:instancePath+"/Arguments/CertifyForMarketplace",parentData:data14,parentDataProperty:"CertifyForMarketplace",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
if(data14.InferenceSpecification !== undefined){
let data16 = data14.InferenceSpecification;
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
for(const key3 in data16){
if(!(((((key3 === "Containers") || (key3 === "SupportedContentTypes")) || (key3 === "SupportedRealtimeInferenceInstanceTypes")) || (key3 === "SupportedResponseMIMETypes")) || (key3 === "SupportedTransformInstanceTypes"))){
const err29 = {instancePath:instancePath+"/Arguments/InferenceSpecification",schemaPath:"#/properties/Arguments/properties/InferenceSpecification/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data16.Containers !== undefined){
let data17 = data16.Containers;
if(Array.isArray(data17)){
const len3 = data17.length;
for(let i3=0; i3<len3; i3++){
let data18 = data17[i3];
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
for(const key4 in data18){
if(!(((((key4 === "ContainerHostname") || (key4 === "Image")) || (key4 === "ImageDigest")) || (key4 === "ModelDataUrl")) || (key4 === "ProductId"))){
const err30 = {instancePath:instancePath+"/Arguments/InferenceSpecification/Containers/" + i3,schemaPath:"#/properties/Arguments/properties/InferenceSpecification/properties/Containers/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data18.ContainerHostname !== undefined){
if(!(validate21(data18.ContainerHostname, {instancePath:instancePath+"/Arguments/InferenceSpecification/Containers/" + i3+"/ContainerHostname",parentData:data18,parentDataProperty:"ContainerHostname",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data18.Image !== undefined){
if(!(validate21(data18.Image, {instancePath:instancePath+"/Arguments/InferenceSpecification/Containers/" + i3+"/Image",parentData:data18,parentDataProperty:"Image",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data18.ImageDigest !== undefined){
if(!(validate21(data18.ImageDigest, {instancePath:instancePath+"/Arguments/InferenceSpecification/Containers/" + i3+"/ImageDigest",parentData:data18,parentDataProperty:"ImageDigest",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data18.ModelDataUrl !== undefined){
if(!(validate21(data18.ModelDataUrl, {instancePath:instancePath+"/Arguments/InferenceSpecification/Containers/" + i3+"/ModelDataUrl",parentData:data18,parentDataProperty:"ModelDataUrl",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data18.ProductId !== undefined){
if(!(validate21(data18.ProductId, {instancePath:instancePath+"/Arguments/InferenceSpecification/Containers/" + i3+"/ProductId",parentData:data18,parentDataProperty:"ProductId",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err31 = {instancePath:instancePath+"/Arguments/InferenceSpecification/Containers/" + i3,schemaPath:"#/properties/Arguments/properties/InferenceSpecification/properties/Containers/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/Arguments/InferenceSpecification/Containers",schemaPath:"#/properties/Arguments/properties/InferenceSpecification/properties/Containers/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data16.SupportedContentTypes !== undefined){
let data24 = data16.SupportedContentTypes;
if(Array.isArray(data24)){
const len4 = data24.length;
for(let i4=0; i4<len4; i4++){
if(!(validate21(data24[i4], {instancePath:instancePath+"/Arguments/InferenceSpecification/SupportedContentTypes/" + i4,parentData:data24,parentDataProperty:i4,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err33 = {instancePath:instancePath+"/Arguments/InferenceSpecification/SupportedContentTypes",schemaPath:"#/properties/Arguments/properties/InferenceSpecification/properties/SupportedContentTypes/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data16.SupportedRealtimeInferenceInstanceTypes !== undefined){
let data26 = data16.SupportedRealtimeInferenceInstanceTypes;
if(Array.isArray(data26)){
const len5 = data26.length;
for(let i5=0; i5<len5; i5++){
if(!(validate21(data26[i5], {instancePath:instancePath+"/Arguments/InferenceSpecification/SupportedRealtimeInferenceInstanceTypes/" + i5,parentData:data26,parentDataProperty:i5,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err34 = {instancePath:instancePath+"/Arguments/InferenceSpecification/SupportedRealtimeInferenceInstanceTypes",schemaPath:"#/properties/Arguments/properties/InferenceSpecification/properties/SupportedRealtimeInferenceInstanceTypes/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data16.SupportedResponseMIMETypes !== undefined){
let data28 = data16.SupportedResponseMIMETypes;
if(Array.isArray(data28)){
const len6 = data28.length;
for(let i6=0; i6<len6; i6++){
if(!(validate21(data28[i6], {instancePath:instancePath+"/Arguments/InferenceSpecification/SupportedResponseMIMETypes/" + i6,parentData:data28,parentDataProperty:i6,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err35 = {instancePath:instancePath+"/Arguments/InferenceSpecification/SupportedResponseMIMETypes",schemaPath:"#/properties/Arguments/properties/InferenceSpecification/properties/SupportedResponseMIMETypes/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data16.SupportedTransformInstanceTypes !== undefined){
let data30 = data16.SupportedTransformInstanceTypes;
if(Array.isArray(data30)){
const len7 = data30.length;
for(let i7=0; i7<len7; i7++){
if(!(validate21(data30[i7], {instancePath:instancePath+"/Arguments/InferenceSpecification/SupportedTransformInstanceTypes/" + i7,parentData:data30,parentDataProperty:i7,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err36 = {instancePath:instancePath+"/Arguments/InferenceSpecification/SupportedTransformInstanceTypes",schemaPath:"#/properties/Arguments/properties/InferenceSpecification/properties/SupportedTransformInstanceTypes/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
else {
const err37 = {instancePath:instancePath+"/Arguments/InferenceSpecification",schemaPath:"#/properties/Arguments/properties/InferenceSpecification/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data14.ModelPackageDescription !== undefined){
if(!(validate21(data14.ModelPackageDescription, {instancePath:instancePath+"/Arguments/ModelPackageDescription",parentData:data14,parentDataProperty:"ModelPackageDescription",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data14.ModelPackageGroupName !== undefined){
if(!(validate21(data14.ModelPackageGroupName, {instancePath:instancePath+"/Arguments/ModelPackageGroupName",parentData:data14,parentDataProperty:"ModelPackageGroupName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data14.ModelMetrics !== undefined){
let data34 = data14.ModelMetrics;
if(data34 && typeof data34 == "object" && !Array.isArray(data34)){
for(const key5 in data34){
if(!(((((key5 === "ModelQuality") || (key5 === "ModelDataQuality")) || (key5 === "Bias")) || (key5 === "Explainability")) || (key5 === "DeploymentSpecification"))){
const err38 = {instancePath:instancePath+"/Arguments/ModelMetrics",schemaPath:"#/properties/Arguments/properties/ModelMetrics/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data34.ModelQuality !== undefined){
let data35 = data34.ModelQuality;
if(data35 && typeof data35 == "object" && !Array.isArray(data35)){
for(const key6 in data35){
if(!((key6 === "Statistics") || (key6 === "Constraints"))){
const err39 = {instancePath:instancePath+"/Arguments/ModelMetrics/ModelQuality",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/ModelQuality/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data35.Statistics !== undefined){
let data36 = data35.Statistics;
if(data36 && typeof data36 == "object" && !Array.isArray(data36)){
for(const key7 in data36){
if(!(((key7 === "ContentType") || (key7 === "ContentDigest")) || (key7 === "S3Uri"))){
const err40 = {instancePath:instancePath+"/Arguments/ModelMetrics/ModelQuality/Statistics",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/ModelQuality/properties/Statistics/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data36.ContentType !== undefined){
if(!(validate21(data36.ContentType, {instancePath:instancePath+"/Arguments/ModelMetrics/ModelQuality/Statistics/ContentType",parentData:data36,parentDataProperty:"ContentType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data36.ContentDigest !== undefined){
if(!(validate21(data36.ContentDigest, {instancePath:instancePath+"/Arguments/ModelMetrics/ModelQuality/Statistics/ContentDigest",parentData:data36,parentDataProperty:"ContentDigest",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data36.S3Uri !== undefined){
if(!(validate21(data36.S3Uri, {instancePath:instancePath+"/Arguments/ModelMetrics/ModelQuality/Statistics/S3Uri",parentData:data36,parentDataProperty:"S3Uri",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err41 = {instancePath:instancePath+"/Arguments/ModelMetrics/ModelQuality/Statistics",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/ModelQuality/properties/Statistics/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data35.Constraints !== undefined){
let data40 = data35.Constraints;
if(data40 && typeof data40 == "object" && !Array.isArray(data40)){
for(const key8 in data40){
if(!(((key8 === "ContentType") || (key8 === "ContentDigest")) || (key8 === "S3Uri"))){
const err42 = {instancePath:instancePath+"/Arguments/ModelMetrics/ModelQuality/Constraints",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/ModelQuality/properties/Constraints/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data40.ContentType !== undefined){
if(!(validate21(data40.ContentType, {instancePath:instancePath+"/Arguments/ModelMetrics/ModelQuality/Constraints/ContentType",parentData:data40,parentDataProperty:"ContentType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data40.ContentDigest !== undefined){
if(!(validate21(data40.ContentDigest, {instancePath:instancePath+"/Arguments/ModelMetrics/ModelQuality/Constraints/ContentDigest",parentData:data40,parentDataProperty:"ContentDigest",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data40.S3Uri !== undefined){
if(!(validate21(data40.S3Uri, {instancePath:instancePath+"/Arguments/ModelMetrics/ModelQuality/Constraints/S3Uri",parentData:data40,parentDataProperty:"S3Uri",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err43 = {instancePath:instancePath+"/Arguments/ModelMetrics/ModelQuality/Constraints",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/ModelQuality/properties/Constraints/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
else {
const err44 = {instancePath:instancePath+"/Arguments/ModelMetrics/ModelQuality",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/ModelQuality/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data34.ModelDataQuality !== undefined){
let data44 = data34.ModelDataQuality;
if(data44 && typeof data44 == "object" && !Array.isArray(data44)){
for(const key9 in data44){
if(!((key9 === "Statistics") || (key9 === "Constraints"))){
const err45 = {instancePath:instancePath+"/Arguments/ModelMetrics/ModelDataQuality",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/ModelDataQuality/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data44.Statistics !== undefined){
let data45 = data44.Statistics;
if(data45 && typeof data45 == "object" && !Array.isArray(data45)){
for(const key10 in data45){
if(!(((key10 === "ContentType") || (key10 === "ContentDigest")) || (key10 === "S3Uri"))){
const err46 = {instancePath:instancePath+"/Arguments/ModelMetrics/ModelDataQuality/Statistics",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/ModelDataQuality/properties/Statistics/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data45.ContentType !== undefined){
if(!(validate21(data45.ContentType, {instancePath:instancePath+"/Arguments/ModelMetrics/ModelDataQuality/Statistics/ContentType",parentData:data45,parentDataProperty:"ContentType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data45.ContentDigest !== undefined){
if(!(validate21(data45.ContentDigest, {instancePath:instancePath+"/Arguments/ModelMetrics/ModelDataQuality/Statistics/ContentDigest",parentData:data45,parentDataProperty:"ContentDigest",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data45.S3Uri !== undefined){
if(!(validate21(data45.S3Uri, {instancePath:instancePath+"/Arguments/ModelMetrics/ModelDataQuality/Statistics/S3Uri",parentData:data45,parentDataProperty:"S3Uri",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err47 = {instancePath:instancePath+"/Arguments/ModelMetrics/ModelDataQuality/Statistics",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/ModelDataQuality/properties/Statistics/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data44.Constraints !== undefined){
let data49 = data44.Constraints;
if(data49 && typeof data49 == "object" && !Array.isArray(data49)){
for(const key11 in data49){
if(!(((key11 === "ContentType") || (key11 === "ContentDigest")) || (key11 === "S3Uri"))){
const err48 = {instancePath:instancePath+"/Arguments/ModelMetrics/ModelDataQuality/Constraints",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/ModelDataQuality/properties/Constraints/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data49.ContentType !== undefined){
if(!(validate21(data49.ContentType, {instancePath:instancePath+"/Arguments/ModelMetrics/ModelDataQuality/Constraints/ContentType",parentData:data49,parentDataProperty:"ContentType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data49.ContentDigest !== undefined){
if(!(validate21(data49.ContentDigest, {instancePath:instancePath+"/Arguments/ModelMetrics/ModelDataQuality/Constraints/ContentDigest",parentData:data49,parentDataProperty:"ContentDigest",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data49.S3Uri !== undefined){
if(!(validate21(data49.S3Uri, {instancePath:instancePath+"/Arguments/ModelMetrics/ModelDataQuality/Constraints/S3Uri",parentData:data49,parentDataProperty:"S3Uri",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err49 = {instancePath:instancePath+"/Arguments/ModelMetrics/ModelDataQuality/Constraints",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/ModelDataQuality/properties/Constraints/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
}
else {
const err50 = {instancePath:instancePath+"/Arguments/ModelMetrics/ModelDataQuality",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/ModelDataQuality/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data34.Bias !== undefined){
let data53 = data34.Bias;
if(data53 && typeof data53 == "object" && !Array.isArray(data53)){
for(const key12 in data53){
if(!(key12 === "Report")){
const err51 = {instancePath:instancePath+"/Arguments/ModelMetrics/Bias",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/Bias/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data53.Report !== undefined){
let data54 = data53.Report;
if(data54 && typeof data54 == "object" && !Array.isArray(data54)){
for(const key13 in data54){
if(!(((key13 === "ContentType") || (key13 === "ContentDigest")) || (key13 === "S3Uri"))){
const err52 = {instancePath:instancePath+"/Arguments/ModelMetrics/Bias/Report",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/Bias/properties/Report/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data54.ContentType !== undefined){
if(!(validate21(data54.ContentType, {instancePath:instancePath+"/Arguments/ModelMetrics/Bias/Report/ContentType",parentData:data54,parentDataProperty:"ContentType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data54.ContentDigest !== undefined){
if(!(validate21(data54.ContentDigest, {instancePath:instancePath+"/Arguments/ModelMetrics/Bias/Report/ContentDigest",parentData:data54,parentDataProperty:"ContentDigest",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data54.S3Uri !== undefined){
if(!(validate21(data54.S3Uri, {instancePath:instancePath+"/Arguments/ModelMetrics/Bias/Report/S3Uri",parentData:data54,parentDataProperty:"S3Uri",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err53 = {instancePath:instancePath+"/Arguments/ModelMetrics/Bias/Report",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/Bias/properties/Report/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
}
else {
const err54 = {instancePath:instancePath+"/Arguments/ModelMetrics/Bias",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/Bias/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data34.Explainability !== undefined){
let data58 = data34.Explainability;
if(data58 && typeof data58 == "object" && !Array.isArray(data58)){
for(const key14 in data58){
if(!(key14 === "Report")){
const err55 = {instancePath:instancePath+"/Arguments/ModelMetrics/Explainability",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/Explainability/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data58.Report !== undefined){
let data59 = data58.Report;
if(data59 && typeof data59 == "object" && !Array.isArray(data59)){
for(const key15 in data59){
if(!(((key15 === "ContentType") || (key15 === "ContentDigest")) || (key15 === "S3Uri"))){
const err56 = {instancePath:instancePath+"/Arguments/ModelMetrics/Explainability/Report",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/Explainability/properties/Report/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data59.ContentType !== undefined){
if(!(validate21(data59.ContentType, {instancePath:instancePath+"/Arguments/ModelMetrics/Explainability/Report/ContentType",parentData:data59,parentDataProperty:"ContentType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data59.ContentDigest !== undefined){
if(!(validate21(data59.ContentDigest, {instancePath:instancePath+"/Arguments/ModelMetrics/Explainability/Report/ContentDigest",parentData:data59,parentDataProperty:"ContentDigest",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data59.S3Uri !== undefined){
if(!(validate21(data59.S3Uri, {instancePath:instancePath+"/Arguments/ModelMetrics/Explainability/Report/S3Uri",parentData:data59,parentDataProperty:"S3Uri",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err57 = {instancePath:instancePath+"/Arguments/ModelMetrics/Explainability/Report",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/Explainability/properties/Report/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
}
else {
const err58 = {instancePath:instancePath+"/Arguments/ModelMetrics/Explainability",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/Explainability/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data34.DeploymentSpecification !== undefined){
let data63 = data34.DeploymentSpecification;
if(data63 && typeof data63 == "object" && !Array.isArray(data63)){
for(const key16 in data63){
if(!((key16 === "TestInput") || (key16 === "HealthCheckConfig"))){
const err59 = {instancePath:instancePath+"/Arguments/ModelMetrics/DeploymentSpecification",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/DeploymentSpecification/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key16},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data63.TestInput !== undefined){
let data64 = data63.TestInput;
if(data64 && typeof data64 == "object" && !Array.isArray(data64)){
for(const key17 in data64){
if(!((((key17 === "CompressionType") || (key17 === "ContentType")) || (key17 === "DataSource")) || (key17 === "SplitType"))){
const err60 = {instancePath:instancePath+"/Arguments/ModelMetrics/DeploymentSpecification/TestInput",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/DeploymentSpecification/properties/TestInput/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key17},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data64.CompressionType !== undefined){
if(!(validate21(data64.CompressionType, {instancePath:instancePath+"/Arguments/ModelMetrics/DeploymentSpecification/TestInput/CompressionType",parentData:data64,parentDataProperty:"CompressionType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data64.ContentType !== undefined){
if(!(validate21(data64.ContentType, {instancePath:instancePath+"/Arguments/ModelMetrics/DeploymentSpecification/TestInput/ContentType",parentData:data64,parentDataProperty:"ContentType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data64.DataSource !== undefined){
let data67 = data64.DataSource;
if(data67 && typeof data67 == "object" && !Array.isArray(data67)){
for(const key18 in data67){
if(!(key18 === "S3DataSource")){
const err61 = {instancePath:instancePath+"/Arguments/ModelMetrics/DeploymentSpecification/TestInput/DataSource",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/DeploymentSpecification/properties/TestInput/properties/DataSource/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key18},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data67.S3DataSource !== undefined){
let data68 = data67.S3DataSource;
if(data68 && typeof data68 == "object" && !Array.isArray(data68)){
for(const key19 in data68){
if(!((key19 === "S3DataType") || (key19 === "S3Uri"))){
const err62 = {instancePath:instancePath+"/Arguments/ModelMetrics/DeploymentSpecification/TestInput/DataSource/S3DataSource",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/DeploymentSpecification/properties/TestInput/properties/DataSource/properties/S3DataSource/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key19},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data68.S3DataType !== undefined){
if(!(validate21(data68.S3DataType, {instancePath:instancePath+"/Arguments/ModelMetrics/DeploymentSpecification/TestInput/DataSource/S3DataSource/S3DataType",parentData:data68,parentDataProperty:"S3DataType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data68.S3Uri !== undefined){
if(!(validate21(data68.S3Uri, {instancePath:instancePath+"/Arguments/ModelMetrics/DeploymentSpecification/TestInput/DataSource/S3DataSource/S3Uri",parentData:data68,parentDataProperty:"S3Uri",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err63 = {instancePath:instancePath+"/Arguments/ModelMetrics/DeploymentSpecification/TestInput/DataSource/S3DataSource",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/DeploymentSpecification/properties/TestInput/properties/DataSource/properties/S3DataSource/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
}
else {
const err64 = {instancePath:instancePath+"/Arguments/ModelMetrics/DeploymentSpecification/TestInput/DataSource",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/DeploymentSpecification/properties/TestInput/properties/DataSource/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data64.SplitType !== undefined){
if(!(validate21(data64.SplitType, {instancePath:instancePath+"/Arguments/ModelMetrics/DeploymentSpecification/TestInput/SplitType",parentData:data64,parentDataProperty:"SplitType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err65 = {instancePath:instancePath+"/Arguments/ModelMetrics/DeploymentSpecification/TestInput",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/DeploymentSpecification/properties/TestInput/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data63.HealthCheckConfig !== undefined){
let data72 = data63.HealthCheckConfig;
if(data72 && typeof data72 == "object" && !Array.isArray(data72)){
for(const key20 in data72){
if(!((key20 === "NumPayloads") || (key20 === "NumFailuresAllowed"))){
const err66 = {instancePath:instancePath+"/Arguments/ModelMetrics/DeploymentSpecification/HealthCheckConfig",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/DeploymentSpecification/properties/HealthCheckConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key20},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data72.NumPayloads !== undefined){
if(!(validate31(data72.NumPayloads, {instancePath:instancePath+"/Arguments/ModelMetrics/DeploymentSpecification/HealthCheckConfig/NumPayloads",parentData:data72,parentDataProperty:"NumPayloads",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data72.NumFailuresAllowed !== undefined){
if(!(validate31(data72.NumFailuresAllowed, {instancePath:instancePath+"/Arguments/ModelMetrics/DeploymentSpecification/HealthCheckConfig/NumFailuresAllowed",parentData:data72,parentDataProperty:"NumFailuresAllowed",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
}
else {
const err67 = {instancePath:instancePath+"/Arguments/ModelMetrics/DeploymentSpecification/HealthCheckConfig",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/DeploymentSpecification/properties/HealthCheckConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
}
else {
const err68 = {instancePath:instancePath+"/Arguments/ModelMetrics/DeploymentSpecification",schemaPath:"#/properties/Arguments/properties/ModelMetrics/properties/DeploymentSpecification/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
}
else {
const err69 = {instancePath:instancePath+"/Arguments/ModelMetrics",schemaPath:"#/properties/Arguments/properties/ModelMetrics/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data14.ModelApprovalStatus !== undefined){
let data75 = data14.ModelApprovalStatus;
const _errs141 = errors;
let valid42 = false;
let passing0 = null;
const _errs142 = errors;
if(typeof data75 !== "string"){
const err70 = {instancePath:instancePath+"/Arguments/ModelApprovalStatus",schemaPath:"#/properties/Arguments/properties/ModelApprovalStatus/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
if(!(((data75 === "Approved") || (data75 === "Rejected")) || (data75 === "PendingManualApproval"))){
const err71 = {instancePath:instancePath+"/Arguments/ModelApprovalStatus",schemaPath:"#/properties/Arguments/properties/ModelApprovalStatus/oneOf/0/enum",keyword:"enum",params:{allowedValues: schema74.properties.Arguments.properties.ModelApprovalStatus.oneOf[0].enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
var _valid0 = _errs142 === errors;
if(_valid0){
valid42 = true;
passing0 = 0;
}
const _errs144 = errors;
if(data75 && typeof data75 == "object" && !Array.isArray(data75)){
if(data75.Get === undefined){
const err72 = {instancePath:instancePath+"/Arguments/ModelApprovalStatus",schemaPath:"#/definitions/GetFunction/required",keyword:"required",params:{missingProperty: "Get"},message:"must have required property '"+"Get"+"'"};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
for(const key21 in data75){
if(!(key21 === "Get")){
const err73 = {instancePath:instancePath+"/Arguments/ModelApprovalStatus",schemaPath:"#/definitions/GetFunction/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key21},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
if(data75.Get !== undefined){
if(typeof data75.Get !== "string"){
const err74 = {instancePath:instancePath+"/Arguments/ModelApprovalStatus/Get",schemaPath:"#/definitions/GetFunction/properties/Get/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
}
else {
const err75 = {instancePath:instancePath+"/Arguments/ModelApprovalStatus",schemaPath:"#/definitions/GetFunction/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
var _valid0 = _errs144 === errors;
if(_valid0 && valid42){
valid42 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid42 = true;
passing0 = 1;
}
}
if(!valid42){
const err76 = {instancePath:instancePath+"/Arguments/ModelApprovalStatus",schemaPath:"#/properties/Arguments/properties/ModelApprovalStatus/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
else {
errors = _errs141;
if(vErrors !== null){
if(_errs141){
vErrors.length = _errs141;
}
else {
vErrors = null;
}
}
}
}
if(data14.CustomerMetadataProperties !== undefined){
let data77 = data14.CustomerMetadataProperties;
if(data77 && typeof data77 == "object" && !Array.isArray(data77)){
if(Object.keys(data77).length > 50){
const err77 = {instancePath:instancePath+"/Arguments/CustomerMetadataProperties",schemaPath:"#/properties/Arguments/properties/CustomerMetadataProperties/maxProperties",keyword:"maxProperties",params:{limit: 50},message:"must NOT have more than 50 properties"};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
for(const key22 in data77){
if(!(pattern32.test(key22))){
const err78 = {instancePath:instancePath+"/Arguments/CustomerMetadataProperties",schemaPath:"#/properties/Arguments/properties/CustomerMetadataProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key22},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
for(const key23 in data77){
if(pattern32.test(key23)){
if(!(validate21(data77[key23], {instancePath:instancePath+"/Arguments/CustomerMetadataProperties/" + key23.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data77,parentDataProperty:key23,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
}
else {
const err79 = {instancePath:instancePath+"/Arguments/CustomerMetadataProperties",schemaPath:"#/properties/Arguments/properties/CustomerMetadataProperties/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
}
else {
const err80 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
}
else {
const err81 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
validate177.errors = vErrors;
return errors === 0;
}


function validate19(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.Name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.Arguments === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Arguments"},message:"must have required property '"+"Arguments"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "Name") || (key0 === "Type")) || (key0 === "DependsOn")) || (key0 === "DisplayName")) || (key0 === "Description")) || (key0 === "Arguments"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.Name !== undefined){
let data0 = data.Name;
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err4 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.Type !== undefined){
let data1 = data.Type;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!(data1 === "Condition")){
const err7 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema24.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.DependsOn !== undefined){
let data2 = data.DependsOn;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(!pattern1.test(data3)){
const err8 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/DependsOn",schemaPath:"#/properties/DependsOn/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.DisplayName !== undefined){
let data4 = data.DisplayName;
if(typeof data4 === "string"){
if(!pattern1.test(data4)){
const err11 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.Description !== undefined){
let data5 = data.Description;
if(typeof data5 === "string"){
if(func2(data5) > 4096){
const err13 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(func2(data5) < 0){
const err14 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.Arguments !== undefined){
let data6 = data.Arguments;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.Conditions === undefined){
const err16 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/required",keyword:"required",params:{missingProperty: "Conditions"},message:"must have required property '"+"Conditions"+"'"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
for(const key1 in data6){
if(!(((key1 === "Conditions") || (key1 === "IfSteps")) || (key1 === "ElseSteps"))){
const err17 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data6.Conditions !== undefined){
let data7 = data6.Conditions;
if(Array.isArray(data7)){
const len1 = data7.length;
for(let i1=0; i1<len1; i1++){
let data8 = data7[i1];
const _errs24 = errors;
let valid10 = false;
let passing0 = null;
const _errs25 = errors;
if(!(validate20(data8, {instancePath:instancePath+"/Arguments/Conditions/" + i1,parentData:data7,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate20.errors : vErrors.concat(validate20.errors);
errors = vErrors.length;
}
var _valid0 = _errs25 === errors;
if(_valid0){
valid10 = true;
passing0 = 0;
}
const _errs26 = errors;
if(!(validate42(data8, {instancePath:instancePath+"/Arguments/Conditions/" + i1,parentData:data7,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate42.errors : vErrors.concat(validate42.errors);
errors = vErrors.length;
}
var _valid0 = _errs26 === errors;
if(_valid0 && valid10){
valid10 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid10 = true;
passing0 = 1;
}
const _errs27 = errors;
if(!(validate52(data8, {instancePath:instancePath+"/Arguments/Conditions/" + i1,parentData:data7,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate52.errors : vErrors.concat(validate52.errors);
errors = vErrors.length;
}
var _valid0 = _errs27 === errors;
if(_valid0 && valid10){
valid10 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid10 = true;
passing0 = 2;
}
}
}
if(!valid10){
const err18 = {instancePath:instancePath+"/Arguments/Conditions/" + i1,schemaPath:"#/properties/Arguments/properties/Conditions/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs24;
if(vErrors !== null){
if(_errs24){
vErrors.length = _errs24;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err19 = {instancePath:instancePath+"/Arguments/Conditions",schemaPath:"#/properties/Arguments/properties/Conditions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data6.IfSteps !== undefined){
let data9 = data6.IfSteps;
if(Array.isArray(data9)){
const len2 = data9.length;
for(let i2=0; i2<len2; i2++){
let data10 = data9[i2];
const _errs31 = errors;
let valid13 = false;
let passing1 = null;
const _errs32 = errors;
if(!(validate56(data10, {instancePath:instancePath+"/Arguments/IfSteps/" + i2,parentData:data9,parentDataProperty:i2,rootData}))){
vErrors = vErrors === null ? validate56.errors : vErrors.concat(validate56.errors);
errors = vErrors.length;
}
var _valid1 = _errs32 === errors;
if(_valid1){
valid13 = true;
passing1 = 0;
}
const _errs33 = errors;
if(!(validate117(data10, {instancePath:instancePath+"/Arguments/IfSteps/" + i2,parentData:data9,parentDataProperty:i2,rootData}))){
vErrors = vErrors === null ? validate117.errors : vErrors.concat(validate117.errors);
errors = vErrors.length;
}
var _valid1 = _errs33 === errors;
if(_valid1 && valid13){
valid13 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid13 = true;
passing1 = 1;
}
const _errs34 = errors;
if(!(validate120(data10, {instancePath:instancePath+"/Arguments/IfSteps/" + i2,parentData:data9,parentDataProperty:i2,rootData}))){
vErrors = vErrors === null ? validate120.errors : vErrors.concat(validate120.errors);
errors = vErrors.length;
}
var _valid1 = _errs34 === errors;
if(_valid1 && valid13){
valid13 = false;
passing1 = [passing1, 2];
}
else {
if(_valid1){
valid13 = true;
passing1 = 2;
}
const _errs35 = errors;
if(!(validate151(data10, {instancePath:instancePath+"/Arguments/IfSteps/" + i2,parentData:data9,parentDataProperty:i2,rootData}))){
vErrors = vErrors === null ? validate151.errors : vErrors.concat(validate151.errors);
errors = vErrors.length;
}
var _valid1 = _errs35 === errors;
if(_valid1 && valid13){
valid13 = false;
passing1 = [passing1, 3];
}
else {
if(_valid1){
valid13 = true;
passing1 = 3;
}
const _errs36 = errors;
if(!(validate177(data10, {instancePath:instancePath+"/Arguments/IfSteps/" + i2,parentData:data9,parentDataProperty:i2,rootData}))){
vErrors = vErrors === null ? validate177.errors : vErrors.concat(validate177.errors);
errors = vErrors.length;
}
var _valid1 = _errs36 === errors;
if(_valid1 && valid13){
valid13 = false;
passing1 = [passing1, 4];
}
else {
if(_valid1){
valid13 = true;
passing1 = 4;
}
}
}
}
}
if(!valid13){
const err20 = {instancePath:instancePath+"/Arguments/IfSteps/" + i2,schemaPath:"#/properties/Arguments/properties/IfSteps/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
else {
errors = _errs31;
if(vErrors !== null){
if(_errs31){
vErrors.length = _errs31;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err21 = {instancePath:instancePath+"/Arguments/IfSteps",schemaPath:"#/properties/Arguments/properties/IfSteps/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data6.ElseSteps !== undefined){
let data11 = data6.ElseSteps;
if(Array.isArray(data11)){
const len3 = data11.length;
for(let i3=0; i3<len3; i3++){
let data12 = data11[i3];
const _errs40 = errors;
let valid16 = false;
let passing2 = null;
const _errs41 = errors;
if(!(validate56(data12, {instancePath:instancePath+"/Arguments/ElseSteps/" + i3,parentData:data11,parentDataProperty:i3,rootData}))){
vErrors = vErrors === null ? validate56.errors : vErrors.concat(validate56.errors);
errors = vErrors.length;
}
var _valid2 = _errs41 === errors;
if(_valid2){
valid16 = true;
passing2 = 0;
}
const _errs42 = errors;
if(!(validate117(data12, {instancePath:instancePath+"/Arguments/ElseSteps/" + i3,parentData:data11,parentDataProperty:i3,rootData}))){
vErrors = vErrors === null ? validate117.errors : vErrors.concat(validate117.errors);
errors = vErrors.length;
}
var _valid2 = _errs42 === errors;
if(_valid2 && valid16){
valid16 = false;
passing2 = [passing2, 1];
}
else {
if(_valid2){
valid16 = true;
passing2 = 1;
}
const _errs43 = errors;
if(!(validate120(data12, {instancePath:instancePath+"/Arguments/ElseSteps/" + i3,parentData:data11,parentDataProperty:i3,rootData}))){
vErrors = vErrors === null ? validate120.errors : vErrors.concat(validate120.errors);
errors = vErrors.length;
}
var _valid2 = _errs43 === errors;
if(_valid2 && valid16){
valid16 = false;
passing2 = [passing2, 2];
}
else {
if(_valid2){
valid16 = true;
passing2 = 2;
}
const _errs44 = errors;
if(!(validate151(data12, {instancePath:instancePath+"/Arguments/ElseSteps/" + i3,parentData:data11,parentDataProperty:i3,rootData}))){
vErrors = vErrors === null ? validate151.errors : vErrors.concat(validate151.errors);
errors = vErrors.length;
}
var _valid2 = _errs44 === errors;
if(_valid2 && valid16){
valid16 = false;
passing2 = [passing2, 3];
}
else {
if(_valid2){
valid16 = true;
passing2 = 3;
}
const _errs45 = errors;
if(!(validate177(data12, {instancePath:instancePath+"/Arguments/ElseSteps/" + i3,parentData:data11,parentDataProperty:i3,rootData}))){
vErrors = vErrors === null ? validate177.errors : vErrors.concat(validate177.errors);
errors = vErrors.length;
}
var _valid2 = _errs45 === errors;
if(_valid2 && valid16){
valid16 = false;
passing2 = [passing2, 4];
}
else {
if(_valid2){
valid16 = true;
passing2 = 4;
}
}
}
}
}
if(!valid16){
const err22 = {instancePath:instancePath+"/Arguments/ElseSteps/" + i3,schemaPath:"#/properties/Arguments/properties/ElseSteps/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing2},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
else {
errors = _errs40;
if(vErrors !== null){
if(_errs40){
vErrors.length = _errs40;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err23 = {instancePath:instancePath+"/Arguments/ElseSteps",schemaPath:"#/properties/Arguments/properties/ElseSteps/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
validate19.errors = vErrors;
return errors === 0;
}

const schema81 = {"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Model"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"RetryPolicies":{"type":"array","items":{"$ref":"#/definitions/RetryPolicy"}},"Arguments":{"type":"object","properties":{"Containers":{"type":"array","items":{"$ref":"#/definitions/ContainerDefinition"}},"EnableNetworkIsolation":{"$ref":"#/definitions/BooleanArgumentValue"},"ExecutionRoleArn":{"$ref":"#/definitions/StringArgumentValue"},"InferenceExecutionConfig":{"type":"object","properties":{"Mode":{"type":"string","enum":["Serial","Direct"]}},"additionalProperties":false},"PrimaryContainer":{"$ref":"#/definitions/ContainerDefinition"},"Tags":{"type":"array","items":{"$ref":"#/definitions/Tag"}},"ModelName":{"$ref":"#/definitions/StringArgumentValue"},"VpcConfig":{"$ref":"#/definitions/VpcConfig"}},"required":["ExecutionRoleArn"],"additionalProperties":false}},"required":["Type","Name","Arguments"],"additionalProperties":false};
const schema87 = {"type":"object","properties":{"ContainerHostname":{"$ref":"#/definitions/StringArgumentValue"},"Environment":{"type":"object","patternProperties":{".*":{"$ref":"#/definitions/StringArgumentValue"}}},"Image":{"$ref":"#/definitions/StringArgumentValue"},"ImageConfig":{"type":"object","properties":{"RepositoryAccessMode":{"type":"string","enum":["Platform","Vpc"]},"RepositoryAuthConfig":{"type":"object","properties":{"RepositoryCredentialsProviderArn":{"$ref":"#/definitions/StringArgumentValue"}},"required":["RepositoryCredentialsProviderArn"],"additionalProperties":false}},"required":["RepositoryAccessMode"],"additionalProperties":false},"InferenceSpecificationName":{"$ref":"#/definitions/StringArgumentValue"},"Mode":{"type":"string","enum":["SingleModel","MultiModel"]},"ModelDataUrl":{"type":"string","minLength":0,"maxLength":1024,"pattern":"^(https|s3)://([^/]+)/?(.*)$"},"ModelPackageName":{"$ref":"#/definitions/StringArgumentValue"},"MultiModelConfig":{"type":"object","properties":{"ModelCacheSetting":{"type":"string","enum":["Enabled","Disabled"]}},"additionalProperties":false}},"additionalProperties":false};
const pattern38 = new RegExp("^(https|s3)://([^/]+)/?(.*)$", "u");

function validate227(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func18.call(schema87.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.ContainerHostname !== undefined){
if(!(validate21(data.ContainerHostname, {instancePath:instancePath+"/ContainerHostname",parentData:data,parentDataProperty:"ContainerHostname",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data.Environment !== undefined){
let data1 = data.Environment;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
if(pattern11.test(key1)){
if(!(validate21(data1[key1], {instancePath:instancePath+"/Environment/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data1,parentDataProperty:key1,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
}
else {
const err1 = {instancePath:instancePath+"/Environment",schemaPath:"#/properties/Environment/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.Image !== undefined){
if(!(validate21(data.Image, {instancePath:instancePath+"/Image",parentData:data,parentDataProperty:"Image",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data.ImageConfig !== undefined){
let data4 = data.ImageConfig;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.RepositoryAccessMode === undefined){
const err2 = {instancePath:instancePath+"/ImageConfig",schemaPath:"#/properties/ImageConfig/required",keyword:"required",params:{missingProperty: "RepositoryAccessMode"},message:"must have required property '"+"RepositoryAccessMode"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key2 in data4){
if(!((key2 === "RepositoryAccessMode") || (key2 === "RepositoryAuthConfig"))){
const err3 = {instancePath:instancePath+"/ImageConfig",schemaPath:"#/properties/ImageConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data4.RepositoryAccessMode !== undefined){
let data5 = data4.RepositoryAccessMode;
if(typeof data5 !== "string"){
const err4 = {instancePath:instancePath+"/ImageConfig/RepositoryAccessMode",schemaPath:"#/properties/ImageConfig/properties/RepositoryAccessMode/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(!((data5 === "Platform") || (data5 === "Vpc"))){
const err5 = {instancePath:instancePath+"/ImageConfig/RepositoryAccessMode",schemaPath:"#/properties/ImageConfig/properties/RepositoryAccessMode/enum",keyword:"enum",params:{allowedValues: schema87.properties.ImageConfig.properties.RepositoryAccessMode.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data4.RepositoryAuthConfig !== undefined){
let data6 = data4.RepositoryAuthConfig;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.RepositoryCredentialsProviderArn === undefined){
const err6 = {instancePath:instancePath+"/ImageConfig/RepositoryAuthConfig",schemaPath:"#/properties/ImageConfig/properties/RepositoryAuthConfig/required",keyword:"required",params:{missingProperty: "RepositoryCredentialsProviderArn"},message:"must have required property '"+"RepositoryCredentialsProviderArn"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
for(const key3 in data6){
if(!(key3 === "RepositoryCredentialsProviderArn")){
const err7 = {instancePath:instancePath+"/ImageConfig/RepositoryAuthConfig",schemaPath:"#/properties/ImageConfig/properties/RepositoryAuthConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data6.RepositoryCredentialsProviderArn !== undefined){
if(!(validate21(data6.RepositoryCredentialsProviderArn, {instancePath:instancePath+"/ImageConfig/RepositoryAuthConfig/RepositoryCredentialsProviderArn",parentData:data6,parentDataProperty:"RepositoryCredentialsProviderArn",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err8 = {instancePath:instancePath+"/ImageConfig/RepositoryAuthConfig",schemaPath:"#/properties/ImageConfig/properties/RepositoryAuthConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/ImageConfig",schemaPath:"#/properties/ImageConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.InferenceSpecificationName !== undefined){
if(!(validate21(data.InferenceSpecificationName, {instancePath:instancePath+"/InferenceSpecificationName",parentData:data,parentDataProperty:"InferenceSpecificationName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data.Mode !== undefined){
let data9 = data.Mode;
if(typeof data9 !== "string"){
const err10 = {instancePath:instancePath+"/Mode",schemaPath:"#/properties/Mode/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(!((data9 === "SingleModel") || (data9 === "MultiModel"))){
const err11 = {instancePath:instancePath+"/Mode",schemaPath:"#/properties/Mode/enum",keyword:"enum",params:{allowedValues: schema87.properties.Mode.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.ModelDataUrl !== undefined){
let data10 = data.ModelDataUrl;
if(typeof data10 === "string"){
if(func2(data10) > 1024){
const err12 = {instancePath:instancePath+"/ModelDataUrl",schemaPath:"#/properties/ModelDataUrl/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(func2(data10) < 0){
const err13 = {instancePath:instancePath+"/ModelDataUrl",schemaPath:"#/properties/ModelDataUrl/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(!pattern38.test(data10)){
const err14 = {instancePath:instancePath+"/ModelDataUrl",schemaPath:"#/properties/ModelDataUrl/pattern",keyword:"pattern",params:{pattern: "^(https|s3)://([^/]+)/?(.*)$"},message:"must match pattern \""+"^(https|s3)://([^/]+)/?(.*)$"+"\""};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/ModelDataUrl",schemaPath:"#/properties/ModelDataUrl/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.ModelPackageName !== undefined){
if(!(validate21(data.ModelPackageName, {instancePath:instancePath+"/ModelPackageName",parentData:data,parentDataProperty:"ModelPackageName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data.MultiModelConfig !== undefined){
let data12 = data.MultiModelConfig;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
for(const key4 in data12){
if(!(key4 === "ModelCacheSetting")){
const err16 = {instancePath:instancePath+"/MultiModelConfig",schemaPath:"#/properties/MultiModelConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data12.ModelCacheSetting !== undefined){
let data13 = data12.ModelCacheSetting;
if(typeof data13 !== "string"){
const err17 = {instancePath:instancePath+"/MultiModelConfig/ModelCacheSetting",schemaPath:"#/properties/MultiModelConfig/properties/ModelCacheSetting/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(!((data13 === "Enabled") || (data13 === "Disabled"))){
const err18 = {instancePath:instancePath+"/MultiModelConfig/ModelCacheSetting",schemaPath:"#/properties/MultiModelConfig/properties/ModelCacheSetting/enum",keyword:"enum",params:{allowedValues: schema87.properties.MultiModelConfig.properties.ModelCacheSetting.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/MultiModelConfig",schemaPath:"#/properties/MultiModelConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
validate227.errors = vErrors;
return errors === 0;
}


function validate226(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.Name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.Arguments === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Arguments"},message:"must have required property '"+"Arguments"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(((((((key0 === "Name") || (key0 === "Type")) || (key0 === "DependsOn")) || (key0 === "DisplayName")) || (key0 === "Description")) || (key0 === "RetryPolicies")) || (key0 === "Arguments"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.Name !== undefined){
let data0 = data.Name;
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err4 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.Type !== undefined){
let data1 = data.Type;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!(data1 === "Model")){
const err7 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema81.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.DependsOn !== undefined){
let data2 = data.DependsOn;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(!pattern1.test(data3)){
const err8 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/DependsOn",schemaPath:"#/properties/DependsOn/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.DisplayName !== undefined){
let data4 = data.DisplayName;
if(typeof data4 === "string"){
if(!pattern1.test(data4)){
const err11 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.Description !== undefined){
let data5 = data.Description;
if(typeof data5 === "string"){
if(func2(data5) > 4096){
const err13 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(func2(data5) < 0){
const err14 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.RetryPolicies !== undefined){
let data6 = data.RetryPolicies;
if(Array.isArray(data6)){
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
let data7 = data6[i1];
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.ExceptionType === undefined){
const err16 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/required",keyword:"required",params:{missingProperty: "ExceptionType"},message:"must have required property '"+"ExceptionType"+"'"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
for(const key1 in data7){
if(!(((((key1 === "ExceptionType") || (key1 === "IntervalSeconds")) || (key1 === "BackoffRate")) || (key1 === "ExpireAfterMin")) || (key1 === "MaxAttempts"))){
const err17 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data7.ExceptionType !== undefined){
let data8 = data7.ExceptionType;
if(Array.isArray(data8)){
if(data8.length < 1){
const err18 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType",schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
let data9 = data8[i2];
if(typeof data9 !== "string"){
const err19 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType/" + i2,schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(!((((((data9 === "Step.SERVICE_FAULT") || (data9 === "Step.THROTTLING")) || (data9 === "SageMaker.JOB_INTERNAL_ERROR")) || (data9 === "SageMaker.CAPACITY_ERROR")) || (data9 === "SageMaker.RESOURCE_LIMIT")) || (data9 === "Emr.RESOURCE_LIMIT"))){
const err20 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType/" + i2,schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/items/enum",keyword:"enum",params:{allowedValues: schema49.properties.ExceptionType.items.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType",schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data7.IntervalSeconds !== undefined){
let data10 = data7.IntervalSeconds;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
const err22 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/IntervalSeconds",schemaPath:"#/definitions/RetryPolicy/properties/IntervalSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data7.BackoffRate !== undefined){
if(!(typeof data7.BackoffRate == "number")){
const err23 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/BackoffRate",schemaPath:"#/definitions/RetryPolicy/properties/BackoffRate/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data7.ExpireAfterMin !== undefined){
let data12 = data7.ExpireAfterMin;
if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){
const err24 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExpireAfterMin",schemaPath:"#/definitions/RetryPolicy/properties/ExpireAfterMin/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data7.MaxAttempts !== undefined){
let data13 = data7.MaxAttempts;
if(!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))){
const err25 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/MaxAttempts",schemaPath:"#/definitions/RetryPolicy/properties/MaxAttempts/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/RetryPolicies",schemaPath:"#/properties/RetryPolicies/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.Arguments !== undefined){
let data14 = data.Arguments;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.ExecutionRoleArn === undefined){
const err28 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/required",keyword:"required",params:{missingProperty: "ExecutionRoleArn"},message:"must have required property '"+"ExecutionRoleArn"+"'"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
for(const key2 in data14){
if(!((((((((key2 === "Containers") || (key2 === "EnableNetworkIsolation")) || (key2 === "ExecutionRoleArn")) || (key2 === "InferenceExecutionConfig")) || (key2 === "PrimaryContainer")) || (key2 === "Tags")) || (key2 === "ModelName")) || (key2 === "VpcConfig"))){
const err29 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data14.Containers !== undefined){
let data15 = data14.Containers;
if(Array.isArray(data15)){
const len3 = data15.length;
for(let i3=0; i3<len3; i3++){
if(!(validate227(data15[i3], {instancePath:instancePath+"/Arguments/Containers/" + i3,parentData:data15,parentDataProperty:i3,rootData}))){
vErrors = vErrors === null ? validate227.errors : vErrors.concat(validate227.errors);
errors = vErrors.length;
}
}
}
else {
const err30 = {instancePath:instancePath+"/Arguments/Containers",schemaPath:"#/properties/Arguments/properties/Containers/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data14.EnableNetworkIsolation !== undefined){
if(!(validate28(data14.EnableNetworkIsolation, {instancePath:instancePath+"/Arguments/EnableNetworkIsolation",parentData:data14,parentDataProperty:"EnableNetworkIsolation",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
if(data14.ExecutionRoleArn !== undefined){
if(!(validate21(data14.ExecutionRoleArn, {instancePath:instancePath+"/Arguments/ExecutionRoleArn",parentData:data14,parentDataProperty:"ExecutionRoleArn",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data14.InferenceExecutionConfig !== undefined){
let data19 = data14.InferenceExecutionConfig;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
for(const key3 in data19){
if(!(key3 === "Mode")){
const err31 = {instancePath:instancePath+"/Arguments/InferenceExecutionConfig",schemaPath:"#/properties/Arguments/properties/InferenceExecutionConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data19.Mode !== undefined){
let data20 = data19.Mode;
if(typeof data20 !== "string"){
const err32 = {instancePath:instancePath+"/Arguments/InferenceExecutionConfig/Mode",schemaPath:"#/properties/Arguments/properties/InferenceExecutionConfig/properties/Mode/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(!((data20 === "Serial") || (data20 === "Direct"))){
const err33 = {instancePath:instancePath+"/Arguments/InferenceExecutionConfig/Mode",schemaPath:"#/properties/Arguments/properties/InferenceExecutionConfig/properties/Mode/enum",keyword:"enum",params:{allowedValues: schema81.properties.Arguments.properties.InferenceExecutionConfig.properties.Mode.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
else {
const err34 = {instancePath:instancePath+"/Arguments/InferenceExecutionConfig",schemaPath:"#/properties/Arguments/properties/InferenceExecutionConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data14.PrimaryContainer !== undefined){
if(!(validate227(data14.PrimaryContainer, {instancePath:instancePath+"/Arguments/PrimaryContainer",parentData:data14,parentDataProperty:"PrimaryContainer",rootData}))){
vErrors = vErrors === null ? validate227.errors : vErrors.concat(validate227.errors);
errors = vErrors.length;
}
}
if(data14.Tags !== undefined){
let data22 = data14.Tags;
if(Array.isArray(data22)){
const len4 = data22.length;
for(let i4=0; i4<len4; i4++){
if(!(validate104(data22[i4], {instancePath:instancePath+"/Arguments/Tags/" + i4,parentData:data22,parentDataProperty:i4,rootData}))){
vErrors = vErrors === null ? validate104.errors : vErrors.concat(validate104.errors);
errors = vErrors.length;
}
}
}
else {
const err35 = {instancePath:instancePath+"/Arguments/Tags",schemaPath:"#/properties/Arguments/properties/Tags/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data14.ModelName !== undefined){
if(!(validate21(data14.ModelName, {instancePath:instancePath+"/Arguments/ModelName",parentData:data14,parentDataProperty:"ModelName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data14.VpcConfig !== undefined){
if(!(validate111(data14.VpcConfig, {instancePath:instancePath+"/Arguments/VpcConfig",parentData:data14,parentDataProperty:"VpcConfig",rootData}))){
vErrors = vErrors === null ? validate111.errors : vErrors.concat(validate111.errors);
errors = vErrors.length;
}
}
}
else {
const err36 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
else {
const err37 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
validate226.errors = vErrors;
return errors === 0;
}

const schema88 = {"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Lambda"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"FunctionArn":{"type":"string"},"CacheConfig":{"$ref":"#/definitions/CacheConfig"},"Arguments":{"type":"object"},"OutputParameters":{"type":"array","items":{"type":"object","properties":{"OutputName":{"$ref":"#/definitions/StringArgumentValue"},"OutputType":{"type":"string","enum":["String","Integer","Boolean","Float"]}},"additionalProperties":false}}},"required":["Type","Name","FunctionArn"],"additionalProperties":false};

function validate243(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.Name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.FunctionArn === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "FunctionArn"},message:"must have required property '"+"FunctionArn"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(func18.call(schema88.properties, key0))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.Name !== undefined){
let data0 = data.Name;
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err4 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.Type !== undefined){
let data1 = data.Type;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!(data1 === "Lambda")){
const err7 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema88.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.DependsOn !== undefined){
let data2 = data.DependsOn;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(!pattern1.test(data3)){
const err8 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/DependsOn",schemaPath:"#/properties/DependsOn/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.DisplayName !== undefined){
let data4 = data.DisplayName;
if(typeof data4 === "string"){
if(!pattern1.test(data4)){
const err11 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.Description !== undefined){
let data5 = data.Description;
if(typeof data5 === "string"){
if(func2(data5) > 4096){
const err13 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(func2(data5) < 0){
const err14 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.FunctionArn !== undefined){
if(typeof data.FunctionArn !== "string"){
const err16 = {instancePath:instancePath+"/FunctionArn",schemaPath:"#/properties/FunctionArn/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.CacheConfig !== undefined){
let data7 = data.CacheConfig;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
for(const key1 in data7){
if(!((key1 === "Enabled") || (key1 === "ExpireAfter"))){
const err17 = {instancePath:instancePath+"/CacheConfig",schemaPath:"#/definitions/CacheConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data7.Enabled !== undefined){
if(typeof data7.Enabled !== "boolean"){
const err18 = {instancePath:instancePath+"/CacheConfig/Enabled",schemaPath:"#/definitions/CacheConfig/properties/Enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data7.ExpireAfter !== undefined){
if(typeof data7.ExpireAfter !== "string"){
const err19 = {instancePath:instancePath+"/CacheConfig/ExpireAfter",schemaPath:"#/definitions/CacheConfig/properties/ExpireAfter/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/CacheConfig",schemaPath:"#/definitions/CacheConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.Arguments !== undefined){
let data10 = data.Arguments;
if(!(data10 && typeof data10 == "object" && !Array.isArray(data10))){
const err21 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.OutputParameters !== undefined){
let data11 = data.OutputParameters;
if(Array.isArray(data11)){
const len1 = data11.length;
for(let i1=0; i1<len1; i1++){
let data12 = data11[i1];
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
for(const key2 in data12){
if(!((key2 === "OutputName") || (key2 === "OutputType"))){
const err22 = {instancePath:instancePath+"/OutputParameters/" + i1,schemaPath:"#/properties/OutputParameters/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data12.OutputName !== undefined){
if(!(validate21(data12.OutputName, {instancePath:instancePath+"/OutputParameters/" + i1+"/OutputName",parentData:data12,parentDataProperty:"OutputName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data12.OutputType !== undefined){
let data14 = data12.OutputType;
if(typeof data14 !== "string"){
const err23 = {instancePath:instancePath+"/OutputParameters/" + i1+"/OutputType",schemaPath:"#/properties/OutputParameters/items/properties/OutputType/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(!((((data14 === "String") || (data14 === "Integer")) || (data14 === "Boolean")) || (data14 === "Float"))){
const err24 = {instancePath:instancePath+"/OutputParameters/" + i1+"/OutputType",schemaPath:"#/properties/OutputParameters/items/properties/OutputType/enum",keyword:"enum",params:{allowedValues: schema88.properties.OutputParameters.items.properties.OutputType.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/OutputParameters/" + i1,schemaPath:"#/properties/OutputParameters/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/OutputParameters",schemaPath:"#/properties/OutputParameters/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
validate243.errors = vErrors;
return errors === 0;
}

const schema94 = {"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Callback"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"SqsQueueUrl":{"type":"string"},"CacheConfig":{"$ref":"#/definitions/CacheConfig"},"Arguments":{"type":"object"},"OutputParameters":{"type":"array","items":{"type":"object","properties":{"OutputName":{"$ref":"#/definitions/StringArgumentValue"},"OutputType":{"type":"string","enum":["String","Integer","Boolean","Float"]}},"additionalProperties":false}}},"required":["Type","Name","SqsQueueUrl"],"additionalProperties":false};

function validate246(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.Name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.SqsQueueUrl === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "SqsQueueUrl"},message:"must have required property '"+"SqsQueueUrl"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(func18.call(schema94.properties, key0))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.Name !== undefined){
let data0 = data.Name;
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err4 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.Type !== undefined){
let data1 = data.Type;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!(data1 === "Callback")){
const err7 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema94.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.DependsOn !== undefined){
let data2 = data.DependsOn;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(!pattern1.test(data3)){
const err8 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/DependsOn",schemaPath:"#/properties/DependsOn/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.DisplayName !== undefined){
let data4 = data.DisplayName;
if(typeof data4 === "string"){
if(!pattern1.test(data4)){
const err11 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.Description !== undefined){
let data5 = data.Description;
if(typeof data5 === "string"){
if(func2(data5) > 4096){
const err13 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(func2(data5) < 0){
const err14 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.SqsQueueUrl !== undefined){
if(typeof data.SqsQueueUrl !== "string"){
const err16 = {instancePath:instancePath+"/SqsQueueUrl",schemaPath:"#/properties/SqsQueueUrl/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.CacheConfig !== undefined){
let data7 = data.CacheConfig;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
for(const key1 in data7){
if(!((key1 === "Enabled") || (key1 === "ExpireAfter"))){
const err17 = {instancePath:instancePath+"/CacheConfig",schemaPath:"#/definitions/CacheConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data7.Enabled !== undefined){
if(typeof data7.Enabled !== "boolean"){
const err18 = {instancePath:instancePath+"/CacheConfig/Enabled",schemaPath:"#/definitions/CacheConfig/properties/Enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data7.ExpireAfter !== undefined){
if(typeof data7.ExpireAfter !== "string"){
const err19 = {instancePath:instancePath+"/CacheConfig/ExpireAfter",schemaPath:"#/definitions/CacheConfig/properties/ExpireAfter/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/CacheConfig",schemaPath:"#/definitions/CacheConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.Arguments !== undefined){
let data10 = data.Arguments;
if(!(data10 && typeof data10 == "object" && !Array.isArray(data10))){
const err21 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.OutputParameters !== undefined){
let data11 = data.OutputParameters;
if(Array.isArray(data11)){
const len1 = data11.length;
for(let i1=0; i1<len1; i1++){
let data12 = data11[i1];
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
for(const key2 in data12){
if(!((key2 === "OutputName") || (key2 === "OutputType"))){
const err22 = {instancePath:instancePath+"/OutputParameters/" + i1,schemaPath:"#/properties/OutputParameters/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data12.OutputName !== undefined){
if(!(validate21(data12.OutputName, {instancePath:instancePath+"/OutputParameters/" + i1+"/OutputName",parentData:data12,parentDataProperty:"OutputName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data12.OutputType !== undefined){
let data14 = data12.OutputType;
if(typeof data14 !== "string"){
const err23 = {instancePath:instancePath+"/OutputParameters/" + i1+"/OutputType",schemaPath:"#/properties/OutputParameters/items/properties/OutputType/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(!((((data14 === "String") || (data14 === "Integer")) || (data14 === "Boolean")) || (data14 === "Float"))){
const err24 = {instancePath:instancePath+"/OutputParameters/" + i1+"/OutputType",schemaPath:"#/properties/OutputParameters/items/properties/OutputType/enum",keyword:"enum",params:{allowedValues: schema94.properties.OutputParameters.items.properties.OutputType.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/OutputParameters/" + i1,schemaPath:"#/properties/OutputParameters/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/OutputParameters",schemaPath:"#/properties/OutputParameters/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
validate246.errors = vErrors;
return errors === 0;
}

const schema100 = {"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Tuning"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"RetryPolicies":{"type":"array","items":{"$ref":"#/definitions/RetryPolicy"}},"CacheConfig":{"$ref":"#/definitions/CacheConfig"},"Arguments":{"type":"object","properties":{"HyperParameterTuningJobConfig":{"type":"object","properties":{"HyperParameterTuningJobObjective":{"type":"object","properties":{"MetricName":{"$ref":"#/definitions/StringArgumentValue"},"Type":{"type":"string","enum":["Maximize","Minimize"]}},"required":["MetricName","Type"],"additionalProperties":false},"ParameterRanges":{"$ref":"#/definitions/ParameterRanges"},"ResourceLimits":{"type":"object","properties":{"MaxNumberOfTrainingJobs":{"type":"integer","minLength":1},"MaxParallelTrainingJobs":{"type":"integer","minLength":1}},"required":["MaxNumberOfTrainingJobs","MaxParallelTrainingJobs"],"additionalProperties":false},"Strategy":{"type":"string","enum":["Bayesian","Random"]},"TrainingJobEarlyStoppingType":{"type":"string","enum":["Off","Auto"]},"TuningJobCompletionCriteria":{"type":"object","properties":{"TargetObjectiveMetricValue":{"$ref":"#/definitions/FloatArgumentValue"}},"required":["TargetObjectiveMetricValue"],"additionalProperties":false}},"required":["ResourceLimits","Strategy"],"additionalProperties":false},"Tags":{"type":"array","items":{"$ref":"#/definitions/Tag"}},"HyperParameterTuningJobName":{"$ref":"#/definitions/StringArgumentValue"},"TrainingJobDefinition":{"$ref":"#/definitions/HyperParameterTrainingJobDefinition"},"TrainingJobDefinitions":{"type":"array","items":{"$ref":"#/definitions/HyperParameterTrainingJobDefinition"},"minItems":0,"maxItems":10},"WarmStartConfig":{"type":"object","properties":{"ParentHyperParameterTuningJobs":{"type":"array","items":{"type":"object","properties":{"HyperParameterTuningJobName":{"$ref":"#/definitions/StringArgumentValue"}},"required":["HyperParameterTuningJobName"],"additionalProperties":false}},"WarmStartType":{"type":"string","enum":["IdenticalDataAndAlgorithm","TransferLearning"]}},"required":["TargetObjectiveMetricValue"],"additionalProperties":false}},"required":["HyperParameterTuningJobConfig"],"additionalProperties":false}},"required":["Type","Name","Arguments"],"additionalProperties":false};
const schema107 = {"type":"object","properties":{"CategoricalParameterRanges":{"type":"array","items":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StringArgumentValue"},"Values":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}}},"required":["Name","Values"],"additionalProperties":false},"minItems":0,"maxItems":20},"IntegerParameterRanges":{"type":"array","items":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StringArgumentValue"},"MinValue":{"$ref":"#/definitions/StringArgumentValue"},"MaxValue":{"$ref":"#/definitions/StringArgumentValue"},"ScalingType":{"type":"string","enum":["Auto","Linear","Logarithmic","ReverseLogarithmic"]}},"required":["Name","MinValue","MaxValue"],"additionalProperties":false},"minItems":0,"maxItems":20},"ContinuousParameterRanges":{"type":"array","items":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StringArgumentValue"},"MinValue":{"$ref":"#/definitions/StringArgumentValue"},"MaxValue":{"$ref":"#/definitions/StringArgumentValue"},"ScalingType":{"type":"string","enum":["Auto","Linear","Logarithmic","ReverseLogarithmic"]}},"required":["Name","MinValue","MaxValue"],"additionalProperties":false},"minItems":0,"maxItems":20}},"required":[],"additionalProperties":false};

function validate251(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(((key0 === "CategoricalParameterRanges") || (key0 === "IntegerParameterRanges")) || (key0 === "ContinuousParameterRanges"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.CategoricalParameterRanges !== undefined){
let data0 = data.CategoricalParameterRanges;
if(Array.isArray(data0)){
if(data0.length > 20){
const err1 = {instancePath:instancePath+"/CategoricalParameterRanges",schemaPath:"#/properties/CategoricalParameterRanges/maxItems",keyword:"maxItems",params:{limit: 20},message:"must NOT have more than 20 items"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data0.length < 0){
const err2 = {instancePath:instancePath+"/CategoricalParameterRanges",schemaPath:"#/properties/CategoricalParameterRanges/minItems",keyword:"minItems",params:{limit: 0},message:"must NOT have fewer than 0 items"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.Name === undefined){
const err3 = {instancePath:instancePath+"/CategoricalParameterRanges/" + i0,schemaPath:"#/properties/CategoricalParameterRanges/items/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1.Values === undefined){
const err4 = {instancePath:instancePath+"/CategoricalParameterRanges/" + i0,schemaPath:"#/properties/CategoricalParameterRanges/items/required",keyword:"required",params:{missingProperty: "Values"},message:"must have required property '"+"Values"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key1 in data1){
if(!((key1 === "Name") || (key1 === "Values"))){
const err5 = {instancePath:instancePath+"/CategoricalParameterRanges/" + i0,schemaPath:"#/properties/CategoricalParameterRanges/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data1.Name !== undefined){
if(!(validate21(data1.Name, {instancePath:instancePath+"/CategoricalParameterRanges/" + i0+"/Name",parentData:data1,parentDataProperty:"Name",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data1.Values !== undefined){
let data3 = data1.Values;
if(Array.isArray(data3)){
const len1 = data3.length;
for(let i1=0; i1<len1; i1++){
if(!(validate21(data3[i1], {instancePath:instancePath+"/CategoricalParameterRanges/" + i0+"/Values/" + i1,parentData:data3,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err6 = {instancePath:instancePath+"/CategoricalParameterRanges/" + i0+"/Values",schemaPath:"#/properties/CategoricalParameterRanges/items/properties/Values/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/CategoricalParameterRanges/" + i0,schemaPath:"#/properties/CategoricalParameterRanges/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/CategoricalParameterRanges",schemaPath:"#/properties/CategoricalParameterRanges/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.IntegerParameterRanges !== undefined){
let data5 = data.IntegerParameterRanges;
if(Array.isArray(data5)){
if(data5.length > 20){
const err9 = {instancePath:instancePath+"/IntegerParameterRanges",schemaPath:"#/properties/IntegerParameterRanges/maxItems",keyword:"maxItems",params:{limit: 20},message:"must NOT have more than 20 items"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data5.length < 0){
const err10 = {instancePath:instancePath+"/IntegerParameterRanges",schemaPath:"#/properties/IntegerParameterRanges/minItems",keyword:"minItems",params:{limit: 0},message:"must NOT have fewer than 0 items"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
const len2 = data5.length;
for(let i2=0; i2<len2; i2++){
let data6 = data5[i2];
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.Name === undefined){
const err11 = {instancePath:instancePath+"/IntegerParameterRanges/" + i2,schemaPath:"#/properties/IntegerParameterRanges/items/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data6.MinValue === undefined){
const err12 = {instancePath:instancePath+"/IntegerParameterRanges/" + i2,schemaPath:"#/properties/IntegerParameterRanges/items/required",keyword:"required",params:{missingProperty: "MinValue"},message:"must have required property '"+"MinValue"+"'"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data6.MaxValue === undefined){
const err13 = {instancePath:instancePath+"/IntegerParameterRanges/" + i2,schemaPath:"#/properties/IntegerParameterRanges/items/required",keyword:"required",params:{missingProperty: "MaxValue"},message:"must have required property '"+"MaxValue"+"'"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
for(const key2 in data6){
if(!((((key2 === "Name") || (key2 === "MinValue")) || (key2 === "MaxValue")) || (key2 === "ScalingType"))){
const err14 = {instancePath:instancePath+"/IntegerParameterRanges/" + i2,schemaPath:"#/properties/IntegerParameterRanges/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data6.Name !== undefined){
if(!(validate21(data6.Name, {instancePath:instancePath+"/IntegerParameterRanges/" + i2+"/Name",parentData:data6,parentDataProperty:"Name",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data6.MinValue !== undefined){
if(!(validate21(data6.MinValue, {instancePath:instancePath+"/IntegerParameterRanges/" + i2+"/MinValue",parentData:data6,parentDataProperty:"MinValue",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data6.MaxValue !== undefined){
if(!(validate21(data6.MaxValue, {instancePath:instancePath+"/IntegerParameterRanges/" + i2+"/MaxValue",parentData:data6,parentDataProperty:"MaxValue",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data6.ScalingType !== undefined){
let data10 = data6.ScalingType;
if(typeof data10 !== "string"){
const err15 = {instancePath:instancePath+"/IntegerParameterRanges/" + i2+"/ScalingType",schemaPath:"#/properties/IntegerParameterRanges/items/properties/ScalingType/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(!((((data10 === "Auto") || (data10 === "Linear")) || (data10 === "Logarithmic")) || (data10 === "ReverseLogarithmic"))){
const err16 = {instancePath:instancePath+"/IntegerParameterRanges/" + i2+"/ScalingType",schemaPath:"#/properties/IntegerParameterRanges/items/properties/ScalingType/enum",keyword:"enum",params:{allowedValues: schema107.properties.IntegerParameterRanges.items.properties.ScalingType.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/IntegerParameterRanges/" + i2,schemaPath:"#/properties/IntegerParameterRanges/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath:instancePath+"/IntegerParameterRanges",schemaPath:"#/properties/IntegerParameterRanges/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.ContinuousParameterRanges !== undefined){
let data11 = data.ContinuousParameterRanges;
if(Array.isArray(data11)){
if(data11.length > 20){
const err19 = {instancePath:instancePath+"/ContinuousParameterRanges",schemaPath:"#/properties/ContinuousParameterRanges/maxItems",keyword:"maxItems",params:{limit: 20},message:"must NOT have more than 20 items"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data11.length < 0){
const err20 = {instancePath:instancePath+"/ContinuousParameterRanges",schemaPath:"#/properties/ContinuousParameterRanges/minItems",keyword:"minItems",params:{limit: 0},message:"must NOT have fewer than 0 items"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
const len3 = data11.length;
for(let i3=0; i3<len3; i3++){
let data12 = data11[i3];
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(data12.Name === undefined){
const err21 = {instancePath:instancePath+"/ContinuousParameterRanges/" + i3,schemaPath:"#/properties/ContinuousParameterRanges/items/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(data12.MinValue === undefined){
const err22 = {instancePath:instancePath+"/ContinuousParameterRanges/" + i3,schemaPath:"#/properties/ContinuousParameterRanges/items/required",keyword:"required",params:{missingProperty: "MinValue"},message:"must have required property '"+"MinValue"+"'"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(data12.MaxValue === undefined){
const err23 = {instancePath:instancePath+"/ContinuousParameterRanges/" + i3,schemaPath:"#/properties/ContinuousParameterRanges/items/required",keyword:"required",params:{missingProperty: "MaxValue"},message:"must have required property '"+"MaxValue"+"'"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
for(const key3 in data12){
if(!((((key3 === "Name") || (key3 === "MinValue")) || (key3 === "MaxValue")) || (key3 === "ScalingType"))){
const err24 = {instancePath:instancePath+"/ContinuousParameterRanges/" + i3,schemaPath:"#/properties/ContinuousParameterRanges/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data12.Name !== undefined){
if(!(validate21(data12.Name, {instancePath:instancePath+"/ContinuousParameterRanges/" + i3+"/Name",parentData:data12,parentDataProperty:"Name",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data12.MinValue !== undefined){
if(!(validate21(data12.MinValue, {instancePath:instancePath+"/ContinuousParameterRanges/" + i3+"/MinValue",parentData:data12,parentDataProperty:"MinValue",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data12.MaxValue !== undefined){
if(!(validate21(data12.MaxValue, {instancePath:instancePath+"/ContinuousParameterRanges/" + i3+"/MaxValue",parentData:data12,parentDataProperty:"MaxValue",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data12.ScalingType !== undefined){
let data16 = data12.ScalingType;
if(typeof data16 !== "string"){
const err25 = {instancePath:instancePath+"/ContinuousParameterRanges/" + i3+"/ScalingType",schemaPath:"#/properties/ContinuousParameterRanges/items/properties/ScalingType/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(!((((data16 === "Auto") || (data16 === "Linear")) || (data16 === "Logarithmic")) || (data16 === "ReverseLogarithmic"))){
const err26 = {instancePath:instancePath+"/ContinuousParameterRanges/" + i3+"/ScalingType",schemaPath:"#/properties/ContinuousParameterRanges/items/properties/ScalingType/enum",keyword:"enum",params:{allowedValues: schema107.properties.ContinuousParameterRanges.items.properties.ScalingType.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/ContinuousParameterRanges/" + i3,schemaPath:"#/properties/ContinuousParameterRanges/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/ContinuousParameterRanges",schemaPath:"#/properties/ContinuousParameterRanges/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
else {
const err29 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
validate251.errors = vErrors;
return errors === 0;
}

const schema108 = {"type":"object","properties":{"DefinitionName":{"$ref":"#/definitions/StringArgumentValue"},"AlgorithmSpecification":{"type":"object","properties":{"AlgorithmName":{"$ref":"#/definitions/StringArgumentValue"},"EnableSageMakerMetricsTimeSeries":{"$ref":"#/definitions/BooleanArgumentValue"},"MetricDefinitions":{"type":"array","items":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StringArgumentValue"},"Regex":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"TrainingImage":{"$ref":"#/definitions/StringArgumentValue"},"TrainingInputMode":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"CheckpointConfig":{"type":"object","properties":{"LocalPath":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"EnableInterContainerTrafficEncryption":{"$ref":"#/definitions/BooleanArgumentValue"},"EnableManagedSpotTraining":{"$ref":"#/definitions/BooleanArgumentValue"},"EnableNetworkIsolation":{"$ref":"#/definitions/BooleanArgumentValue"},"HyperParameterRanges":{"$ref":"#/definitions/ParameterRanges"},"InputDataConfig":{"type":"array","items":{"type":"object","properties":{"ChannelName":{"$ref":"#/definitions/StringArgumentValue"},"CompressionType":{"$ref":"#/definitions/StringArgumentValue"},"ContentType":{"$ref":"#/definitions/StringArgumentValue"},"DataSource":{"type":"object","properties":{"FileSystemDataSource":{"type":"object","properties":{"DirectoryPath":{"$ref":"#/definitions/StringArgumentValue"},"FileSystemAccessMode":{"$ref":"#/definitions/StringArgumentValue"},"FileSystemId":{"$ref":"#/definitions/StringArgumentValue"},"FileSystemType":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"S3DataSource":{"type":"object","properties":{"AttributeNames":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}},"S3DataDistributionType":{"$ref":"#/definitions/StringArgumentValue"},"S3DataType":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}}},"InputMode":{"$ref":"#/definitions/StringArgumentValue"},"RecordWrapperType":{"$ref":"#/definitions/StringArgumentValue"},"ShuffleConfig":{"type":"object","properties":{"Seed":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false}}}},"OutputDataConfig":{"type":"object","properties":{"KmsKeyId":{"$ref":"#/definitions/StringArgumentValue"},"S3OutputPath":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"ResourceConfig":{"type":"object","properties":{"InstanceCount":{"$ref":"#/definitions/IntegerArgumentValue"},"InstanceType":{"$ref":"#/definitions/StringArgumentValue"},"VolumeKmsKeyId":{"$ref":"#/definitions/StringArgumentValue"},"VolumeSizeInGB":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false},"RetryStrategy":{"type":"object","properties":{"MaximumRetryAttempts":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false},"RoleArn":{"$ref":"#/definitions/StringArgumentValue"},"StaticHyperParameters":{"type":"object"},"StoppingCondition":{"type":"object","properties":{"MaxRuntimeInSeconds":{"$ref":"#/definitions/IntegerArgumentValue"},"MaxWaitTimeInSeconds":{"$ref":"#/definitions/IntegerArgumentValue"}},"additionalProperties":false},"TuningObjective":{"type":"object","properties":{"MetricName":{"$ref":"#/definitions/StringArgumentValue"},"Type":{"type":"string","enum":["Maximize","Minimize"]}},"required":["MetricName","Type"],"additionalProperties":false},"VpcConfig":{"$ref":"#/definitions/VpcConfig"}},"required":["AlgorithmSpecification","OutputDataConfig","ResourceConfig","RoleArn","StoppingCondition"],"additionalProperties":false};

function validate264(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.AlgorithmSpecification === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "AlgorithmSpecification"},message:"must have required property '"+"AlgorithmSpecification"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.OutputDataConfig === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "OutputDataConfig"},message:"must have required property '"+"OutputDataConfig"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.ResourceConfig === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "ResourceConfig"},message:"must have required property '"+"ResourceConfig"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.RoleArn === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "RoleArn"},message:"must have required property '"+"RoleArn"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.StoppingCondition === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "StoppingCondition"},message:"must have required property '"+"StoppingCondition"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data){
if(!(func18.call(schema108.properties, key0))){
const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.DefinitionName !== undefined){
if(!(validate21(data.DefinitionName, {instancePath:instancePath+"/DefinitionName",parentData:data,parentDataProperty:"DefinitionName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data.AlgorithmSpecification !== undefined){
let data1 = data.AlgorithmSpecification;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
if(!(((((key1 === "AlgorithmName") || (key1 === "EnableSageMakerMetricsTimeSeries")) || (key1 === "MetricDefinitions")) || (key1 === "TrainingImage")) || (key1 === "TrainingInputMode"))){
const err6 = {instancePath:instancePath+"/AlgorithmSpecification",schemaPath:"#/properties/AlgorithmSpecification/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data1.AlgorithmName !== undefined){
if(!(validate21(data1.AlgorithmName, {instancePath:instancePath+"/AlgorithmSpecification/AlgorithmName",parentData:data1,parentDataProperty:"AlgorithmName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data1.EnableSageMakerMetricsTimeSeries !== undefined){
if(!(validate28(data1.EnableSageMakerMetricsTimeSeries, {instancePath:instancePath+"/AlgorithmSpecification/EnableSageMakerMetricsTimeSeries",parentData:data1,parentDataProperty:"EnableSageMakerMetricsTimeSeries",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
if(data1.MetricDefinitions !== undefined){
let data4 = data1.MetricDefinitions;
if(Array.isArray(data4)){
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
for(const key2 in data5){
if(!((key2 === "Name") || (key2 === "Regex"))){
const err7 = {instancePath:instancePath+"/AlgorithmSpecification/MetricDefinitions/" + i0,schemaPath:"#/properties/AlgorithmSpecification/properties/MetricDefinitions/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data5.Name !== undefined){
if(!(validate21(data5.Name, {instancePath:instancePath+"/AlgorithmSpecification/MetricDefinitions/" + i0+"/Name",parentData:data5,parentDataProperty:"Name",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data5.Regex !== undefined){
if(!(validate21(data5.Regex, {instancePath:instancePath+"/AlgorithmSpecification/MetricDefinitions/" + i0+"/Regex",parentData:data5,parentDataProperty:"Regex",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err8 = {instancePath:instancePath+"/AlgorithmSpecification/MetricDefinitions/" + i0,schemaPath:"#/properties/AlgorithmSpecification/properties/MetricDefinitions/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/AlgorithmSpecification/MetricDefinitions",schemaPath:"#/properties/AlgorithmSpecification/properties/MetricDefinitions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data1.TrainingImage !== undefined){
if(!(validate21(data1.TrainingImage, {instancePath:instancePath+"/AlgorithmSpecification/TrainingImage",parentData:data1,parentDataProperty:"TrainingImage",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data1.TrainingInputMode !== undefined){
if(!(validate21(data1.TrainingInputMode, {instancePath:instancePath+"/AlgorithmSpecification/TrainingInputMode",parentData:data1,parentDataProperty:"TrainingInputMode",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err10 = {instancePath:instancePath+"/AlgorithmSpecification",schemaPath:"#/properties/AlgorithmSpecification/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.CheckpointConfig !== undefined){
let data10 = data.CheckpointConfig;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
for(const key3 in data10){
if(!((key3 === "LocalPath") || (key3 === "S3Uri"))){
const err11 = {instancePath:instancePath+"/CheckpointConfig",schemaPath:"#/properties/CheckpointConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data10.LocalPath !== undefined){
if(!(validate21(data10.LocalPath, {instancePath:instancePath+"/CheckpointConfig/LocalPath",parentData:data10,parentDataProperty:"LocalPath",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data10.S3Uri !== undefined){
if(!(validate21(data10.S3Uri, {instancePath:instancePath+"/CheckpointConfig/S3Uri",parentData:data10,parentDataProperty:"S3Uri",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err12 = {instancePath:instancePath+"/CheckpointConfig",schemaPath:"#/properties/CheckpointConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.EnableInterContainerTrafficEncryption !== undefined){
if(!(validate28(data.EnableInterContainerTrafficEncryption, {instancePath:instancePath+"/EnableInterContainerTrafficEncryption",parentData:data,parentDataProperty:"EnableInterContainerTrafficEncryption",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
if(data.EnableManagedSpotTraining !== undefined){
if(!(validate28(data.EnableManagedSpotTraining, {instancePath:instancePath+"/EnableManagedSpotTraining",parentData:data,parentDataProperty:"EnableManagedSpotTraining",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
if(data.EnableNetworkIsolation !== undefined){
if(!(validate28(data.EnableNetworkIsolation, {instancePath:instancePath+"/EnableNetworkIsolation",parentData:data,parentDataProperty:"EnableNetworkIsolation",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
if(data.HyperParameterRanges !== undefined){
if(!(validate251(data.HyperParameterRanges, {instancePath:instancePath+"/HyperParameterRanges",parentData:data,parentDataProperty:"HyperParameterRanges",rootData}))){
vErrors = vErrors === null ? validate251.errors : vErrors.concat(validate251.errors);
errors = vErrors.length;
}
}
if(data.InputDataConfig !== undefined){
let data17 = data.InputDataConfig;
if(Array.isArray(data17)){
const len1 = data17.length;
for(let i1=0; i1<len1; i1++){
let data18 = data17[i1];
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
if(data18.ChannelName !== undefined){
if(!(validate21(data18.ChannelName, {instancePath:instancePath+"/InputDataConfig/" + i1+"/ChannelName",parentData:data18,parentDataProperty:"ChannelName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data18.CompressionType !== undefined){
if(!(validate21(data18.CompressionType, {instancePath:instancePath+"/InputDataConfig/" + i1+"/CompressionType",parentData:data18,parentDataProperty:"CompressionType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data18.ContentType !== undefined){
if(!(validate21(data18.ContentType, {instancePath:instancePath+"/InputDataConfig/" + i1+"/ContentType",parentData:data18,parentDataProperty:"ContentType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data18.DataSource !== undefined){
let data22 = data18.DataSource;
if(data22 && typeof data22 == "object" && !Array.isArray(data22)){
if(data22.FileSystemDataSource !== undefined){
let data23 = data22.FileSystemDataSource;
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
for(const key4 in data23){
if(!((((key4 === "DirectoryPath") || (key4 === "FileSystemAccessMode")) || (key4 === "FileSystemId")) || (key4 === "FileSystemType"))){
const err13 = {instancePath:instancePath+"/InputDataConfig/" + i1+"/DataSource/FileSystemDataSource",schemaPath:"#/properties/InputDataConfig/items/properties/DataSource/properties/FileSystemDataSource/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data23.DirectoryPath !== undefined){
if(!(validate21(data23.DirectoryPath, {instancePath:instancePath+"/InputDataConfig/" + i1+"/DataSource/FileSystemDataSource/DirectoryPath",parentData:data23,parentDataProperty:"DirectoryPath",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data23.FileSystemAccessMode !== undefined){
if(!(validate21(data23.FileSystemAccessMode, {instancePath:instancePath+"/InputDataConfig/" + i1+"/DataSource/FileSystemDataSource/FileSystemAccessMode",parentData:data23,parentDataProperty:"FileSystemAccessMode",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data23.FileSystemId !== undefined){
if(!(validate21(data23.FileSystemId, {instancePath:instancePath+"/InputDataConfig/" + i1+"/DataSource/FileSystemDataSource/FileSystemId",parentData:data23,parentDataProperty:"FileSystemId",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data23.FileSystemType !== undefined){
if(!(validate21(data23.FileSystemType, {instancePath:instancePath+"/InputDataConfig/" + i1+"/DataSource/FileSystemDataSource/FileSystemType",parentData:data23,parentDataProperty:"FileSystemType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err14 = {instancePath:instancePath+"/InputDataConfig/" + i1+"/DataSource/FileSystemDataSource",schemaPath:"#/properties/InputDataConfig/items/properties/DataSource/properties/FileSystemDataSource/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data22.S3DataSource !== undefined){
let data28 = data22.S3DataSource;
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
for(const key5 in data28){
if(!((((key5 === "AttributeNames") || (key5 === "S3DataDistributionType")) || (key5 === "S3DataType")) || (key5 === "S3Uri"))){
const err15 = {instancePath:instancePath+"/InputDataConfig/" + i1+"/DataSource/S3DataSource",schemaPath:"#/properties/InputDataConfig/items/properties/DataSource/properties/S3DataSource/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data28.AttributeNames !== undefined){
let data29 = data28.AttributeNames;
if(Array.isArray(data29)){
const len2 = data29.length;
for(let i2=0; i2<len2; i2++){
if(!(validate21(data29[i2], {instancePath:instancePath+"/InputDataConfig/" + i1+"/DataSource/S3DataSource/AttributeNames/" + i2,parentData:data29,parentDataProperty:i2,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err16 = {instancePath:instancePath+"/InputDataConfig/" + i1+"/DataSource/S3DataSource/AttributeNames",schemaPath:"#/properties/InputDataConfig/items/properties/DataSource/properties/S3DataSource/properties/AttributeNames/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data28.S3DataDistributionType !== undefined){
if(!(validate21(data28.S3DataDistributionType, {instancePath:instancePath+"/InputDataConfig/" + i1+"/DataSource/S3DataSource/S3DataDistributionType",parentData:data28,parentDataProperty:"S3DataDistributionType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data28.S3DataType !== undefined){
if(!(validate21(data28.S3DataType, {instancePath:instancePath+"/InputDataConfig/" + i1+"/DataSource/S3DataSource/S3DataType",parentData:data28,parentDataProperty:"S3DataType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data28.S3Uri !== undefined){
if(!(validate21(data28.S3Uri, {instancePath:instancePath+"/InputDataConfig/" + i1+"/DataSource/S3DataSource/S3Uri",parentData:data28,parentDataProperty:"S3Uri",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err17 = {instancePath:instancePath+"/InputDataConfig/" + i1+"/DataSource/S3DataSource",schemaPath:"#/properties/InputDataConfig/items/properties/DataSource/properties/S3DataSource/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath:instancePath+"/InputDataConfig/" + i1+"/DataSource",schemaPath:"#/properties/InputDataConfig/items/properties/DataSource/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data18.InputMode !== undefined){
if(!(validate21(data18.InputMode, {instancePath:instancePath+"/InputDataConfig/" + i1+"/InputMode",parentData:data18,parentDataProperty:"InputMode",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data18.RecordWrapperType !== undefined){
if(!(validate21(data18.RecordWrapperType, {instancePath:instancePath+"/InputDataConfig/" + i1+"/RecordWrapperType",parentData:data18,parentDataProperty:"RecordWrapperType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data18.ShuffleConfig !== undefined){
let data36 = data18.ShuffleConfig;
if(data36 && typeof data36 == "object" && !Array.isArray(data36)){
for(const key6 in data36){
if(!(key6 === "Seed")){
const err19 = {instancePath:instancePath+"/InputDataConfig/" + i1+"/ShuffleConfig",schemaPath:"#/properties/InputDataConfig/items/properties/ShuffleConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data36.Seed !== undefined){
if(!(validate31(data36.Seed, {instancePath:instancePath+"/InputDataConfig/" + i1+"/ShuffleConfig/Seed",parentData:data36,parentDataProperty:"Seed",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
}
else {
const err20 = {instancePath:instancePath+"/InputDataConfig/" + i1+"/ShuffleConfig",schemaPath:"#/properties/InputDataConfig/items/properties/ShuffleConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/InputDataConfig/" + i1,schemaPath:"#/properties/InputDataConfig/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/InputDataConfig",schemaPath:"#/properties/InputDataConfig/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.OutputDataConfig !== undefined){
let data38 = data.OutputDataConfig;
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
for(const key7 in data38){
if(!((key7 === "KmsKeyId") || (key7 === "S3OutputPath"))){
const err23 = {instancePath:instancePath+"/OutputDataConfig",schemaPath:"#/properties/OutputDataConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data38.KmsKeyId !== undefined){
if(!(validate21(data38.KmsKeyId, {instancePath:instancePath+"/OutputDataConfig/KmsKeyId",parentData:data38,parentDataProperty:"KmsKeyId",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data38.S3OutputPath !== undefined){
if(!(validate21(data38.S3OutputPath, {instancePath:instancePath+"/OutputDataConfig/S3OutputPath",parentData:data38,parentDataProperty:"S3OutputPath",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err24 = {instancePath:instancePath+"/OutputDataConfig",schemaPath:"#/properties/OutputDataConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.ResourceConfig !== undefined){
let data41 = data.ResourceConfig;
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
for(const key8 in data41){
if(!((((key8 === "InstanceCount") || (key8 === "InstanceType")) || (key8 === "VolumeKmsKeyId")) || (key8 === "VolumeSizeInGB"))){
const err25 = {instancePath:instancePath+"/ResourceConfig",schemaPath:"#/properties/ResourceConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data41.InstanceCount !== undefined){
if(!(validate31(data41.InstanceCount, {instancePath:instancePath+"/ResourceConfig/InstanceCount",parentData:data41,parentDataProperty:"InstanceCount",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data41.InstanceType !== undefined){
if(!(validate21(data41.InstanceType, {instancePath:instancePath+"/ResourceConfig/InstanceType",parentData:data41,parentDataProperty:"InstanceType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data41.VolumeKmsKeyId !== undefined){
if(!(validate21(data41.VolumeKmsKeyId, {instancePath:instancePath+"/ResourceConfig/VolumeKmsKeyId",parentData:data41,parentDataProperty:"VolumeKmsKeyId",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data41.VolumeSizeInGB !== undefined){
if(!(validate31(data41.VolumeSizeInGB, {instancePath:instancePath+"/ResourceConfig/VolumeSizeInGB",parentData:data41,parentDataProperty:"VolumeSizeInGB",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
}
else {
const err26 = {instancePath:instancePath+"/ResourceConfig",schemaPath:"#/properties/ResourceConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.RetryStrategy !== undefined){
let data46 = data.RetryStrategy;
if(data46 && typeof data46 == "object" && !Array.isArray(data46)){
for(const key9 in data46){
if(!(key9 === "MaximumRetryAttempts")){
const err27 = {instancePath:instancePath+"/RetryStrategy",schemaPath:"#/properties/RetryStrategy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data46.MaximumRetryAttempts !== undefined){
if(!(validate31(data46.MaximumRetryAttempts, {instancePath:instancePath+"/RetryStrategy/MaximumRetryAttempts",parentData:data46,parentDataProperty:"MaximumRetryAttempts",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
}
else {
const err28 = {instancePath:instancePath+"/RetryStrategy",schemaPath:"#/properties/RetryStrategy/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.RoleArn !== undefined){
if(!(validate21(data.RoleArn, {instancePath:instancePath+"/RoleArn",parentData:data,parentDataProperty:"RoleArn",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data.StaticHyperParameters !== undefined){
let data49 = data.StaticHyperParameters;
if(!(data49 && typeof data49 == "object" && !Array.isArray(data49))){
const err29 = {instancePath:instancePath+"/StaticHyperParameters",schemaPath:"#/properties/StaticHyperParameters/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.StoppingCondition !== undefined){
let data50 = data.StoppingCondition;
if(data50 && typeof data50 == "object" && !Array.isArray(data50)){
for(const key10 in data50){
if(!((key10 === "MaxRuntimeInSeconds") || (key10 === "MaxWaitTimeInSeconds"))){
const err30 = {instancePath:instancePath+"/StoppingCondition",schemaPath:"#/properties/StoppingCondition/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data50.MaxRuntimeInSeconds !== undefined){
if(!(validate31(data50.MaxRuntimeInSeconds, {instancePath:instancePath+"/StoppingCondition/MaxRuntimeInSeconds",parentData:data50,parentDataProperty:"MaxRuntimeInSeconds",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data50.MaxWaitTimeInSeconds !== undefined){
if(!(validate31(data50.MaxWaitTimeInSeconds, {instancePath:instancePath+"/StoppingCondition/MaxWaitTimeInSeconds",parentData:data50,parentDataProperty:"MaxWaitTimeInSeconds",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
}
else {
const err31 = {instancePath:instancePath+"/StoppingCondition",schemaPath:"#/properties/StoppingCondition/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.TuningObjective !== undefined){
let data53 = data.TuningObjective;
if(data53 && typeof data53 == "object" && !Array.isArray(data53)){
if(data53.MetricName === undefined){
const err32 = {instancePath:instancePath+"/TuningObjective",schemaPath:"#/properties/TuningObjective/required",keyword:"required",params:{missingProperty: "MetricName"},message:"must have required property '"+"MetricName"+"'"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(data53.Type === undefined){
const err33 = {instancePath:instancePath+"/TuningObjective",schemaPath:"#/properties/TuningObjective/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
for(const key11 in data53){
if(!((key11 === "MetricName") || (key11 === "Type"))){
const err34 = {instancePath:instancePath+"/TuningObjective",schemaPath:"#/properties/TuningObjective/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data53.MetricName !== undefined){
if(!(validate21(data53.MetricName, {instancePath:instancePath+"/TuningObjective/MetricName",parentData:data53,parentDataProperty:"MetricName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data53.Type !== undefined){
let data55 = data53.Type;
if(typeof data55 !== "string"){
const err35 = {instancePath:instancePath+"/TuningObjective/Type",schemaPath:"#/properties/TuningObjective/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(!((data55 === "Maximize") || (data55 === "Minimize"))){
const err36 = {instancePath:instancePath+"/TuningObjective/Type",schemaPath:"#/properties/TuningObjective/properties/Type/enum",keyword:"enum",params:{allowedValues: schema108.properties.TuningObjective.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
else {
const err37 = {instancePath:instancePath+"/TuningObjective",schemaPath:"#/properties/TuningObjective/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data.VpcConfig !== undefined){
if(!(validate111(data.VpcConfig, {instancePath:instancePath+"/VpcConfig",parentData:data,parentDataProperty:"VpcConfig",rootData}))){
vErrors = vErrors === null ? validate111.errors : vErrors.concat(validate111.errors);
errors = vErrors.length;
}
}
}
else {
const err38 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
validate264.errors = vErrors;
return errors === 0;
}


function validate249(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.Name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.Arguments === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Arguments"},message:"must have required property '"+"Arguments"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "Name") || (key0 === "Type")) || (key0 === "DependsOn")) || (key0 === "DisplayName")) || (key0 === "Description")) || (key0 === "RetryPolicies")) || (key0 === "CacheConfig")) || (key0 === "Arguments"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.Name !== undefined){
let data0 = data.Name;
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err4 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.Type !== undefined){
let data1 = data.Type;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!(data1 === "Tuning")){
const err7 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema100.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.DependsOn !== undefined){
let data2 = data.DependsOn;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(!pattern1.test(data3)){
const err8 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/DependsOn",schemaPath:"#/properties/DependsOn/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.DisplayName !== undefined){
let data4 = data.DisplayName;
if(typeof data4 === "string"){
if(!pattern1.test(data4)){
const err11 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.Description !== undefined){
let data5 = data.Description;
if(typeof data5 === "string"){
if(func2(data5) > 4096){
const err13 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(func2(data5) < 0){
const err14 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.RetryPolicies !== undefined){
let data6 = data.RetryPolicies;
if(Array.isArray(data6)){
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
let data7 = data6[i1];
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.ExceptionType === undefined){
const err16 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/required",keyword:"required",params:{missingProperty: "ExceptionType"},message:"must have required property '"+"ExceptionType"+"'"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
for(const key1 in data7){
if(!(((((key1 === "ExceptionType") || (key1 === "IntervalSeconds")) || (key1 === "BackoffRate")) || (key1 === "ExpireAfterMin")) || (key1 === "MaxAttempts"))){
const err17 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data7.ExceptionType !== undefined){
let data8 = data7.ExceptionType;
if(Array.isArray(data8)){
if(data8.length < 1){
const err18 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType",schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
let data9 = data8[i2];
if(typeof data9 !== "string"){
const err19 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType/" + i2,schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(!((((((data9 === "Step.SERVICE_FAULT") || (data9 === "Step.THROTTLING")) || (data9 === "SageMaker.JOB_INTERNAL_ERROR")) || (data9 === "SageMaker.CAPACITY_ERROR")) || (data9 === "SageMaker.RESOURCE_LIMIT")) || (data9 === "Emr.RESOURCE_LIMIT"))){
const err20 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType/" + i2,schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/items/enum",keyword:"enum",params:{allowedValues: schema49.properties.ExceptionType.items.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType",schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data7.IntervalSeconds !== undefined){
let data10 = data7.IntervalSeconds;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
const err22 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/IntervalSeconds",schemaPath:"#/definitions/RetryPolicy/properties/IntervalSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data7.BackoffRate !== undefined){
if(!(typeof data7.BackoffRate == "number")){
const err23 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/BackoffRate",schemaPath:"#/definitions/RetryPolicy/properties/BackoffRate/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data7.ExpireAfterMin !== undefined){
let data12 = data7.ExpireAfterMin;
if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){
const err24 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExpireAfterMin",schemaPath:"#/definitions/RetryPolicy/properties/ExpireAfterMin/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data7.MaxAttempts !== undefined){
let data13 = data7.MaxAttempts;
if(!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))){
const err25 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/MaxAttempts",schemaPath:"#/definitions/RetryPolicy/properties/MaxAttempts/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/RetryPolicies",schemaPath:"#/properties/RetryPolicies/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.CacheConfig !== undefined){
let data14 = data.CacheConfig;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
for(const key2 in data14){
if(!((key2 === "Enabled") || (key2 === "ExpireAfter"))){
const err28 = {instancePath:instancePath+"/CacheConfig",schemaPath:"#/definitions/CacheConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data14.Enabled !== undefined){
if(typeof data14.Enabled !== "boolean"){
const err29 = {instancePath:instancePath+"/CacheConfig/Enabled",schemaPath:"#/definitions/CacheConfig/properties/Enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data14.ExpireAfter !== undefined){
if(typeof data14.ExpireAfter !== "string"){
const err30 = {instancePath:instancePath+"/CacheConfig/ExpireAfter",schemaPath:"#/definitions/CacheConfig/properties/ExpireAfter/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/CacheConfig",schemaPath:"#/definitions/CacheConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.Arguments !== undefined){
let data17 = data.Arguments;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.HyperParameterTuningJobConfig === undefined){
const err32 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/required",keyword:"required",params:{missingProperty: "HyperParameterTuningJobConfig"},message:"must have required property '"+"HyperParameterTuningJobConfig"+"'"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
for(const key3 in data17){
if(!((((((key3 === "HyperParameterTuningJobConfig") || (key3 === "Tags")) || (key3 === "HyperParameterTuningJobName")) || (key3 === "TrainingJobDefinition")) || (key3 === "TrainingJobDefinitions")) || (key3 === "WarmStartConfig"))){
const err33 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data17.HyperParameterTuningJobConfig !== undefined){
let data18 = data17.HyperParameterTuningJobConfig;
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
if(data18.ResourceLimits === undefined){
const err34 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/required",keyword:"required",params:{missingProperty: "ResourceLimits"},message:"must have required property '"+"ResourceLimits"+"'"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data18.Strategy === undefined){
const err35 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/required",keyword:"required",params:{missingProperty: "Strategy"},message:"must have required property '"+"Strategy"+"'"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
for(const key4 in data18){
if(!((((((key4 === "HyperParameterTuningJobObjective") || (key4 === "ParameterRanges")) || (key4 === "ResourceLimits")) || (key4 === "Strategy")) || (key4 === "TrainingJobEarlyStoppingType")) || (key4 === "TuningJobCompletionCriteria"))){
const err36 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data18.HyperParameterTuningJobObjective !== undefined){
let data19 = data18.HyperParameterTuningJobObjective;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if(data19.MetricName === undefined){
const err37 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/HyperParameterTuningJobObjective",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/properties/HyperParameterTuningJobObjective/required",keyword:"required",params:{missingProperty: "MetricName"},message:"must have required property '"+"MetricName"+"'"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(data19.Type === undefined){
const err38 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/HyperParameterTuningJobObjective",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/properties/HyperParameterTuningJobObjective/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
for(const key5 in data19){
if(!((key5 === "MetricName") || (key5 === "Type"))){
const err39 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/HyperParameterTuningJobObjective",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/properties/HyperParameterTuningJobObjective/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data19.MetricName !== undefined){
if(!(validate21(data19.MetricName, {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/HyperParameterTuningJobObjective/MetricName",parentData:data19,parentDataProperty:"MetricName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data19.Type !== undefined){
let data21 = data19.Type;
if(typeof data21 !== "string"){
const err40 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/HyperParameterTuningJobObjective/Type",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/properties/HyperParameterTuningJobObjective/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if(!((data21 === "Maximize") || (data21 === "Minimize"))){
const err41 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/HyperParameterTuningJobObjective/Type",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/properties/HyperParameterTuningJobObjective/properties/Type/enum",keyword:"enum",params:{allowedValues: schema100.properties.Arguments.properties.HyperParameterTuningJobConfig.properties.HyperParameterTuningJobObjective.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
else {
const err42 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/HyperParameterTuningJobObjective",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/properties/HyperParameterTuningJobObjective/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data18.ParameterRanges !== undefined){
if(!(validate251(data18.ParameterRanges, {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/ParameterRanges",parentData:data18,parentDataProperty:"ParameterRanges",rootData}))){
vErrors = vErrors === null ? validate251.errors : vErrors.concat(validate251.errors);
errors = vErrors.length;
}
}
if(data18.ResourceLimits !== undefined){
let data23 = data18.ResourceLimits;
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
if(data23.MaxNumberOfTrainingJobs === undefined){
const err43 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/ResourceLimits",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/properties/ResourceLimits/required",keyword:"required",params:{missingProperty: "MaxNumberOfTrainingJobs"},message:"must have required property '"+"MaxNumberOfTrainingJobs"+"'"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if(data23.MaxParallelTrainingJobs === undefined){
const err44 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/ResourceLimits",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/properties/ResourceLimits/required",keyword:"required",params:{missingProperty: "MaxParallelTrainingJobs"},message:"must have required property '"+"MaxParallelTrainingJobs"+"'"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
for(const key6 in data23){
if(!((key6 === "MaxNumberOfTrainingJobs") || (key6 === "MaxParallelTrainingJobs"))){
const err45 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/ResourceLimits",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/properties/ResourceLimits/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data23.MaxNumberOfTrainingJobs !== undefined){
let data24 = data23.MaxNumberOfTrainingJobs;
if(!((typeof data24 == "number") && (!(data24 % 1) && !isNaN(data24)))){
const err46 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/ResourceLimits/MaxNumberOfTrainingJobs",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/properties/ResourceLimits/properties/MaxNumberOfTrainingJobs/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if(typeof data24 === "string"){
if(func2(data24) < 1){
const err47 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/ResourceLimits/MaxNumberOfTrainingJobs",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/properties/ResourceLimits/properties/MaxNumberOfTrainingJobs/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
if(data23.MaxParallelTrainingJobs !== undefined){
let data25 = data23.MaxParallelTrainingJobs;
if(!((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25)))){
const err48 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/ResourceLimits/MaxParallelTrainingJobs",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/properties/ResourceLimits/properties/MaxParallelTrainingJobs/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
if(typeof data25 === "string"){
if(func2(data25) < 1){
const err49 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/ResourceLimits/MaxParallelTrainingJobs",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/properties/ResourceLimits/properties/MaxParallelTrainingJobs/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
}
}
else {
const err50 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/ResourceLimits",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/properties/ResourceLimits/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data18.Strategy !== undefined){
let data26 = data18.Strategy;
if(typeof data26 !== "string"){
const err51 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/Strategy",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/properties/Strategy/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
if(!((data26 === "Bayesian") || (data26 === "Random"))){
const err52 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/Strategy",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/properties/Strategy/enum",keyword:"enum",params:{allowedValues: schema100.properties.Arguments.properties.HyperParameterTuningJobConfig.properties.Strategy.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data18.TrainingJobEarlyStoppingType !== undefined){
let data27 = data18.TrainingJobEarlyStoppingType;
if(typeof data27 !== "string"){
const err53 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/TrainingJobEarlyStoppingType",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/properties/TrainingJobEarlyStoppingType/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
if(!((data27 === "Off") || (data27 === "Auto"))){
const err54 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/TrainingJobEarlyStoppingType",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/properties/TrainingJobEarlyStoppingType/enum",keyword:"enum",params:{allowedValues: schema100.properties.Arguments.properties.HyperParameterTuningJobConfig.properties.TrainingJobEarlyStoppingType.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data18.TuningJobCompletionCriteria !== undefined){
let data28 = data18.TuningJobCompletionCriteria;
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
if(data28.TargetObjectiveMetricValue === undefined){
const err55 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/TuningJobCompletionCriteria",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/properties/TuningJobCompletionCriteria/required",keyword:"required",params:{missingProperty: "TargetObjectiveMetricValue"},message:"must have required property '"+"TargetObjectiveMetricValue"+"'"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
for(const key7 in data28){
if(!(key7 === "TargetObjectiveMetricValue")){
const err56 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/TuningJobCompletionCriteria",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/properties/TuningJobCompletionCriteria/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data28.TargetObjectiveMetricValue !== undefined){
if(!(validate34(data28.TargetObjectiveMetricValue, {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/TuningJobCompletionCriteria/TargetObjectiveMetricValue",parentData:data28,parentDataProperty:"TargetObjectiveMetricValue",rootData}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
}
}
else {
const err57 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig/TuningJobCompletionCriteria",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/properties/TuningJobCompletionCriteria/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
}
else {
const err58 = {instancePath:instancePath+"/Arguments/HyperParameterTuningJobConfig",schemaPath:"#/properties/Arguments/properties/HyperParameterTuningJobConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data17.Tags !== undefined){
let data30 = data17.Tags;
if(Array.isArray(data30)){
const len3 = data30.length;
for(let i3=0; i3<len3; i3++){
if(!(validate104(data30[i3], {instancePath:instancePath+"/Arguments/Tags/" + i3,parentData:data30,parentDataProperty:i3,rootData}))){
vErrors = vErrors === null ? validate104.errors : vErrors.concat(validate104.errors);
errors = vErrors.length;
}
}
}
else {
const err59 = {instancePath:instancePath+"/Arguments/Tags",schemaPath:"#/properties/Arguments/properties/Tags/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data17.HyperParameterTuningJobName !== undefined){
if(!(validate21(data17.HyperParameterTuningJobName, {instancePath:instancePath+"/Arguments/HyperParameterTuningJobName",parentData:data17,parentDataProperty:"HyperParameterTuningJobName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data17.TrainingJobDefinition !== undefined){
if(!(validate264(data17.TrainingJobDefinition, {instancePath:instancePath+"/Arguments/TrainingJobDefinition",parentData:data17,parentDataProperty:"TrainingJobDefinition",rootData}))){
vErrors = vErrors === null ? validate264.errors : vErrors.concat(validate264.errors);
errors = vErrors.length;
}
}
if(data17.TrainingJobDefinitions !== undefined){
let data34 = data17.TrainingJobDefinitions;
if(Array.isArray(data34)){
if(data34.length > 10){
const err60 = {instancePath:instancePath+"/Arguments/TrainingJobDefinitions",schemaPath:"#/properties/Arguments/properties/TrainingJobDefinitions/maxItems",keyword:"maxItems",params:{limit: 10},message:"must NOT have more than 10 items"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if(data34.length < 0){
const err61 = {instancePath:instancePath+"/Arguments/TrainingJobDefinitions",schemaPath:"#/properties/Arguments/properties/TrainingJobDefinitions/minItems",keyword:"minItems",params:{limit: 0},message:"must NOT have fewer than 0 items"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
const len4 = data34.length;
for(let i4=0; i4<len4; i4++){
if(!(validate264(data34[i4], {instancePath:instancePath+"/Arguments/TrainingJobDefinitions/" + i4,parentData:data34,parentDataProperty:i4,rootData}))){
vErrors = vErrors === null ? validate264.errors : vErrors.concat(validate264.errors);
errors = vErrors.length;
}
}
}
else {
const err62 = {instancePath:instancePath+"/Arguments/TrainingJobDefinitions",schemaPath:"#/properties/Arguments/properties/TrainingJobDefinitions/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data17.WarmStartConfig !== undefined){
let data36 = data17.WarmStartConfig;
if(data36 && typeof data36 == "object" && !Array.isArray(data36)){
if(data36.TargetObjectiveMetricValue === undefined){
const err63 = {instancePath:instancePath+"/Arguments/WarmStartConfig",schemaPath:"#/properties/Arguments/properties/WarmStartConfig/required",keyword:"required",params:{missingProperty: "TargetObjectiveMetricValue"},message:"must have required property '"+"TargetObjectiveMetricValue"+"'"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
for(const key8 in data36){
if(!((key8 === "ParentHyperParameterTuningJobs") || (key8 === "WarmStartType"))){
const err64 = {instancePath:instancePath+"/Arguments/WarmStartConfig",schemaPath:"#/properties/Arguments/properties/WarmStartConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data36.ParentHyperParameterTuningJobs !== undefined){
let data37 = data36.ParentHyperParameterTuningJobs;
if(Array.isArray(data37)){
const len5 = data37.length;
for(let i5=0; i5<len5; i5++){
let data38 = data37[i5];
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
if(data38.HyperParameterTuningJobName === undefined){
const err65 = {instancePath:instancePath+"/Arguments/WarmStartConfig/ParentHyperParameterTuningJobs/" + i5,schemaPath:"#/properties/Arguments/properties/WarmStartConfig/properties/ParentHyperParameterTuningJobs/items/required",keyword:"required",params:{missingProperty: "HyperParameterTuningJobName"},message:"must have required property '"+"HyperParameterTuningJobName"+"'"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
for(const key9 in data38){
if(!(key9 === "HyperParameterTuningJobName")){
const err66 = {instancePath:instancePath+"/Arguments/WarmStartConfig/ParentHyperParameterTuningJobs/" + i5,schemaPath:"#/properties/Arguments/properties/WarmStartConfig/properties/ParentHyperParameterTuningJobs/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data38.HyperParameterTuningJobName !== undefined){
if(!(validate21(data38.HyperParameterTuningJobName, {instancePath:instancePath+"/Arguments/WarmStartConfig/ParentHyperParameterTuningJobs/" + i5+"/HyperParameterTuningJobName",parentData:data38,parentDataProperty:"HyperParameterTuningJobName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err67 = {instancePath:instancePath+"/Arguments/WarmStartConfig/ParentHyperParameterTuningJobs/" + i5,schemaPath:"#/properties/Arguments/properties/WarmStartConfig/properties/ParentHyperParameterTuningJobs/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
}
else {
const err68 = {instancePath:instancePath+"/Arguments/WarmStartConfig/ParentHyperParameterTuningJobs",schemaPath:"#/properties/Arguments/properties/WarmStartConfig/properties/ParentHyperParameterTuningJobs/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data36.WarmStartType !== undefined){
let data40 = data36.WarmStartType;
if(typeof data40 !== "string"){
const err69 = {instancePath:instancePath+"/Arguments/WarmStartConfig/WarmStartType",schemaPath:"#/properties/Arguments/properties/WarmStartConfig/properties/WarmStartType/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
if(!((data40 === "IdenticalDataAndAlgorithm") || (data40 === "TransferLearning"))){
const err70 = {instancePath:instancePath+"/Arguments/WarmStartConfig/WarmStartType",schemaPath:"#/properties/Arguments/properties/WarmStartConfig/properties/WarmStartType/enum",keyword:"enum",params:{allowedValues: schema100.properties.Arguments.properties.WarmStartConfig.properties.WarmStartType.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
}
else {
const err71 = {instancePath:instancePath+"/Arguments/WarmStartConfig",schemaPath:"#/properties/Arguments/properties/WarmStartConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
}
else {
const err72 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
}
else {
const err73 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
validate249.errors = vErrors;
return errors === 0;
}

const schema109 = {"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["ClarifyCheck"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"RetryPolicies":{"type":"array","items":{"$ref":"#/definitions/RetryPolicy"}},"CacheConfig":{"$ref":"#/definitions/CacheConfig"},"CheckType":{"type":"string","enum":["DATA_BIAS","MODEL_BIAS","MODEL_EXPLAINABILITY"]},"ModelPackageGroupName":{"$ref":"#/definitions/StringArgumentValue"},"SuppliedBaselineConstraints":{"$ref":"#/definitions/StringArgumentValue"},"SkipCheck":{"$ref":"#/definitions/BooleanArgumentValue"},"RegisterNewBaseline":{"$ref":"#/definitions/BooleanArgumentValue"},"ModelName":{"$ref":"#/definitions/StringArgumentValue"},"Arguments":{"$ref":"#/definitions/ProcessingArgs"}},"required":["Type","Name","Arguments","CheckType"],"additionalProperties":false};

function validate308(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.Name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.Arguments === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Arguments"},message:"must have required property '"+"Arguments"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.CheckType === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "CheckType"},message:"must have required property '"+"CheckType"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(func18.call(schema109.properties, key0))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.Name !== undefined){
let data0 = data.Name;
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err5 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.Type !== undefined){
let data1 = data.Type;
if(typeof data1 !== "string"){
const err7 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(!(data1 === "ClarifyCheck")){
const err8 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema109.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.DependsOn !== undefined){
let data2 = data.DependsOn;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(!pattern1.test(data3)){
const err9 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/DependsOn",schemaPath:"#/properties/DependsOn/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.DisplayName !== undefined){
let data4 = data.DisplayName;
if(typeof data4 === "string"){
if(!pattern1.test(data4)){
const err12 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.Description !== undefined){
let data5 = data.Description;
if(typeof data5 === "string"){
if(func2(data5) > 4096){
const err14 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(func2(data5) < 0){
const err15 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.RetryPolicies !== undefined){
let data6 = data.RetryPolicies;
if(Array.isArray(data6)){
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
let data7 = data6[i1];
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.ExceptionType === undefined){
const err17 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/required",keyword:"required",params:{missingProperty: "ExceptionType"},message:"must have required property '"+"ExceptionType"+"'"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
for(const key1 in data7){
if(!(((((key1 === "ExceptionType") || (key1 === "IntervalSeconds")) || (key1 === "BackoffRate")) || (key1 === "ExpireAfterMin")) || (key1 === "MaxAttempts"))){
const err18 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data7.ExceptionType !== undefined){
let data8 = data7.ExceptionType;
if(Array.isArray(data8)){
if(data8.length < 1){
const err19 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType",schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
let data9 = data8[i2];
if(typeof data9 !== "string"){
const err20 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType/" + i2,schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(!((((((data9 === "Step.SERVICE_FAULT") || (data9 === "Step.THROTTLING")) || (data9 === "SageMaker.JOB_INTERNAL_ERROR")) || (data9 === "SageMaker.CAPACITY_ERROR")) || (data9 === "SageMaker.RESOURCE_LIMIT")) || (data9 === "Emr.RESOURCE_LIMIT"))){
const err21 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType/" + i2,schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/items/enum",keyword:"enum",params:{allowedValues: schema49.properties.ExceptionType.items.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType",schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data7.IntervalSeconds !== undefined){
let data10 = data7.IntervalSeconds;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
const err23 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/IntervalSeconds",schemaPath:"#/definitions/RetryPolicy/properties/IntervalSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data7.BackoffRate !== undefined){
if(!(typeof data7.BackoffRate == "number")){
const err24 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/BackoffRate",schemaPath:"#/definitions/RetryPolicy/properties/BackoffRate/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data7.ExpireAfterMin !== undefined){
let data12 = data7.ExpireAfterMin;
if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){
const err25 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExpireAfterMin",schemaPath:"#/definitions/RetryPolicy/properties/ExpireAfterMin/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data7.MaxAttempts !== undefined){
let data13 = data7.MaxAttempts;
if(!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))){
const err26 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/MaxAttempts",schemaPath:"#/definitions/RetryPolicy/properties/MaxAttempts/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/RetryPolicies",schemaPath:"#/properties/RetryPolicies/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.CacheConfig !== undefined){
let data14 = data.CacheConfig;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
for(const key2 in data14){
if(!((key2 === "Enabled") || (key2 === "ExpireAfter"))){
const err29 = {instancePath:instancePath+"/CacheConfig",schemaPath:"#/definitions/CacheConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data14.Enabled !== undefined){
if(typeof data14.Enabled !== "boolean"){
const err30 = {instancePath:instancePath+"/CacheConfig/Enabled",schemaPath:"#/definitions/CacheConfig/properties/Enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data14.ExpireAfter !== undefined){
if(typeof data14.ExpireAfter !== "string"){
const err31 = {instancePath:instancePath+"/CacheConfig/ExpireAfter",schemaPath:"#/definitions/CacheConfig/properties/ExpireAfter/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/CacheConfig",schemaPath:"#/definitions/CacheConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.CheckType !== undefined){
let data17 = data.CheckType;
if(typeof data17 !== "string"){
const err33 = {instancePath:instancePath+"/CheckType",schemaPath:"#/properties/CheckType/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(!(((data17 === "DATA_BIAS") || (data17 === "MODEL_BIAS")) || (data17 === "MODEL_EXPLAINABILITY"))){
const err34 = {instancePath:instancePath+"/CheckType",schemaPath:"#/properties/CheckType/enum",keyword:"enum",params:{allowedValues: schema109.properties.CheckType.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.ModelPackageGroupName !== undefined){
if(!(validate21(data.ModelPackageGroupName, {instancePath:instancePath+"/ModelPackageGroupName",parentData:data,parentDataProperty:"ModelPackageGroupName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data.SuppliedBaselineConstraints !== undefined){
if(!(validate21(data.SuppliedBaselineConstraints, {instancePath:instancePath+"/SuppliedBaselineConstraints",parentData:data,parentDataProperty:"SuppliedBaselineConstraints",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data.SkipCheck !== undefined){
if(!(validate28(data.SkipCheck, {instancePath:instancePath+"/SkipCheck",parentData:data,parentDataProperty:"SkipCheck",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
if(data.RegisterNewBaseline !== undefined){
if(!(validate28(data.RegisterNewBaseline, {instancePath:instancePath+"/RegisterNewBaseline",parentData:data,parentDataProperty:"RegisterNewBaseline",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
if(data.ModelName !== undefined){
if(!(validate21(data.ModelName, {instancePath:instancePath+"/ModelName",parentData:data,parentDataProperty:"ModelName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data.Arguments !== undefined){
if(!(validate121(data.Arguments, {instancePath:instancePath+"/Arguments",parentData:data,parentDataProperty:"Arguments",rootData}))){
vErrors = vErrors === null ? validate121.errors : vErrors.concat(validate121.errors);
errors = vErrors.length;
}
}
}
else {
const err35 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
validate308.errors = vErrors;
return errors === 0;
}

const schema116 = {"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["QualityCheck"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"RetryPolicies":{"type":"array","items":{"$ref":"#/definitions/RetryPolicy"}},"CacheConfig":{"$ref":"#/definitions/CacheConfig"},"CheckType":{"type":"string","enum":["DATA_QUALITY","MODEL_QUALITY"]},"ModelPackageGroupName":{"$ref":"#/definitions/StringArgumentValue"},"SuppliedBaselineConstraints":{"$ref":"#/definitions/StringArgumentValue"},"SuppliedBaselineStatistics":{"$ref":"#/definitions/StringArgumentValue"},"SkipCheck":{"$ref":"#/definitions/BooleanArgumentValue"},"RegisterNewBaseline":{"$ref":"#/definitions/BooleanArgumentValue"},"Arguments":{"$ref":"#/definitions/ProcessingArgs"}},"required":["Type","Name","Arguments","CheckType"],"additionalProperties":false};

function validate316(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.Name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.Arguments === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Arguments"},message:"must have required property '"+"Arguments"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.CheckType === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "CheckType"},message:"must have required property '"+"CheckType"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(func18.call(schema116.properties, key0))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.Name !== undefined){
let data0 = data.Name;
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err5 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.Type !== undefined){
let data1 = data.Type;
if(typeof data1 !== "string"){
const err7 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(!(data1 === "QualityCheck")){
const err8 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema116.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.DependsOn !== undefined){
let data2 = data.DependsOn;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(!pattern1.test(data3)){
const err9 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/DependsOn",schemaPath:"#/properties/DependsOn/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.DisplayName !== undefined){
let data4 = data.DisplayName;
if(typeof data4 === "string"){
if(!pattern1.test(data4)){
const err12 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.Description !== undefined){
let data5 = data.Description;
if(typeof data5 === "string"){
if(func2(data5) > 4096){
const err14 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(func2(data5) < 0){
const err15 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.RetryPolicies !== undefined){
let data6 = data.RetryPolicies;
if(Array.isArray(data6)){
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
let data7 = data6[i1];
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.ExceptionType === undefined){
const err17 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/required",keyword:"required",params:{missingProperty: "ExceptionType"},message:"must have required property '"+"ExceptionType"+"'"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
for(const key1 in data7){
if(!(((((key1 === "ExceptionType") || (key1 === "IntervalSeconds")) || (key1 === "BackoffRate")) || (key1 === "ExpireAfterMin")) || (key1 === "MaxAttempts"))){
const err18 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data7.ExceptionType !== undefined){
let data8 = data7.ExceptionType;
if(Array.isArray(data8)){
if(data8.length < 1){
const err19 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType",schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
let data9 = data8[i2];
if(typeof data9 !== "string"){
const err20 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType/" + i2,schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(!((((((data9 === "Step.SERVICE_FAULT") || (data9 === "Step.THROTTLING")) || (data9 === "SageMaker.JOB_INTERNAL_ERROR")) || (data9 === "SageMaker.CAPACITY_ERROR")) || (data9 === "SageMaker.RESOURCE_LIMIT")) || (data9 === "Emr.RESOURCE_LIMIT"))){
const err21 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType/" + i2,schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/items/enum",keyword:"enum",params:{allowedValues: schema49.properties.ExceptionType.items.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType",schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data7.IntervalSeconds !== undefined){
let data10 = data7.IntervalSeconds;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
const err23 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/IntervalSeconds",schemaPath:"#/definitions/RetryPolicy/properties/IntervalSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data7.BackoffRate !== undefined){
if(!(typeof data7.BackoffRate == "number")){
const err24 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/BackoffRate",schemaPath:"#/definitions/RetryPolicy/properties/BackoffRate/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data7.ExpireAfterMin !== undefined){
let data12 = data7.ExpireAfterMin;
if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){
const err25 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExpireAfterMin",schemaPath:"#/definitions/RetryPolicy/properties/ExpireAfterMin/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data7.MaxAttempts !== undefined){
let data13 = data7.MaxAttempts;
if(!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))){
const err26 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/MaxAttempts",schemaPath:"#/definitions/RetryPolicy/properties/MaxAttempts/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/RetryPolicies",schemaPath:"#/properties/RetryPolicies/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.CacheConfig !== undefined){
let data14 = data.CacheConfig;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
for(const key2 in data14){
if(!((key2 === "Enabled") || (key2 === "ExpireAfter"))){
const err29 = {instancePath:instancePath+"/CacheConfig",schemaPath:"#/definitions/CacheConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data14.Enabled !== undefined){
if(typeof data14.Enabled !== "boolean"){
const err30 = {instancePath:instancePath+"/CacheConfig/Enabled",schemaPath:"#/definitions/CacheConfig/properties/Enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data14.ExpireAfter !== undefined){
if(typeof data14.ExpireAfter !== "string"){
const err31 = {instancePath:instancePath+"/CacheConfig/ExpireAfter",schemaPath:"#/definitions/CacheConfig/properties/ExpireAfter/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/CacheConfig",schemaPath:"#/definitions/CacheConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.CheckType !== undefined){
let data17 = data.CheckType;
if(typeof data17 !== "string"){
const err33 = {instancePath:instancePath+"/CheckType",schemaPath:"#/properties/CheckType/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(!((data17 === "DATA_QUALITY") || (data17 === "MODEL_QUALITY"))){
const err34 = {instancePath:instancePath+"/CheckType",schemaPath:"#/properties/CheckType/enum",keyword:"enum",params:{allowedValues: schema116.properties.CheckType.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.ModelPackageGroupName !== undefined){
if(!(validate21(data.ModelPackageGroupName, {instancePath:instancePath+"/ModelPackageGroupName",parentData:data,parentDataProperty:"ModelPackageGroupName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data.SuppliedBaselineConstraints !== undefined){
if(!(validate21(data.SuppliedBaselineConstraints, {instancePath:instancePath+"/SuppliedBaselineConstraints",parentData:data,parentDataProperty:"SuppliedBaselineConstraints",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data.SuppliedBaselineStatistics !== undefined){
if(!(validate21(data.SuppliedBaselineStatistics, {instancePath:instancePath+"/SuppliedBaselineStatistics",parentData:data,parentDataProperty:"SuppliedBaselineStatistics",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data.SkipCheck !== undefined){
if(!(validate28(data.SkipCheck, {instancePath:instancePath+"/SkipCheck",parentData:data,parentDataProperty:"SkipCheck",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
if(data.RegisterNewBaseline !== undefined){
if(!(validate28(data.RegisterNewBaseline, {instancePath:instancePath+"/RegisterNewBaseline",parentData:data,parentDataProperty:"RegisterNewBaseline",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
if(data.Arguments !== undefined){
if(!(validate121(data.Arguments, {instancePath:instancePath+"/Arguments",parentData:data,parentDataProperty:"Arguments",rootData}))){
vErrors = vErrors === null ? validate121.errors : vErrors.concat(validate121.errors);
errors = vErrors.length;
}
}
}
else {
const err35 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
validate316.errors = vErrors;
return errors === 0;
}

const schema123 = {"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["EMR"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"CacheConfig":{"$ref":"#/definitions/CacheConfig"},"Arguments":{"type":"object","properties":{"ClusterId":{"$ref":"#/definitions/StringArgumentValue"},"StepConfig":{"type":"object","properties":{"Name":{"$ref":"#/definitions/StringArgumentValue"},"HadoopJarStep":{"type":"object","properties":{"Args":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}},"Jar":{"$ref":"#/definitions/StringArgumentValue"},"MainClass":{"$ref":"#/definitions/StringArgumentValue"},"Properties":{"type":"array","items":{"type":"object","properties":{"Key":{"$ref":"#/definitions/StringArgumentValue"},"Value":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}}},"required":["Jar"],"additionalProperties":false},"ActionOnFailure":{"type":"string","enum":["TERMINATE_JOB_FLOW","TERMINATE_CLUSTER","CANCEL_AND_WAIT","CONTINUE"]}},"required":["HadoopJarStep","Name"],"additionalProperties":false}},"required":["ClusterId","StepConfig"],"additionalProperties":false}},"required":["Name","Type","Arguments"],"additionalProperties":false};

function validate324(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.Type === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.Arguments === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Arguments"},message:"must have required property '"+"Arguments"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(((((((key0 === "Name") || (key0 === "Type")) || (key0 === "DependsOn")) || (key0 === "DisplayName")) || (key0 === "Description")) || (key0 === "CacheConfig")) || (key0 === "Arguments"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.Name !== undefined){
let data0 = data.Name;
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err4 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.Type !== undefined){
let data1 = data.Type;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!(data1 === "EMR")){
const err7 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema123.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.DependsOn !== undefined){
let data2 = data.DependsOn;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(!pattern1.test(data3)){
const err8 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/DependsOn",schemaPath:"#/properties/DependsOn/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.DisplayName !== undefined){
let data4 = data.DisplayName;
if(typeof data4 === "string"){
if(!pattern1.test(data4)){
const err11 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.Description !== undefined){
let data5 = data.Description;
if(typeof data5 === "string"){
if(func2(data5) > 4096){
const err13 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(func2(data5) < 0){
const err14 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.CacheConfig !== undefined){
let data6 = data.CacheConfig;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key1 in data6){
if(!((key1 === "Enabled") || (key1 === "ExpireAfter"))){
const err16 = {instancePath:instancePath+"/CacheConfig",schemaPath:"#/definitions/CacheConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data6.Enabled !== undefined){
if(typeof data6.Enabled !== "boolean"){
const err17 = {instancePath:instancePath+"/CacheConfig/Enabled",schemaPath:"#/definitions/CacheConfig/properties/Enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data6.ExpireAfter !== undefined){
if(typeof data6.ExpireAfter !== "string"){
const err18 = {instancePath:instancePath+"/CacheConfig/ExpireAfter",schemaPath:"#/definitions/CacheConfig/properties/ExpireAfter/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/CacheConfig",schemaPath:"#/definitions/CacheConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.Arguments !== undefined){
let data9 = data.Arguments;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.ClusterId === undefined){
const err20 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/required",keyword:"required",params:{missingProperty: "ClusterId"},message:"must have required property '"+"ClusterId"+"'"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data9.StepConfig === undefined){
const err21 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/required",keyword:"required",params:{missingProperty: "StepConfig"},message:"must have required property '"+"StepConfig"+"'"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
for(const key2 in data9){
if(!((key2 === "ClusterId") || (key2 === "StepConfig"))){
const err22 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data9.ClusterId !== undefined){
if(!(validate21(data9.ClusterId, {instancePath:instancePath+"/Arguments/ClusterId",parentData:data9,parentDataProperty:"ClusterId",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data9.StepConfig !== undefined){
let data11 = data9.StepConfig;
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
if(data11.HadoopJarStep === undefined){
const err23 = {instancePath:instancePath+"/Arguments/StepConfig",schemaPath:"#/properties/Arguments/properties/StepConfig/required",keyword:"required",params:{missingProperty: "HadoopJarStep"},message:"must have required property '"+"HadoopJarStep"+"'"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
if(data11.Name === undefined){
const err24 = {instancePath:instancePath+"/Arguments/StepConfig",schemaPath:"#/properties/Arguments/properties/StepConfig/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
for(const key3 in data11){
if(!(((key3 === "Name") || (key3 === "HadoopJarStep")) || (key3 === "ActionOnFailure"))){
const err25 = {instancePath:instancePath+"/Arguments/StepConfig",schemaPath:"#/properties/Arguments/properties/StepConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data11.Name !== undefined){
if(!(validate21(data11.Name, {instancePath:instancePath+"/Arguments/StepConfig/Name",parentData:data11,parentDataProperty:"Name",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data11.HadoopJarStep !== undefined){
let data13 = data11.HadoopJarStep;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(data13.Jar === undefined){
const err26 = {instancePath:instancePath+"/Arguments/StepConfig/HadoopJarStep",schemaPath:"#/properties/Arguments/properties/StepConfig/properties/HadoopJarStep/required",keyword:"required",params:{missingProperty: "Jar"},message:"must have required property '"+"Jar"+"'"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
for(const key4 in data13){
if(!((((key4 === "Args") || (key4 === "Jar")) || (key4 === "MainClass")) || (key4 === "Properties"))){
const err27 = {instancePath:instancePath+"/Arguments/StepConfig/HadoopJarStep",schemaPath:"#/properties/Arguments/properties/StepConfig/properties/HadoopJarStep/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data13.Args !== undefined){
let data14 = data13.Args;
if(Array.isArray(data14)){
const len1 = data14.length;
for(let i1=0; i1<len1; i1++){
if(!(validate21(data14[i1], {instancePath:instancePath+"/Arguments/StepConfig/HadoopJarStep/Args/" + i1,parentData:data14,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err28 = {instancePath:instancePath+"/Arguments/StepConfig/HadoopJarStep/Args",schemaPath:"#/properties/Arguments/properties/StepConfig/properties/HadoopJarStep/properties/Args/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data13.Jar !== undefined){
if(!(validate21(data13.Jar, {instancePath:instancePath+"/Arguments/StepConfig/HadoopJarStep/Jar",parentData:data13,parentDataProperty:"Jar",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data13.MainClass !== undefined){
if(!(validate21(data13.MainClass, {instancePath:instancePath+"/Arguments/StepConfig/HadoopJarStep/MainClass",parentData:data13,parentDataProperty:"MainClass",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data13.Properties !== undefined){
let data18 = data13.Properties;
if(Array.isArray(data18)){
const len2 = data18.length;
for(let i2=0; i2<len2; i2++){
let data19 = data18[i2];
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
for(const key5 in data19){
if(!((key5 === "Key") || (key5 === "Value"))){
const err29 = {instancePath:instancePath+"/Arguments/StepConfig/HadoopJarStep/Properties/" + i2,schemaPath:"#/properties/Arguments/properties/StepConfig/properties/HadoopJarStep/properties/Properties/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data19.Key !== undefined){
if(!(validate21(data19.Key, {instancePath:instancePath+"/Arguments/StepConfig/HadoopJarStep/Properties/" + i2+"/Key",parentData:data19,parentDataProperty:"Key",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data19.Value !== undefined){
if(!(validate21(data19.Value, {instancePath:instancePath+"/Arguments/StepConfig/HadoopJarStep/Properties/" + i2+"/Value",parentData:data19,parentDataProperty:"Value",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err30 = {instancePath:instancePath+"/Arguments/StepConfig/HadoopJarStep/Properties/" + i2,schemaPath:"#/properties/Arguments/properties/StepConfig/properties/HadoopJarStep/properties/Properties/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/Arguments/StepConfig/HadoopJarStep/Properties",schemaPath:"#/properties/Arguments/properties/StepConfig/properties/HadoopJarStep/properties/Properties/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/Arguments/StepConfig/HadoopJarStep",schemaPath:"#/properties/Arguments/properties/StepConfig/properties/HadoopJarStep/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data11.ActionOnFailure !== undefined){
let data22 = data11.ActionOnFailure;
if(typeof data22 !== "string"){
const err33 = {instancePath:instancePath+"/Arguments/StepConfig/ActionOnFailure",schemaPath:"#/properties/Arguments/properties/StepConfig/properties/ActionOnFailure/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(!((((data22 === "TERMINATE_JOB_FLOW") || (data22 === "TERMINATE_CLUSTER")) || (data22 === "CANCEL_AND_WAIT")) || (data22 === "CONTINUE"))){
const err34 = {instancePath:instancePath+"/Arguments/StepConfig/ActionOnFailure",schemaPath:"#/properties/Arguments/properties/StepConfig/properties/ActionOnFailure/enum",keyword:"enum",params:{allowedValues: schema123.properties.Arguments.properties.StepConfig.properties.ActionOnFailure.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath:instancePath+"/Arguments/StepConfig",schemaPath:"#/properties/Arguments/properties/StepConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
else {
const err36 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
else {
const err37 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
validate324.errors = vErrors;
return errors === 0;
}

const schema129 = {"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["AutoML"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"RetryPolicies":{"type":"array","items":{"$ref":"#/definitions/RetryPolicy"}},"CacheConfig":{"$ref":"#/definitions/CacheConfig"},"Arguments":{"type":"object","properties":{"AutoMLJobConfig":{"type":"object","properties":{"CandidateGenerationConfig":{"type":"object","properties":{"FeatureSpecificationS3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"CompletionCriteria":{"type":"object","properties":{"MaxAutoMLJobRuntimeInSeconds":{"type":"integer","minLength":1},"MaxCandidates":{"type":"integer","minLength":1},"MaxRuntimePerTrainingJobInSeconds":{"type":"integer","minLength":1}},"additionalProperties":false},"DataSplitConfig":{"type":"object","properties":{"ValidationFraction":{"$ref":"#/definitions/FloatArgumentValue"}}},"Mode":{"type":"string","enum":["ENSEMBLING"]},"SecurityConfig":{"type":"object","properties":{"EnableInterContainerTrafficEncryption":{"type":"boolean"},"VolumeKmsKeyId":{"type":"string"},"VpcConfig":{"$ref":"#/definitions/VpcConfig"}},"additionalProperties":false}},"required":["Mode"],"additionalProperties":false},"AutoMLJobObjective":{"type":"object","properties":{"MetricName":{"type":"string","enum":["Accuracy","MSE","F1","F1macro","AUC"]}},"additionalProperties":false},"InputDataConfig":{"type":"array","items":{"type":"object","properties":{"ChannelType":{"type":"string","enum":["training","validation"]},"CompressionType":{"type":"string","enum":["None","Gzip"]},"ContentType":{"type":"string","enum":["text/csv;header=present","x-application/vnd.amazon+parquet"]},"DataSource":{"type":"object","properties":{"S3DataSource":{"type":"object","properties":{"S3DataType":{"$ref":"#/definitions/StringArgumentValue"},"S3Uri":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false},"TargetAttributeName":{"$ref":"#/definitions/StringArgumentValue"}}},"minItems":1,"maxItems":2,"additionalProperties":false},"OutputDataConfig":{"type":"object","properties":{"KmsKeyId":{"$ref":"#/definitions/StringArgumentValue"},"S3OutputPath":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"RoleArn":{"$ref":"#/definitions/StringArgumentValue"},"ProblemType":{"type":"string","enum":["BinaryClassification","MulticlassClassification","Regression"]},"Tags":{"type":"array","items":{"$ref":"#/definitions/Tag"}},"AutoMLJobName":{"$ref":"#/definitions/StringArgumentValue"}},"required":["AutoMLJobConfig","InputDataConfig","OutputDataConfig","RoleArn"],"additionalProperties":false}},"required":["Type","Name","Arguments"],"additionalProperties":false};

function validate334(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.Name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.Arguments === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Arguments"},message:"must have required property '"+"Arguments"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "Name") || (key0 === "Type")) || (key0 === "DependsOn")) || (key0 === "DisplayName")) || (key0 === "Description")) || (key0 === "RetryPolicies")) || (key0 === "CacheConfig")) || (key0 === "Arguments"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.Name !== undefined){
let data0 = data.Name;
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err4 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.Type !== undefined){
let data1 = data.Type;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!(data1 === "AutoML")){
const err7 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema129.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.DependsOn !== undefined){
let data2 = data.DependsOn;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(!pattern1.test(data3)){
const err8 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/DependsOn",schemaPath:"#/properties/DependsOn/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.DisplayName !== undefined){
let data4 = data.DisplayName;
if(typeof data4 === "string"){
if(!pattern1.test(data4)){
const err11 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.Description !== undefined){
let data5 = data.Description;
if(typeof data5 === "string"){
if(func2(data5) > 4096){
const err13 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(func2(data5) < 0){
const err14 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.RetryPolicies !== undefined){
let data6 = data.RetryPolicies;
if(Array.isArray(data6)){
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
let data7 = data6[i1];
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.ExceptionType === undefined){
const err16 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/required",keyword:"required",params:{missingProperty: "ExceptionType"},message:"must have required property '"+"ExceptionType"+"'"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
for(const key1 in data7){
if(!(((((key1 === "ExceptionType") || (key1 === "IntervalSeconds")) || (key1 === "BackoffRate")) || (key1 === "ExpireAfterMin")) || (key1 === "MaxAttempts"))){
const err17 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data7.ExceptionType !== undefined){
let data8 = data7.ExceptionType;
if(Array.isArray(data8)){
if(data8.length < 1){
const err18 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType",schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
let data9 = data8[i2];
if(typeof data9 !== "string"){
const err19 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType/" + i2,schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(!((((((data9 === "Step.SERVICE_FAULT") || (data9 === "Step.THROTTLING")) || (data9 === "SageMaker.JOB_INTERNAL_ERROR")) || (data9 === "SageMaker.CAPACITY_ERROR")) || (data9 === "SageMaker.RESOURCE_LIMIT")) || (data9 === "Emr.RESOURCE_LIMIT"))){
const err20 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType/" + i2,schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/items/enum",keyword:"enum",params:{allowedValues: schema49.properties.ExceptionType.items.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExceptionType",schemaPath:"#/definitions/RetryPolicy/properties/ExceptionType/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data7.IntervalSeconds !== undefined){
let data10 = data7.IntervalSeconds;
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
const err22 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/IntervalSeconds",schemaPath:"#/definitions/RetryPolicy/properties/IntervalSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data7.BackoffRate !== undefined){
if(!(typeof data7.BackoffRate == "number")){
const err23 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/BackoffRate",schemaPath:"#/definitions/RetryPolicy/properties/BackoffRate/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data7.ExpireAfterMin !== undefined){
let data12 = data7.ExpireAfterMin;
if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){
const err24 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/ExpireAfterMin",schemaPath:"#/definitions/RetryPolicy/properties/ExpireAfterMin/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data7.MaxAttempts !== undefined){
let data13 = data7.MaxAttempts;
if(!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))){
const err25 = {instancePath:instancePath+"/RetryPolicies/" + i1+"/MaxAttempts",schemaPath:"#/definitions/RetryPolicy/properties/MaxAttempts/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/RetryPolicies/" + i1,schemaPath:"#/definitions/RetryPolicy/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/RetryPolicies",schemaPath:"#/properties/RetryPolicies/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.CacheConfig !== undefined){
let data14 = data.CacheConfig;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
for(const key2 in data14){
if(!((key2 === "Enabled") || (key2 === "ExpireAfter"))){
const err28 = {instancePath:instancePath+"/CacheConfig",schemaPath:"#/definitions/CacheConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data14.Enabled !== undefined){
if(typeof data14.Enabled !== "boolean"){
const err29 = {instancePath:instancePath+"/CacheConfig/Enabled",schemaPath:"#/definitions/CacheConfig/properties/Enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data14.ExpireAfter !== undefined){
if(typeof data14.ExpireAfter !== "string"){
const err30 = {instancePath:instancePath+"/CacheConfig/ExpireAfter",schemaPath:"#/definitions/CacheConfig/properties/ExpireAfter/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/CacheConfig",schemaPath:"#/definitions/CacheConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.Arguments !== undefined){
let data17 = data.Arguments;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.AutoMLJobConfig === undefined){
const err32 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/required",keyword:"required",params:{missingProperty: "AutoMLJobConfig"},message:"must have required property '"+"AutoMLJobConfig"+"'"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(data17.InputDataConfig === undefined){
const err33 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/required",keyword:"required",params:{missingProperty: "InputDataConfig"},message:"must have required property '"+"InputDataConfig"+"'"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(data17.OutputDataConfig === undefined){
const err34 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/required",keyword:"required",params:{missingProperty: "OutputDataConfig"},message:"must have required property '"+"OutputDataConfig"+"'"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data17.RoleArn === undefined){
const err35 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/required",keyword:"required",params:{missingProperty: "RoleArn"},message:"must have required property '"+"RoleArn"+"'"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
for(const key3 in data17){
if(!((((((((key3 === "AutoMLJobConfig") || (key3 === "AutoMLJobObjective")) || (key3 === "InputDataConfig")) || (key3 === "OutputDataConfig")) || (key3 === "RoleArn")) || (key3 === "ProblemType")) || (key3 === "Tags")) || (key3 === "AutoMLJobName"))){
const err36 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data17.AutoMLJobConfig !== undefined){
let data18 = data17.AutoMLJobConfig;
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
if(data18.Mode === undefined){
const err37 = {instancePath:instancePath+"/Arguments/AutoMLJobConfig",schemaPath:"#/properties/Arguments/properties/AutoMLJobConfig/required",keyword:"required",params:{missingProperty: "Mode"},message:"must have required property '"+"Mode"+"'"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
for(const key4 in data18){
if(!(((((key4 === "CandidateGenerationConfig") || (key4 === "CompletionCriteria")) || (key4 === "DataSplitConfig")) || (key4 === "Mode")) || (key4 === "SecurityConfig"))){
const err38 = {instancePath:instancePath+"/Arguments/AutoMLJobConfig",schemaPath:"#/properties/Arguments/properties/AutoMLJobConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data18.CandidateGenerationConfig !== undefined){
let data19 = data18.CandidateGenerationConfig;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
for(const key5 in data19){
if(!(key5 === "FeatureSpecificationS3Uri")){
const err39 = {instancePath:instancePath+"/Arguments/AutoMLJobConfig/CandidateGenerationConfig",schemaPath:"#/properties/Arguments/properties/AutoMLJobConfig/properties/CandidateGenerationConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data19.FeatureSpecificationS3Uri !== undefined){
if(!(validate21(data19.FeatureSpecificationS3Uri, {instancePath:instancePath+"/Arguments/AutoMLJobConfig/CandidateGenerationConfig/FeatureSpecificationS3Uri",parentData:data19,parentDataProperty:"FeatureSpecificationS3Uri",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err40 = {instancePath:instancePath+"/Arguments/AutoMLJobConfig/CandidateGenerationConfig",schemaPath:"#/properties/Arguments/properties/AutoMLJobConfig/properties/CandidateGenerationConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data18.CompletionCriteria !== undefined){
let data21 = data18.CompletionCriteria;
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
for(const key6 in data21){
if(!(((key6 === "MaxAutoMLJobRuntimeInSeconds") || (key6 === "MaxCandidates")) || (key6 === "MaxRuntimePerTrainingJobInSeconds"))){
const err41 = {instancePath:instancePath+"/Arguments/AutoMLJobConfig/CompletionCriteria",schemaPath:"#/properties/Arguments/properties/AutoMLJobConfig/properties/CompletionCriteria/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data21.MaxAutoMLJobRuntimeInSeconds !== undefined){
let data22 = data21.MaxAutoMLJobRuntimeInSeconds;
if(!((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22)))){
const err42 = {instancePath:instancePath+"/Arguments/AutoMLJobConfig/CompletionCriteria/MaxAutoMLJobRuntimeInSeconds",schemaPath:"#/properties/Arguments/properties/AutoMLJobConfig/properties/CompletionCriteria/properties/MaxAutoMLJobRuntimeInSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
if(typeof data22 === "string"){
if(func2(data22) < 1){
const err43 = {instancePath:instancePath+"/Arguments/AutoMLJobConfig/CompletionCriteria/MaxAutoMLJobRuntimeInSeconds",schemaPath:"#/properties/Arguments/properties/AutoMLJobConfig/properties/CompletionCriteria/properties/MaxAutoMLJobRuntimeInSeconds/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
if(data21.MaxCandidates !== undefined){
let data23 = data21.MaxCandidates;
if(!((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23)))){
const err44 = {instancePath:instancePath+"/Arguments/AutoMLJobConfig/CompletionCriteria/MaxCandidates",schemaPath:"#/properties/Arguments/properties/AutoMLJobConfig/properties/CompletionCriteria/properties/MaxCandidates/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if(typeof data23 === "string"){
if(func2(data23) < 1){
const err45 = {instancePath:instancePath+"/Arguments/AutoMLJobConfig/CompletionCriteria/MaxCandidates",schemaPath:"#/properties/Arguments/properties/AutoMLJobConfig/properties/CompletionCriteria/properties/MaxCandidates/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
}
if(data21.MaxRuntimePerTrainingJobInSeconds !== undefined){
let data24 = data21.MaxRuntimePerTrainingJobInSeconds;
if(!((typeof data24 == "number") && (!(data24 % 1) && !isNaN(data24)))){
const err46 = {instancePath:instancePath+"/Arguments/AutoMLJobConfig/CompletionCriteria/MaxRuntimePerTrainingJobInSeconds",schemaPath:"#/properties/Arguments/properties/AutoMLJobConfig/properties/CompletionCriteria/properties/MaxRuntimePerTrainingJobInSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if(typeof data24 === "string"){
if(func2(data24) < 1){
const err47 = {instancePath:instancePath+"/Arguments/AutoMLJobConfig/CompletionCriteria/MaxRuntimePerTrainingJobInSeconds",schemaPath:"#/properties/Arguments/properties/AutoMLJobConfig/properties/CompletionCriteria/properties/MaxRuntimePerTrainingJobInSeconds/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
}
else {
const err48 = {instancePath:instancePath+"/Arguments/AutoMLJobConfig/CompletionCriteria",schemaPath:"#/properties/Arguments/properties/AutoMLJobConfig/properties/CompletionCriteria/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data18.DataSplitConfig !== undefined){
let data25 = data18.DataSplitConfig;
if(data25 && typeof data25 == "object" && !Array.isArray(data25)){
if(data25.ValidationFraction !== undefined){
if(!(validate34(data25.ValidationFraction, {instancePath:instancePath+"/Arguments/AutoMLJobConfig/DataSplitConfig/ValidationFraction",parentData:data25,parentDataProperty:"ValidationFraction",rootData}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
}
}
else {
const err49 = {instancePath:instancePath+"/Arguments/AutoMLJobConfig/DataSplitConfig",schemaPath:"#/properties/Arguments/properties/AutoMLJobConfig/properties/DataSplitConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data18.Mode !== undefined){
let data27 = data18.Mode;
if(typeof data27 !== "string"){
const err50 = {instancePath:instancePath+"/Arguments/AutoMLJobConfig/Mode",schemaPath:"#/properties/Arguments/properties/AutoMLJobConfig/properties/Mode/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
if(!(data27 === "ENSEMBLING")){
const err51 = {instancePath:instancePath+"/Arguments/AutoMLJobConfig/Mode",schemaPath:"#/properties/Arguments/properties/AutoMLJobConfig/properties/Mode/enum",keyword:"enum",params:{allowedValues: schema129.properties.Arguments.properties.AutoMLJobConfig.properties.Mode.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data18.SecurityConfig !== undefined){
let data28 = data18.SecurityConfig;
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
for(const key7 in data28){
if(!(((key7 === "EnableInterContainerTrafficEncryption") || (key7 === "VolumeKmsKeyId")) || (key7 === "VpcConfig"))){
const err52 = {instancePath:instancePath+"/Arguments/AutoMLJobConfig/SecurityConfig",schemaPath:"#/properties/Arguments/properties/AutoMLJobConfig/properties/SecurityConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data28.EnableInterContainerTrafficEncryption !== undefined){
if(typeof data28.EnableInterContainerTrafficEncryption !== "boolean"){
const err53 = {instancePath:instancePath+"/Arguments/AutoMLJobConfig/SecurityConfig/EnableInterContainerTrafficEncryption",schemaPath:"#/properties/Arguments/properties/AutoMLJobConfig/properties/SecurityConfig/properties/EnableInterContainerTrafficEncryption/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data28.VolumeKmsKeyId !== undefined){
if(typeof data28.VolumeKmsKeyId !== "string"){
const err54 = {instancePath:instancePath+"/Arguments/AutoMLJobConfig/SecurityConfig/VolumeKmsKeyId",schemaPath:"#/properties/Arguments/properties/AutoMLJobConfig/properties/SecurityConfig/properties/VolumeKmsKeyId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data28.VpcConfig !== undefined){
if(!(validate111(data28.VpcConfig, {instancePath:instancePath+"/Arguments/AutoMLJobConfig/SecurityConfig/VpcConfig",parentData:data28,parentDataProperty:"VpcConfig",rootData}))){
vErrors = vErrors === null ? validate111.errors : vErrors.concat(validate111.errors);
errors = vErrors.length;
}
}
}
else {
const err55 = {instancePath:instancePath+"/Arguments/AutoMLJobConfig/SecurityConfig",schemaPath:"#/properties/Arguments/properties/AutoMLJobConfig/properties/SecurityConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
}
else {
const err56 = {instancePath:instancePath+"/Arguments/AutoMLJobConfig",schemaPath:"#/properties/Arguments/properties/AutoMLJobConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data17.AutoMLJobObjective !== undefined){
let data32 = data17.AutoMLJobObjective;
if(data32 && typeof data32 == "object" && !Array.isArray(data32)){
for(const key8 in data32){
if(!(key8 === "MetricName")){
const err57 = {instancePath:instancePath+"/Arguments/AutoMLJobObjective",schemaPath:"#/properties/Arguments/properties/AutoMLJobObjective/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data32.MetricName !== undefined){
let data33 = data32.MetricName;
if(typeof data33 !== "string"){
const err58 = {instancePath:instancePath+"/Arguments/AutoMLJobObjective/MetricName",schemaPath:"#/properties/Arguments/properties/AutoMLJobObjective/properties/MetricName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
if(!(((((data33 === "Accuracy") || (data33 === "MSE")) || (data33 === "F1")) || (data33 === "F1macro")) || (data33 === "AUC"))){
const err59 = {instancePath:instancePath+"/Arguments/AutoMLJobObjective/MetricName",schemaPath:"#/properties/Arguments/properties/AutoMLJobObjective/properties/MetricName/enum",keyword:"enum",params:{allowedValues: schema129.properties.Arguments.properties.AutoMLJobObjective.properties.MetricName.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
}
else {
const err60 = {instancePath:instancePath+"/Arguments/AutoMLJobObjective",schemaPath:"#/properties/Arguments/properties/AutoMLJobObjective/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data17.InputDataConfig !== undefined){
let data34 = data17.InputDataConfig;
if(Array.isArray(data34)){
if(data34.length > 2){
const err61 = {instancePath:instancePath+"/Arguments/InputDataConfig",schemaPath:"#/properties/Arguments/properties/InputDataConfig/maxItems",keyword:"maxItems",params:{limit: 2},message:"must NOT have more than 2 items"};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
if(data34.length < 1){
const err62 = {instancePath:instancePath+"/Arguments/InputDataConfig",schemaPath:"#/properties/Arguments/properties/InputDataConfig/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
const len3 = data34.length;
for(let i3=0; i3<len3; i3++){
let data35 = data34[i3];
if(data35 && typeof data35 == "object" && !Array.isArray(data35)){
if(data35.ChannelType !== undefined){
let data36 = data35.ChannelType;
if(typeof data36 !== "string"){
const err63 = {instancePath:instancePath+"/Arguments/InputDataConfig/" + i3+"/ChannelType",schemaPath:"#/properties/Arguments/properties/InputDataConfig/items/properties/ChannelType/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
if(!((data36 === "training") || (data36 === "validation"))){
const err64 = {instancePath:instancePath+"/Arguments/InputDataConfig/" + i3+"/ChannelType",schemaPath:"#/properties/Arguments/properties/InputDataConfig/items/properties/ChannelType/enum",keyword:"enum",params:{allowedValues: schema129.properties.Arguments.properties.InputDataConfig.items.properties.ChannelType.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data35.CompressionType !== undefined){
let data37 = data35.CompressionType;
if(typeof data37 !== "string"){
const err65 = {instancePath:instancePath+"/Arguments/InputDataConfig/" + i3+"/CompressionType",schemaPath:"#/properties/Arguments/properties/InputDataConfig/items/properties/CompressionType/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
if(!((data37 === "None") || (data37 === "Gzip"))){
const err66 = {instancePath:instancePath+"/Arguments/InputDataConfig/" + i3+"/CompressionType",schemaPath:"#/properties/Arguments/properties/InputDataConfig/items/properties/CompressionType/enum",keyword:"enum",params:{allowedValues: schema129.properties.Arguments.properties.InputDataConfig.items.properties.CompressionType.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data35.ContentType !== undefined){
let data38 = data35.ContentType;
if(typeof data38 !== "string"){
const err67 = {instancePath:instancePath+"/Arguments/InputDataConfig/" + i3+"/ContentType",schemaPath:"#/properties/Arguments/properties/InputDataConfig/items/properties/ContentType/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
if(!((data38 === "text/csv;header=present") || (data38 === "x-application/vnd.amazon+parquet"))){
const err68 = {instancePath:instancePath+"/Arguments/InputDataConfig/" + i3+"/ContentType",schemaPath:"#/properties/Arguments/properties/InputDataConfig/items/properties/ContentType/enum",keyword:"enum",params:{allowedValues: schema129.properties.Arguments.properties.InputDataConfig.items.properties.ContentType.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data35.DataSource !== undefined){
let data39 = data35.DataSource;
if(data39 && typeof data39 == "object" && !Array.isArray(data39)){
for(const key9 in data39){
if(!(key9 === "S3DataSource")){
const err69 = {instancePath:instancePath+"/Arguments/InputDataConfig/" + i3+"/DataSource",schemaPath:"#/properties/Arguments/properties/InputDataConfig/items/properties/DataSource/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data39.S3DataSource !== undefined){
let data40 = data39.S3DataSource;
if(data40 && typeof data40 == "object" && !Array.isArray(data40)){
for(const key10 in data40){
if(!((key10 === "S3DataType") || (key10 === "S3Uri"))){
const err70 = {instancePath:instancePath+"/Arguments/InputDataConfig/" + i3+"/DataSource/S3DataSource",schemaPath:"#/properties/Arguments/properties/InputDataConfig/items/properties/DataSource/properties/S3DataSource/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
if(data40.S3DataType !== undefined){
if(!(validate21(data40.S3DataType, {instancePath:instancePath+"/Arguments/InputDataConfig/" + i3+"/DataSource/S3DataSource/S3DataType",parentData:data40,parentDataProperty:"S3DataType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data40.S3Uri !== undefined){
if(!(validate21(data40.S3Uri, {instancePath:instancePath+"/Arguments/InputDataConfig/" + i3+"/DataSource/S3DataSource/S3Uri",parentData:data40,parentDataProperty:"S3Uri",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err71 = {instancePath:instancePath+"/Arguments/InputDataConfig/" + i3+"/DataSource/S3DataSource",schemaPath:"#/properties/Arguments/properties/InputDataConfig/items/properties/DataSource/properties/S3DataSource/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
}
else {
const err72 = {instancePath:instancePath+"/Arguments/InputDataConfig/" + i3+"/DataSource",schemaPath:"#/properties/Arguments/properties/InputDataConfig/items/properties/DataSource/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
if(data35.TargetAttributeName !== undefined){
if(!(validate21(data35.TargetAttributeName, {instancePath:instancePath+"/Arguments/InputDataConfig/" + i3+"/TargetAttributeName",parentData:data35,parentDataProperty:"TargetAttributeName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err73 = {instancePath:instancePath+"/Arguments/InputDataConfig/" + i3,schemaPath:"#/properties/Arguments/properties/InputDataConfig/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
}
else {
const err74 = {instancePath:instancePath+"/Arguments/InputDataConfig",schemaPath:"#/properties/Arguments/properties/InputDataConfig/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
if(data34 && typeof data34 == "object" && !Array.isArray(data34)){
for(const key11 in data34){
const err75 = {instancePath:instancePath+"/Arguments/InputDataConfig",schemaPath:"#/properties/Arguments/properties/InputDataConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
}
if(data17.OutputDataConfig !== undefined){
let data44 = data17.OutputDataConfig;
if(data44 && typeof data44 == "object" && !Array.isArray(data44)){
for(const key12 in data44){
if(!((key12 === "KmsKeyId") || (key12 === "S3OutputPath"))){
const err76 = {instancePath:instancePath+"/Arguments/OutputDataConfig",schemaPath:"#/properties/Arguments/properties/OutputDataConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
if(data44.KmsKeyId !== undefined){
if(!(validate21(data44.KmsKeyId, {instancePath:instancePath+"/Arguments/OutputDataConfig/KmsKeyId",parentData:data44,parentDataProperty:"KmsKeyId",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data44.S3OutputPath !== undefined){
if(!(validate21(data44.S3OutputPath, {instancePath:instancePath+"/Arguments/OutputDataConfig/S3OutputPath",parentData:data44,parentDataProperty:"S3OutputPath",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err77 = {instancePath:instancePath+"/Arguments/OutputDataConfig",schemaPath:"#/properties/Arguments/properties/OutputDataConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
if(data17.RoleArn !== undefined){
if(!(validate21(data17.RoleArn, {instancePath:instancePath+"/Arguments/RoleArn",parentData:data17,parentDataProperty:"RoleArn",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data17.ProblemType !== undefined){
let data48 = data17.ProblemType;
if(typeof data48 !== "string"){
const err78 = {instancePath:instancePath+"/Arguments/ProblemType",schemaPath:"#/properties/Arguments/properties/ProblemType/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
if(!(((data48 === "BinaryClassification") || (data48 === "MulticlassClassification")) || (data48 === "Regression"))){
const err79 = {instancePath:instancePath+"/Arguments/ProblemType",schemaPath:"#/properties/Arguments/properties/ProblemType/enum",keyword:"enum",params:{allowedValues: schema129.properties.Arguments.properties.ProblemType.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
if(data17.Tags !== undefined){
let data49 = data17.Tags;
if(Array.isArray(data49)){
const len4 = data49.length;
for(let i4=0; i4<len4; i4++){
if(!(validate104(data49[i4], {instancePath:instancePath+"/Arguments/Tags/" + i4,parentData:data49,parentDataProperty:i4,rootData}))){
vErrors = vErrors === null ? validate104.errors : vErrors.concat(validate104.errors);
errors = vErrors.length;
}
}
}
else {
const err80 = {instancePath:instancePath+"/Arguments/Tags",schemaPath:"#/properties/Arguments/properties/Tags/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
if(data17.AutoMLJobName !== undefined){
if(!(validate21(data17.AutoMLJobName, {instancePath:instancePath+"/Arguments/AutoMLJobName",parentData:data17,parentDataProperty:"AutoMLJobName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err81 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
}
else {
const err82 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
validate334.errors = vErrors;
return errors === 0;
}

const schema136 = {"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Endpoint"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"Arguments":{"type":"object","properties":{"EndpointConfigName":{"$ref":"#/definitions/StringArgumentValue"},"Tags":{"type":"array","items":{"$ref":"#/definitions/Tag"}},"EndpointName":{"$ref":"#/definitions/StringArgumentValue"}},"required":["EndpointConfigName"],"additionalProperties":false}},"required":["Type","Name","Arguments"],"additionalProperties":false};

function validate347(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.Name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.Arguments === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Arguments"},message:"must have required property '"+"Arguments"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "Name") || (key0 === "Type")) || (key0 === "DependsOn")) || (key0 === "DisplayName")) || (key0 === "Description")) || (key0 === "Arguments"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.Name !== undefined){
let data0 = data.Name;
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err4 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.Type !== undefined){
let data1 = data.Type;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!(data1 === "Endpoint")){
const err7 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema136.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.DependsOn !== undefined){
let data2 = data.DependsOn;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(!pattern1.test(data3)){
const err8 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/DependsOn",schemaPath:"#/properties/DependsOn/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.DisplayName !== undefined){
let data4 = data.DisplayName;
if(typeof data4 === "string"){
if(!pattern1.test(data4)){
const err11 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.Description !== undefined){
let data5 = data.Description;
if(typeof data5 === "string"){
if(func2(data5) > 4096){
const err13 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(func2(data5) < 0){
const err14 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.Arguments !== undefined){
let data6 = data.Arguments;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.EndpointConfigName === undefined){
const err16 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/required",keyword:"required",params:{missingProperty: "EndpointConfigName"},message:"must have required property '"+"EndpointConfigName"+"'"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
for(const key1 in data6){
if(!(((key1 === "EndpointConfigName") || (key1 === "Tags")) || (key1 === "EndpointName"))){
const err17 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data6.EndpointConfigName !== undefined){
if(!(validate21(data6.EndpointConfigName, {instancePath:instancePath+"/Arguments/EndpointConfigName",parentData:data6,parentDataProperty:"EndpointConfigName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data6.Tags !== undefined){
let data8 = data6.Tags;
if(Array.isArray(data8)){
const len1 = data8.length;
for(let i1=0; i1<len1; i1++){
if(!(validate104(data8[i1], {instancePath:instancePath+"/Arguments/Tags/" + i1,parentData:data8,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate104.errors : vErrors.concat(validate104.errors);
errors = vErrors.length;
}
}
}
else {
const err18 = {instancePath:instancePath+"/Arguments/Tags",schemaPath:"#/properties/Arguments/properties/Tags/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data6.EndpointName !== undefined){
if(!(validate21(data6.EndpointName, {instancePath:instancePath+"/Arguments/EndpointName",parentData:data6,parentDataProperty:"EndpointName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err19 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
validate347.errors = vErrors;
return errors === 0;
}

const schema141 = {"type":"object","properties":{"Name":{"$ref":"#/definitions/StepName"},"Type":{"type":"string","enum":["Endpoint"]},"DependsOn":{"type":"array","items":{"$ref":"#/definitions/StepName"}},"DisplayName":{"$ref":"#/definitions/StepName"},"Description":{"$ref":"#/definitions/ParameterDescription"},"Arguments":{"type":"object","properties":{"AsyncInferenceConfig":{"type":"object","properties":{"ClientConfig":{"type":"object","properties":{"MaxConcurrentInvocationsPerInstance":{"$ref":"#/definitions/IntegerArgumentValue"},"OutputConfig":{"type":"object","properties":{"KmsKeyId":{"$ref":"#/definitions/StringArgumentValue"},"NotificationConfig":{"type":"object","properties":{"ErrorTopic":{"$ref":"#/definitions/StringArgumentValue"},"IncludeInferenceResponseIn":{"type":"array","items":{"$ref":"#/definitions/StringArgumentValue"}},"SuccessTopic":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"S3FailurePath":{"$ref":"#/definitions/StringArgumentValue"},"S3OutputPath":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false}},"additionalProperties":false}},"additionalProperties":false},"EnableNetworkIsolation":{"$ref":"#/definitions/BooleanArgumentValue"},"ExecutionRoleArn":{"$ref":"#/definitions/StringArgumentValue"},"KmsKeyId":{"$ref":"#/definitions/StringArgumentValue"},"Tags":{"type":"array","items":{"$ref":"#/definitions/Tag"}},"EndpointConfigName":{"$ref":"#/definitions/StringArgumentValue"},"VpcConfig":{"$ref":"#/definitions/VpcConfig"},"ProductionVariants":{"$ref":"#/definitions/ProductionVariants"},"ShadowProductionVariants":{"$ref":"#/definitions/ProductionVariants"}},"required":["ProductionVariants"],"additionalProperties":false}},"required":["Type","Name","Arguments"],"additionalProperties":false};
const schema146 = {"type":"array","items":{"type":"object","properties":{"VariantName":{"$ref":"#/definitions/StringArgumentValue"},"AcceleratorType":{"$ref":"#/definitions/StringArgumentValue"},"ContainerStartupHealthCheckTimeoutInSeconds":{"$ref":"#/definitions/IntegerArgumentValue"},"CoreDumpConfig":{"type":"object","properties":{"DestinationS3Uri":{"$ref":"#/definitions/StringArgumentValue"},"KmsKeyId":{"$ref":"#/definitions/StringArgumentValue"}},"required":["DestinationS3Uri"],"additionalProperties":false},"EnableSSMAccess":{"$ref":"#/definitions/BooleanArgumentValue"},"InferenceAmiVersion":{"$ref":"#/definitions/StringArgumentValue"},"InitialInstanceCount":{"$ref":"#/definitions/IntegerArgumentValue"},"InitialVariantWeight":{"$ref":"#/definitions/IntegerArgumentValue"},"InstanceType":{"$ref":"#/definitions/StringArgumentValue"},"ManagedInstanceScaling":{"type":"object","properties":{"MaxInstanceCount":{"$ref":"#/definitions/IntegerArgumentValue"},"MinInstanceCount":{"$ref":"#/definitions/IntegerArgumentValue"},"Status":{"$ref":"#/definitions/StringArgumentValue"}},"additionalProperties":false},"ModelDataDownloadTimeoutInSeconds":{"$ref":"#/definitions/IntegerArgumentValue"},"ModelName":{"$ref":"#/definitions/StringArgumentValue"},"RoutingConfig":{"type":"object","properties":{"RoutingStrategy":{"$ref":"#/definitions/StringArgumentValue"}},"required":["RoutingStrategy"],"additionalProperties":false},"ServerlessConfig":{"type":"object","properties":{"MaxConcurrency":{"$ref":"#/definitions/IntegerArgumentValue"},"MemorySizeInMB":{"$ref":"#/definitions/IntegerArgumentValue"},"ProvisionedConcurrency":{"$ref":"#/definitions/IntegerArgumentValue"}},"required":["MaxConcurrency","MemorySizeInMB"],"additionalProperties":false},"VolumeSizeInGB":{"$ref":"#/definitions/IntegerArgumentValue"}},"required":["VariantName"],"additionalProperties":false},"minItems":1,"maxItems":10};

function validate366(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(Array.isArray(data)){
if(data.length > 10){
const err0 = {instancePath,schemaPath:"#/maxItems",keyword:"maxItems",params:{limit: 10},message:"must NOT have more than 10 items"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.length < 1){
const err1 = {instancePath,schemaPath:"#/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
let data0 = data[i0];
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.VariantName === undefined){
const err2 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/required",keyword:"required",params:{missingProperty: "VariantName"},message:"must have required property '"+"VariantName"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data0){
if(!(func18.call(schema146.items.properties, key0))){
const err3 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data0.VariantName !== undefined){
if(!(validate21(data0.VariantName, {instancePath:instancePath+"/" + i0+"/VariantName",parentData:data0,parentDataProperty:"VariantName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data0.AcceleratorType !== undefined){
if(!(validate21(data0.AcceleratorType, {instancePath:instancePath+"/" + i0+"/AcceleratorType",parentData:data0,parentDataProperty:"AcceleratorType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data0.ContainerStartupHealthCheckTimeoutInSeconds !== undefined){
if(!(validate31(data0.ContainerStartupHealthCheckTimeoutInSeconds, {instancePath:instancePath+"/" + i0+"/ContainerStartupHealthCheckTimeoutInSeconds",parentData:data0,parentDataProperty:"ContainerStartupHealthCheckTimeoutInSeconds",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data0.CoreDumpConfig !== undefined){
let data4 = data0.CoreDumpConfig;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.DestinationS3Uri === undefined){
const err4 = {instancePath:instancePath+"/" + i0+"/CoreDumpConfig",schemaPath:"#/items/properties/CoreDumpConfig/required",keyword:"required",params:{missingProperty: "DestinationS3Uri"},message:"must have required property '"+"DestinationS3Uri"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key1 in data4){
if(!((key1 === "DestinationS3Uri") || (key1 === "KmsKeyId"))){
const err5 = {instancePath:instancePath+"/" + i0+"/CoreDumpConfig",schemaPath:"#/items/properties/CoreDumpConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data4.DestinationS3Uri !== undefined){
if(!(validate21(data4.DestinationS3Uri, {instancePath:instancePath+"/" + i0+"/CoreDumpConfig/DestinationS3Uri",parentData:data4,parentDataProperty:"DestinationS3Uri",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data4.KmsKeyId !== undefined){
if(!(validate21(data4.KmsKeyId, {instancePath:instancePath+"/" + i0+"/CoreDumpConfig/KmsKeyId",parentData:data4,parentDataProperty:"KmsKeyId",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err6 = {instancePath:instancePath+"/" + i0+"/CoreDumpConfig",schemaPath:"#/items/properties/CoreDumpConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data0.EnableSSMAccess !== undefined){
if(!(validate28(data0.EnableSSMAccess, {instancePath:instancePath+"/" + i0+"/EnableSSMAccess",parentData:data0,parentDataProperty:"EnableSSMAccess",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
if(data0.InferenceAmiVersion !== undefined){
if(!(validate21(data0.InferenceAmiVersion, {instancePath:instancePath+"/" + i0+"/InferenceAmiVersion",parentData:data0,parentDataProperty:"InferenceAmiVersion",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data0.InitialInstanceCount !== undefined){
if(!(validate31(data0.InitialInstanceCount, {instancePath:instancePath+"/" + i0+"/InitialInstanceCount",parentData:data0,parentDataProperty:"InitialInstanceCount",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data0.InitialVariantWeight !== undefined){
if(!(validate31(data0.InitialVariantWeight, {instancePath:instancePath+"/" + i0+"/InitialVariantWeight",parentData:data0,parentDataProperty:"InitialVariantWeight",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data0.InstanceType !== undefined){
if(!(validate21(data0.InstanceType, {instancePath:instancePath+"/" + i0+"/InstanceType",parentData:data0,parentDataProperty:"InstanceType",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data0.ManagedInstanceScaling !== undefined){
let data12 = data0.ManagedInstanceScaling;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
for(const key2 in data12){
if(!(((key2 === "MaxInstanceCount") || (key2 === "MinInstanceCount")) || (key2 === "Status"))){
const err7 = {instancePath:instancePath+"/" + i0+"/ManagedInstanceScaling",schemaPath:"#/items/properties/ManagedInstanceScaling/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data12.MaxInstanceCount !== undefined){
if(!(validate31(data12.MaxInstanceCount, {instancePath:instancePath+"/" + i0+"/ManagedInstanceScaling/MaxInstanceCount",parentData:data12,parentDataProperty:"MaxInstanceCount",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data12.MinInstanceCount !== undefined){
if(!(validate31(data12.MinInstanceCount, {instancePath:instancePath+"/" + i0+"/ManagedInstanceScaling/MinInstanceCount",parentData:data12,parentDataProperty:"MinInstanceCount",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data12.Status !== undefined){
if(!(validate21(data12.Status, {instancePath:instancePath+"/" + i0+"/ManagedInstanceScaling/Status",parentData:data12,parentDataProperty:"Status",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err8 = {instancePath:instancePath+"/" + i0+"/ManagedInstanceScaling",schemaPath:"#/items/properties/ManagedInstanceScaling/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data0.ModelDataDownloadTimeoutInSeconds !== undefined){
if(!(validate31(data0.ModelDataDownloadTimeoutInSeconds, {instancePath:instancePath+"/" + i0+"/ModelDataDownloadTimeoutInSeconds",parentData:data0,parentDataProperty:"ModelDataDownloadTimeoutInSeconds",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data0.ModelName !== undefined){
if(!(validate21(data0.ModelName, {instancePath:instancePath+"/" + i0+"/ModelName",parentData:data0,parentDataProperty:"ModelName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data0.RoutingConfig !== undefined){
let data18 = data0.RoutingConfig;
if(data18 && typeof data18 == "object" && !Array.isArray(data18)){
if(data18.RoutingStrategy === undefined){
const err9 = {instancePath:instancePath+"/" + i0+"/RoutingConfig",schemaPath:"#/items/properties/RoutingConfig/required",keyword:"required",params:{missingProperty: "RoutingStrategy"},message:"must have required property '"+"RoutingStrategy"+"'"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
for(const key3 in data18){
if(!(key3 === "RoutingStrategy")){
const err10 = {instancePath:instancePath+"/" + i0+"/RoutingConfig",schemaPath:"#/items/properties/RoutingConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data18.RoutingStrategy !== undefined){
if(!(validate21(data18.RoutingStrategy, {instancePath:instancePath+"/" + i0+"/RoutingConfig/RoutingStrategy",parentData:data18,parentDataProperty:"RoutingStrategy",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err11 = {instancePath:instancePath+"/" + i0+"/RoutingConfig",schemaPath:"#/items/properties/RoutingConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data0.ServerlessConfig !== undefined){
let data20 = data0.ServerlessConfig;
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
if(data20.MaxConcurrency === undefined){
const err12 = {instancePath:instancePath+"/" + i0+"/ServerlessConfig",schemaPath:"#/items/properties/ServerlessConfig/required",keyword:"required",params:{missingProperty: "MaxConcurrency"},message:"must have required property '"+"MaxConcurrency"+"'"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(data20.MemorySizeInMB === undefined){
const err13 = {instancePath:instancePath+"/" + i0+"/ServerlessConfig",schemaPath:"#/items/properties/ServerlessConfig/required",keyword:"required",params:{missingProperty: "MemorySizeInMB"},message:"must have required property '"+"MemorySizeInMB"+"'"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
for(const key4 in data20){
if(!(((key4 === "MaxConcurrency") || (key4 === "MemorySizeInMB")) || (key4 === "ProvisionedConcurrency"))){
const err14 = {instancePath:instancePath+"/" + i0+"/ServerlessConfig",schemaPath:"#/items/properties/ServerlessConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data20.MaxConcurrency !== undefined){
if(!(validate31(data20.MaxConcurrency, {instancePath:instancePath+"/" + i0+"/ServerlessConfig/MaxConcurrency",parentData:data20,parentDataProperty:"MaxConcurrency",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data20.MemorySizeInMB !== undefined){
if(!(validate31(data20.MemorySizeInMB, {instancePath:instancePath+"/" + i0+"/ServerlessConfig/MemorySizeInMB",parentData:data20,parentDataProperty:"MemorySizeInMB",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data20.ProvisionedConcurrency !== undefined){
if(!(validate31(data20.ProvisionedConcurrency, {instancePath:instancePath+"/" + i0+"/ServerlessConfig/ProvisionedConcurrency",parentData:data20,parentDataProperty:"ProvisionedConcurrency",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
}
else {
const err15 = {instancePath:instancePath+"/" + i0+"/ServerlessConfig",schemaPath:"#/items/properties/ServerlessConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data0.VolumeSizeInGB !== undefined){
if(!(validate31(data0.VolumeSizeInGB, {instancePath:instancePath+"/" + i0+"/VolumeSizeInGB",parentData:data0,parentDataProperty:"VolumeSizeInGB",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
}
else {
const err16 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
validate366.errors = vErrors;
return errors === 0;
}


function validate352(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Type"},message:"must have required property '"+"Type"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.Name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Name"},message:"must have required property '"+"Name"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.Arguments === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Arguments"},message:"must have required property '"+"Arguments"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "Name") || (key0 === "Type")) || (key0 === "DependsOn")) || (key0 === "DisplayName")) || (key0 === "Description")) || (key0 === "Arguments"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.Name !== undefined){
let data0 = data.Name;
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err4 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/Name",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.Type !== undefined){
let data1 = data.Type;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!(data1 === "Endpoint")){
const err7 = {instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/enum",keyword:"enum",params:{allowedValues: schema141.properties.Type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.DependsOn !== undefined){
let data2 = data.DependsOn;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(!pattern1.test(data3)){
const err8 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/DependsOn/" + i0,schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/DependsOn",schemaPath:"#/properties/DependsOn/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.DisplayName !== undefined){
let data4 = data.DisplayName;
if(typeof data4 === "string"){
if(!pattern1.test(data4)){
const err11 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9\\-_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9\\-_]{1,64}$"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/DisplayName",schemaPath:"#/definitions/StepName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.Description !== undefined){
let data5 = data.Description;
if(typeof data5 === "string"){
if(func2(data5) > 4096){
const err13 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(func2(data5) < 0){
const err14 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/Description",schemaPath:"#/definitions/ParameterDescription/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.Arguments !== undefined){
let data6 = data.Arguments;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.ProductionVariants === undefined){
const err16 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/required",keyword:"required",params:{missingProperty: "ProductionVariants"},message:"must have required property '"+"ProductionVariants"+"'"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
for(const key1 in data6){
if(!(func18.call(schema141.properties.Arguments.properties, key1))){
const err17 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data6.AsyncInferenceConfig !== undefined){
let data7 = data6.AsyncInferenceConfig;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
for(const key2 in data7){
if(!(key2 === "ClientConfig")){
const err18 = {instancePath:instancePath+"/Arguments/AsyncInferenceConfig",schemaPath:"#/properties/Arguments/properties/AsyncInferenceConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data7.ClientConfig !== undefined){
let data8 = data7.ClientConfig;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
for(const key3 in data8){
if(!((key3 === "MaxConcurrentInvocationsPerInstance") || (key3 === "OutputConfig"))){
const err19 = {instancePath:instancePath+"/Arguments/AsyncInferenceConfig/ClientConfig",schemaPath:"#/properties/Arguments/properties/AsyncInferenceConfig/properties/ClientConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data8.MaxConcurrentInvocationsPerInstance !== undefined){
if(!(validate31(data8.MaxConcurrentInvocationsPerInstance, {instancePath:instancePath+"/Arguments/AsyncInferenceConfig/ClientConfig/MaxConcurrentInvocationsPerInstance",parentData:data8,parentDataProperty:"MaxConcurrentInvocationsPerInstance",rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
if(data8.OutputConfig !== undefined){
let data10 = data8.OutputConfig;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
for(const key4 in data10){
if(!((((key4 === "KmsKeyId") || (key4 === "NotificationConfig")) || (key4 === "S3FailurePath")) || (key4 === "S3OutputPath"))){
const err20 = {instancePath:instancePath+"/Arguments/AsyncInferenceConfig/ClientConfig/OutputConfig",schemaPath:"#/properties/Arguments/properties/AsyncInferenceConfig/properties/ClientConfig/properties/OutputConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data10.KmsKeyId !== undefined){
if(!(validate21(data10.KmsKeyId, {instancePath:instancePath+"/Arguments/AsyncInferenceConfig/ClientConfig/OutputConfig/KmsKeyId",parentData:data10,parentDataProperty:"KmsKeyId",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data10.NotificationConfig !== undefined){
let data12 = data10.NotificationConfig;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
for(const key5 in data12){
if(!(((key5 === "ErrorTopic") || (key5 === "IncludeInferenceResponseIn")) || (key5 === "SuccessTopic"))){
const err21 = {instancePath:instancePath+"/Arguments/AsyncInferenceConfig/ClientConfig/OutputConfig/NotificationConfig",schemaPath:"#/properties/Arguments/properties/AsyncInferenceConfig/properties/ClientConfig/properties/OutputConfig/properties/NotificationConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data12.ErrorTopic !== undefined){
if(!(validate21(data12.ErrorTopic, {instancePath:instancePath+"/Arguments/AsyncInferenceConfig/ClientConfig/OutputConfig/NotificationConfig/ErrorTopic",parentData:data12,parentDataProperty:"ErrorTopic",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data12.IncludeInferenceResponseIn !== undefined){
let data14 = data12.IncludeInferenceResponseIn;
if(Array.isArray(data14)){
const len1 = data14.length;
for(let i1=0; i1<len1; i1++){
if(!(validate21(data14[i1], {instancePath:instancePath+"/Arguments/AsyncInferenceConfig/ClientConfig/OutputConfig/NotificationConfig/IncludeInferenceResponseIn/" + i1,parentData:data14,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err22 = {instancePath:instancePath+"/Arguments/AsyncInferenceConfig/ClientConfig/OutputConfig/NotificationConfig/IncludeInferenceResponseIn",schemaPath:"#/properties/Arguments/properties/AsyncInferenceConfig/properties/ClientConfig/properties/OutputConfig/properties/NotificationConfig/properties/IncludeInferenceResponseIn/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data12.SuccessTopic !== undefined){
if(!(validate21(data12.SuccessTopic, {instancePath:instancePath+"/Arguments/AsyncInferenceConfig/ClientConfig/OutputConfig/NotificationConfig/SuccessTopic",parentData:data12,parentDataProperty:"SuccessTopic",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err23 = {instancePath:instancePath+"/Arguments/AsyncInferenceConfig/ClientConfig/OutputConfig/NotificationConfig",schemaPath:"#/properties/Arguments/properties/AsyncInferenceConfig/properties/ClientConfig/properties/OutputConfig/properties/NotificationConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data10.S3FailurePath !== undefined){
if(!(validate21(data10.S3FailurePath, {instancePath:instancePath+"/Arguments/AsyncInferenceConfig/ClientConfig/OutputConfig/S3FailurePath",parentData:data10,parentDataProperty:"S3FailurePath",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data10.S3OutputPath !== undefined){
if(!(validate21(data10.S3OutputPath, {instancePath:instancePath+"/Arguments/AsyncInferenceConfig/ClientConfig/OutputConfig/S3OutputPath",parentData:data10,parentDataProperty:"S3OutputPath",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err24 = {instancePath:instancePath+"/Arguments/AsyncInferenceConfig/ClientConfig/OutputConfig",schemaPath:"#/properties/Arguments/properties/AsyncInferenceConfig/properties/ClientConfig/properties/OutputConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/Arguments/AsyncInferenceConfig/ClientConfig",schemaPath:"#/properties/Arguments/properties/AsyncInferenceConfig/properties/ClientConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/Arguments/AsyncInferenceConfig",schemaPath:"#/properties/Arguments/properties/AsyncInferenceConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data6.EnableNetworkIsolation !== undefined){
if(!(validate28(data6.EnableNetworkIsolation, {instancePath:instancePath+"/Arguments/EnableNetworkIsolation",parentData:data6,parentDataProperty:"EnableNetworkIsolation",rootData}))){
vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
errors = vErrors.length;
}
}
if(data6.ExecutionRoleArn !== undefined){
if(!(validate21(data6.ExecutionRoleArn, {instancePath:instancePath+"/Arguments/ExecutionRoleArn",parentData:data6,parentDataProperty:"ExecutionRoleArn",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data6.KmsKeyId !== undefined){
if(!(validate21(data6.KmsKeyId, {instancePath:instancePath+"/Arguments/KmsKeyId",parentData:data6,parentDataProperty:"KmsKeyId",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data6.Tags !== undefined){
let data22 = data6.Tags;
if(Array.isArray(data22)){
const len2 = data22.length;
for(let i2=0; i2<len2; i2++){
if(!(validate104(data22[i2], {instancePath:instancePath+"/Arguments/Tags/" + i2,parentData:data22,parentDataProperty:i2,rootData}))){
vErrors = vErrors === null ? validate104.errors : vErrors.concat(validate104.errors);
errors = vErrors.length;
}
}
}
else {
const err27 = {instancePath:instancePath+"/Arguments/Tags",schemaPath:"#/properties/Arguments/properties/Tags/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data6.EndpointConfigName !== undefined){
if(!(validate21(data6.EndpointConfigName, {instancePath:instancePath+"/Arguments/EndpointConfigName",parentData:data6,parentDataProperty:"EndpointConfigName",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data6.VpcConfig !== undefined){
if(!(validate111(data6.VpcConfig, {instancePath:instancePath+"/Arguments/VpcConfig",parentData:data6,parentDataProperty:"VpcConfig",rootData}))){
vErrors = vErrors === null ? validate111.errors : vErrors.concat(validate111.errors);
errors = vErrors.length;
}
}
if(data6.ProductionVariants !== undefined){
if(!(validate366(data6.ProductionVariants, {instancePath:instancePath+"/Arguments/ProductionVariants",parentData:data6,parentDataProperty:"ProductionVariants",rootData}))){
vErrors = vErrors === null ? validate366.errors : vErrors.concat(validate366.errors);
errors = vErrors.length;
}
}
if(data6.ShadowProductionVariants !== undefined){
if(!(validate366(data6.ShadowProductionVariants, {instancePath:instancePath+"/Arguments/ShadowProductionVariants",parentData:data6,parentDataProperty:"ShadowProductionVariants",rootData}))){
vErrors = vErrors === null ? validate366.errors : vErrors.concat(validate366.errors);
errors = vErrors.length;
}
}
}
else {
const err28 = {instancePath:instancePath+"/Arguments",schemaPath:"#/properties/Arguments/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
else {
const err29 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
validate352.errors = vErrors;
return errors === 0;
}


function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://github.com/jerrypeng7773/sagemaker-model-building-pipeline-definition-JSON-schema/schema/" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Steps === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Steps"},message:"must have required property '"+"Steps"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "Version") || (key0 === "Metadata")) || (key0 === "Parameters")) || (key0 === "Steps"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.Version !== undefined){
let data0 = data.Version;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/Version",schemaPath:"#/properties/Version/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(!(data0 === "2020-12-01")){
const err3 = {instancePath:instancePath+"/Version",schemaPath:"#/properties/Version/enum",keyword:"enum",params:{allowedValues: schema11.properties.Version.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.Metadata !== undefined){
let data1 = data.Metadata;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
if(pattern0.test(key1)){
let data2 = data1[key1];
if(typeof data2 === "string"){
if(func2(data2) > 1024){
const err4 = {instancePath:instancePath+"/Metadata/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/Metadata/patternProperties/%5E%5BA-Za-z0-9%5C-_%5D%7B1%2C128%7D%24/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(func2(data2) < 0){
const err5 = {instancePath:instancePath+"/Metadata/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/Metadata/patternProperties/%5E%5BA-Za-z0-9%5C-_%5D%7B1%2C128%7D%24/minLength",keyword:"minLength",params:{limit: 0},message:"must NOT have fewer than 0 characters"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/Metadata/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/Metadata/patternProperties/%5E%5BA-Za-z0-9%5C-_%5D%7B1%2C128%7D%24/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
}
else {
const err7 = {instancePath:instancePath+"/Metadata",schemaPath:"#/properties/Metadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.Parameters !== undefined){
let data3 = data.Parameters;
if(Array.isArray(data3)){
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
const _errs11 = errors;
let valid4 = false;
let passing0 = null;
const _errs12 = errors;
if(!(validate11(data4, {instancePath:instancePath+"/Parameters/" + i0,parentData:data3,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
var _valid0 = _errs12 === errors;
if(_valid0){
valid4 = true;
passing0 = 0;
}
const _errs13 = errors;
if(!(validate13(data4, {instancePath:instancePath+"/Parameters/" + i0,parentData:data3,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
errors = vErrors.length;
}
var _valid0 = _errs13 === errors;
if(_valid0 && valid4){
valid4 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid4 = true;
passing0 = 1;
}
const _errs14 = errors;
if(!(validate15(data4, {instancePath:instancePath+"/Parameters/" + i0,parentData:data3,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
errors = vErrors.length;
}
var _valid0 = _errs14 === errors;
if(_valid0 && valid4){
valid4 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid4 = true;
passing0 = 2;
}
const _errs15 = errors;
if(!(validate17(data4, {instancePath:instancePath+"/Parameters/" + i0,parentData:data3,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
errors = vErrors.length;
}
var _valid0 = _errs15 === errors;
if(_valid0 && valid4){
valid4 = false;
passing0 = [passing0, 3];
}
else {
if(_valid0){
valid4 = true;
passing0 = 3;
}
}
}
}
if(!valid4){
const err8 = {instancePath:instancePath+"/Parameters/" + i0,schemaPath:"#/properties/Parameters/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
else {
errors = _errs11;
if(vErrors !== null){
if(_errs11){
vErrors.length = _errs11;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err9 = {instancePath:instancePath+"/Parameters",schemaPath:"#/properties/Parameters/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.Steps !== undefined){
let data5 = data.Steps;
if(Array.isArray(data5)){
const len1 = data5.length;
for(let i1=0; i1<len1; i1++){
let data6 = data5[i1];
const _errs19 = errors;
let valid7 = false;
let passing1 = null;
const _errs20 = errors;
if(!(validate19(data6, {instancePath:instancePath+"/Steps/" + i1,parentData:data5,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate19.errors : vErrors.concat(validate19.errors);
errors = vErrors.length;
}
var _valid1 = _errs20 === errors;
if(_valid1){
valid7 = true;
passing1 = 0;
}
const _errs21 = errors;
if(!(validate56(data6, {instancePath:instancePath+"/Steps/" + i1,parentData:data5,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate56.errors : vErrors.concat(validate56.errors);
errors = vErrors.length;
}
var _valid1 = _errs21 === errors;
if(_valid1 && valid7){
valid7 = false;
passing1 = [passing1, 1];
}
else {
if(_valid1){
valid7 = true;
passing1 = 1;
}
const _errs22 = errors;
if(!(validate120(data6, {instancePath:instancePath+"/Steps/" + i1,parentData:data5,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate120.errors : vErrors.concat(validate120.errors);
errors = vErrors.length;
}
var _valid1 = _errs22 === errors;
if(_valid1 && valid7){
valid7 = false;
passing1 = [passing1, 2];
}
else {
if(_valid1){
valid7 = true;
passing1 = 2;
}
const _errs23 = errors;
if(!(validate151(data6, {instancePath:instancePath+"/Steps/" + i1,parentData:data5,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate151.errors : vErrors.concat(validate151.errors);
errors = vErrors.length;
}
var _valid1 = _errs23 === errors;
if(_valid1 && valid7){
valid7 = false;
passing1 = [passing1, 3];
}
else {
if(_valid1){
valid7 = true;
passing1 = 3;
}
const _errs24 = errors;
if(!(validate226(data6, {instancePath:instancePath+"/Steps/" + i1,parentData:data5,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate226.errors : vErrors.concat(validate226.errors);
errors = vErrors.length;
}
var _valid1 = _errs24 === errors;
if(_valid1 && valid7){
valid7 = false;
passing1 = [passing1, 4];
}
else {
if(_valid1){
valid7 = true;
passing1 = 4;
}
const _errs25 = errors;
if(!(validate177(data6, {instancePath:instancePath+"/Steps/" + i1,parentData:data5,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate177.errors : vErrors.concat(validate177.errors);
errors = vErrors.length;
}
var _valid1 = _errs25 === errors;
if(_valid1 && valid7){
valid7 = false;
passing1 = [passing1, 5];
}
else {
if(_valid1){
valid7 = true;
passing1 = 5;
}
const _errs26 = errors;
if(!(validate243(data6, {instancePath:instancePath+"/Steps/" + i1,parentData:data5,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate243.errors : vErrors.concat(validate243.errors);
errors = vErrors.length;
}
var _valid1 = _errs26 === errors;
if(_valid1 && valid7){
valid7 = false;
passing1 = [passing1, 6];
}
else {
if(_valid1){
valid7 = true;
passing1 = 6;
}
const _errs27 = errors;
if(!(validate246(data6, {instancePath:instancePath+"/Steps/" + i1,parentData:data5,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate246.errors : vErrors.concat(validate246.errors);
errors = vErrors.length;
}
var _valid1 = _errs27 === errors;
if(_valid1 && valid7){
valid7 = false;
passing1 = [passing1, 7];
}
else {
if(_valid1){
valid7 = true;
passing1 = 7;
}
const _errs28 = errors;
if(!(validate249(data6, {instancePath:instancePath+"/Steps/" + i1,parentData:data5,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate249.errors : vErrors.concat(validate249.errors);
errors = vErrors.length;
}
var _valid1 = _errs28 === errors;
if(_valid1 && valid7){
valid7 = false;
passing1 = [passing1, 8];
}
else {
if(_valid1){
valid7 = true;
passing1 = 8;
}
const _errs29 = errors;
if(!(validate308(data6, {instancePath:instancePath+"/Steps/" + i1,parentData:data5,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate308.errors : vErrors.concat(validate308.errors);
errors = vErrors.length;
}
var _valid1 = _errs29 === errors;
if(_valid1 && valid7){
valid7 = false;
passing1 = [passing1, 9];
}
else {
if(_valid1){
valid7 = true;
passing1 = 9;
}
const _errs30 = errors;
if(!(validate316(data6, {instancePath:instancePath+"/Steps/" + i1,parentData:data5,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate316.errors : vErrors.concat(validate316.errors);
errors = vErrors.length;
}
var _valid1 = _errs30 === errors;
if(_valid1 && valid7){
valid7 = false;
passing1 = [passing1, 10];
}
else {
if(_valid1){
valid7 = true;
passing1 = 10;
}
const _errs31 = errors;
if(!(validate324(data6, {instancePath:instancePath+"/Steps/" + i1,parentData:data5,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate324.errors : vErrors.concat(validate324.errors);
errors = vErrors.length;
}
var _valid1 = _errs31 === errors;
if(_valid1 && valid7){
valid7 = false;
passing1 = [passing1, 11];
}
else {
if(_valid1){
valid7 = true;
passing1 = 11;
}
const _errs32 = errors;
if(!(validate117(data6, {instancePath:instancePath+"/Steps/" + i1,parentData:data5,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate117.errors : vErrors.concat(validate117.errors);
errors = vErrors.length;
}
var _valid1 = _errs32 === errors;
if(_valid1 && valid7){
valid7 = false;
passing1 = [passing1, 12];
}
else {
if(_valid1){
valid7 = true;
passing1 = 12;
}
const _errs33 = errors;
if(!(validate334(data6, {instancePath:instancePath+"/Steps/" + i1,parentData:data5,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate334.errors : vErrors.concat(validate334.errors);
errors = vErrors.length;
}
var _valid1 = _errs33 === errors;
if(_valid1 && valid7){
valid7 = false;
passing1 = [passing1, 13];
}
else {
if(_valid1){
valid7 = true;
passing1 = 13;
}
const _errs34 = errors;
if(!(validate347(data6, {instancePath:instancePath+"/Steps/" + i1,parentData:data5,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate347.errors : vErrors.concat(validate347.errors);
errors = vErrors.length;
}
var _valid1 = _errs34 === errors;
if(_valid1 && valid7){
valid7 = false;
passing1 = [passing1, 14];
}
else {
if(_valid1){
valid7 = true;
passing1 = 14;
}
const _errs35 = errors;
if(!(validate352(data6, {instancePath:instancePath+"/Steps/" + i1,parentData:data5,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate352.errors : vErrors.concat(validate352.errors);
errors = vErrors.length;
}
var _valid1 = _errs35 === errors;
if(_valid1 && valid7){
valid7 = false;
passing1 = [passing1, 15];
}
else {
if(_valid1){
valid7 = true;
passing1 = 15;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
if(!valid7){
const err10 = {instancePath:instancePath+"/Steps/" + i1,schemaPath:"#/properties/Steps/items/oneOf",keyword:"oneOf",params:{passingSchemas: passing1},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
else {
errors = _errs19;
if(vErrors !== null){
if(_errs19){
vErrors.length = _errs19;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err11 = {instancePath:instancePath+"/Steps",schemaPath:"#/properties/Steps/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

