"""The drift check of a stage in another account than the MLflow backend's: it assumes the backend
account's role (MLFLOW_ASSUME_ROLE_ARN) for the MLflow calls only, through the recording mlflow
stand-in (the `stub` fixture, conftest.py) and fake STS and SSM clients: python3 -m pytest monitoring."""
import sys
import types

import pytest

import drift_check
from test_drift_check import FakeCloudWatch, baseline_frame, requests, run_local, strict_json, write_baseline, write_capture

APP_ARN = "arn:aws:sagemaker:us-east-1:111111111111:mlflow-app/app-0123456789ab"
ROLE_ARN = "arn:aws:iam::111111111111:role/player-churn-mlflow-drift-logger"
PARAMETER_ARN = "arn:aws:ssm:us-east-1:111111111111:parameter/sagemaker-gitops/player-churn/mlflow/tracking-uri"
JOB = {"AWS_ACCESS_KEY_ID": "ASIAJOB", "AWS_SECRET_ACCESS_KEY": "job-secret", "AWS_SESSION_TOKEN": "job-token"}
ASSUMED = {"AccessKeyId": "ASIALOGGER", "SecretAccessKey": "logger-secret", "SessionToken": "logger-token", "Expiration": "2026-12-01T00:00:00Z"}
LOGGER = {"AWS_ACCESS_KEY_ID": "ASIALOGGER", "AWS_SECRET_ACCESS_KEY": "logger-secret", "AWS_SESSION_TOKEN": "logger-token"}


def credentials():
    import os  # pylint: disable=import-outside-toplevel

    return {name: os.environ.get(name) for name in JOB}


class FakeSts:
    def __init__(self, error=None):
        self.calls = []
        self.error = error

    def assume_role(self, **kwargs):
        self.calls.append({"kwargs": kwargs, "credentials": credentials()})
        if self.error is not None:
            raise self.error
        return {"Credentials": dict(ASSUMED), "AssumedRoleUser": {"Arn": "arn:aws:sts::111111111111:assumed-role/x/y"}}


class FakeSsm:
    def __init__(self, error=None):
        self.calls = []
        self.error = error

    def get_parameter(self, **kwargs):
        self.calls.append(kwargs)
        if self.error is not None:
            raise self.error
        return {"Parameter": {"Name": "/sagemaker-gitops/player-churn/mlflow/tracking-uri", "Type": "String", "Value": APP_ARN}}


class EnvCloudWatch(FakeCloudWatch):
    """Records the credentials in the environment at each call too."""

    def __init__(self):
        super().__init__()
        self.credentials = []

    def put_metric_data(self, **kwargs):
        self.credentials.append(credentials())
        super().put_metric_data(**kwargs)


@pytest.fixture
def cross_account(stub, monkeypatch):
    """MLflow on through the stand-in, a job with its own credentials, MLFLOW_ASSUME_ROLE_ARN set, a
    boto3 module whose default session the check sets aside; yields the credentials each MLflow call saw."""
    monkeypatch.setenv("MLFLOW_TRACKING_URI", APP_ARN)
    monkeypatch.setenv("MLFLOW_EXPERIMENT_NAME", "player-churn")
    monkeypatch.setenv("MLFLOW_STUB_RECORD", str(stub.path))
    monkeypatch.setenv("MLFLOW_ASSUME_ROLE_ARN", ROLE_ARN)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")
    for name, value in JOB.items():
        monkeypatch.setenv(name, value)
    boto3 = types.ModuleType("boto3")
    boto3.DEFAULT_SESSION = "the job's default session"
    monkeypatch.setitem(sys.modules, "boto3", boto3)
    from mlflow import _stub  # pylint: disable=import-outside-toplevel

    seen = []
    record = _stub.record

    def recording(call, *args, **kwargs):
        seen.append((call, credentials(), boto3.DEFAULT_SESSION))
        return record(call, *args, **kwargs)

    monkeypatch.setattr(_stub, "record", recording)
    yield types.SimpleNamespace(stub=stub, seen=seen, boto3=boto3)
    _stub.ACTIVE.clear()


def drifting():
    captured = baseline_frame(rows=600, seed=3)
    captured["b"] += 2.0
    return requests(captured)


def run_check(tmp_path, sts, ssm=None, cloudwatch=None):
    """Runs the check on local folders with --publish-metrics and the fake clients; returns (exit code, report or None)."""
    argv = ["--baseline-dir", str(write_baseline(tmp_path, baseline_frame())), "--capture-dir", str(write_capture(tmp_path, drifting())),
            "--output-dir", str(tmp_path / "output"), "--endpoint-name", "churn-prod", "--publish-metrics"]
    code = drift_check.main(argv, cloudwatch_client=cloudwatch or EnvCloudWatch(), sts_client=sts, ssm_client=ssm)
    path = tmp_path / "output" / drift_check.REPORT_FILE
    return code, (strict_json(path.read_text(encoding="utf-8")) if path.exists() else None)


def test_the_mlflow_calls_and_only_they_use_the_assumed_role(cross_account, tmp_path, capsys):
    sts, cloudwatch = FakeSts(), EnvCloudWatch()
    code, report = run_check(tmp_path, sts, cloudwatch=cloudwatch)
    assert code == 0 and report["status"] == "drift"
    # AWS STS AssumeRole: RoleArn and a RoleSessionName of 2 to 64 characters [\w+=,.@-], called with the job's own role.
    assert sts.calls == [{"kwargs": {"RoleArn": ROLE_ARN, "RoleSessionName": "churn-prod-drift-check"}, "credentials": JOB}]
    calls = [call for call, _, _ in cross_account.seen]
    assert calls[:3] == ["set_tracking_uri", "set_experiment", "start_run"] and calls[-1] == "end_run"
    assert {"log_params", "log_metrics", "log_artifact", "log_metric"} <= set(calls)
    # Every MLflow call sees the assumed credentials, and boto3's default session (which caches the job's) set aside.
    assert all(seen == LOGGER and session is None for _, seen, session in cross_account.seen)
    # CloudWatch published with the job's own role, before; afterwards the job's credentials and session are back.
    assert cloudwatch.credentials == [JOB]
    assert credentials() == JOB and cross_account.boto3.DEFAULT_SESSION == "the job's default session"
    [run] = cross_account.stub.runs()
    assert run["status"] == "FINISHED" and run["metrics"]["mlflow_logging_failures"][-1]["value"] == 0
    assert capsys.readouterr().out.splitlines()[-1] == "mlflow_logging_failures=0"


def test_a_job_without_credential_variables_has_none_after_the_mlflow_calls(cross_account, tmp_path, monkeypatch):
    # In a SageMaker job the role's credentials come from the container credential provider, not from variables.
    for name in JOB:
        monkeypatch.delenv(name)
    run_check(tmp_path, FakeSts())
    assert all(seen == LOGGER for _, seen, _ in cross_account.seen) and cross_account.seen
    assert credentials() == {name: None for name in JOB}


def test_a_failed_assume_role_is_a_warning_and_a_count_never_a_failed_check(cross_account, tmp_path, capsys):
    code, report = run_check(tmp_path, FakeSts(error=RuntimeError("AccessDenied: not authorized to perform sts:AssumeRole")))
    assert code == 0 and report["status"] == "drift"
    captured = capsys.readouterr()
    assert (f"WARNING: MLflow: could not assume the role {ROLE_ARN} (RuntimeError: AccessDenied: not authorized to perform "
            "sts:AssumeRole); the drift check goes on") in captured.err
    assert captured.out.splitlines()[-1] == "mlflow_logging_failures=1"
    assert cross_account.seen == [] and cross_account.stub.runs() == []
    assert credentials() == JOB and cross_account.boto3.DEFAULT_SESSION == "the job's default session"


def test_a_created_backend_is_read_from_its_ssm_parameter_with_the_assumed_role(cross_account, tmp_path, monkeypatch):
    monkeypatch.delenv("MLFLOW_TRACKING_URI")
    monkeypatch.setenv("MLFLOW_TRACKING_URI_PARAMETER", PARAMETER_ARN)
    ssm = FakeSsm()
    code, _ = run_check(tmp_path, FakeSts(), ssm)
    assert code == 0
    # SSM GetParameter: Name is the parameter's name or ARN.
    assert ssm.calls == [{"Name": PARAMETER_ARN}]
    assert cross_account.stub.calls("set_tracking_uri")[0]["args"] == [APP_ARN]
    assert len(cross_account.stub.runs()) == 1


def test_a_failed_parameter_read_is_a_warning_and_a_count(cross_account, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("MLFLOW_TRACKING_URI")
    monkeypatch.setenv("MLFLOW_TRACKING_URI_PARAMETER", PARAMETER_ARN)
    code, _ = run_check(tmp_path, FakeSts(), FakeSsm(error=RuntimeError("ParameterNotFound")))
    assert code == 0
    captured = capsys.readouterr()
    assert f"WARNING: MLflow: could not read the tracking URI from the SSM parameter {PARAMETER_ARN} (RuntimeError: ParameterNotFound)" in captured.err
    assert captured.out.splitlines()[-1] == "mlflow_logging_failures=1"
    assert cross_account.stub.runs() == []


def test_the_clients_are_the_jobs_own_in_its_region_or_of_the_assumed_role_in_the_parameters(monkeypatch):
    made = []

    class Session:
        def __init__(self, **kwargs):
            self.kwargs = kwargs

        def client(self, service, region_name=None):
            made.append(("session", self.kwargs, service, region_name))

    boto3 = types.ModuleType("boto3")
    boto3.client = lambda service, region_name=None: made.append(("default", None, service, region_name))
    boto3.session = types.SimpleNamespace(Session=Session)
    monkeypatch.setitem(sys.modules, "boto3", boto3)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")
    monkeypatch.delenv("AWS_REGION", raising=False)
    drift_check.aws_client("sts", region_name=drift_check.job_region())
    drift_check.aws_client("ssm", region_name=PARAMETER_ARN.split(":")[3], credentials=ASSUMED)
    assert made == [
        ("default", None, "sts", "eu-west-1"),
        ("session", {"aws_access_key_id": "ASIALOGGER", "aws_secret_access_key": "logger-secret", "aws_session_token": "logger-token"}, "ssm", "us-east-1"),
    ]


def test_the_session_name_is_valid_for_sts():
    # AWS STS AssumeRole: RoleSessionName, 2 to 64 characters matching [\w+=,.@-]*.
    assert drift_check.session_name("player-churn-prod") == "player-churn-prod-drift-check"
    assert drift_check.session_name(None) == "local-drift-check"
    long = drift_check.session_name("e" * 63)
    assert len(long) == 64 and long == "e" * 63 + "-"
    assert drift_check.session_name("a b/c") == "a-b-c-drift-check"


def test_a_parameter_without_the_plugin_fails_the_check_naming_the_fix(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MLFLOW_TRACKING_URI_PARAMETER", PARAMETER_ARN)
    monkeypatch.setitem(sys.modules, "mlflow", types.ModuleType("mlflow"))
    monkeypatch.setattr(drift_check.importlib.util, "find_spec", lambda name: None)
    code, _ = run_local(tmp_path, drifting())
    assert code == 2
    err = capsys.readouterr().err
    assert f"MLFLOW_TRACKING_URI_PARAMETER names an ARN ({PARAMETER_ARN}) but the sagemaker-mlflow plugin is not installed" in err


def test_without_the_variable_nothing_is_assumed(stub, tmp_path, monkeypatch):
    monkeypatch.setenv("MLFLOW_TRACKING_URI", APP_ARN)
    monkeypatch.setenv("MLFLOW_STUB_RECORD", str(stub.path))
    for name, value in JOB.items():
        monkeypatch.setenv(name, value)
    sts = FakeSts()
    code, _ = run_check(tmp_path, sts)
    assert code == 0 and sts.calls == [] and credentials() == JOB
    assert len(stub.runs()) == 1
    from mlflow import _stub  # pylint: disable=import-outside-toplevel

    _stub.ACTIVE.clear()
