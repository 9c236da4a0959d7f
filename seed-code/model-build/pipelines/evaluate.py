"""Evaluate step of the player-churn pipeline (runs in the SageMaker XGBoost 1.7-1 container).

Scores the test set with the trained model and writes to --output-dir:

  evaluation.json            {"classification_metrics": {"auc_score": {"value": <test AUC>}, ...}}: the
                             pipeline's quality gate reads classification_metrics.auc_score.value
  prediction_baseline.csv    prediction,probability,label: one row per test row, with a header

Inputs
  --model-dir   the training step's output: model.tar.gz holding xgboost-model (the built-in
                algorithm's file name), or an already extracted xgboost-model
  --test-dir    header-less CSV files, label (0/1) first, then the features (preprocess.py's test split)

Predictions use the trees up to the best iteration of early stopping when the model records one,
as the XGBoost serving container does; the prediction is 1 when the probability is at least 0.5.

When MLFLOW_TRACKING_URI is set and mlflow can be imported, the metrics and evaluation.json are
logged to a run of the experiment MLFLOW_EXPERIMENT_NAME (default player-churn); otherwise nothing
is attempted and nothing is said. A failure to log is a warning: the evaluation still succeeds.

Exit code 0 on success, 1 when the model or the test data is unusable, 2 for invalid arguments.
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
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score, roc_auc_score

ARCHIVE = "model.tar.gz"
MODEL_FILE = "xgboost-model"
EVALUATION_FILE = "evaluation.json"
PREDICTION_BASELINE_FILE = "prediction_baseline.csv"
THRESHOLD = 0.5
DEFAULT_EXPERIMENT = "player-churn"


class EvaluationError(Exception):
    """A model or test set the step cannot use: printed as `error: <message>`, exit code 1."""


def load_model(model_dir):
    """The booster in model_dir/model.tar.gz (or model_dir/xgboost-model)."""
    archive = os.path.join(model_dir, ARCHIVE)
    if os.path.isfile(archive):
        return parse_model(read_from_archive(archive), f"{MODEL_FILE} in {archive}")
    extracted = os.path.join(model_dir, MODEL_FILE)
    if os.path.isfile(extracted):
        with open(extracted, "rb") as f:
            return parse_model(f.read(), extracted)
    raise EvaluationError(f"no {ARCHIVE} (nor {MODEL_FILE}) in {model_dir}: expected the training step's model artifact")


def read_from_archive(archive):
    """The bytes of xgboost-model, read from the archive without extracting anything to disk."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            members = [m for m in tar.getmembers() if os.path.normpath(m.name) == MODEL_FILE and m.isfile()]
            if not members:
                names = ", ".join(m.name for m in tar.getmembers()) or "nothing"
                raise EvaluationError(f"{archive} holds no {MODEL_FILE} file (it holds {names})")
            return tar.extractfile(members[0]).read()
    except (tarfile.TarError, EOFError, OSError, zlib.error) as err:
        raise EvaluationError(f"{archive} is not a readable gzip-compressed tar archive: {err}") from None


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


def read_test(test_dir):
    """Labels (0/1) and features of every CSV file in test_dir."""
    if not os.path.isdir(test_dir):
        raise EvaluationError(f"the test folder {test_dir} does not exist")
    files = sorted(glob.glob(os.path.join(test_dir, "**", "*.csv"), recursive=True))
    if not files:
        raise EvaluationError(f"no test CSV file in {test_dir}: expected preprocess.py's test split")
    frames = []
    for path in files:
        try:
            frame = pd.read_csv(path, header=None)
        except pd.errors.EmptyDataError:
            raise EvaluationError(f"{path} is empty: expected header-less rows, the label first") from None
        except (pd.errors.ParserError, UnicodeDecodeError) as err:
            raise EvaluationError(f"{path} is not a readable CSV file: {err}") from None
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


def predict(booster, features):
    expected = booster.num_features()
    if features.shape[1] != expected:
        raise EvaluationError(
            f"the test rows have {features.shape[1]} features but the model expects {expected}: "
            "were the model and the test split made by the same preprocess run?"
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


def log_to_mlflow(values, evaluation_file):
    """Logs to MLflow when it is configured and installed; returns whether it did."""
    uri = os.environ.get("MLFLOW_TRACKING_URI")
    if not uri:
        return False
    try:
        import mlflow
    except ImportError:
        return False
    try:
        mlflow.set_tracking_uri(uri)
        mlflow.set_experiment(os.environ.get("MLFLOW_EXPERIMENT_NAME") or DEFAULT_EXPERIMENT)
        with mlflow.start_run(run_name="evaluate"):
            mlflow.log_metrics({f"test_{name}": value for name, value in values.items()})
            mlflow.log_artifact(evaluation_file)
    except Exception as err:  # the tracking server is optional: report, do not fail the evaluation
        print(f"warning: could not log the evaluation to MLflow at {uri}: {err}", file=sys.stderr)
        return False
    return True


def evaluate(model_dir, test_dir, output_dir):
    """Runs the step; returns the metrics."""
    booster = load_model(model_dir)
    features, labels = read_test(test_dir)
    probabilities = predict(booster, features)
    values, predictions = metrics(labels, probabilities)

    os.makedirs(output_dir, exist_ok=True)
    evaluation_file = os.path.join(output_dir, EVALUATION_FILE)
    report = {
        "classification_metrics": {name: {"value": value} for name, value in values.items()},
        "test_rows": int(len(labels)),
    }
    with open(evaluation_file, "w") as f:
        json.dump(report, f, indent=2)
        f.write("\n")
    pd.DataFrame({"prediction": predictions, "probability": probabilities, "label": labels}).to_csv(
        os.path.join(output_dir, PREDICTION_BASELINE_FILE), index=False
    )
    log_to_mlflow(values, evaluation_file)
    print(f"test AUC {values['auc_score']:.4f} on {len(labels)} rows (accuracy {values['accuracy']:.4f})")
    return values


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model-dir", default="/opt/ml/processing/model", help=f"folder holding the training step's {ARCHIVE}")
    parser.add_argument("--test-dir", default="/opt/ml/processing/test", help="folder of the header-less test CSV files")
    parser.add_argument("--output-dir", default="/opt/ml/processing/evaluation", help=f"folder of {EVALUATION_FILE} and {PREDICTION_BASELINE_FILE}")
    args = parser.parse_args(argv)
    try:
        evaluate(args.model_dir, args.test_dir, args.output_dir)
    except EvaluationError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
