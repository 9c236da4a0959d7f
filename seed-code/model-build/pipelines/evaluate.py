"""Evaluate step of the player-churn pipeline (runs in the SageMaker XGBoost 1.7-1 container).

Scores the test set (header-less CSV, label first) with the trained model and writes to --output-dir:
  evaluation.json            {"classification_metrics": {"auc_score": {"value": <AUC>}}}
  prediction_baseline.csv    prediction,probability,label
Logs the AUC to MLflow when MLFLOW_TRACKING_URI is set and mlflow can be imported.
"""
import argparse
import glob
import json
import os
import sys
import tarfile

import pandas as pd
import xgboost
from sklearn.metrics import roc_auc_score


def load_model(model_dir):
    archive = os.path.join(model_dir, "model.tar.gz")
    if os.path.exists(archive):
        with tarfile.open(archive) as tar:
            tar.extractall(model_dir)
    path = os.path.join(model_dir, "xgboost-model")
    if not os.path.exists(path):
        sys.exit(f"no xgboost-model in {model_dir} (expected the training step's model.tar.gz)")
    booster = xgboost.Booster()
    booster.load_model(path)
    return booster


def read_test(test_dir):
    files = sorted(glob.glob(os.path.join(test_dir, "*.csv")))
    if not files:
        sys.exit(f"no test CSV in {test_dir}")
    data = pd.concat([pd.read_csv(f, header=None) for f in files], ignore_index=True)
    return data.iloc[:, 1:], data.iloc[:, 0].astype(int)


def log_to_mlflow(auc):
    if not os.environ.get("MLFLOW_TRACKING_URI"):
        return
    try:
        import mlflow
    except ImportError:
        return
    mlflow.set_experiment(os.environ.get("MLFLOW_EXPERIMENT_NAME", "player-churn"))
    with mlflow.start_run(run_name="evaluate"):
        mlflow.log_metric("test_auc", auc)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model-dir", default="/opt/ml/processing/model")
    parser.add_argument("--test-dir", default="/opt/ml/processing/test")
    parser.add_argument("--output-dir", default="/opt/ml/processing/evaluation")
    args = parser.parse_args(argv)

    booster = load_model(args.model_dir)
    features, labels = read_test(args.test_dir)
    if labels.nunique() < 2:
        sys.exit("the test set holds a single class: AUC is undefined")
    probabilities = booster.predict(xgboost.DMatrix(features.values))
    auc = float(roc_auc_score(labels, probabilities))

    os.makedirs(args.output_dir, exist_ok=True)
    with open(os.path.join(args.output_dir, "evaluation.json"), "w") as f:
        json.dump({"classification_metrics": {"auc_score": {"value": auc}}}, f, indent=2)
    pd.DataFrame({
        "prediction": (probabilities >= 0.5).astype(int),
        "probability": probabilities,
        "label": labels,
    }).to_csv(os.path.join(args.output_dir, "prediction_baseline.csv"), index=False)
    log_to_mlflow(auc)
    print(f"test AUC: {auc:.4f} on {len(labels)} rows")


if __name__ == "__main__":
    main()
