"""What the steps log to MLflow, through the recording stand-in for the mlflow client (the `stub`
fixture, conftest.py): preprocess -> train -> evaluate run as separate processes, as the pipeline's
jobs do, and share one parent run per pipeline execution. python3 -m pytest pipelines (pandas, numpy,
scikit-learn, xgboost, matplotlib)."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

PIPELINES = Path(__file__).resolve().parent
SAMPLE_DIR = PIPELINES.parent / "data"
APP_ARN = "arn:aws:sagemaker:eu-west-1:123456789012:mlflow-app/app-0123456789ab"
EXECUTION_ID = "a1b2c3d4e5f6"
EXECUTION_ARN = f"arn:aws:sagemaker:eu-west-1:123456789012:pipeline/player-churn/execution/{EXECUTION_ID}"
EXPERIMENT = "player-churn-prod"
HYPERPARAMETERS = ["--num_round", "100", "--max_depth", "3", "--eta", "0.5", "--objective", "binary:logistic",
                   "--eval_metric", "auc", "--alpha", "2.5", "--subsample", "0.8", "--colsample_bytree", "0.8",
                   "--min_child_weight", "3", "--early_stopping_rounds", "10", "--sagemaker_program", "train.py"]
ROUND_LINE = re.compile(r"^\[(\d+)\]\ttrain-auc:([0-9.]+)\tvalidation-auc:([0-9.]+)$")


def mlflow_env(stub, **extra):
    return stub.env(MLFLOW_TRACKING_URI=APP_ARN, MLFLOW_EXPERIMENT_NAME=EXPERIMENT,
                    SAGEMAKER_PIPELINE_EXECUTION_ARN=EXECUTION_ARN, SAGEMAKER_PIPELINE_EXECUTION_ID=EXECUTION_ID, **extra)


def step(script, args, env):
    return subprocess.run([sys.executable, str(PIPELINES / script), *args], capture_output=True, text=True, env=env)


def preprocess(folder, env):
    return step("preprocess.py", ["--input-dir", str(SAMPLE_DIR), "--output-dir", str(folder / "output")], env)


def train(folder, env):
    env = {**env, "SM_CHANNEL_TRAIN": str(folder / "output" / "train"),
           "SM_CHANNEL_VALIDATION": str(folder / "output" / "validation"), "SM_MODEL_DIR": str(folder / "model")}
    return step("train.py", HYPERPARAMETERS, env)


def evaluate(folder, env):
    return step("evaluate.py", ["--model-dir", str(folder / "model"), "--test-dir", str(folder / "output" / "test"),
                                "--output-dir", str(folder / "evaluation")], env)


class Pipeline:
    """The three steps run once, one process each, with MLflow on: their results by step, the record, the folder."""

    def __init__(self, stub, folder):
        self.stub, self.folder, self.results = stub, folder, {}
        env = mlflow_env(stub)
        for name, run in (("preprocess", preprocess), ("train", train), ("evaluate", evaluate)):
            self.results[name] = run(folder, env)
            assert self.results[name].returncode == 0, self.results[name].stderr


@pytest.fixture(scope="module")
def pipeline(stub_factory, tmp_path_factory):
    folder = tmp_path_factory.mktemp("pipeline")
    return Pipeline(stub_factory(folder), folder)


def only_run(stub, **where):
    runs = stub.runs(**where)
    assert len(runs) == 1, runs
    return runs[0]


def values(run, metric):
    return [point["value"] for point in run["metrics"][metric]]


def test_one_parent_run_per_execution_found_or_created_once_and_a_child_run_per_step(pipeline):
    stub = pipeline.stub
    assert list(stub.state()["experiments"]) == ["Default", EXPERIMENT]
    experiment_id = stub.state()["experiments"][EXPERIMENT]
    assert [c["args"][0] for c in stub.calls("set_tracking_uri")] == [APP_ARN] * 3
    # Every step looks for the execution's run; only the first creates it.
    searches = stub.calls("search_runs")
    assert len(searches) == 3
    assert all(c["kwargs"]["filter_string"] == f"tags.`sagemaker.pipeline_execution_arn` = '{EXECUTION_ARN}' "
               "and tags.`sagemaker.run_kind` = 'pipeline-execution'" for c in searches)
    assert len(stub.calls("create_run")) == 1
    parent = only_run(stub, run_name=EXECUTION_ID)
    assert parent["experiment_id"] == experiment_id
    assert parent["tags"]["sagemaker.pipeline_execution_arn"] == EXECUTION_ARN
    assert parent["tags"]["sagemaker.pipeline_execution_id"] == EXECUTION_ID
    assert parent["status"] == "FINISHED"  # as the last step ended
    for name in ("preprocess", "train", "evaluate"):
        child = only_run(stub, run_name=name)
        assert child["experiment_id"] == experiment_id
        assert child["status"] == "FINISHED"
        assert child["tags"]["mlflow.parentRunId"] == parent["run_id"]
        assert child["tags"]["sagemaker.pipeline_execution_arn"] == EXECUTION_ARN
        assert child["tags"]["sagemaker.pipeline_step"] == name
        assert values(child, "mlflow_logging_failures") == [0.0]
        out = pipeline.results[name].stdout
        assert f"MLflow: logging the {name} step to run {child['run_id']} of experiment {EXPERIMENT}" in out
        assert out.splitlines()[-1] == "mlflow_logging_failures=0"
        assert pipeline.results[name].stderr == ""
    assert len(stub.runs()) == 4


def test_preprocess_logs_counts_class_balance_and_the_input_as_a_dataset(pipeline):
    stub, tmp_path = pipeline.stub, pipeline.folder
    run = only_run(stub, run_name="preprocess")
    metric = {key: values(run, key)[-1] for key in run["metrics"]}
    sample = pd.read_csv(SAMPLE_DIR / "player-churn.csv")
    assert metric["input_rows"] == len(sample) and metric["input_columns"] == sample.shape[1] == 79
    assert metric["input_files"] == 1
    assert metric["input_churn_share"] == pytest.approx(sample["player_churn"].mean())
    baseline = pd.read_csv(tmp_path / "output" / "baseline" / "baseline.csv")
    train_rows = pd.read_csv(tmp_path / "output" / "train" / "train.csv", header=None)
    assert metric["features"] == baseline.shape[1]
    assert metric["train_rows_before_balancing"] == len(baseline)
    assert metric["train_rows_after_balancing"] == len(train_rows)
    assert metric["train_churned_after_balancing"] == metric["train_retained_after_balancing"] == (train_rows[0] == 1).sum()
    assert metric["train_churned_before_balancing"] + metric["train_retained_before_balancing"] == len(baseline)
    assert metric["train_churn_share_before_balancing"] == pytest.approx(sample["player_churn"].mean(), abs=0.01)
    assert metric["train_churn_share_after_balancing"] == 0.5
    assert metric["validation_rows"] + metric["test_rows"] + len(baseline) == len(sample)
    assert run["params"] == {"split_seed": "1729", "oversampling_seed": "42", "validation_share": "0.2", "test_share": "0.1",
                             "label": "player_churn"}
    features = json.loads(stub.artifact(run["run_id"], "features.json").read_text())
    assert features == {"features": list(baseline.columns)}

    [logged] = run["inputs"]
    assert logged["context"] == "raw"
    assert logged["dataset"]["source"] == str(SAMPLE_DIR.resolve())  # no processing job configuration: the folder
    assert logged["dataset"]["targets"] == "player_churn"
    assert logged["dataset"]["shape"] == [len(sample), 18]  # the 17 selected columns and the label


def test_preprocess_names_the_s3_uri_of_its_input(tmp_path):
    sys.path.insert(0, str(PIPELINES))
    import preprocess as script  # pylint: disable=import-outside-toplevel

    config = tmp_path / "processingjobconfig.json"
    config.write_text(json.dumps({"ProcessingInputs": [
        {"InputName": "code", "S3Input": {"S3Uri": "s3://b/code", "LocalPath": "/opt/ml/processing/input/code"}},
        {"InputName": "input-data", "S3Input": {"S3Uri": "s3://b/raw/", "LocalPath": "/opt/ml/processing/input/data"}},
    ]}))
    assert script.input_location("/opt/ml/processing/input/data", str(config)) == "s3://b/raw/"
    assert script.input_location("/opt/ml/processing/input/data/part", str(config)) == "s3://b/raw/"
    assert script.input_location("/opt/ml/processing/input/database", str(config)) == "/opt/ml/processing/input/database"
    assert script.input_location(str(tmp_path), str(tmp_path / "missing.json")) == str(tmp_path)


def test_train_logs_hyperparameters_every_round_the_best_iteration_and_the_model(pipeline):
    stub, tmp_path = pipeline.stub, pipeline.folder
    run = only_run(stub, run_name="train")
    assert run["params"] == {
        "num_round": "100", "max_depth": "3", "eta": "0.5", "objective": "binary:logistic", "eval_metric": "auc",
        "alpha": "2.5", "subsample": "0.8", "colsample_bytree": "0.8", "min_child_weight": "3.0", "early_stopping_rounds": "10",
    }
    rounds = [ROUND_LINE.match(line) for line in pipeline.results["train"].stdout.splitlines() if line.startswith("[")]
    assert rounds and all(rounds)
    for key, group in (("train-auc", 2), ("validation-auc", 3)):
        assert [p["step"] for p in run["metrics"][key]] == list(range(len(rounds)))
        assert values(run, key) == pytest.approx([float(r.group(group)) for r in rounds], abs=1e-5)
    best = int(values(run, "best_iteration")[0])
    assert values(run, "rounds_trained") == [len(rounds)] and len(rounds) == best + 11
    assert values(run, "best_score") == [max(values(run, "validation-auc"))]

    [log_model] = stub.calls("xgboost.log_model")
    assert log_model["kwargs"]["name"] == "model" and log_model["kwargs"]["artifact_path"] is None
    assert log_model["args"][0]["rounds"] == best + 1
    signature = log_model["kwargs"]["signature"]
    columns = [f"f{i}" for i in range(log_model["args"][0]["features"])]
    assert [column["name"] for column in signature["inputs"]] == columns
    assert signature["outputs"] == [{"type": "float32", "shape": [800]}]  # one probability per validation row
    assert log_model["kwargs"]["input_example"] == {"type": "pandas.core.frame.DataFrame", "shape": [5, len(columns)], "columns": columns}
    [model] = run["models"]
    assert stub.artifact(run["run_id"], f"models/{model['model_id']}/model.xgb").is_file()

    record = json.loads((tmp_path / "model" / "mlflow" / "run.json").read_text())
    assert record == {"run_id": run["run_id"], "parent_run_id": run["tags"]["mlflow.parentRunId"],
                      "experiment_id": run["experiment_id"], "model_uri": f"models:/{model['model_id']}"}


def test_a_2x_client_logs_the_model_with_its_artifact_path(stub, tmp_path):
    # A 2.x tracking server needs a 2.x client (clientVersion), whose log_model takes artifact_path and refuses MLflow 3's
    # name (mlflow.org, "MLflow 3 Migration Guide"): the model is logged all the same, not skipped with a warning.
    env = mlflow_env(stub, MLFLOW_STUB_VERSION="2.16.2")
    for run in (preprocess, train):
        result = run(tmp_path, env)
        assert result.returncode == 0, result.stderr
    assert "warning" not in result.stdout.lower() + result.stderr.lower()
    [log_model] = stub.calls("xgboost.log_model")
    assert log_model["kwargs"]["artifact_path"] == "model" and log_model["kwargs"]["name"] is None
    record = json.loads((tmp_path / "model" / "mlflow" / "run.json").read_text())
    assert record["model_uri"] != "not-logged"


def test_evaluate_logs_test_metrics_evaluation_json_and_two_figures(pipeline):
    stub, tmp_path = pipeline.stub, pipeline.folder
    run = only_run(stub, run_name="evaluate")
    report = json.loads((tmp_path / "evaluation" / "evaluation.json").read_text())
    for name, value in report["classification_metrics"].items():
        assert values(run, f"test_{name}") == [value["value"]]
    training = only_run(stub, run_name="train")
    assert report["mlflow"] == json.loads((tmp_path / "model" / "mlflow" / "run.json").read_text())
    assert report["mlflow"]["run_id"] == training["run_id"]
    assert values(training, "test_auc_score") == [report["classification_metrics"]["auc_score"]["value"]]
    assert run["tags"]["training_run_id"] == training["run_id"]
    assert run["tags"]["model_uri"] == report["mlflow"]["model_uri"]

    assert json.loads(stub.artifact(run["run_id"], "evaluation.json").read_text()) == report
    figures = stub.calls("log_figure")
    assert [c["args"] for c in figures] == [[{"type": "matplotlib.figure.Figure"}, "roc_curve.png"],
                                            [{"type": "matplotlib.figure.Figure"}, "confusion_matrix.png"]]
    for name in ("roc_curve.png", "confusion_matrix.png"):
        assert stub.artifact(run["run_id"], name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_failing_tracking_call_is_a_warning_and_a_count_and_the_step_succeeds(stub, tmp_path):
    env = mlflow_env(stub)
    assert preprocess(tmp_path, env).returncode == 0
    result = train(tmp_path, {**env, "MLFLOW_STUB_FAIL": "log_metrics"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "model" / "xgboost-model").is_file()
    rounds = len([line for line in result.stdout.splitlines() if line.startswith("[")])
    failures = rounds + 1  # every round, and the best iteration
    assert result.stdout.splitlines()[-1] == f"mlflow_logging_failures={failures}"
    warnings = result.stderr.splitlines()
    assert warnings[0] == ("WARNING: MLflow: could not log the metrics of round 0 (MlflowException: stub: log_metrics failed "
                           "(MLFLOW_STUB_FAIL)); the train step goes on")
    assert len(warnings) == 10 + 2  # ten warnings, then that the others are counted, then the total
    assert warnings[-1] == f"WARNING: MLflow: {failures} tracking call(s) of the train step failed; the run may be incomplete"
    # The count is a metric of the run, and the model was logged all the same.
    run = only_run(stub, run_name="train")
    assert values(run, "mlflow_logging_failures") == [failures]
    assert len(run["models"]) == 1

    result = evaluate(tmp_path, {**env, "MLFLOW_STUB_FAIL": "log_figure"})
    assert result.returncode == 0
    assert "WARNING: MLflow: could not log roc_curve.png (MlflowException" in result.stderr
    assert "WARNING: MLflow: could not log confusion_matrix.png (MlflowException" in result.stderr
    assert "mlflow_logging_failures=2" in result.stdout
    assert json.loads((tmp_path / "evaluation" / "evaluation.json").read_text())["mlflow"]["run_id"] == run["run_id"]


def test_an_unreachable_tracking_server_fails_no_step(stub, tmp_path):
    env = mlflow_env(stub, MLFLOW_STUB_FAIL="set_experiment")
    for name, run in (("preprocess", preprocess), ("train", train), ("evaluate", evaluate)):
        result = run(tmp_path, env)
        assert result.returncode == 0, result.stderr
        assert result.stderr.splitlines()[0] == (
            f"WARNING: MLflow: could not open the {name} run of experiment {EXPERIMENT} at {APP_ARN} "
            "(MlflowException: stub: set_experiment failed (MLFLOW_STUB_FAIL)); the " + name + " step goes on")
        assert result.stdout.splitlines()[-1] == "mlflow_logging_failures=1"
    assert stub.runs() == []
    # train.py still says which run holds the model, with nothing in it; evaluate passes it on as "not-logged":
    # the register step copies these into CustomerMetadataProperties, whose values CreateModelPackage requires
    # to be 1 to 256 characters (SageMaker API Reference, CreateModelPackage): an empty one fails the step.
    assert json.loads((tmp_path / "model" / "mlflow" / "run.json").read_text()) == {
        "run_id": "", "parent_run_id": "", "experiment_id": "", "model_uri": ""}
    assert json.loads((tmp_path / "evaluation" / "evaluation.json").read_text())["mlflow"] == {
        "run_id": "not-logged", "parent_run_id": "not-logged", "model_uri": "not-logged", "experiment_id": "not-logged"}


@pytest.mark.parametrize("script", ["preprocess.py", "train.py", "evaluate.py"])
def test_a_configured_tracking_uri_without_the_mlflow_package_fails_the_step_naming_the_fix(script, stub, tmp_path):
    env = mlflow_env(stub)
    env["PYTHONPATH"] = str(tmp_path / "nothing")  # no mlflow
    runner = {"preprocess.py": preprocess, "train.py": train, "evaluate.py": evaluate}[script]
    result = runner(tmp_path, env)
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: MLFLOW_TRACKING_URI is set ({APP_ARN}) but the mlflow package cannot be imported "
                                     "(No module named 'mlflow'). Install the client where the step runs: the step's "
                                     "requirements.txt must list mlflow and sagemaker-mlflow")
    assert "PIP_INDEX_URL" in result.stderr
    assert not (tmp_path / "output").exists() and not (tmp_path / "model").exists() and not (tmp_path / "evaluation").exists()


def test_an_arn_without_the_sagemaker_mlflow_plugin_fails_the_step(stub, tmp_path):
    only_mlflow = tmp_path / "site"
    only_mlflow.mkdir()
    (only_mlflow / "mlflow").symlink_to(Path(stub.env()["PYTHONPATH"].split(":")[0]) / "mlflow")
    result = preprocess(tmp_path, {**mlflow_env(stub), "PYTHONPATH": str(only_mlflow)})
    assert result.returncode == 1
    assert f"error: MLFLOW_TRACKING_URI is an ARN ({APP_ARN}) but the sagemaker-mlflow plugin, which resolves it, is not installed" in result.stderr
    # Any other URI needs no plugin.
    local = preprocess(tmp_path, {**mlflow_env(stub), "PYTHONPATH": str(only_mlflow), "MLFLOW_TRACKING_URI": "file:./mlruns"})
    assert local.returncode == 0, local.stderr


def test_without_a_tracking_uri_nothing_is_imported_or_logged_and_each_step_says_so_once(tmp_path):
    trap = tmp_path / "site" / "mlflow"
    trap.mkdir(parents=True)
    (trap / "__init__.py").write_text(f"open({str(tmp_path / 'imported')!r}, 'w').close()\n")
    env = {"PYTHONPATH": str(tmp_path / "site"), "PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"}
    for name, run in (("preprocess", preprocess), ("train", train), ("evaluate", evaluate)):
        result = run(tmp_path, env)
        assert result.returncode == 0, result.stderr
        said = [line for line in result.stdout.splitlines() if "MLflow" in line or "mlflow" in line]
        assert said == [f"MLflow: tracking is off for the {name} step (MLFLOW_TRACKING_URI is not set): nothing is logged"]
        assert result.stderr == ""
    assert not (tmp_path / "imported").exists()
    assert not (tmp_path / "model" / "mlflow" / "run.json").exists()
    assert "mlflow" not in json.loads((tmp_path / "evaluation" / "evaluation.json").read_text())


def test_a_failed_step_fails_its_run_and_the_execution_run(stub, tmp_path):
    env = mlflow_env(stub)
    (tmp_path / "output" / "test").mkdir(parents=True)
    result = evaluate(tmp_path, env)  # no model
    assert result.returncode == 1 and "error: no model.tar.gz" in result.stderr
    assert only_run(stub, run_name="evaluate")["status"] == "FAILED"
    assert only_run(stub, run_name=EXECUTION_ID)["status"] == "FAILED"


class Clock:
    """A monotonic clock that stands still: the actions of the test advance `now` by what their call costs."""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_a_call_that_fails_after_the_clients_retries_stops_the_steps_tracking_calls(capsys):
    # The mlflow client retries connection errors and 429/5xx answers with exponential backoff (minutes per call), and
    # Train logs every boosting round: after one call that failed that slowly, the step makes no further tracking calls.
    sys.path.insert(0, str(PIPELINES))
    import tracking

    clock = Clock()
    made = []

    def call(cost, fails):
        def action(_mlflow):
            made.append(cost)
            clock.now += cost
            if fails:
                raise ConnectionError("HTTPSConnectionPool: Max retries exceeded")
            return "logged"
        return action

    run = tracking.StepRun("train", mlflow=object(), clock=clock)
    run.active = True
    # Refused at once (a 4xx answer): a warning, and the step goes on tracking.
    assert run.log("log the metrics of round 0", call(0.2, fails=True)) is None
    assert run.log("log the metrics of round 1", call(0.1, fails=False)) == "logged"
    assert run.active
    # Failed after the retries: a warning, then no further calls.
    assert run.log("log the metrics of round 2", call(tracking.SLOW_FAILURE_SECONDS + 210, fails=True)) is None
    assert not run.active
    assert run.log("log the metrics of round 3", call(0.1, fails=False)) is None
    assert made == [0.2, 0.1, tracking.SLOW_FAILURE_SECONDS + 210]
    assert run.failures == 2
    stderr = capsys.readouterr().err.splitlines()
    assert stderr[-1] == ("WARNING: MLflow: that call failed after 240 s of retries: the tracking server is not answering, "
                          "so the train step makes no further tracking calls")


def test_a_server_uri_is_shown_without_its_credentials():
    sys.path.insert(0, str(PIPELINES))
    import tracking  # noqa: E402  (the module under test, beside this file)

    assert tracking.shown_uri("https://alice:s3cret@mlflow.example.com:5000/x?y=1") == "https://***@mlflow.example.com:5000/x?y=1"
    assert tracking.shown_uri("HTTP://token@localhost:5000") == "HTTP://***@localhost:5000"
    for uri in ("http://localhost:5000/a@b", "file:///srv/mlruns", "arn:aws:sagemaker:us-east-1:123456789012:mlflow-app/app-abc"):
        assert tracking.shown_uri(uri) == uri


class ParentSearch:
    """An MlflowClient whose search finds the execution's run only from its `appears`-th search on (None: never),
    as the other hosts of a scaled-out step see the first host's run appear; it records the runs it creates."""

    def __init__(self, appears):
        self.appears, self.searches, self.created = appears, 0, []

    def search_runs(self, experiment_ids, filter_string, max_results, order_by):
        self.searches += 1
        if self.appears is not None and self.searches >= self.appears:
            return [type("Run", (), {"info": type("Info", (), {"run_id": "first-host-run"})()})()]
        return []

    def create_run(self, experiment_id, run_name=None, tags=None):
        self.created.append(run_name)
        return type("Run", (), {"info": type("Info", (), {"run_id": f"created-{len(self.created)}"})()})()


def parent_of(appears, creates_parent):
    """find_or_create_parent with a clock that the sleeps move: (run id, the client, the sleeps)."""
    sys.path.insert(0, str(PIPELINES))
    import tracking

    clock, sleeps, client = Clock(), [], ParentSearch(appears)

    def sleep(seconds):
        sleeps.append(seconds)
        clock.now += seconds

    run = tracking.StepRun("preprocess-algo-2", mlflow=type("M", (), {"MlflowClient": lambda self: client})(), clock=clock, sleep=sleep)
    run.experiment_id = "1"
    return run.find_or_create_parent(EXECUTION_ARN, EXECUTION_ID, creates_parent), client, sleeps, tracking


def test_the_other_hosts_of_a_scaled_out_step_wait_for_the_first_hosts_execution_run(capsys):
    # Preprocess on several instances: every host starts at once, so each one that found no execution run would
    # create one, and the steps after it would nest under only the oldest. The other hosts wait for the first's.
    run_id, client, sleeps, tracking = parent_of(appears=3, creates_parent=False)
    assert run_id == "first-host-run"
    assert client.created == []
    assert sleeps == [tracking.PARENT_POLL_SECONDS] * 2
    assert capsys.readouterr().err == ""


def test_a_host_whose_first_host_run_never_appears_creates_one_after_the_wait_with_a_warning(capsys):
    run_id, client, sleeps, tracking = parent_of(appears=None, creates_parent=False)
    assert run_id == "created-1"
    assert client.created == [EXECUTION_ID]
    assert sum(sleeps) >= tracking.PARENT_WAIT_SECONDS
    assert sum(sleeps) < tracking.PARENT_WAIT_SECONDS + tracking.PARENT_POLL_SECONDS
    assert capsys.readouterr().err.strip() == (
        f"WARNING: MLflow: the run of pipeline execution {EXECUTION_ARN} did not appear within {tracking.PARENT_WAIT_SECONDS} s "
        "(the step's first host creates it); the preprocess-algo-2 step creates it, so the execution may have two")


def test_the_first_host_and_a_single_instance_step_create_the_run_without_waiting():
    run_id, client, sleeps, _ = parent_of(appears=None, creates_parent=True)
    assert (run_id, client.created, sleeps) == ("created-1", [EXECUTION_ID], [])
    run_id, client, sleeps, _ = parent_of(appears=1, creates_parent=True)
    assert (run_id, client.created, sleeps) == ("first-host-run", [], [])


@pytest.mark.parametrize("host,creates", [("algo-1", True), ("algo-2", False), ("algo-3", False)])
def test_scaled_out_preprocess_lets_only_its_first_host_create_the_execution_run(monkeypatch, tmp_path, host, creates):
    sys.path.insert(0, str(PIPELINES))
    import preprocess
    import tracking

    config = tmp_path / "resourceconfig.json"
    config.write_text(json.dumps({"current_host": host, "hosts": ["algo-3", "algo-1", "algo-2"]}))
    monkeypatch.setenv("RESOURCE_CONFIG_FILE", str(config))
    seen = []

    def start(step, environ=None, creates_parent=True):
        seen.append((step, creates_parent))
        raise tracking.TrackingUnavailable("recorded")

    monkeypatch.setattr(tracking, "start", start)
    assert preprocess.main(["--scan-dir", str(tmp_path), "--input-dir", str(tmp_path), "--output-dir", str(tmp_path / "out")]) == 1
    assert seen == [(f"preprocess-{host}", creates)]


def test_each_step_run_names_its_sagemaker_job(stub, tmp_path):
    # SageMaker sets TRAINING_JOB_NAME in a training container and writes ProcessingJobName into a processing
    # container's processingjobconfig.json ("How Amazon SageMaker Processing Configures Your Processing Container"):
    # a step's run names its job, the way from a run to the job's logs and metrics.
    config = tmp_path / "processingjobconfig.json"
    config.write_text(json.dumps({"ProcessingJobName": "pipelines-a1b2c3d4e5f6-Preprocess-x1y2", "ProcessingInputs": []}))
    assert preprocess(tmp_path, mlflow_env(stub, PROCESSING_JOB_CONFIG_FILE=str(config))).returncode == 0
    assert train(tmp_path, mlflow_env(stub, TRAINING_JOB_NAME="pipelines-a1b2c3d4e5f6-Train-z9")).returncode == 0
    assert only_run(stub, run_name="preprocess")["tags"]["sagemaker.job_name"] == "pipelines-a1b2c3d4e5f6-Preprocess-x1y2"
    assert only_run(stub, run_name="train")["tags"]["sagemaker.job_name"] == "pipelines-a1b2c3d4e5f6-Train-z9"


def test_outside_a_sagemaker_job_a_step_run_names_no_job(tmp_path):
    sys.path.insert(0, str(PIPELINES))
    import tracking

    assert tracking.job_name({"PROCESSING_JOB_CONFIG_FILE": str(tmp_path / "missing.json")}) is None
    (tmp_path / "broken.json").write_text("[1, 2]")
    assert tracking.job_name({"PROCESSING_JOB_CONFIG_FILE": str(tmp_path / "broken.json")}) is None
    (tmp_path / "blank.json").write_text(json.dumps({"ProcessingJobName": " "}))
    assert tracking.job_name({"PROCESSING_JOB_CONFIG_FILE": str(tmp_path / "blank.json")}) is None
    assert tracking.job_name({"TRAINING_JOB_NAME": "t-1", "PROCESSING_JOB_CONFIG_FILE": str(tmp_path / "missing.json")}) == "t-1"
