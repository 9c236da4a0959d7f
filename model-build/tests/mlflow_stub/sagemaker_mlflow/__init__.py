"""Stand-in for the sagemaker-mlflow plugin (tests only): its presence is what the steps check before
they accept an ARN as MLFLOW_TRACKING_URI. The real plugin registers the `arn` tracking-store scheme."""
