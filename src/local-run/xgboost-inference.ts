/**
 * The Python program that stands in for the built-in XGBoost algorithm's inference in a batch
 * transform job: it loads the model as the container does (model.tar.gz holding a pickled booster
 * or a saved xgboost model), parses the CSV payload as the container's `csv_to_dmatrix` does
 * (one record a line, an empty column is a missing value, no header and no label: "For CSV
 * inference, the algorithm assumes that CSV input does not have the label column") and answers
 * as the container answers a batch transform (SAGEMAKER_BATCH): one prediction a line.
 */
export const XGBOOST_INFERENCE_SCRIPT = String.raw`"""Built-in XGBoost inference of a batch transform, on this machine.

Written by sagemaker-gitops local-run for a pipeline's Transform step:

  --model <model.tar.gz>   the model artifact (xgboost-model inside)
  --input <file>           the records the model scores: header-less CSV, the features only
  --output <file>          one prediction a line, in record order

Exit code 0 on success; 1 when the model or the records cannot be used (the message says why).
"""
import argparse
import os
import pickle
import sys
import tarfile
import tempfile

import numpy as np
import xgboost as xgb


class InferenceError(Exception):
    """A model or records the container would refuse: "error: <message>", exit code 1."""


def load_boosters(archive):
    folder = tempfile.mkdtemp()
    with tarfile.open(archive) as tar:
        tar.extractall(folder)
    boosters = []
    # As the container's algorithm mode does: every file at the top of the model folder is a model (with
    # SAGEMAKER_INFERENCE_ENSEMBLE on, its default), except dotfiles; folders are not looked into.
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if not os.path.isfile(path) or name.startswith("."):
            continue
        try:
            with open(path, "rb") as f:
                booster = pickle.load(f)
        except Exception:
            booster = xgb.Booster()
            try:
                booster.load_model(path)
            except xgb.core.XGBoostError as err:
                raise InferenceError(f"model file {name} of {archive} cannot be loaded: {str(err).strip().splitlines()[0]}") from None
        boosters.append(booster)
    if not boosters:
        raise InferenceError(f"{archive} holds no model file")
    return boosters


def read_records(path):
    with open(path) as f:
        lines = [line for line in f.read().strip().split("\n") if line != ""]
    try:
        rows = [["nan" if value == "" else value for value in line.split(",")] for line in lines]
        return xgb.DMatrix(np.array(rows).astype(float))
    except ValueError as err:
        raise InferenceError(
            "Loading csv data failed, please ensure data is in csv format (header-less, numbers only, the same number of columns on each line): "
            f"{err}"
        ) from None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True)
    parser.add_argument("--input", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args(argv)
    try:
        boosters = load_boosters(args.model)
        records = read_records(args.input)
        try:
            predictions = [booster.predict(records, validate_features=False) for booster in boosters]
        except xgb.core.XGBoostError as err:
            raise InferenceError(f"Unable to evaluate payload provided: {str(err).strip().splitlines()[0]}") from None
        prediction = predictions[0] if len(predictions) == 1 else np.mean(predictions, axis=0)
    except InferenceError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    with open(args.output, "w") as f:
        f.write("\n".join(map(str, prediction.tolist())) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
`;

/** The file name the local run gives the program in a Transform step's work folder. */
export const XGBOOST_INFERENCE_FILE = 'xgboost_inference.py';
