"""mlflow.xgboost of the recording stand-in: log_model, with MLflow 3's `name` (artifact_path deprecated), or as 2.x with MLFLOW_STUB_VERSION."""
import os
import uuid
import warnings

from mlflow import _stub
from mlflow.exceptions import MlflowException
from mlflow.models import ModelInfo


def log_model(xgb_model, artifact_path=None, conda_env=None, code_paths=None, registered_model_name=None, signature=None,
              input_example=None, await_registration_for=300, pip_requirements=None, extra_pip_requirements=None,
              model_format="xgb", metadata=None, name=None, params=None, tags=None, model_type=None, step=0, model_id=None,
              **kwargs):
    _stub.record("xgboost.log_model", (xgb_model,), {
        "artifact_path": artifact_path, "name": name, "signature": signature, "input_example": input_example,
        "registered_model_name": registered_model_name, "model_format": model_format,
    })
    if int(os.environ.get("MLFLOW_STUB_VERSION", "3.0.0").split(".")[0]) < 3:
        # MLflow 2.x: log_model(xgb_model, artifact_path, ...) has no `name` parameter.
        if name is not None:
            raise TypeError("log_model() got an unexpected keyword argument 'name'")
        if artifact_path is None:
            raise TypeError("log_model() missing 1 required positional argument: 'artifact_path'")
    run_id = _stub.active_run_id("xgboost.log_model")
    if artifact_path is not None and int(os.environ.get("MLFLOW_STUB_VERSION", "3.0.0").split(".")[0]) >= 3:
        warnings.warn("`artifact_path` is deprecated. Please use `name` instead.", DeprecationWarning, stacklevel=2)
    if name is None and artifact_path is None:
        raise MlflowException("log_model needs a name")
    if not hasattr(xgb_model, "save_model"):
        raise MlflowException(f"not an XGBoost model: {type(xgb_model)}")
    model_id = f"m-{uuid.uuid4().hex}"
    folder = _stub.artifact_dir(run_id, f"models/{model_id}")
    xgb_model.save_model(os.path.join(folder, f"model.{model_format}"))
    state = _stub.load()
    _stub.run_of(state, run_id)["models"].append({"model_id": model_id, "name": name or artifact_path})
    _stub.save(state)
    return ModelInfo(model_id, run_id, name or artifact_path, signature)
