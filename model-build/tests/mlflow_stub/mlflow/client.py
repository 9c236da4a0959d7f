"""mlflow.client of the recording stand-in."""
from mlflow.tracking import MlflowClient  # noqa: F401
