export * from './sagemaker-images';
export * from './container-libraries';
