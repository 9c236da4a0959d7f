"""What drift_check.py logs to MLflow, through the recording stand-in for the mlflow client (the `stub`
fixture, conftest.py): python3 -m pytest monitoring."""
import json
import sys

import pytest

import drift_check
from test_drift_check import baseline_frame, requests, run_local, record

APP_ARN = "arn:aws:sagemaker:eu-west-1:123456789012:mlflow-app/app-0123456789ab"


@pytest.fixture
def tracked(stub, monkeypatch):
    """MLflow on, through the stand-in, in this process."""
    monkeypatch.setenv("MLFLOW_TRACKING_URI", APP_ARN)
    monkeypatch.setenv("MLFLOW_EXPERIMENT_NAME", "player-churn-prod")
    monkeypatch.setenv("MLFLOW_STUB_RECORD", str(stub.path))
    yield stub
    from mlflow import _stub  # pylint: disable=import-outside-toplevel

    _stub.ACTIVE.clear()  # a test that made end_run fail leaves no active run behind


def drifting():
    captured = baseline_frame(rows=600, seed=3)
    captured["b"] += 2.0
    return requests(captured)


def test_a_check_is_a_run_of_the_monitoring_experiment_with_statistics_and_verdict(tracked, tmp_path, capsys):
    code, report = run_local(tmp_path, drifting())
    assert code == 0 and report["status"] == "drift"
    assert list(tracked.state()["experiments"]) == ["Default", "player-churn-prod-monitoring"]
    [run] = tracked.runs()
    assert run["run_name"].startswith("drift churn-prod ")
    assert run["status"] == "FINISHED"
    assert run["tags"]["drift.status"] == "drift" and run["tags"]["sagemaker.endpoint_name"] == "churn-prod"
    assert run["params"] == {"psi_threshold": "0.2", "ks_threshold": "0.1", "min_rows": "100",
                             "capture": str(tmp_path / "capture")}
    metrics = {key: points[-1]["value"] for key, points in run["metrics"].items()}
    assert metrics["drift_detected"] == 1 and metrics["drifted_features"] == 1
    assert metrics["captured_rows"] == 600 and metrics["baseline_rows"] == 2000
    assert metrics["max_psi"] == report["maxPsi"] and metrics["max_ks"] == report["maxKs"]
    for name, feature in report["features"].items():
        assert metrics[f"psi/{name}"] == feature["psi"]
        assert metrics[f"ks/{name}"] == feature["ks"]
        assert metrics[f"ks_p_value/{name}"] == feature["ksPValue"]
        assert metrics[f"drifted/{name}"] == int(feature["drifted"])
    assert metrics["mlflow_logging_failures"] == 0
    assert json.loads(tracked.artifact(run["run_id"], "drift-report.json").read_text()) == report
    out = capsys.readouterr().out
    assert "MLflow: logged as run 'drift churn-prod " in out and out.splitlines()[-1] == "mlflow_logging_failures=0"


def test_the_monitoring_experiment_defaults_to_player_churn_monitoring(tracked, tmp_path, monkeypatch):
    monkeypatch.delenv("MLFLOW_EXPERIMENT_NAME")
    run_local(tmp_path, requests(baseline_frame(rows=300, seed=2)))
    assert list(tracked.state()["experiments"]) == ["Default", "player-churn-monitoring"]
    [run] = tracked.runs()
    assert run["tags"]["drift.status"] == "ok"
    assert run["metrics"]["drift_detected"][-1]["value"] == 0


def test_a_feature_name_mlflow_refuses_is_made_a_valid_key(tracked, tmp_path):
    baseline = baseline_frame().rename(columns={"a": "a(1)"})
    run_local(tmp_path, requests(baseline_frame(rows=300, seed=2)), baseline=baseline)
    [run] = tracked.runs()
    assert "psi/a_1_" in run["metrics"]


def test_a_schema_mismatch_is_a_failed_run(tracked, tmp_path):
    code, _ = run_local(tmp_path, [record("1,2")])
    assert code == 2
    [run] = tracked.runs()
    assert run["status"] == "FAILED" and run["tags"]["drift.status"] == "schema-mismatch"
    assert "max_psi" not in run["metrics"] and run["metrics"]["malformed_rows"][-1]["value"] == 1


def test_a_failing_tracking_call_is_a_warning_and_a_count(tracked, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MLFLOW_STUB_FAIL", "log_metrics")
    code, report = run_local(tmp_path, drifting())
    assert code == 0 and report["status"] == "drift"
    captured = capsys.readouterr()
    assert ("WARNING: MLflow: could not log the statistics (MlflowException: stub: log_metrics failed (MLFLOW_STUB_FAIL)); "
            "the drift check goes on") in captured.err
    assert captured.out.splitlines()[-1] == "mlflow_logging_failures=1"
    [run] = tracked.runs()
    assert run["metrics"]["mlflow_logging_failures"][-1]["value"] == 1


def test_an_unreachable_tracking_server_does_not_fail_the_check(tracked, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MLFLOW_STUB_FAIL", "set_experiment")
    code, _ = run_local(tmp_path, drifting())
    assert code == 0
    assert "WARNING: MLflow: could not open a run of experiment player-churn-prod-monitoring" in capsys.readouterr().err
    assert tracked.runs() == []


def test_a_configured_tracking_uri_without_mlflow_fails_the_check_naming_the_fix(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MLFLOW_TRACKING_URI", APP_ARN)
    monkeypatch.setitem(sys.modules, "mlflow", None)  # `import mlflow` raises ImportError
    code, report = run_local(tmp_path, drifting())
    assert code == 2 and report is None
    err = capsys.readouterr().err
    assert f"drift check failed: MLFLOW_TRACKING_URI is set ({APP_ARN}) but the mlflow package cannot be imported" in err
    assert "requirements.txt must list mlflow and sagemaker-mlflow" in err and "PIP_INDEX_URL" in err


def test_without_a_tracking_uri_nothing_is_imported_and_the_check_says_so_once(tmp_path, monkeypatch, capsys):
    monkeypatch.delitem(sys.modules, "mlflow", raising=False)
    code, _ = run_local(tmp_path, drifting())
    assert code == 0
    assert "mlflow" not in sys.modules
    said = [line for line in capsys.readouterr().out.splitlines() if "mlflow" in line.lower()]
    assert said == ["MLflow: tracking is off for the drift check (MLFLOW_TRACKING_URI is not set): nothing is logged"]


def test_monitoring_experiment_name():
    assert drift_check.monitoring_experiment() == "player-churn-monitoring"
