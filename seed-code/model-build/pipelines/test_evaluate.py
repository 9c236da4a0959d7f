"""Tests of evaluate.py, and of preprocess -> train -> evaluate on the committed sample:
python3 -m pytest pipelines (pandas, numpy, scikit-learn, xgboost)."""
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import xgboost
from sklearn.metrics import roc_auc_score

PIPELINES = Path(__file__).resolve().parent
sys.path.insert(0, str(PIPELINES))

import evaluate  # noqa: E402
import preprocess  # noqa: E402

SAMPLE = PIPELINES.parent / "data" / "player-churn.csv"

# The built-in XGBoost hyperparameters of the pipeline (PLAYER_CHURN_HYPERPARAMETERS in sagemaker-gitops).
HYPERPARAMETERS = {
    "objective": "binary:logistic",
    "eval_metric": "auc",
    "num_round": 100,
    "max_depth": 3,
    "eta": 0.5,
    "alpha": 2.5,
    "subsample": 0.8,
    "colsample_bytree": 0.8,
    "min_child_weight": 3,
    "early_stopping_rounds": 10,
}
QUALITY_THRESHOLD = 0.75


def train_like_the_container(train_csv, validation_csv):
    """What the built-in algorithm does with text/csv channels: label first, no header, early stopping on validation."""
    def matrix(path):
        data = pd.read_csv(path, header=None)
        return xgboost.DMatrix(data.iloc[:, 1:].to_numpy(), label=data.iloc[:, 0].to_numpy())

    params = {k: v for k, v in HYPERPARAMETERS.items() if k not in ("num_round", "early_stopping_rounds")}
    train, validation = matrix(train_csv), matrix(validation_csv)
    return xgboost.train(
        params, train, num_boost_round=HYPERPARAMETERS["num_round"], evals=[(train, "train"), (validation, "validation")],
        early_stopping_rounds=HYPERPARAMETERS["early_stopping_rounds"], verbose_eval=False,
    )


def package(booster, model_dir, member="xgboost-model"):
    """model.tar.gz holding the booster saved as `xgboost-model`, as the training job writes it."""
    model_dir.mkdir(parents=True, exist_ok=True)
    model_file = model_dir.parent / "xgboost-model.bin"
    booster.save_model(str(model_file))
    with tarfile.open(model_dir / "model.tar.gz", "w:gz") as tar:
        tar.add(model_file, arcname=member)
    model_file.unlink()
    return model_dir


def archive_of(model_dir, files):
    model_dir.mkdir(parents=True, exist_ok=True)
    with tarfile.open(model_dir / "model.tar.gz", "w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return model_dir


@pytest.fixture(scope="module")
def synthetic():
    """A separable-enough problem: 4 features, the label depends on the first two."""
    rng = np.random.default_rng(3)
    features = rng.random((600, 4))
    labels = ((features[:, 0] + 0.5 * features[:, 1] + rng.normal(0, 0.2, 600)) > 0.75).astype(int)
    return features, labels


@pytest.fixture(scope="module")
def booster(synthetic):
    features, labels = synthetic
    train = xgboost.DMatrix(features[:400], label=labels[:400])
    validation = xgboost.DMatrix(features[400:500], label=labels[400:500])
    return xgboost.train(
        {"objective": "binary:logistic", "eval_metric": "auc", "max_depth": 3, "eta": 0.5}, train, num_boost_round=60,
        evals=[(validation, "validation")], early_stopping_rounds=5, verbose_eval=False,
    )


def write_test(folder, features, labels, name="test.csv"):
    folder.mkdir(parents=True, exist_ok=True)
    pd.concat([pd.Series(labels), pd.DataFrame(features)], axis=1).to_csv(folder / name, header=False, index=False)
    return folder


@pytest.fixture
def dirs(tmp_path, synthetic, booster):
    features, labels = synthetic
    return {
        "model": package(booster, tmp_path / "model"),
        "test": write_test(tmp_path / "test", features[500:], labels[500:]),
        "output": tmp_path / "evaluation",
    }


def run(dirs):
    return evaluate.main(["--model-dir", str(dirs["model"]), "--test-dir", str(dirs["test"]), "--output-dir", str(dirs["output"])])


def test_writes_the_auc_where_the_quality_gate_reads_it_and_a_prediction_baseline(dirs, synthetic, booster, capsys):
    assert run(dirs) == 0
    features, labels = synthetic
    expected = booster.predict(xgboost.DMatrix(features[500:]), iteration_range=(0, booster.best_iteration + 1))
    report = json.loads((dirs["output"] / "evaluation.json").read_text())
    assert report["classification_metrics"]["auc_score"]["value"] == pytest.approx(roc_auc_score(labels[500:], expected))
    assert set(report["classification_metrics"]) == {"auc_score", "accuracy", "precision", "recall", "f1"}
    assert report["test_rows"] == 100
    baseline = pd.read_csv(dirs["output"] / "prediction_baseline.csv")
    assert list(baseline.columns) == ["prediction", "probability", "label"]
    assert baseline["probability"].to_numpy() == pytest.approx(expected, abs=1e-6)
    assert (baseline["prediction"] == (baseline["probability"] >= 0.5).astype(int)).all()
    assert (baseline["label"] == labels[500:]).all()
    assert "test AUC" in capsys.readouterr().out


def test_writes_the_scored_test_rows_as_the_staging_payload_with_the_model_width(dirs, synthetic, booster):
    """model-deploy's staging test sends payload.csv (label first) and checks its width against model_features."""
    assert run(dirs) == 0
    features, labels = synthetic
    report = json.loads((dirs["output"] / "evaluation.json").read_text())
    assert report["model_features"] == booster.num_features() == 4
    # The whole test split fits: no sample, and the payload's AUC is the quality gate's.
    assert report["payload"] == {"file": "payload.csv", "rows": 100, "label_column": "first",
                                 "auc": report["classification_metrics"]["auc_score"]["value"]}
    payload = pd.read_csv(dirs["output"] / "payload.csv", header=None)
    assert payload.shape == (100, 1 + 4)
    assert (payload.iloc[:, 0] == labels[500:]).all()
    assert payload.iloc[:, 0].dtype.kind == "i"
    # The features keep their precision (shortest round-trip text), so the endpoint scores what evaluate scored.
    assert payload.iloc[:, 1:].to_numpy() == pytest.approx(features[500:], rel=1e-15)
    first = (dirs["output"] / "payload.csv").read_text().splitlines()[0].split(",")
    assert first[0] in ("0", "1")


def test_a_large_test_split_gives_a_seeded_stratified_sample_and_its_own_auc(dirs, synthetic, monkeypatch, capsys):
    """The staging test sends payload.csv one request per 10 rows in a step with a time limit, and the Synth output
    that carries it is a CloudFormation action's input artifact (at most 256 MB: "Quotas in AWS CodePipeline")."""
    monkeypatch.setattr(evaluate, "PAYLOAD_MAX_ROWS", 40)
    assert run(dirs) == 0
    assert "a stratified sample of 40 of the 100 test rows" in capsys.readouterr().out
    features, labels = synthetic
    test_features, test_labels = features[500:], labels[500:]
    report = json.loads((dirs["output"] / "evaluation.json").read_text())
    assert report["test_rows"] == 100
    payload = pd.read_csv(dirs["output"] / "payload.csv", header=None)
    assert payload.shape == (40, 1 + 4)
    # Test rows, in test order, each label with its share of the test split.
    positions = [int(np.flatnonzero(np.isclose(test_features, row, rtol=1e-12, atol=0).all(axis=1))[0]) for row in payload.iloc[:, 1:].to_numpy()]
    assert positions == sorted(positions) and len(set(positions)) == 40
    assert (payload.iloc[:, 0].to_numpy() == test_labels[positions]).all()
    assert abs(payload.iloc[:, 0].sum() - 40 * test_labels.mean()) <= 1
    # The AUC the endpoint must reproduce is the model's on exactly these rows, not the gate's on all of them.
    probabilities = pd.read_csv(dirs["output"] / "prediction_baseline.csv")["probability"].to_numpy()
    assert report["payload"]["auc"] == pytest.approx(roc_auc_score(test_labels[positions], probabilities[positions]), abs=1e-6)
    assert report["payload"]["auc"] != report["classification_metrics"]["auc_score"]["value"]
    assert {k: v for k, v in report["payload"].items() if k != "auc"} == {"file": "payload.csv", "rows": 40, "label_column": "first", "sampled_from": 100}
    # Seeded: the same test split gives the same payload.
    first = (dirs["output"] / "payload.csv").read_text()
    assert run(dirs) == 0
    assert (dirs["output"] / "payload.csv").read_text() == first


def test_payload_rows_keep_everything_up_to_the_cap_and_each_labels_share_beyond_it():
    assert evaluate.payload_rows(np.array([0, 1, 1]), max_rows=3).tolist() == [0, 1, 2]
    # One row over the cap, and a label with a single row: still max_rows rows, each label at its share.
    for labels, max_rows in ((np.array([0] * 6 + [1] * 5), 10), (np.array([1] + [0] * 99), 10), (np.array([1] + [0] * 99), 99)):
        rows = evaluate.payload_rows(labels, max_rows=max_rows)
        assert len(rows) == max_rows and rows.tolist() == sorted(set(rows.tolist()))
        assert abs(labels[rows].sum() - max_rows * labels.mean()) < 1
        assert evaluate.payload_rows(labels, max_rows=max_rows).tolist() == rows.tolist()


def test_a_rare_label_keeps_two_rows_in_the_sample_so_that_it_has_an_auc():
    for positives, total in ((4, 100_000), (1, 20_001), (2, 50_000)):
        labels = np.zeros(total, dtype=int)
        labels[np.linspace(0, total - 1, positives).astype(int)] = 1
        rows = evaluate.payload_rows(labels, max_rows=10_000)
        assert len(rows) == 10_000
        assert labels[rows].sum() == min(positives, 2)
        assert "auc" in evaluate.payload_report(labels, np.linspace(0, 1, total), rows)


def test_a_cap_too_small_for_two_rows_of_each_label_still_ends_with_cap_rows():
    for labels, max_rows in ((np.array([0, 0, 1, 1]), 2), (np.array([0, 0, 0, 1, 1, 1]), 3), (np.array([0] * 9 + [1]), 1)):
        rows = evaluate.payload_rows(labels, max_rows=max_rows)
        assert len(rows) == max_rows and len(set(rows.tolist())) == max_rows


def test_a_payload_of_one_class_records_no_auc():
    report = evaluate.payload_report(np.array([1, 1, 1]), np.array([0.2, 0.7, 0.9]), np.arange(3))
    assert report == {"file": "payload.csv", "rows": 3, "label_column": "first"}


def test_predicts_with_the_trees_up_to_the_best_iteration(dirs, synthetic, booster):
    assert booster.best_iteration + 1 < booster.num_boosted_rounds()
    assert run(dirs) == 0
    features, _ = synthetic
    all_trees = booster.predict(xgboost.DMatrix(features[500:]))
    baseline = pd.read_csv(dirs["output"] / "prediction_baseline.csv")
    assert not np.allclose(baseline["probability"], all_trees)


def test_accepts_an_extracted_model(dirs, booster, tmp_path):
    extracted = tmp_path / "extracted"
    extracted.mkdir()
    booster.save_model(str(extracted / "xgboost-model"))
    assert run({**dirs, "model": extracted}) == 0


def model_error(dirs, capsys, model_dir):
    assert run({**dirs, "model": model_dir}) == 1
    assert not (dirs["output"] / "evaluation.json").exists()
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    return err


def test_a_corrupt_archive_is_an_error(dirs, capsys, tmp_path):
    garbage = tmp_path / "garbage"
    garbage.mkdir()
    (garbage / "model.tar.gz").write_bytes(b"this is not a tarball")
    assert f"{garbage / 'model.tar.gz'} is not a readable gzip-compressed tar archive" in model_error(dirs, capsys, garbage)

    truncated = tmp_path / "truncated"
    truncated.mkdir()
    (truncated / "model.tar.gz").write_bytes((dirs["model"] / "model.tar.gz").read_bytes()[:200])
    assert "is not a readable gzip-compressed tar archive" in model_error(dirs, capsys, truncated)


def test_an_archive_without_the_model_is_an_error(dirs, capsys, tmp_path):
    model_dir = archive_of(tmp_path / "other", {"model.pkl": b"123"})
    assert "holds no xgboost-model file (it holds model.pkl)" in model_error(dirs, capsys, model_dir)


def test_an_archive_with_something_else_as_xgboost_model_is_an_error(dirs, capsys, tmp_path):
    model_dir = archive_of(tmp_path / "junk", {"xgboost-model": os.urandom(64)})
    err = model_error(dirs, capsys, model_dir)
    assert "xgboost-model in " in err
    assert "is not an XGBoost model: " in err


def test_no_model_is_an_error(dirs, capsys, tmp_path):
    (tmp_path / "none").mkdir()
    assert f"no model.tar.gz (nor xgboost-model) in {tmp_path / 'none'}" in model_error(dirs, capsys, tmp_path / "none")


def data_error(dirs, capsys, test_dir):
    assert run({**dirs, "test": test_dir}) == 1
    return capsys.readouterr().err


def test_bad_test_data_is_an_error(dirs, capsys, synthetic, tmp_path):
    features, labels = synthetic
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "test.csv").write_text("")
    assert "test.csv is empty" in data_error(dirs, capsys, empty)

    bad_labels = labels[500:].copy()
    bad_labels[3] = 2
    assert "must be 0 or 1, got 2" in data_error(dirs, capsys, write_test(tmp_path / "labels", features[500:], bad_labels))

    text = tmp_path / "text"
    text.mkdir()
    (text / "test.csv").write_text("1,0.5,abc,0.1,0.2\n0,0.1,0.2,0.3,0.4\n")
    assert "must hold numbers only (header-less, label first); column 3 does not" in data_error(dirs, capsys, text)

    narrow = write_test(tmp_path / "narrow", features[500:, :3], labels[500:])
    assert "the test rows have 3 features but the model expects 4" in data_error(dirs, capsys, narrow)

    single = write_test(tmp_path / "single", features[500:], np.zeros(100, dtype=int))
    assert "the test set holds only label 0" in data_error(dirs, capsys, single)

    (tmp_path / "nocsv").mkdir()
    assert "no test CSV file in" in data_error(dirs, capsys, tmp_path / "nocsv")


def test_copies_the_mlflow_record_of_the_model_archive_into_evaluation_json(dirs, booster, tmp_path):
    """train.py writes mlflow/run.json beside xgboost-model when MLflow is on; the register step reads it back
    from evaluation.json. An id training could not log reads "not-logged": the register step copies these into
    CustomerMetadataProperties, whose values CreateModelPackage requires to be 1 to 256 characters (SageMaker
    API Reference, CreateModelPackage)."""
    record = {"run_id": "r1", "parent_run_id": "p1", "experiment_id": "7", "model_uri": "models:/m-1"}
    model_file = tmp_path / "model.bin"
    booster.save_model(str(model_file))
    model_dir = archive_of(tmp_path / "with-record", {"xgboost-model": model_file.read_bytes(), "mlflow/run.json": json.dumps(record).encode()})
    assert run({**dirs, "model": model_dir}) == 0
    report = json.loads((dirs["output"] / "evaluation.json").read_text())
    assert report["mlflow"] == {"run_id": "r1", "parent_run_id": "p1", "model_uri": "models:/m-1", "experiment_id": "7"}

    extracted = tmp_path / "extracted"
    (extracted / "mlflow").mkdir(parents=True)
    booster.save_model(str(extracted / "xgboost-model"))
    (extracted / "mlflow" / "run.json").write_text(json.dumps({**record, "model_uri": None, "parent_run_id": ""}))
    assert run({**dirs, "model": extracted}) == 0
    assert json.loads((dirs["output"] / "evaluation.json").read_text())["mlflow"] == {
        "run_id": "r1", "parent_run_id": "not-logged", "model_uri": "not-logged", "experiment_id": "7"}


def test_no_mlflow_json_no_mlflow_block(dirs):
    assert run(dirs) == 0
    assert "mlflow" not in json.loads((dirs["output"] / "evaluation.json").read_text())


def test_an_unreadable_mlflow_json_is_an_error(dirs, capsys, booster, tmp_path):
    model_file = tmp_path / "model.bin"
    booster.save_model(str(model_file))
    model_dir = archive_of(tmp_path / "bad-record", {"xgboost-model": model_file.read_bytes(), "mlflow/run.json": b"{not json"})
    assert f"mlflow/run.json in {model_dir / 'model.tar.gz'} is not JSON" in model_error(dirs, capsys, model_dir)


def test_runs_as_a_script_with_exit_codes(dirs, tmp_path):
    script = str(PIPELINES / "evaluate.py")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLFLOW_")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    args = ["--test-dir", str(dirs["test"]), "--output-dir", str(dirs["output"])]
    ok = subprocess.run([sys.executable, script, "--model-dir", str(dirs["model"]), *args], capture_output=True, text=True, env=env)
    assert ok.returncode == 0, ok.stderr
    corrupt = tmp_path / "corrupt"
    corrupt.mkdir()
    (corrupt / "model.tar.gz").write_bytes(b"\x1f\x8b broken")
    failed = subprocess.run([sys.executable, script, "--model-dir", str(corrupt), *args], capture_output=True, text=True, env=env)
    assert failed.returncode == 1
    assert "is not a readable gzip-compressed tar archive" in failed.stderr
    usage = subprocess.run([sys.executable, script, "--model-dir"], capture_output=True, text=True, env=env)
    assert usage.returncode == 2


def test_the_committed_sample_passes_the_quality_gate_end_to_end(tmp_path):
    """preprocess -> train (the pipeline's built-in XGBoost hyperparameters) -> model.tar.gz -> evaluate."""
    assert preprocess.main(["--input-dir", str(SAMPLE.parent), "--output-dir", str(tmp_path / "output")]) == 0
    booster = train_like_the_container(tmp_path / "output/train/train.csv", tmp_path / "output/validation/validation.csv")
    model_dir = package(booster, tmp_path / "model")
    assert evaluate.main([
        "--model-dir", str(model_dir), "--test-dir", str(tmp_path / "output/test"), "--output-dir", str(tmp_path / "evaluation"),
    ]) == 0
    report = json.loads((tmp_path / "evaluation/evaluation.json").read_text())
    auc = report["classification_metrics"]["auc_score"]["value"]
    assert auc >= QUALITY_THRESHOLD
    # The staging payload is this run's test split, as wide as this run's model.
    payload = pd.read_csv(tmp_path / "evaluation/payload.csv", header=None)
    test = pd.read_csv(tmp_path / "output/test/test.csv", header=None)
    assert payload.shape == test.shape
    assert report["model_features"] == test.shape[1] - 1 == booster.num_features()
    # Learnable, not given away: no feature spells out the label.
    assert auc < 0.98


def test_the_test_files_of_every_preprocess_instance_are_evaluated_together(tmp_path, synthetic, booster):
    """Scale-out: Preprocess writes test/test-<host>.csv per instance; Evaluate (one instance) reads them all,
    so the AUC is that of the whole test split, not of one shard."""
    features, labels = synthetic
    whole = {"model": package(booster, tmp_path / "model"), "test": write_test(tmp_path / "one", features[500:], labels[500:]),
             "output": tmp_path / "out-one"}
    sharded = {"model": whole["model"], "test": tmp_path / "three", "output": tmp_path / "out-three"}
    for i, rows in enumerate(np.array_split(np.arange(500, 600), 3)):
        write_test(sharded["test"], features[rows], labels[rows], name=f"test-algo-{i + 1}.csv")
    assert run(whole) == 0 and run(sharded) == 0
    reports = [json.loads((d["output"] / "evaluation.json").read_text()) for d in (whole, sharded)]
    assert reports[1]["test_rows"] == 100
    assert reports[1]["classification_metrics"]["auc_score"]["value"] == pytest.approx(reports[0]["classification_metrics"]["auc_score"]["value"])
    one_shard = roc_auc_score(labels[500:534], booster.predict(xgboost.DMatrix(features[500:534]), iteration_range=(0, booster.best_iteration + 1)))
    assert reports[1]["classification_metrics"]["auc_score"]["value"] != pytest.approx(one_shard)


def test_writes_model_monitors_baseline_with_the_models_output_first(tmp_path):
    """SageMaker "Container Contract Inputs" (a monitoring job reads a captured request as endpointInput and
    endpointOutput, the output first: output_columns_position START): Model Monitor's baseline dataset is the training
    baseline with the model's probability as its first column, so each captured row lines up with its columns."""
    assert preprocess.main(["--input-dir", str(SAMPLE.parent), "--output-dir", str(tmp_path / "output")]) == 0
    booster = train_like_the_container(tmp_path / "output/train/train.csv", tmp_path / "output/validation/validation.csv")
    assert evaluate.main([
        "--model-dir", str(package(booster, tmp_path / "model")), "--test-dir", str(tmp_path / "output/test"),
        "--output-dir", str(tmp_path / "evaluation"),
        "--baseline-dir", str(tmp_path / "output/baseline"), "--monitor-baseline-dir", str(tmp_path / "monitor"),
    ]) == 0
    training_baseline = pd.read_csv(tmp_path / "output/baseline/baseline.csv")
    monitor = pd.read_csv(tmp_path / "monitor/monitor_baseline.csv")
    assert list(monitor.columns) == ["predicted_probability", *training_baseline.columns]
    assert len(monitor) == len(training_baseline)
    # A captured request, as the monitoring job merges it: what the endpoint answered for the features, then the features.
    features = training_baseline.to_numpy(dtype=float)
    answered = booster.predict(xgboost.DMatrix(features), iteration_range=(0, booster.best_iteration + 1))
    captured = np.column_stack([answered, features])
    assert captured.shape[1] == monitor.shape[1]
    assert monitor.to_numpy(dtype=float) == pytest.approx(captured, abs=1e-6)
    # The features-only baseline would have put every captured column one place off.
    assert training_baseline.shape[1] == captured.shape[1] - 1


def test_model_monitors_baseline_needs_both_folders_and_the_models_width(dirs, synthetic, tmp_path, capsys):
    features, _ = synthetic
    args = ["--model-dir", str(dirs["model"]), "--test-dir", str(dirs["test"]), "--output-dir", str(dirs["output"])]
    with pytest.raises(SystemExit) as usage:
        evaluate.main([*args, "--baseline-dir", str(tmp_path)])
    assert usage.value.code == 2
    assert "--baseline-dir and --monitor-baseline-dir go together" in capsys.readouterr().err
    narrow = tmp_path / "narrow"
    narrow.mkdir()
    pd.DataFrame(features[:, :3], columns=["a", "b", "c"]).to_csv(narrow / "baseline.csv", index=False)
    assert evaluate.main([*args, "--baseline-dir", str(narrow), "--monitor-baseline-dir", str(tmp_path / "monitor")]) == 1
    assert "the baseline rows have 3 features but the model expects 4" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert evaluate.main([*args, "--baseline-dir", str(empty), "--monitor-baseline-dir", str(tmp_path / "monitor")]) == 1
    assert "no baseline CSV file in" in capsys.readouterr().err
