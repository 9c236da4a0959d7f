"""The core of the recording stand-in: state shared by processes, the call record, and MLflow's checks.

Every public call appends one JSON line to the file named by MLFLOW_STUB_RECORD:
  {"call": "log_metrics", "args": [...], "kwargs": {...}, "run_id": <active run or null>, "pid": ...}
with arguments described as JSON (a DataFrame as its type, shape and columns; a Booster as its type,
rounds and features; a figure as its type). Experiments and runs live in <record>.state.json, so a
run created by one process is found by the next (the pipeline's steps are separate processes);
artifacts are written below <record>.artifacts/<run_id>/.

MLFLOW_STUB_FAIL (comma-separated call names, e.g. "log_figure,set_terminated") makes those calls
raise MlflowException, as a tracking server that is down or refuses a request would.

The checks are MLflow's own (mlflow/utils/validation.py): key names and lengths, parameter values
that may not change, experiment names, a second active run, a logging call without an active run
(which the real client would answer by silently starting a new run; here it is an error).
"""
import hashlib
import json
import os
import re
import shutil
import time
import uuid

from mlflow.exceptions import MlflowException

RUNNING, FINISHED, FAILED, KILLED = "RUNNING", "FINISHED", "FAILED", "KILLED"
KEY = re.compile(r"^[/\w.\- ]*$")
MAX_KEY = 250
MAX_PARAM_VALUE = 6000
MAX_TAG_VALUE = 5000
MAX_EXPERIMENT_NAME = 500

# The active runs of this process, innermost last (fluent API).
ACTIVE = []
TRACKING_URI = [None]


def record_path():
    path = os.environ.get("MLFLOW_STUB_RECORD")
    if not path:
        raise RuntimeError("the mlflow stand-in needs MLFLOW_STUB_RECORD, the JSON Lines file it records calls to")
    return path


def artifacts_root():
    return record_path() + ".artifacts"


def describe(value):
    """A JSON description of an argument."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else str(value)
    if isinstance(value, dict):
        return {str(k): describe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [describe(v) for v in value]
    if hasattr(value, "_stub_describe"):
        return value._stub_describe()
    kind = f"{type(value).__module__}.{type(value).__qualname__}"
    if hasattr(value, "shape") and hasattr(value, "columns"):
        return {"type": kind, "shape": list(value.shape), "columns": [str(c) for c in value.columns]}
    if hasattr(value, "num_boosted_rounds") and hasattr(value, "num_features"):
        return {"type": kind, "rounds": value.num_boosted_rounds(), "features": value.num_features()}
    if hasattr(value, "shape") and hasattr(value, "dtype"):  # numpy arrays and scalars
        return describe(value.item()) if value.shape == () else {"type": kind, "shape": list(value.shape), "dtype": str(value.dtype)}
    return {"type": kind}


def record(call, args=(), kwargs=None, **extra):
    """Appends the call to the record; raises MlflowException when MLFLOW_STUB_FAIL names it."""
    entry = {"call": call, "args": describe(list(args)), "kwargs": describe(kwargs or {}),
             "run_id": ACTIVE[-1] if ACTIVE else None, "pid": os.getpid()}
    failing = {name.strip() for name in os.environ.get("MLFLOW_STUB_FAIL", "").split(",") if name.strip()}
    entry.update(extra)
    if call in failing:
        entry["failed"] = True
    with open(record_path(), "a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry) + "\n")
    if call in failing:
        raise MlflowException(f"stub: {call} failed (MLFLOW_STUB_FAIL)")


def load():
    path = record_path() + ".state.json"
    if not os.path.exists(path):
        return {"experiments": {"Default": "0"}, "runs": {}}
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def save(state):
    path = record_path() + ".state.json"
    with open(path + ".tmp", "w", encoding="utf-8") as handle:
        json.dump(state, handle, indent=1)
    os.replace(path + ".tmp", path)


def check_key(kind, key):
    if not isinstance(key, str) or not KEY.match(key) or len(key) > MAX_KEY or key.startswith("/") or ".." in key:
        raise MlflowException(f"Invalid {kind} name: {key!r}. Names may only contain alphanumerics, underscores (_), "
                              "dashes (-), periods (.), spaces ( ), and slashes (/), at most 250 characters")


def check_experiment_name(name):
    if not isinstance(name, str) or not name:
        raise MlflowException(f"Invalid experiment name: {name!r}")
    if len(name) > MAX_EXPERIMENT_NAME:
        raise MlflowException(f"Invalid experiment name: longer than {MAX_EXPERIMENT_NAME} characters")


def new_run(state, experiment_id, run_name, tags):
    if str(experiment_id) not in state["experiments"].values():
        raise MlflowException(f"No experiment with id {experiment_id}")
    run_id = uuid.uuid4().hex
    tags = {str(k): str(v) for k, v in (tags or {}).items()}
    for key, value in tags.items():
        check_key("tag", key)
        if len(value) > MAX_TAG_VALUE:
            raise MlflowException(f"tag {key} is longer than {MAX_TAG_VALUE} characters")
    if run_name:
        tags["mlflow.runName"] = run_name
    state["runs"][run_id] = {
        "run_id": run_id, "experiment_id": str(experiment_id), "run_name": run_name or run_id[:8], "status": RUNNING,
        "start_time": time.time_ns(), "end_time": None, "tags": tags, "params": {}, "metrics": {}, "inputs": [],
        "models": [],
    }
    return state["runs"][run_id]


def run_of(state, run_id):
    if run_id not in state["runs"]:
        raise MlflowException(f"Run '{run_id}' not found")
    return state["runs"][run_id]


def active_run_id(call):
    if not ACTIVE:
        raise MlflowException(f"{call}: no active run (the real client would start a new run here; the stand-in refuses)")
    return ACTIVE[-1]


def log_params(run, params):
    if len(params) > 100:
        raise MlflowException("a batch holds at most 100 parameters")
    for key, value in params.items():
        check_key("parameter", key)
        text = str(value)
        if len(text) > MAX_PARAM_VALUE:
            raise MlflowException(f"parameter {key} is longer than {MAX_PARAM_VALUE} characters")
        if key in run["params"] and run["params"][key] != text:
            raise MlflowException(f"Changing param values is not allowed. Param with key='{key}' was already logged "
                                  f"with value='{run['params'][key]}' for run ID='{run['run_id']}'. "
                                  f"Attempted logging new value '{text}'.")
        run["params"][key] = text


def log_metrics(run, metrics, step):
    if len(metrics) > 1000:
        raise MlflowException("a batch holds at most 1000 metrics")
    if step is not None and not isinstance(step, int):
        raise MlflowException(f"step must be an integer, got {step!r}")
    for key, value in metrics.items():
        check_key("metric", key)
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise MlflowException(f"Got invalid value {value!r} for metric '{key}'") from None
        run["metrics"].setdefault(key, []).append({"value": number, "step": step or 0})


def set_tags(run, tags):
    for key, value in tags.items():
        check_key("tag", key)
        if len(str(value)) > MAX_TAG_VALUE:
            raise MlflowException(f"tag {key} is longer than {MAX_TAG_VALUE} characters")
        run["tags"][key] = str(value)


def artifact_dir(run_id, artifact_path=None):
    folder = os.path.join(artifacts_root(), run_id, *(artifact_path.split("/") if artifact_path else []))
    os.makedirs(folder, exist_ok=True)
    return folder


def copy_artifact(run_id, local_path, artifact_path=None):
    if not os.path.isfile(local_path):
        raise MlflowException(f"no file {local_path} to log as an artifact")
    shutil.copy(local_path, artifact_dir(run_id, artifact_path))


def digest(frame):
    return hashlib.sha256(frame.to_csv(index=False).encode()).hexdigest()[:8]


CLAUSE = re.compile(r"^(tags|params|attributes|attribute|run)\.(`[^`]+`|[\w.]+)\s*=\s*'([^']*)'$")


def matches(run, filter_string):
    """MLflow's search filter, for what the stand-in supports: `<tags|params|attributes>.<key> = '<value>'`
    clauses joined with AND. Anything else raises, so a filter the stand-in cannot judge fails the test."""
    if not filter_string.strip():
        return True
    for clause in re.split(r"\s+and\s+", filter_string.strip(), flags=re.IGNORECASE):
        found = CLAUSE.match(clause.strip())
        if not found:
            raise MlflowException(f"the stand-in cannot evaluate the filter clause {clause!r}")
        kind, key, value = found.group(1), found.group(2).strip("`"), found.group(3)
        if kind == "tags":
            actual = run["tags"].get(key)
        elif kind == "params":
            actual = run["params"].get(key)
        else:
            actual = {"run_name": run["run_name"], "status": run["status"], "run_id": run["run_id"]}.get(key)
        if actual != value:
            return False
    return True
