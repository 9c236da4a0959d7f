"""Tests of train.py (script mode on the XGBoost 1.7-1 and 3.0-5 containers; test_xgboost_versions.py
tests what differs between them): it trains as the built-in algorithm did, reads the hyperparameters
as the container passes them, and prints the per-round lines the pipeline's metric definitions read. python3 -m pytest pipelines (pandas, numpy, xgboost)."""
import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import xgboost
import xgboost.tracker

PIPELINES = Path(__file__).resolve().parent
sys.path.insert(0, str(PIPELINES))

import preprocess  # noqa: E402
import train  # noqa: E402

SAMPLE = PIPELINES.parent / "data" / "player-churn.csv"
# sagemaker-gitops' emulation of the built-in algorithm (present in sagemaker-gitops, not in a generated repository).
EMULATION = PIPELINES.parents[2] / "src" / "local-run" / "xgboost-algorithm.ts"

# The pipeline's hyperparameters (PLAYER_CHURN_HYPERPARAMETERS in sagemaker-gitops), as the container passes them.
HYPERPARAMETERS = {
    "num_round": "100", "max_depth": "3", "eta": "0.5", "objective": "binary:logistic", "eval_metric": "auc",
    "alpha": "2.5", "subsample": "0.8", "colsample_bytree": "0.8", "min_child_weight": "3", "early_stopping_rounds": "10",
}
# The pipeline's metric definitions (the training step's MetricDefinitions).
NUMBER = r"([-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)"
VALIDATION_AUC = re.compile(r"validation-auc:" + NUMBER)
TRAIN_AUC = re.compile(r"train-auc:" + NUMBER)


def arguments(hyperparameters=None):
    """--name value pairs, plus the container's own sagemaker_* hyperparameters that train.py ignores."""
    pairs = [["--" + name, value] for name, value in (hyperparameters or HYPERPARAMETERS).items()]
    pairs += [["--sagemaker_program", "train.py"], ["--sagemaker_submit_directory", "s3://bucket/code/sourcedir.tar.gz"]]
    return [token for pair in pairs for token in pair]


@pytest.fixture(scope="module")
def channels(tmp_path_factory):
    """preprocess.py's output for the committed sample: the train, validation and test channels."""
    output = tmp_path_factory.mktemp("preprocessed")
    assert preprocess.main(["--input-dir", str(SAMPLE.parent), "--output-dir", str(output)]) == 0
    return output


def run_train(channels, model_dir, args=None, env=None):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("MLFLOW_", "SAGEMAKER_PIPELINE_"))}
    environment.update({
        "SM_CHANNEL_TRAIN": str(channels / "train"), "SM_CHANNEL_VALIDATION": str(channels / "validation"),
        "SM_MODEL_DIR": str(model_dir), "PYTHONDONTWRITEBYTECODE": "1", **(env or {}),
    })
    return subprocess.run([sys.executable, str(PIPELINES / "train.py"), *(arguments() if args is None else args)],
                          capture_output=True, text=True, env=environment)


@pytest.fixture(scope="module")
def trained(channels, tmp_path_factory):
    model_dir = tmp_path_factory.mktemp("model")
    result = run_train(channels, model_dir)
    assert result.returncode == 0, result.stderr
    booster = xgboost.Booster()
    booster.load_model(str(model_dir / "xgboost-model"))
    return result, booster, model_dir


def split_of(channels, name):
    frame = pd.read_csv(channels / name / f"{name}.csv", header=None)
    return frame.iloc[:, 1:].to_numpy(dtype=float), frame.iloc[:, 0].to_numpy()


def predictions(booster, features):
    return booster.predict(xgboost.DMatrix(features))


def test_trains_as_xgboost_train_with_the_builtin_algorithms_parameters(channels, trained):
    """Same hyperparameters, early stopping on the validation channel's auc, the best model kept."""
    _, booster, _ = trained
    train_x, train_y = split_of(channels, "train")
    validation_x, validation_y = split_of(channels, "validation")
    dtrain = xgboost.DMatrix(train_x, label=train_y)
    dvalidation = xgboost.DMatrix(validation_x, label=validation_y)
    params = {"max_depth": 3, "eta": 0.5, "objective": "binary:logistic", "eval_metric": ["auc"], "alpha": 2.5,
              "subsample": 0.8, "colsample_bytree": 0.8, "min_child_weight": 3.0}
    reference = xgboost.train(
        params, dtrain, num_boost_round=100, evals=[(dtrain, "train"), (dvalidation, "validation")], verbose_eval=False,
        callbacks=[xgboost.callback.EarlyStopping(rounds=10, data_name="validation", metric_name="auc", maximize=True, save_best=True)],
    )
    assert booster.attr("best_iteration") == reference.attr("best_iteration")
    assert booster.num_boosted_rounds() == reference.num_boosted_rounds() < 100  # early stopping kept the best model
    test_x, _ = split_of(channels, "test")
    assert predictions(booster, test_x) == pytest.approx(predictions(reference, test_x), abs=1e-6)


def emulation_script():
    text = EMULATION.read_text(encoding="utf-8")
    start = text.index("XGBOOST_ALGORITHM_SCRIPT = String.raw`") + len("XGBOOST_ALGORITHM_SCRIPT = String.raw`")
    return text[start:text.index("`;", start)]


def test_trains_the_model_the_local_runs_builtin_emulation_trains(channels, trained, tmp_path):
    """src/local-run/xgboost-algorithm.ts stands in for the built-in algorithm in local runs: same model."""
    if not EMULATION.is_file():
        pytest.skip(f"{EMULATION} is part of sagemaker-gitops, not of a generated repository")
    ml_root = tmp_path / "ml"
    (ml_root / "input" / "config").mkdir(parents=True)
    (ml_root / "input" / "config" / "hyperparameters.json").write_text(json.dumps(HYPERPARAMETERS))
    (ml_root / "input" / "config" / "inputdataconfig.json").write_text(
        json.dumps({name: {"ContentType": "text/csv"} for name in ("train", "validation")}))
    for name in ("train", "validation"):
        (ml_root / "input" / "data" / name).mkdir(parents=True)
        (ml_root / "input" / "data" / name / f"{name}.csv").write_bytes((channels / name / f"{name}.csv").read_bytes())
    script = tmp_path / "xgboost_algorithm.py"
    script.write_text(emulation_script(), encoding="utf-8")
    result = subprocess.run([sys.executable, str(script), "--ml-root", str(ml_root), "--archive", str(tmp_path / "model.tar.gz")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    emulated = xgboost.Booster()
    emulated.load_model(str(ml_root / "model" / "xgboost-model"))

    _, booster, _ = trained
    assert booster.attr("best_iteration") == emulated.attr("best_iteration")
    assert booster.num_boosted_rounds() == emulated.num_boosted_rounds()
    test_x, _ = split_of(channels, "test")
    assert predictions(booster, test_x) == pytest.approx(predictions(emulated, test_x), abs=1e-6)


def test_prints_one_line_per_round_that_the_metric_definitions_read(trained):
    result, booster, _ = trained
    lines = [line for line in result.stdout.splitlines() if line.startswith("[")]
    assert lines[0].startswith("[0]\ttrain-auc:") and "\tvalidation-auc:" in lines[0]
    assert [int(line[1:line.index("]")]) for line in lines] == list(range(len(lines)))
    best = int(booster.attr("best_iteration"))
    assert len(lines) == best + 1 + 10  # the rounds after the best one that early stopping waited for
    validation = [float(VALIDATION_AUC.search(line).group(1)) for line in lines]
    assert all(TRAIN_AUC.search(line) for line in lines)
    assert max(validation) == validation[best]


def test_writes_only_the_model_without_mlflow(trained):
    result, _, model_dir = trained
    assert sorted(os.listdir(model_dir)) == ["xgboost-model"]
    assert [line for line in result.stdout.splitlines() if line.startswith("MLflow")] == [
        "MLflow: tracking is off for the train step (MLFLOW_TRACKING_URI is not set): nothing is logged"
    ]
    assert "mlflow_logging_failures" not in result.stdout


def test_hyperparameters_are_typed_as_the_builtin_algorithm_types_them():
    params = train.parse_hyperparameters(arguments({**HYPERPARAMETERS, "eval_metric": "logloss,auc"}) + ["--learning_rate", "0.3"])
    assert params == {
        "num_round": 100, "max_depth": 3, "eta": 0.3, "objective": "binary:logistic", "eval_metric": ["logloss", "auc"],
        "alpha": 2.5, "subsample": 0.8, "colsample_bytree": 0.8, "min_child_weight": 3.0, "early_stopping_rounds": 10,
    }
    assert train.parse_hyperparameters(["--num_round", "5", "--monotone_constraints", "(1,-1)"])["monotone_constraints"] == (1, -1)


@pytest.mark.parametrize("args, message", [
    (["--max_depth", "3"], "missing required hyperparameter: num_round"),
    (["--num_round", "ten"], "argument --num_round: invalid int value: 'ten'"),
    (["--num_round", "10", "--max_deep", "3"], "extraneous hyperparameter max_deep: not a hyperparameter of the built-in XGBoost algorithm"),
    (["--num_round", "10", "--_kfold", "5"], "extraneous hyperparameter _kfold"),
])
def test_bad_hyperparameters_exit_2_naming_them(args, message, capsys):
    with pytest.raises(SystemExit) as exit_info:
        train.parse_hyperparameters(args)
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_without_validation_it_trains_every_round(channels, tmp_path):
    only_train = tmp_path / "channels"
    (only_train / "train").mkdir(parents=True)
    (only_train / "train" / "train.csv").write_bytes((channels / "train" / "train.csv").read_bytes())
    result = run_train(only_train, tmp_path / "model", args=arguments({**HYPERPARAMETERS, "num_round": "12"}))
    assert result.returncode == 0, result.stderr
    booster = xgboost.Booster()
    booster.load_model(str(tmp_path / "model" / "xgboost-model"))
    assert booster.num_boosted_rounds() == 12
    assert "validation-auc" not in result.stdout


def test_unusable_data_exits_1(tmp_path):
    (tmp_path / "train").mkdir()
    (tmp_path / "train" / "train.csv").write_text("")
    result = run_train(tmp_path, tmp_path / "model")
    assert result.returncode == 1
    assert f"error: no data in the train channel ({tmp_path / 'train'})" in result.stderr
    missing = run_train(tmp_path / "nowhere", tmp_path / "model")
    assert missing.returncode == 1 and "the train channel's folder" in missing.stderr


def test_feature_frame_names_columns_as_xgboost_does(channels):
    frame = train.feature_frame(str(channels / "validation"))
    assert list(frame.columns) == [f"f{i}" for i in range(frame.shape[1])]
    assert np.allclose(frame.to_numpy(), split_of(channels, "validation")[0])


# Several instances: every host runs train.py over its own train files, the first one hosts the tracker.


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_hosts(channels, tmp_path, shards, hyperparameters, attempts=3):
    """Runs train.py as `len(shards)` hosts at once (each with its shard of train files, the whole validation
    channel, and SM_HOSTS / SM_CURRENT_HOST as SageMaker sets them); returns [(host, result, model dir)].
    free_port's port is free when chosen, not reserved: should another process (another pytest-xdist
    worker's hosts) bind it before the master's tracker does, the master fails at once and the hosts run
    again on another port, in a folder of their own."""
    for attempt in range(1, attempts + 1):
        results = run_hosts_on(channels, tmp_path / f"attempt-{attempt}", shards, hyperparameters, str(free_port()))
        if results is not None:
            return results
    pytest.fail(f"the tracker's port was taken {attempts} times in a row")


def run_hosts_on(channels, folder, shards, hyperparameters, port):
    """One run of the hosts with the tracker on `port`; None when the master could not bind it."""
    hosts = [f"algo-{i + 1}" for i in range(len(shards))]
    runs = []
    for host, rows in zip(hosts, shards):
        (folder / host / "train").mkdir(parents=True)
        rows.to_csv(folder / host / "train" / f"train-{host}.csv", header=False, index=False)
        env = {
            "SM_CHANNEL_TRAIN": str(folder / host / "train"), "SM_MODEL_DIR": str(folder / host / "model"), "SM_HOSTS": json.dumps(hosts),
            "SM_CURRENT_HOST": host, "DMLC_TRACKER_URI": "127.0.0.1", "DMLC_TRACKER_PORT": port,
        }
        environment = {k: v for k, v in os.environ.items() if not k.startswith(("MLFLOW_", "SAGEMAKER_PIPELINE_"))}
        environment.update({"SM_CHANNEL_VALIDATION": str(channels / "validation"), "PYTHONDONTWRITEBYTECODE": "1", **env})
        process = subprocess.Popen([sys.executable, str(PIPELINES / "train.py"), *arguments(hyperparameters)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
        runs.append((host, process, folder / host / "model"))
    results = []
    for host, process, model_dir in runs:
        stdout, stderr = process.communicate(timeout=180)
        result = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
        if not results and result.returncode != 0 and "Address already in use" in stderr:
            # The master's tracker could not bind: the other hosts would wait for it until CONNECT_TIMEOUT_SECONDS.
            for _, other, _ in runs[1:]:
                other.kill()
                other.communicate()
            return None
        results.append((host, result, model_dir))
    return results


def root_cover(booster):
    trees = booster.trees_to_dataframe()
    return float(trees[(trees.Tree == 0) & (trees.Node == 0)].Cover.iloc[0])


def test_two_hosts_build_each_tree_from_the_rows_of_both(channels, tmp_path):
    rows = pd.read_csv(channels / "train" / "train.csv", header=None)
    shards = [rows.iloc[: len(rows) // 3], rows.iloc[len(rows) // 3:]]
    # No sampling, no early stopping: the first tree's root covers every training row's hessian, 0.25 at base_score 0.5.
    params = {"num_round": "3", "max_depth": "2", "eta": "0.5", "objective": "binary:logistic", "eval_metric": "auc", "tree_method": "hist"}
    results = run_hosts(channels, tmp_path, shards, params)
    for host, result, _ in results:
        assert result.returncode == 0, f"{host}: {result.stderr}"
    (_, master, master_dir), (_, worker, worker_dir) = results
    assert "worker 0 of 2" in master.stdout and "worker 1 of 2" in worker.stdout
    assert (master_dir / "xgboost-model").exists()
    assert not worker_dir.exists() or not any(worker_dir.iterdir())
    booster = xgboost.Booster()
    booster.load_model(str(master_dir / "xgboost-model"))
    assert root_cover(booster) == pytest.approx(0.25 * len(rows), rel=1e-4)
    # One host alone covers only its rows: the allreduce is what made the cover the whole data's.
    alone = xgboost.train({k: v for k, v in params.items() if k not in ("num_round", "eval_metric")} | {"max_depth": 2},
                          xgboost.DMatrix(shards[0].iloc[:, 1:], label=shards[0].iloc[:, 0]), num_boost_round=1)
    assert root_cover(alone) == pytest.approx(0.25 * len(shards[0]), rel=1e-4)
    # The master prints the metrics of every round; the worker's early stopping saw the same (FullyReplicated validation).
    assert len(VALIDATION_AUC.findall(master.stdout)) == 3


def test_two_hosts_with_the_pipelines_hyperparameters_learn_as_well_as_one(channels, trained, tmp_path):
    rows = pd.read_csv(channels / "train" / "train.csv", header=None)
    results = run_hosts(channels, tmp_path, [rows.iloc[::2], rows.iloc[1::2]], HYPERPARAMETERS)
    assert all(result.returncode == 0 for _, result, _ in results), [r.stderr for _, r, _ in results]
    booster = xgboost.Booster()
    booster.load_model(str(results[0][2] / "xgboost-model"))
    features, labels = split_of(channels, "test")
    from sklearn.metrics import roc_auc_score

    distributed = roc_auc_score(labels, predictions(booster, features))
    single = roc_auc_score(labels, predictions(trained[1], features))
    assert distributed == pytest.approx(single, abs=0.03)


def test_a_taken_tracker_port_stops_the_master_at_once_and_the_hosts_run_again(channels, tmp_path):
    rows = pd.read_csv(channels / "train" / "train.csv", header=None)
    shards = [rows.iloc[::2], rows.iloc[1::2]]
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        assert run_hosts_on(channels, tmp_path, shards, {"num_round": "2"}, str(taken.getsockname()[1])) is None


def test_the_cluster_comes_from_sm_hosts_and_sm_current_host():
    assert train.cluster({"SM_HOSTS": '["algo-2", "algo-1"]', "SM_CURRENT_HOST": "algo-2"}) == ("algo-2", ["algo-1", "algo-2"])
    assert train.cluster({}) == ("algo-1", ["algo-1"])
    single = train.Collective("algo-1", ["algo-1"])
    with single as collective:
        assert collective.is_master and collective.context is None


def test_the_workers_arguments_follow_the_xgboost_version():
    assert train.worker_args("10.0.0.1", 9099, 1, 2, major=1) == {
        "DMLC_TRACKER_URI": "10.0.0.1", "DMLC_TRACKER_PORT": 9099, "DMLC_TASK_ID": "1", "DMLC_NUM_WORKER": 2,
    }
    assert train.worker_args("10.0.0.1", 9099, 1, 2, major=3) == {
        "dmlc_tracker_uri": "10.0.0.1", "dmlc_tracker_port": 9099, "dmlc_task_id": "1",
    }
    assert train.tracker_address("algo-1", {"DMLC_TRACKER_URI": "127.0.0.1", "DMLC_TRACKER_PORT": "9100"}) == ("127.0.0.1", 9100)


class TrackerOfXGBoost3:
    """XGBoost 3's RabitTracker as dmlc/xgboost python-package/xgboost/tracker.py (v3.0.5) defines it: keyword-only
    sortby and timeout, start() without arguments, wait_for() and no join()."""

    def __init__(self, n_workers, host_ip, port=0, *, sortby="host", timeout=0):
        self.args, self.calls = {"n_workers": n_workers, "host_ip": host_ip, "port": port, "sortby": sortby}, []

    def start(self):
        self.calls.append("start")

    def wait_for(self, timeout=None):
        self.calls.append("wait_for")


def test_the_master_waits_for_the_tracker_of_xgboost_3_with_wait_for(monkeypatch):
    # XGBoost 3 (the 3.0-5 container) has no RabitTracker.join: calling it failed the master after training,
    # before it saved the model (sagemaker-xgboost-container release-3.0.5 distributed.py calls wait_for).
    monkeypatch.setattr(xgboost.tracker, "RabitTracker", TrackerOfXGBoost3)
    tracker = train.start_tracker("10.0.0.1", 9099, 2, major=3)
    assert tracker.args == {"n_workers": 2, "host_ip": "10.0.0.1", "port": 9099, "sortby": "task"}
    collective = train.Collective("algo-1", ["algo-1", "algo-2"], environ={})
    collective.tracker = tracker
    collective.__exit__(None, None, None)
    assert tracker.calls == ["start", "wait_for"]


def test_the_master_joins_the_tracker_of_xgboost_1_7():
    tracker = xgboost.tracker.RabitTracker(host_ip="127.0.0.1", n_workers=1, port=0)
    assert not hasattr(tracker, "wait_for")
    train.wait_for_tracker(tracker)  # never started: join returns at once
