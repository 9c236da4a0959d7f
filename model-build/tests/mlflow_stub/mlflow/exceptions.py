"""mlflow.exceptions of the recording stand-in."""


class MlflowException(Exception):
    """What the real client raises for a refused or failed request."""
