"""A recording stand-in for the mlflow client, for tests only (the real package is not installable here).

Put this folder (tests/mlflow_stub of a model-build repository) on PYTHONPATH and set MLFLOW_STUB_RECORD to a file: every call is recorded
there as one JSON line, and the runs persist beside it so that separate processes share them (see
mlflow/_stub.py). The functions keep the real client's (MLflow 3.0) names and parameters, so a call the
real client would not accept fails here too. Modules: mlflow, mlflow.tracking (MlflowClient),
mlflow.data (from_pandas), mlflow.models (infer_signature), mlflow.xgboost (log_model), mlflow.entities,
mlflow.exceptions.
"""
import json
import os
import time

from mlflow import _stub
from mlflow.entities import Experiment, Run
from mlflow.exceptions import MlflowException
from mlflow.tracking import MlflowClient

# The client version the stand-in plays (MLFLOW_STUB_VERSION, default 3.0.0): a 2.x version takes log_model's
# artifact_path and refuses its MLflow 3 `name`, as the 2.x client does.
__version__ = os.environ.get("MLFLOW_STUB_VERSION", "3.0.0")


class ActiveRun(Run):
    """What start_run returns; as a context manager it ends the run (FAILED when the block raised)."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        end_run(status=_stub.FINISHED if exc_type is None else _stub.FAILED)
        return False


def set_tracking_uri(uri):
    _stub.record("set_tracking_uri", (uri,))
    _stub.TRACKING_URI[0] = uri


def get_tracking_uri():
    return _stub.TRACKING_URI[0] or os.environ.get("MLFLOW_TRACKING_URI") or "file:./mlruns"


def set_experiment(experiment_name=None, experiment_id=None):
    _stub.record("set_experiment", (), {"experiment_name": experiment_name, "experiment_id": experiment_id})
    state = _stub.load()
    if experiment_name is None:
        names = {v: k for k, v in state["experiments"].items()}
        if experiment_id not in names:
            raise MlflowException(f"No experiment with id {experiment_id}")
        experiment_name = names[experiment_id]
    _stub.check_experiment_name(experiment_name)
    if experiment_name not in state["experiments"]:
        state["experiments"][experiment_name] = str(len(state["experiments"]))
        _stub.save(state)
    experiment = Experiment(state["experiments"][experiment_name], experiment_name)
    os.environ["_MLFLOW_STUB_EXPERIMENT_ID"] = experiment.experiment_id
    return experiment


def start_run(run_id=None, experiment_id=None, run_name=None, nested=False, parent_run_id=None, tags=None,
              description=None, log_system_metrics=None):
    _stub.record("start_run", (), {"run_id": run_id, "experiment_id": experiment_id, "run_name": run_name, "nested": nested,
                                   "parent_run_id": parent_run_id, "tags": tags})
    if _stub.ACTIVE and not nested:
        raise MlflowException(f"Run with UUID {_stub.ACTIVE[-1]} is already active. To start a new run, first end the "
                              "current run with mlflow.end_run(). To start a nested run, call start_run with nested=True")
    state = _stub.load()
    if run_id is not None:
        run = _stub.run_of(state, run_id)
        run["status"] = _stub.RUNNING
    else:
        tags = dict(tags or {})
        if parent_run_id is not None:
            if _stub.run_of(state, parent_run_id)["status"] != _stub.RUNNING:
                raise MlflowException(f"Current run with UUID {parent_run_id} is not active, so it cannot be a parent")
            tags["mlflow.parentRunId"] = parent_run_id
        experiment = experiment_id or os.environ.get("_MLFLOW_STUB_EXPERIMENT_ID") or "0"
        run = _stub.new_run(state, experiment, run_name, tags)
    _stub.save(state)
    _stub.ACTIVE.append(run["run_id"])
    return ActiveRun(run)


def end_run(status="FINISHED"):
    _stub.record("end_run", (), {"status": status})
    if not _stub.ACTIVE:
        return
    state = _stub.load()
    run = _stub.run_of(state, _stub.ACTIVE.pop())
    run["status"] = status
    run["end_time"] = int(time.time() * 1000)
    _stub.save(state)


def active_run():
    return Run(_stub.run_of(_stub.load(), _stub.ACTIVE[-1])) if _stub.ACTIVE else None


def _update(call, args, kwargs, change):
    """Records the call, then applies change(run) to the active run and saves it."""
    _stub.record(call, args, kwargs)
    run_id = _stub.active_run_id(call)
    state = _stub.load()
    result = change(_stub.run_of(state, run_id))
    _stub.save(state)
    return result


def log_param(key, value, synchronous=None):
    return _update("log_param", (key, value), {}, lambda run: _stub.log_params(run, {key: value}))


def log_params(params, synchronous=None, run_id=None):
    _update("log_params", (params,), {}, lambda run: _stub.log_params(run, params))


def log_metric(key, value, step=None, synchronous=None, timestamp=None, run_id=None, model_id=None, dataset=None):
    _update("log_metric", (key, value), {"step": step}, lambda run: _stub.log_metrics(run, {key: value}, step))


def log_metrics(metrics, step=None, synchronous=None, run_id=None, timestamp=None, model_id=None, dataset=None):
    _update("log_metrics", (metrics,), {"step": step}, lambda run: _stub.log_metrics(run, metrics, step))


def set_tag(key, value, synchronous=None):
    _update("set_tag", (key, value), {}, lambda run: _stub.set_tags(run, {key: value}))


def set_tags(tags, synchronous=None):
    _update("set_tags", (tags,), {}, lambda run: _stub.set_tags(run, tags))


def log_artifact(local_path, artifact_path=None, run_id=None):
    _stub.record("log_artifact", (os.path.basename(str(local_path)),), {"artifact_path": artifact_path})
    _stub.copy_artifact(_stub.active_run_id("log_artifact"), str(local_path), artifact_path)


def log_dict(dictionary, artifact_file, run_id=None):
    _stub.record("log_dict", (dictionary, artifact_file))
    folder = _stub.artifact_dir(_stub.active_run_id("log_dict"), os.path.dirname(artifact_file) or None)
    with open(os.path.join(folder, os.path.basename(artifact_file)), "w", encoding="utf-8") as handle:
        json.dump(dictionary, handle)


def log_figure(figure, artifact_file, *, save_kwargs=None):
    _stub.record("log_figure", (figure, artifact_file))
    run_id = _stub.active_run_id("log_figure")
    if not hasattr(figure, "savefig"):
        raise TypeError(f"Unsupported figure object type: {type(figure)}")
    folder = _stub.artifact_dir(run_id, os.path.dirname(artifact_file) or None)
    figure.savefig(os.path.join(folder, os.path.basename(artifact_file)), **(save_kwargs or {}))


def log_input(dataset, context=None, tags=None, model=None):
    from mlflow.data import Dataset  # pylint: disable=import-outside-toplevel

    if not isinstance(dataset, Dataset):
        raise MlflowException(f"log_input takes an mlflow.data Dataset, got {type(dataset)}")
    _update("log_input", (dataset,), {"context": context, "tags": tags},
            lambda run: run["inputs"].append({"dataset": dataset._stub_describe(), "context": context}))
