export * from './sagemaker-images';
