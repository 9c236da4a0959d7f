"""Evaluate step of the player-churn pipeline (runs in the SageMaker XGBoost 1.7-1 container).

Scores the test set with the trained model and writes to --output-dir:

  evaluation.json            {"classification_metrics": {"auc_score": {"value": <test AUC>}, ...}}: the
                             pipeline's quality gate reads classification_metrics.auc_score.value;
                             "model_features" is the number of features the model takes, and "payload"
                             names payload.csv, its rows and their AUC: model-deploy's staging test sends it,
                             checks its width and requires the endpoint to score that AUC on it
  prediction_baseline.csv    prediction,probability,label: one row per test row, with a header
  payload.csv                test rows the model was scored on, header-less, the label (0/1) first: all of
                             them, or a seeded sample of PAYLOAD_MAX_ROWS stratified by label when the test
                             split is larger. The staging test sends the features of each row and checks that
                             the endpoint's AUC over the labels reproduces "payload"'s "auc", the AUC the model
                             scored here on the same rows (`sagemaker-gitops test-endpoint --expected-auc`).
                             The cap bounds the staging test (one request per 10 rows, one after another, in a
                             step with a time limit) and the Synth output that carries the file (a
                             CloudFormation action's input artifact may hold at most 256 MB)

Inputs
  --model-dir   the training step's output: model.tar.gz holding xgboost-model (the built-in
                algorithm's file name), or an already extracted xgboost-model
  --test-dir    header-less CSV files, label (0/1) first, then the features (preprocess.py's test split)

With Model Monitor (both or neither):
  --baseline-dir          the training baseline: CSV files with a header, the features only (preprocess.py's
                          baseline, or MergeBaseline's)
  --monitor-baseline-dir  where monitor_baseline.csv goes: the training baseline with the model's predicted
                          probability as its first column, predicted_probability. Model Monitor's analyzer suggests
                          the data-quality baseline from it: a monitoring job reads each captured request as the
                          endpoint's output (the probability) followed by its input, and checks the columns by
                          position, so the baseline must have the same columns in the same order

Predictions use the trees up to the best iteration of early stopping when the model records one,
as the XGBoost serving container does; the prediction is 1 when the probability is at least 0.5.

MLflow (tracking.py: MLFLOW_TRACKING_URI and the pipeline execution in the environment): the step's run
`evaluate` logs the test metrics (test_auc_score, test_accuracy, ...), evaluation.json, and a ROC curve
(roc_curve.png) and a confusion matrix (confusion_matrix.png) as images; the test metrics also go to
the training run that holds the model, so that the model's run shows how it scored. When the model
archive holds mlflow/run.json (written by train.py when MLflow is on), evaluation.json gets its values as
"mlflow": {"run_id", "parent_run_id", "model_uri", "experiment_id"}, for the register step, with
"not-logged" for what training could not log (the register step's metadata values may not be empty).

Exit code 0 on success, 1 when the model or the test data is unusable or MLflow is configured but its
client is not installed, 2 for invalid arguments.
"""
import argparse
import glob
import json
import os
import re
import sys
import tarfile
import zlib

import numpy as np
import pandas as pd
import xgboost
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_score, recall_score, roc_auc_score, roc_curve

import tracking

ARCHIVE = "model.tar.gz"
MODEL_FILE = "xgboost-model"
MLFLOW_FILE = "mlflow/run.json"
MLFLOW_KEYS = ("run_id", "parent_run_id", "model_uri", "experiment_id")
EVALUATION_FILE = "evaluation.json"
PREDICTION_BASELINE_FILE = "prediction_baseline.csv"
PAYLOAD_FILE = "payload.csv"
PAYLOAD_MAX_ROWS = 10_000
PAYLOAD_SEED = 1729
MONITOR_BASELINE_FILE = "monitor_baseline.csv"
MONITOR_OUTPUT_COLUMN = "predicted_probability"
THRESHOLD = 0.5


class EvaluationError(Exception):
    """A model or test set the step cannot use: printed as `error: <message>`, exit code 1."""


def load_model(model_dir):
    """The booster in model_dir/model.tar.gz (or model_dir/xgboost-model), and the mlflow/run.json beside it
    (a dict, or None when there is none)."""
    archive = os.path.join(model_dir, ARCHIVE)
    if os.path.isfile(archive):
        members, names = read_from_archive(archive, (MODEL_FILE, MLFLOW_FILE))
        if MODEL_FILE not in members:
            raise EvaluationError(f"{archive} holds no {MODEL_FILE} file (it holds {', '.join(names) or 'nothing'})")
        booster = parse_model(members[MODEL_FILE], f"{MODEL_FILE} in {archive}")
        return booster, parse_record(members.get(MLFLOW_FILE), f"{MLFLOW_FILE} in {archive}")
    extracted = os.path.join(model_dir, MODEL_FILE)
    if os.path.isfile(extracted):
        with open(extracted, "rb") as f:
            booster = parse_model(f.read(), extracted)
        record_file = os.path.join(model_dir, MLFLOW_FILE)
        if not os.path.isfile(record_file):
            return booster, None
        with open(record_file, "rb") as f:
            return booster, parse_record(f.read(), record_file)
    raise EvaluationError(f"no {ARCHIVE} (nor {MODEL_FILE}) in {model_dir}: expected the training step's model artifact")


def read_from_archive(archive, wanted):
    """The bytes of the wanted files the archive holds, read without extracting anything to disk; and the
    names of all its members."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            found, names = {}, []
            for member in tar.getmembers():
                names.append(member.name)
                name = os.path.normpath(member.name)
                if name in wanted and member.isfile() and name not in found:
                    found[name] = tar.extractfile(member).read()
            return found, names
    except (tarfile.TarError, EOFError, OSError, zlib.error) as err:
        raise EvaluationError(f"{archive} is not a readable gzip-compressed tar archive: {err}") from None


def parse_record(data, where):
    """mlflow/run.json's run id, parent run id, model URI and experiment id (strings, NOT_LOGGED for an empty
    one), or None without it."""
    if data is None:
        return None
    try:
        record = json.loads(data)
    except ValueError as err:
        raise EvaluationError(f"{where} is not JSON: {err}") from None
    if not isinstance(record, dict):
        raise EvaluationError(f"{where} must be a JSON object with {', '.join(MLFLOW_KEYS)}")
    return {key: str(record.get(key) or "") or tracking.NOT_LOGGED for key in MLFLOW_KEYS}


def parse_model(data, where):
    booster = xgboost.Booster()
    try:
        booster.load_model(bytearray(data))
    except xgboost.core.XGBoostError as err:
        lines = str(err).strip().splitlines() or ["unknown format"]
        # XGBoost prefixes its messages with the time and its source location: "[12:00:00] src/learner.cc:1017: ".
        reason = re.sub(r"^\[[\d:]+\]\s*\S+:\d+:\s*", "", lines[0])
        raise EvaluationError(f"{where} is not an XGBoost model: {reason}") from None
    return booster


def csv_files(folder, what, expected):
    """The CSV files of folder and its subfolders, in order; `what` names the folder in errors."""
    if not os.path.isdir(folder):
        raise EvaluationError(f"the {what} folder {folder} does not exist")
    files = sorted(glob.glob(os.path.join(folder, "**", "*.csv"), recursive=True))
    if not files:
        raise EvaluationError(f"no {what} CSV file in {folder}: expected {expected}")
    return files


def read_csv_file(path, expected, **options):
    """One CSV file (pandas' read_csv options); `expected` says what it should hold, for an empty one."""
    try:
        return pd.read_csv(path, **options)
    except pd.errors.EmptyDataError:
        raise EvaluationError(f"{path} is empty: expected {expected}") from None
    except (pd.errors.ParserError, UnicodeDecodeError) as err:
        raise EvaluationError(f"{path} is not a readable CSV file: {err}") from None


def read_test(test_dir):
    """Labels (0/1) and features of every CSV file in test_dir."""
    frames = []
    for path in csv_files(test_dir, "test", "preprocess.py's test split"):
        frame = read_csv_file(path, "header-less rows, the label first", header=None)
        non_numeric = [i for i in frame.columns if not pd.api.types.is_numeric_dtype(frame[i])]
        if non_numeric:
            raise EvaluationError(f"{path} must hold numbers only (header-less, label first); column {non_numeric[0] + 1} does not")
        if frame.isna().any().any():
            raise EvaluationError(f"{path} has missing values; the preprocess step writes complete rows")
        frames.append(frame)
    widths = {frame.shape[1] for frame in frames}
    if len(widths) > 1:
        raise EvaluationError(f"the test files of {test_dir} have different numbers of columns: {sorted(widths)}")
    data = pd.concat(frames, ignore_index=True)
    labels = data.iloc[:, 0]
    if not labels.isin([0, 1]).all():
        bad = labels[~labels.isin([0, 1])].iloc[0]
        raise EvaluationError(f"the first test column is the label and must be 0 or 1, got {bad}")
    return data.iloc[:, 1:].to_numpy(dtype=float), labels.to_numpy(dtype=int)


def predict(booster, features, rows="the test rows", split="the test split"):
    expected = booster.num_features()
    if features.shape[1] != expected:
        raise EvaluationError(
            f"{rows} have {features.shape[1]} features but the model expects {expected}: "
            f"were the model and {split} made by the same preprocess run?"
        )
    best = booster.attr("best_iteration")
    iterations = (0, int(best) + 1) if best is not None else (0, 0)
    return booster.predict(xgboost.DMatrix(features), iteration_range=iterations)


def metrics(labels, probabilities):
    if len(np.unique(labels)) < 2:
        raise EvaluationError(f"the test set holds only label {labels[0]}: the AUC needs churned and retained players")
    predictions = (probabilities >= THRESHOLD).astype(int)
    values = {
        "auc_score": roc_auc_score(labels, probabilities),
        "accuracy": accuracy_score(labels, predictions),
        "precision": precision_score(labels, predictions, zero_division=0),
        "recall": recall_score(labels, predictions, zero_division=0),
        "f1": f1_score(labels, predictions, zero_division=0),
    }
    return {name: float(value) for name, value in values.items()}, predictions


def figures(labels, probabilities, predictions):
    """The ROC curve and the confusion matrix as matplotlib figures (Agg backend: no display needed)."""
    import matplotlib  # pylint: disable=import-outside-toplevel

    matplotlib.use("Agg")
    from matplotlib.figure import Figure  # pylint: disable=import-outside-toplevel

    roc = Figure(figsize=(5, 5))
    axes = roc.add_subplot()
    false_positives, true_positives, _ = roc_curve(labels, probabilities)
    axes.plot(false_positives, true_positives, label=f"model (AUC {roc_auc_score(labels, probabilities):.3f})")
    axes.plot([0, 1], [0, 1], linestyle="--", color="grey", label="chance")
    axes.set(xlabel="false positive rate", ylabel="true positive rate", title="ROC curve on the test set")
    axes.legend(loc="lower right")

    matrix = confusion_matrix(labels, predictions, labels=[0, 1])
    confusion = Figure(figsize=(5, 4.5))
    axes = confusion.add_subplot()
    image = axes.imshow(matrix, cmap="Blues")
    confusion.colorbar(image, ax=axes)
    for (row, column), count in np.ndenumerate(matrix):
        axes.text(column, row, str(count), ha="center", va="center", color="white" if count > matrix.max() / 2 else "black")
    axes.set(xticks=[0, 1], yticks=[0, 1], xticklabels=["retained", "churned"], yticklabels=["retained", "churned"],
             xlabel="predicted", ylabel="actual", title=f"Confusion matrix (threshold {THRESHOLD})")
    for figure in (roc, confusion):
        figure.tight_layout()
    return {"roc_curve.png": roc, "confusion_matrix.png": confusion}


def log_to_mlflow(run, values, evaluation_file, labels, probabilities, predictions, record):
    """The test metrics, evaluation.json and the two figures; the test metrics also on the model's run."""
    metrics = {f"test_{name}": value for name, value in values.items()}
    run.log("log the test metrics", lambda m: m.log_metrics(metrics))
    run.log(f"log {EVALUATION_FILE}", lambda m: m.log_artifact(evaluation_file))
    images = run.log("draw the figures", lambda m: figures(labels, probabilities, predictions)) or {}
    for name, figure in images.items():
        run.log(f"log {name}", lambda m: m.log_figure(figure, name))
    if record and record["run_id"]:
        run.log("tag the training run and the model URI",
                lambda m: m.set_tags({"training_run_id": record["run_id"], "model_uri": record["model_uri"]}))

        def log_on_training_run(mlflow):
            client = mlflow.MlflowClient()
            for name, value in metrics.items():
                client.log_metric(record["run_id"], name, value)

        run.log("log the test metrics on the training run", log_on_training_run)


def payload_rows(labels, max_rows=None):
    """The positions of the test rows the staging payload holds, in test order: all of them up to max_rows
    (PAYLOAD_MAX_ROWS), else a seeded sample of max_rows in which each label keeps its share of the test split
    (largest remainders round it to whole rows) and has at least two rows (all it has, when fewer), so that
    the sample has an AUC however rare a label is."""
    max_rows = PAYLOAD_MAX_ROWS if max_rows is None else max_rows
    if len(labels) <= max_rows:
        return np.arange(len(labels))
    classes, counts = np.unique(labels, return_counts=True)
    shares = counts * max_rows / len(labels)
    quotas = np.floor(shares).astype(int)
    for i in np.argsort(quotas - shares, kind="stable")[: max_rows - quotas.sum()]:
        quotas[i] += 1
    floors = np.minimum(counts, 2)
    for i in range(len(classes)):
        while quotas[i] < floors[i]:
            # The row comes from the label with the most rows above its own floor; none left: the cap is too small for more.
            spare = quotas - floors
            spare[i] = 0
            if spare.max() <= 0:
                break
            quotas[i] += 1
            quotas[int(np.argmax(spare))] -= 1
    rng = np.random.default_rng(PAYLOAD_SEED)
    chosen = [rng.choice(np.flatnonzero(labels == c), size=q, replace=False) for c, q in zip(classes, quotas)]
    return np.sort(np.concatenate(chosen))


def write_payload(path, features, labels):
    """The scored test rows for the staging test: header-less, the label first, the features as the model read them."""
    frame = pd.DataFrame(features)
    frame.insert(0, "label", labels.astype(int))
    frame.to_csv(path, header=False, index=False)


def payload_report(labels, probabilities, rows):
    """evaluation.json's "payload": the file, its rows and, when its labels hold both classes, the AUC the model
    scored on exactly those rows, which the endpoint must reproduce."""
    report = {"file": PAYLOAD_FILE, "rows": int(len(rows)), "label_column": "first"}
    if len(rows) < len(labels):
        report["sampled_from"] = int(len(labels))
    if len(np.unique(labels[rows])) == 2:
        report["auc"] = float(roc_auc_score(labels[rows], probabilities[rows]))
    return report


def read_baseline(baseline_dir):
    """The training baseline: every CSV file of baseline_dir (with the same header), the features only."""
    files = csv_files(baseline_dir, "baseline", "preprocess.py's baseline")
    frames = []
    for path in files:
        frame = read_csv_file(path, "a header, then the features of the training rows")
        if frames and list(frame.columns) != list(frames[0].columns):
            raise EvaluationError(f"{path} has other columns than {files[0]}: the baseline files must have the same header")
        frames.append(frame)
    baseline = pd.concat(frames, ignore_index=True)
    if baseline.empty:
        raise EvaluationError(f"the baseline of {baseline_dir} has no rows")
    non_numeric = [name for name in baseline.columns if not pd.api.types.is_numeric_dtype(baseline[name])]
    if non_numeric:
        raise EvaluationError(f"the baseline's column {non_numeric[0]} is not numeric: the baseline holds the model's features")
    if MONITOR_OUTPUT_COLUMN in baseline.columns:
        raise EvaluationError(f"the baseline already has a column {MONITOR_OUTPUT_COLUMN}, the name of the model's output")
    return baseline


def write_monitor_baseline(booster, baseline_dir, monitor_baseline_dir):
    """monitor_baseline.csv: the training baseline with the model's probability first; returns its row count."""
    baseline = read_baseline(baseline_dir)
    probabilities = predict(booster, baseline.to_numpy(dtype=float), "the baseline rows", "the baseline")
    baseline.insert(0, MONITOR_OUTPUT_COLUMN, probabilities)
    os.makedirs(monitor_baseline_dir, exist_ok=True)
    baseline.to_csv(os.path.join(monitor_baseline_dir, MONITOR_BASELINE_FILE), index=False)
    return len(baseline)


def evaluate(model_dir, test_dir, output_dir, run=None, baseline_dir=None, monitor_baseline_dir=None):
    """Runs the step (logging to run, a tracking.StepRun, when given); returns the metrics. With baseline_dir and
    monitor_baseline_dir, also writes Model Monitor's baseline dataset."""
    booster, record = load_model(model_dir)
    features, labels = read_test(test_dir)
    probabilities = predict(booster, features)
    values, predictions = metrics(labels, probabilities)

    os.makedirs(output_dir, exist_ok=True)
    evaluation_file = os.path.join(output_dir, EVALUATION_FILE)
    report = {
        "classification_metrics": {name: {"value": value} for name, value in values.items()},
        "test_rows": int(len(labels)),
    }
    report["model_features"] = int(booster.num_features())
    rows = payload_rows(labels)
    report["payload"] = payload_report(labels, probabilities, rows)
    if record is not None:
        report["mlflow"] = record
    with open(evaluation_file, "w") as f:
        json.dump(report, f, indent=2)
        f.write("\n")
    pd.DataFrame({"prediction": predictions, "probability": probabilities, "label": labels}).to_csv(
        os.path.join(output_dir, PREDICTION_BASELINE_FILE), index=False
    )
    write_payload(os.path.join(output_dir, PAYLOAD_FILE), features[rows], labels[rows])
    if len(rows) < len(labels):
        print(f"staging payload: a stratified sample of {len(rows)} of the {len(labels)} test rows")
    if monitor_baseline_dir is not None:
        rows = write_monitor_baseline(booster, baseline_dir, monitor_baseline_dir)
        print(f"Model Monitor baseline: {rows} rows, {MONITOR_OUTPUT_COLUMN} first")
    print(f"test AUC {values['auc_score']:.4f} on {len(labels)} rows (accuracy {values['accuracy']:.4f})")
    if run is not None:
        log_to_mlflow(run, values, evaluation_file, labels, probabilities, predictions, record)
    return values


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model-dir", default="/opt/ml/processing/model", help=f"folder holding the training step's {ARCHIVE}")
    parser.add_argument("--test-dir", default="/opt/ml/processing/test", help="folder of the header-less test CSV files")
    parser.add_argument("--output-dir", default="/opt/ml/processing/evaluation", help=f"folder of {EVALUATION_FILE}, {PREDICTION_BASELINE_FILE} and {PAYLOAD_FILE}")
    parser.add_argument("--baseline-dir", help="with Model Monitor: folder of the training baseline (CSV with a header, the features)")
    parser.add_argument("--monitor-baseline-dir", help=f"with Model Monitor: folder of {MONITOR_BASELINE_FILE}, the baseline with the model's output first")
    args = parser.parse_args(argv)
    if (args.baseline_dir is None) != (args.monitor_baseline_dir is None):
        parser.error("--baseline-dir and --monitor-baseline-dir go together: Model Monitor's baseline is the training baseline with the model's output")
    try:
        with tracking.start("evaluate") as run:
            evaluate(args.model_dir, args.test_dir, args.output_dir, run, args.baseline_dir, args.monitor_baseline_dir)
    except (EvaluationError, tracking.TrackingUnavailable) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
