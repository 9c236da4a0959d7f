"""pytest fixtures of the step scripts' tests: no MLflow settings leak in from the environment, and
`stub`, the recording stand-in for the mlflow client (MLFLOW_STUB_DIR, or in sagemaker-gitops
seed-code/model-build/tests/mlflow_stub; a model-build repository has it in tests/mlflow_stub), for
the tests of what the drift check logs."""
import os
import sys
from pathlib import Path

import pytest

MLFLOW_VARIABLES = (
    "MLFLOW_TRACKING_URI", "MLFLOW_EXPERIMENT_NAME", "SAGEMAKER_PIPELINE_EXECUTION_ARN", "SAGEMAKER_PIPELINE_EXECUTION_ID",
    "MLFLOW_STUB_RECORD", "MLFLOW_STUB_FAIL", "MLFLOW_ASSUME_ROLE_ARN", "MLFLOW_TRACKING_URI_PARAMETER",
    "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
)


def stub_dir():
    if os.environ.get("MLFLOW_STUB_DIR"):
        return Path(os.environ["MLFLOW_STUB_DIR"])
    for folder in Path(__file__).resolve().parents:
        candidate = folder / "seed-code" / "model-build" / "tests" / "mlflow_stub"
        if (candidate / "mlflow" / "__init__.py").is_file():
            return candidate
    return None


@pytest.fixture(autouse=True)
def no_mlflow_settings(monkeypatch):
    for name in MLFLOW_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    # The drift job's variant filter: every test starts without it, as a local run does.
    monkeypatch.delenv("CAPTURE_VARIANT", raising=False)


@pytest.fixture
def stub(tmp_path):
    """A StubRecord (stub_record.py) recording to tmp_path/mlflow-calls.jsonl."""
    folder = stub_dir()
    if folder is None:
        pytest.skip("the recording mlflow stand-in lives in sagemaker-gitops (seed-code/model-build/tests/mlflow_stub; a model-build repository's tests/mlflow_stub); "
                    "set MLFLOW_STUB_DIR to a copy of it to run the MLflow tests here")
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    from stub_record import StubRecord  # pylint: disable=import-outside-toplevel

    return StubRecord(tmp_path / "mlflow-calls.jsonl")
