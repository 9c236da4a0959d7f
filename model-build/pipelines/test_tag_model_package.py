"""tag_model_package.py (the TagMlflowRun step, after Register) through the recording stand-in for the
mlflow client (the `stub` fixture, conftest.py): the training run and the execution's run get the
registered version's ARN and number as tags, and no tracking problem fails the step."""
import subprocess
import sys
from pathlib import Path

import pytest

import tag_model_package

PIPELINES = Path(__file__).resolve().parent
APP_ARN = "arn:aws:sagemaker:eu-west-1:123456789012:mlflow-app/app-0123456789ab"
EXECUTION_ID = "a1b2c3d4e5f6"
EXECUTION_ARN = f"arn:aws:sagemaker:eu-west-1:123456789012:pipeline/player-churn/execution/{EXECUTION_ID}"
EXPERIMENT = "player-churn-prod"
PACKAGE_ARN = "arn:aws:sagemaker:eu-west-1:123456789012:model-package/player-churn-models/7"
TAGS = {"sagemaker.model_package_arn": PACKAGE_ARN, "sagemaker.model_package_version": "7"}
# What train.py does first with MLflow on (tracking.start): the execution's run, and the training run under it.
OPEN_TRAINING_RUN = "import tracking\nwith tracking.start('train') as run:\n    print('runs', run.run_id, run.parent_run_id)\n"


def mlflow_env(stub, **extra):
    return stub.env(**{"MLFLOW_TRACKING_URI": APP_ARN, "MLFLOW_EXPERIMENT_NAME": EXPERIMENT,
                       "SAGEMAKER_PIPELINE_EXECUTION_ARN": EXECUTION_ARN, "SAGEMAKER_PIPELINE_EXECUTION_ID": EXECUTION_ID, **extra})


def python(args, env):
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=PIPELINES)


def training_run(stub):
    """Opens and ends a training run as train.py does; returns its id and its parent's."""
    result = python(["-c", OPEN_TRAINING_RUN], mlflow_env(stub))
    assert result.returncode == 0, result.stderr
    _, run_id, parent_id = next(line for line in result.stdout.splitlines() if line.startswith("runs ")).split()
    return run_id, parent_id


def tag(env, run_id, arn=PACKAGE_ARN):
    return python([str(PIPELINES / "tag_model_package.py"), "--model-package-arn", arn, "--run-id", run_id], env)


def tags_of(stub, run_id):
    return stub.state()["runs"][run_id]["tags"]


def test_the_training_run_and_the_execution_run_get_the_arn_and_version_and_nothing_else_is_logged(stub):
    run_id, parent_id = training_run(stub)
    before = len(stub.calls())
    result = tag(mlflow_env(stub), run_id)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        f"MLflow: tagged run(s) {run_id}, {parent_id} with sagemaker.model_package_arn={PACKAGE_ARN}",
        "mlflow_logging_failures=0",
    ]
    for run in (run_id, parent_id):
        assert {k: v for k, v in tags_of(stub, run).items() if k.startswith("sagemaker.model_package")} == TAGS
    # The step opens no run and logs nothing but the four tags; the runs keep their status.
    calls = stub.calls()[before:]
    assert [c["call"] for c in calls] == ["set_tracking_uri", "MlflowClient", "get_run", "search_runs"] + ["client.set_tag"] * 4
    assert [c["args"] for c in calls if c["call"] == "client.set_tag"] == [
        [run_id, "sagemaker.model_package_arn", PACKAGE_ARN], [run_id, "sagemaker.model_package_version", "7"],
        [parent_id, "sagemaker.model_package_arn", PACKAGE_ARN], [parent_id, "sagemaker.model_package_version", "7"],
    ]
    # The execution's run is found as the steps find it: by the execution ARN, in the training run's experiment.
    experiment_id = stub.state()["experiments"][EXPERIMENT]
    search = next(c for c in calls if c["call"] == "search_runs")
    assert search["args"] == [[experiment_id]]
    assert search["kwargs"]["filter_string"] == (
        f"tags.`sagemaker.pipeline_execution_arn` = '{EXECUTION_ARN}' and tags.`sagemaker.run_kind` = 'pipeline-execution'")
    assert {run["status"] for run in stub.runs()} == {"FINISHED"}
    assert len(stub.runs()) == 2


def test_without_the_execution_arn_the_training_runs_parent_is_tagged(stub):
    run_id, parent_id = training_run(stub)
    env = mlflow_env(stub)
    del env["SAGEMAKER_PIPELINE_EXECUTION_ARN"]
    result = tag(env, run_id)
    assert result.returncode == 0, result.stderr
    assert "search_runs" not in [c["call"] for c in stub.calls()[-6:]]
    assert tags_of(stub, parent_id)["sagemaker.model_package_arn"] == PACKAGE_ARN
    assert tags_of(stub, run_id)["sagemaker.model_package_version"] == "7"


def test_a_missing_run_is_a_warning_and_a_count_and_the_step_succeeds(stub):
    training_run(stub)
    result = tag(mlflow_env(stub), "0123456789abcdef0123456789abcdef")
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "WARNING: MLflow: could not find the training run 0123456789abcdef0123456789abcdef (MlflowException: "
        "Run '0123456789abcdef0123456789abcdef' not found); the tag-model-package step goes on",
        f"WARNING: MLflow: 1 tracking call(s) of the tag-model-package step failed; the model package {PACKAGE_ARN} "
        "is registered, but its MLflow runs may not name it",
    ]
    assert result.stdout.splitlines() == ["mlflow_logging_failures=1"]
    assert stub.calls("client.set_tag") == []


def test_no_execution_run_is_a_warning_after_the_training_run_is_tagged(stub):
    run_id, _ = training_run(stub)
    result = tag(mlflow_env(stub, SAGEMAKER_PIPELINE_EXECUTION_ARN=EXECUTION_ARN + "0"), run_id)
    assert result.returncode == 0
    assert result.stderr.splitlines()[0] == (
        f"WARNING: MLflow: could not find the pipeline execution's run (LookupError: no run of pipeline execution "
        f"{EXECUTION_ARN}0 in experiment {stub.state()['experiments'][EXPERIMENT]}); the tag-model-package step goes on")
    assert result.stdout.splitlines()[-1] == "mlflow_logging_failures=1"
    assert tags_of(stub, run_id)["sagemaker.model_package_arn"] == PACKAGE_ARN


@pytest.mark.parametrize("run_id", ["", "not-logged"])
def test_no_training_run_recorded_is_a_warning(stub, run_id):
    # evaluation.json says "not-logged" (a registered version's metadata value may not be empty).
    result = tag(mlflow_env(stub), run_id)
    assert result.returncode == 0
    assert result.stderr.splitlines()[0] == (
        "WARNING: MLflow: could not tag the training run (LookupError: the training step recorded no MLflow run "
        "(its run could not be opened)); the tag-model-package step goes on")
    assert result.stdout.splitlines() == ["mlflow_logging_failures=1"]
    assert stub.calls() == []


def test_refused_tags_are_warnings_and_counts(stub):
    run_id, _ = training_run(stub)
    result = tag(mlflow_env(stub, MLFLOW_STUB_FAIL="client.set_tag"), run_id)
    assert result.returncode == 0
    assert result.stderr.count("WARNING: MLflow: could not tag run ") == 4
    assert result.stdout.splitlines() == ["mlflow_logging_failures=4"]
    assert "MLflow: tagged" not in result.stdout


def test_an_unreachable_server_fails_nothing(stub):
    result = tag(mlflow_env(stub, MLFLOW_STUB_FAIL="get_run"), "0123456789abcdef0123456789abcdef")
    assert result.returncode == 0
    assert "(MlflowException: stub: get_run failed (MLFLOW_STUB_FAIL))" in result.stderr
    assert result.stdout.splitlines() == ["mlflow_logging_failures=1"]


def test_without_a_tracking_uri_one_line_and_nothing_imported(tmp_path):
    trap = tmp_path / "site" / "mlflow"
    trap.mkdir(parents=True)
    (trap / "__init__.py").write_text(f"open({str(tmp_path / 'imported')!r}, 'w').close()\n")
    env = {"PYTHONPATH": str(tmp_path / "site"), "PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"}
    result = tag(env, "0123456789abcdef0123456789abcdef")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "MLflow: tracking is off for the tag-model-package step (MLFLOW_TRACKING_URI is not set): nothing is tagged"]
    assert result.stderr == ""
    assert not (tmp_path / "imported").exists()


def test_a_missing_mlflow_package_is_a_warning_naming_the_fix(stub, tmp_path):
    env = mlflow_env(stub)
    env["PYTHONPATH"] = str(tmp_path / "nothing")
    result = tag(env, "0123456789abcdef0123456789abcdef")
    assert result.returncode == 0
    assert result.stderr.startswith(f"WARNING: MLflow: could not load the client (TrackingUnavailable: MLFLOW_TRACKING_URI is set "
                                    f"({APP_ARN}) but the mlflow package cannot be imported")
    assert "requirements.txt must list mlflow and sagemaker-mlflow" in result.stderr
    assert result.stdout.splitlines() == ["mlflow_logging_failures=1"]


@pytest.mark.parametrize("arn", [
    "arn:aws:sagemaker:eu-west-1:123456789012:model-package-group/player-churn-models",
    "arn:aws:sagemaker:eu-west-1:123456789012:model-package/player-churn-models",
    "arn:aws:sagemaker:eu-west-1:1234:model-package/player-churn-models/7",
    "player-churn-models/7",
    "",
])
def test_anything_but_a_model_package_version_arn_is_an_argument_error(arn, stub):
    result = tag(mlflow_env(stub), "0123456789abcdef0123456789abcdef", arn=arn)
    assert result.returncode == 2
    assert "--model-package-arn: " in result.stderr and "is not the ARN of a model package version" in result.stderr
    assert stub.calls() == []


def test_version_of():
    # DescribeModelPackage: a versioned package's ARN ends in /<group>/<version>.
    assert tag_model_package.version_of(PACKAGE_ARN) == "7"
    assert tag_model_package.version_of("arn:aws-cn:sagemaker:cn-north-1:123456789012:model-package/g/12") == "12"
    with pytest.raises(ValueError):
        tag_model_package.version_of(PACKAGE_ARN + "/")
