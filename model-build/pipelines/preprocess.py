"""Preprocess step of the player-churn pipeline (runs in the SageMaker scikit-learn 1.2-1 container).

Reads the raw player CSV files from --input-dir, turns them into model features and writes:
  train/train.csv, validation/validation.csv, test/test.csv  header-less, label first (70/20/10)
  baseline/baseline.csv                                     the training features with a header
under --output-dir, one folder per processing output.
"""
import argparse
import glob
import os
import sys

import numpy as np
import pandas as pd

LABEL = "player_churn"
ID_COLUMNS = ["player_id"]
CATEGORICAL = ["player_type", "cohort_id"]
SPLITS = (0.7, 0.2, 0.1)
SEED = 42


def read_input(input_dir):
    files = sorted(glob.glob(os.path.join(input_dir, "**", "*.csv"), recursive=True))
    if not files:
        sys.exit(f"no CSV files in {input_dir}")
    frames = [pd.read_csv(f) for f in files]
    return pd.concat(frames, ignore_index=True)


def features(raw):
    if LABEL not in raw.columns:
        sys.exit(f"the input has no {LABEL} column; columns: {', '.join(raw.columns)}")
    data = raw.drop(columns=[c for c in ID_COLUMNS if c in raw.columns])
    present = [c for c in CATEGORICAL if c in data.columns]
    data = pd.get_dummies(data, columns=present, dtype=int)
    data = data.select_dtypes(include=[np.number, bool]).astype(float).fillna(0.0)
    label = data.pop(LABEL).astype(int)
    return pd.concat([label, data], axis=1)


def split(data):
    shuffled = data.sample(frac=1.0, random_state=SEED).reset_index(drop=True)
    n = len(shuffled)
    train_end = int(SPLITS[0] * n)
    validation_end = train_end + int(SPLITS[1] * n)
    return shuffled[:train_end], shuffled[train_end:validation_end], shuffled[validation_end:]


def write(frame, folder, name, header=False):
    os.makedirs(folder, exist_ok=True)
    frame.to_csv(os.path.join(folder, name), header=header, index=False)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--input-dir", default="/opt/ml/processing/input/data")
    parser.add_argument("--output-dir", default="/opt/ml/processing/output")
    args = parser.parse_args(argv)

    data = features(read_input(args.input_dir))
    if data[LABEL].nunique() < 2:
        sys.exit(f"{LABEL} has a single value: the model needs churned and retained players")
    train, validation, test = split(data)
    for frame, name in ((train, "train"), (validation, "validation"), (test, "test")):
        write(frame, os.path.join(args.output_dir, name), f"{name}.csv")
    write(train.drop(columns=[LABEL]), os.path.join(args.output_dir, "baseline"), "baseline.csv", header=True)
    print(f"rows: train {len(train)}, validation {len(validation)}, test {len(test)}; features: {data.shape[1] - 1}")


if __name__ == "__main__":
    main()
