"""Preprocess step of the player-churn pipeline (runs in the SageMaker scikit-learn 1.4-2 container).

Reads the raw player data (CSV files with a header, one row per player, the columns of
`sagemaker-gitops sample-data`) from --input-dir, read recursively, and writes to --output-dir:

  train/train.csv            70 %, churners oversampled to balance the classes
  validation/validation.csv  20 %
  test/test.csv              10 %
  baseline/baseline.csv      the training rows (before oversampling) with a header, no label:
                             the baseline that model-deploy's drift check compares requests with

train, validation and test are header-less CSV with the label (player_churn as 0/1) first, then the
model's features: what the built-in XGBoost algorithm reads (content type text/csv).

Feature engineering (as in the public "MLOps with SageMaker and MLflow" workshop): the 17 selected
columns; missing time-of-day standard deviations (a period with a single event) are 0; player_type
and cohort_id are one-hot encoded (one 0/1 column per value found, sorted). The split is stratified
and seeded; the oversampling is seeded: the same input gives the same output.

MLflow (tracking.py: MLFLOW_TRACKING_URI and the pipeline execution in the environment): the step's run
`preprocess` logs the row and column counts of the input and of each split, the class balance of the
input, of the training split before and after balancing, of validation and test, the seeds and shares
as parameters, the feature names (features.json), and the input data as a dataset input (context
"raw") whose source is the input's S3 URI (read from the processing job's configuration) or folder.

Exit code 0 on success, 1 when the input is unusable (the message names the file, column or value) or
MLflow is configured but its client is not installed, 2 for invalid arguments.
"""
import argparse
import glob
import json
import os
import sys

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.utils import resample

import tracking

LABEL = "player_churn"
ID_COLUMN = "player_id"

# The 17 features the workshop selected, in its order.
FEATURES = [
    "cohort_day_of_week",
    "begin_session_time_of_day_std_last_week_1",
    "player_lifetime",
    "begin_session_time_of_day_mean_last_day_1",
    "end_session_time_of_day_mean_last_week_1",
    "begin_session_time_of_day_mean_last_week_1",
    "cohort_id",
    "player_type",
    "begin_session_time_of_day_std_last_day_1",
    "end_session_time_of_day_mean_last_day_1",
    "begin_session_time_of_day_mean_last_day_2",
    "end_session_time_of_day_std_last_week_1",
    "end_session_time_of_day_std_last_day_1",
    "session_count",
    "end_session_time_of_day_mean_last_day_3",
    "begin_session_time_of_day_mean_last_day_3",
    "end_session_time_of_day_mean_last_day_2",
]
CATEGORICAL = ["player_type", "cohort_id"]
NUMERIC = [c for c in FEATURES if c not in CATEGORICAL]
# A standard deviation is missing when its period holds a single event: no spread, so 0.
FILL_ZERO = [c for c in FEATURES if "_time_of_day_std_" in c]

LABEL_VALUES = {"true": 1, "1": 1, "false": 0, "0": 0}
SPLIT_SEED = 1729
OVERSAMPLING_SEED = 42
VALIDATION_SHARE = 0.2
TEST_SHARE = 0.1
# Enough rows of each class that every split holds both.
MIN_ROWS_PER_CLASS = 10
# What SageMaker Processing tells the container about its job, the inputs' S3 URIs and local paths among it
# (developer guide, "How Amazon SageMaker Processing Configures Your Processing Container").
PROCESSING_JOB_CONFIG = "/opt/ml/config/processingjobconfig.json"


class PreprocessError(Exception):
    """Input the step cannot use: printed as `error: <message>`, exit code 1."""


def read_input(input_dir):
    """Every CSV file under input_dir, validated, as one frame of the selected columns and the label; and
    the number of files and the largest number of columns in a file."""
    if not os.path.isdir(input_dir):
        raise PreprocessError(f"the input folder {input_dir} does not exist")
    files = sorted(glob.glob(os.path.join(input_dir, "**", "*.csv"), recursive=True))
    if not files:
        raise PreprocessError(f"no CSV file in {input_dir}: expected the raw player data (for example data/player-churn.csv)")
    frames, widths = zip(*(read_file(f) for f in files))
    return pd.concat(frames, ignore_index=True), {"files": len(files), "columns": max(widths)}


def read_file(path):
    """The file's selected columns and label, validated; and its number of columns."""
    text_columns = {c: str for c in (ID_COLUMN, LABEL, *CATEGORICAL)}
    try:
        raw = pd.read_csv(path, dtype=text_columns, skipinitialspace=True)
    except pd.errors.EmptyDataError:
        raise PreprocessError(f"{path} is empty: expected a header line and one row per player") from None
    except (pd.errors.ParserError, UnicodeDecodeError) as err:
        raise PreprocessError(f"{path} is not a readable CSV file: {err}") from None
    missing = [c for c in FEATURES + [LABEL] if c not in raw.columns]
    if missing:
        raise PreprocessError(
            f"{path} has no column {', '.join(missing)}; the step needs {', '.join(FEATURES)} and the label {LABEL}"
        )
    if raw.empty:
        raise PreprocessError(f"{path} has a header but no rows")

    data = pd.DataFrame({LABEL: labels(raw[LABEL], path)})
    for column in FEATURES:
        values = raw[column]
        if column in CATEGORICAL:
            values = values.str.strip()
            check_complete(values.replace("", np.nan), column, path)
        else:
            values = numbers(values, column, path)
            if column in FILL_ZERO:
                values = values.fillna(0.0)
            check_complete(values, column, path)
        data[column] = values
    return data, raw.shape[1]


def labels(values, path):
    """True/False/1/0 (any case) as 1/0."""
    normalized = values.str.strip().str.lower()
    bad = ~normalized.isin(LABEL_VALUES.keys())
    if bad.any():
        examples = ", ".join(repr(v) for v in pd.unique(values[bad].fillna("<empty>"))[:3])
        raise PreprocessError(
            f"{LABEL} must be True, False, 1 or 0; {path} has {int(bad.sum())} other value(s), for example {examples} "
            f"(line {line_of(bad)})"
        )
    return normalized.map(LABEL_VALUES).astype(int)


def numbers(values, column, path):
    converted = pd.to_numeric(values, errors="coerce")
    bad = converted.isna() & values.notna()
    if bad.any():
        raise PreprocessError(
            f"column {column} must be numeric; {path} has {values[bad].iloc[0]!r} at line {line_of(bad)}"
        )
    if np.isinf(converted).any():
        raise PreprocessError(f"column {column} must be finite; {path} has an infinite value at line {line_of(np.isinf(converted))}")
    return converted


def check_complete(values, column, path):
    missing = values.isna()
    if missing.any():
        raise PreprocessError(
            f"column {column} has {int(missing.sum())} missing value(s) in {path}, the first at line {line_of(missing)}"
        )


def line_of(mask):
    """The file line of the first True row (line 1 is the header)."""
    return int(np.argmax(mask.to_numpy())) + 2


def features(data):
    """The model's rows: the label first, the numeric features, then the one-hot columns (sorted per feature)."""
    encoded = pd.get_dummies(data, columns=CATEGORICAL, prefix=CATEGORICAL, dtype=int)
    return encoded[[LABEL] + [c for c in encoded.columns if c != LABEL]]


def split(data):
    """Stratified and seeded 70/20/10 split."""
    counts = data[LABEL].value_counts()
    churned, retained = int(counts.get(1, 0)), int(counts.get(0, 0))
    if min(churned, retained) < MIN_ROWS_PER_CLASS:
        raise PreprocessError(
            f"the data needs at least {MIN_ROWS_PER_CLASS} churned and {MIN_ROWS_PER_CLASS} retained players "
            f"to train and evaluate a model, got {churned} churned and {retained} retained"
        )
    test_rows = int(round(len(data) * TEST_SHARE))
    validation_rows = int(round(len(data) * VALIDATION_SHARE))
    train, holdout = train_test_split(
        data, test_size=validation_rows + test_rows, stratify=data[LABEL], random_state=SPLIT_SEED
    )
    validation, test = train_test_split(holdout, test_size=test_rows, stratify=holdout[LABEL], random_state=SPLIT_SEED)
    return train, validation, test


def oversample(train):
    """Draws rows of the smaller class (the churners, in the player data) again until both classes are as large."""
    counts = train[LABEL].value_counts()
    if counts.nunique() == 1:
        return train
    minority = train[train[LABEL] == counts.idxmin()]
    extra = resample(
        minority, replace=True, n_samples=int(counts.max() - counts.min()), random_state=OVERSAMPLING_SEED
    )
    return pd.concat([train, extra]).sample(frac=1.0, random_state=OVERSAMPLING_SEED)


def write(frame, output_dir, name, header=False):
    folder = os.path.join(output_dir, name)
    os.makedirs(folder, exist_ok=True)
    frame.to_csv(os.path.join(folder, f"{name}.csv"), header=header, index=False)


def churn_share(frame):
    return float(frame[LABEL].mean())


def class_counts(frame):
    counts = frame[LABEL].value_counts()
    return int(counts.get(1, 0)), int(counts.get(0, 0))


def input_location(input_dir, config_file=None):
    """The S3 URI the processing job copied into input_dir (from the job's configuration), or the folder."""
    config_file = config_file or PROCESSING_JOB_CONFIG
    folder = os.path.abspath(input_dir)
    try:
        with open(config_file, encoding="utf-8") as f:
            inputs = json.load(f).get("ProcessingInputs", [])
    except (OSError, ValueError):
        inputs = []
    for entry in inputs:
        s3 = entry.get("S3Input") or {}
        local = s3.get("LocalPath")
        if local and s3.get("S3Uri") and (folder == os.path.abspath(local) or folder.startswith(os.path.abspath(local) + os.sep)):
            return s3["S3Uri"]
    return folder


def log_to_mlflow(run, input_dir, raw, info, names, splits):
    """The step's metrics, parameters, feature names and input dataset (see the module's description)."""
    train, balanced, validation, test = splits
    churned_before, retained_before = class_counts(train)
    churned_after, retained_after = class_counts(balanced)
    metrics = {
        "input_files": info["files"],
        "input_rows": len(raw),
        "input_columns": info["columns"],
        "input_churn_share": churn_share(raw),
        "features": len(names),
        "train_rows_before_balancing": len(train),
        "train_rows_after_balancing": len(balanced),
        "train_churned_before_balancing": churned_before,
        "train_retained_before_balancing": retained_before,
        "train_churned_after_balancing": churned_after,
        "train_retained_after_balancing": retained_after,
        "train_churn_share_before_balancing": churn_share(train),
        "train_churn_share_after_balancing": churn_share(balanced),
        "validation_rows": len(validation),
        "validation_churn_share": churn_share(validation),
        "test_rows": len(test),
        "test_churn_share": churn_share(test),
    }
    run.log("log the row counts and class balance", lambda m: m.log_metrics(metrics))
    run.log("log the parameters", lambda m: m.log_params({
        "split_seed": SPLIT_SEED, "oversampling_seed": OVERSAMPLING_SEED, "validation_share": VALIDATION_SHARE,
        "test_share": TEST_SHARE, "label": LABEL,
    }))
    run.log("log the feature names", lambda m: m.log_dict({"features": names}, "features.json"))
    source = input_location(input_dir)
    run.log("log the input data as a dataset", lambda m: m.log_input(
        run.module("mlflow.data").from_pandas(raw, source=source, targets=LABEL, name="player-churn-input"), context="raw"
    ))


def preprocess(input_dir, output_dir, run=None):
    """Runs the step (logging to run, a tracking.StepRun, when given); returns the feature names in model input order."""
    raw, info = read_input(input_dir)
    data = features(raw)
    train, validation, test = split(data)
    balanced = oversample(train)
    for frame, name in ((balanced, "train"), (validation, "validation"), (test, "test")):
        write(frame, output_dir, name)
    write(train.drop(columns=[LABEL]), output_dir, "baseline", header=True)

    names = [c for c in data.columns if c != LABEL]

    def share(frame):
        return f"{100 * frame[LABEL].mean():.1f}% churned"

    print(f"read {len(data)} players ({share(data)}); {len(names)} features: {', '.join(names)}")
    print(
        f"train {len(train)} rows ({share(train)}), {len(balanced)} after oversampling; "
        f"validation {len(validation)} ({share(validation)}); test {len(test)} ({share(test)})"
    )
    if run is not None:
        log_to_mlflow(run, input_dir, raw, info, names, (train, balanced, validation, test))
    return names


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input-dir", default="/opt/ml/processing/input/data", help="folder of raw player CSV files")
    parser.add_argument("--output-dir", default="/opt/ml/processing/output", help="folder of the train, validation, test and baseline outputs")
    args = parser.parse_args(argv)
    try:
        with tracking.start("preprocess") as run:
            preprocess(args.input_dir, args.output_dir, run)
    except (PreprocessError, tracking.TrackingUnavailable) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
