export * from './model-build-stack';
export * from './model-build-pipeline-stack';
export * from './model-build-app';
export * from './player-churn-pipeline';
export * from './sagemaker-execution-role';
export * from './sagemaker-pipeline';
export * from './mlflow-steps';
export * from './run-pipeline-wait';
