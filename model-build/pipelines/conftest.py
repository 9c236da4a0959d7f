"""pytest fixtures of the step scripts' tests: no MLflow settings leak in from the environment, and
`stub`, the recording stand-in for the mlflow client (this repository's tests/mlflow_stub, or
MLFLOW_STUB_DIR), for the tests of what the steps log."""
import os
import sys
from pathlib import Path

import pytest

MLFLOW_VARIABLES = (
    "MLFLOW_TRACKING_URI", "MLFLOW_EXPERIMENT_NAME", "SAGEMAKER_PIPELINE_EXECUTION_ARN", "SAGEMAKER_PIPELINE_EXECUTION_ID",
    "MLFLOW_STUB_RECORD", "MLFLOW_STUB_FAIL",
)


def stub_dir():
    if os.environ.get("MLFLOW_STUB_DIR"):
        return Path(os.environ["MLFLOW_STUB_DIR"])
    # The repository's own copy: tests/mlflow_stub, beside pipelines/ (never in the steps' code bundle).
    candidate = Path(__file__).resolve().parent.parent / "tests" / "mlflow_stub"
    return candidate if (candidate / "mlflow" / "__init__.py").is_file() else None


@pytest.fixture(autouse=True)
def no_mlflow_settings(monkeypatch):
    for name in MLFLOW_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def stub_factory():
    """A function of a folder that returns a StubRecord (stub_record.py) recording to folder/mlflow-calls.jsonl."""
    folder = stub_dir()
    if folder is None:
        pytest.fail("the recording mlflow stand-in is missing: tests/mlflow_stub of this repository "
                    "(or MLFLOW_STUB_DIR) must hold it")
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    from stub_record import StubRecord  # pylint: disable=import-outside-toplevel

    return lambda where: StubRecord(Path(where) / "mlflow-calls.jsonl")


@pytest.fixture
def stub(stub_factory, tmp_path):
    """A StubRecord recording to tmp_path/mlflow-calls.jsonl."""
    return stub_factory(tmp_path)
