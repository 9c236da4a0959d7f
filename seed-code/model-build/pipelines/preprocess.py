"""Preprocess step of the player-churn pipeline (runs in the SageMaker scikit-learn 1.4-2 container).

Reads the raw player data (CSV files with a header, one row per player, the columns of
`sagemaker-gitops sample-data`) from --input-dir, read recursively, and writes to --output-dir:

  train/train.csv            70 %, churners oversampled to balance the classes
  validation/validation.csv  20 %
  test/test.csv              10 %
  baseline/baseline.csv      the training rows (before oversampling) with a header, no label:
                             the baseline that model-deploy's drift check compares requests with;
                             beyond BASELINE_MAX_ROWS of them, a seeded uniform sample of that many

train, validation and test are header-less CSV with the label (player_churn as 0/1) first, then the
model's features: what the built-in XGBoost algorithm reads (content type text/csv).

Feature engineering (as in the public "MLOps with SageMaker and MLflow" workshop): the 17 selected
columns; missing time-of-day standard deviations (a period with a single event) are 0; player_type
and cohort_id are one-hot encoded (one 0/1 column per value found, sorted). The split is stratified
and seeded; the oversampling is seeded: the same input gives the same output.

Scale-out (the project's instanceCounts.processing > 1): the pipeline then runs this script three times,
and the split, the class balancing and the baseline statistics stay those of all the data:

  --scan           each of N instances reads its shard of the input (the label and the categorical columns
                   only) and writes scan/scan-<host>.json: the categories of player_type and cohort_id and
                   the class counts of its files; Preprocess joins the N scans into those of all the data (no
                   instance downloads all the data: File mode copies an input to the instance's volume)
  --scan-dir DIR   each of N instances reads its shard of the input (ShardedByS3Key: whole files), one-hot
                   encodes with the scan's categories (the same columns on every instance), assigns each
                   row to train, validation or test by a seeded hash of its player_id (a row's split does not
                   depend on the shard it is in: the union of the shards' splits is the split of all the data
                   in one piece), balances its own training rows by oversampling (every shard's train is
                   balanced, so their union is), and writes <split>/<split>-<host>.csv (one file per instance
                   and split, so the instances' uploads to one S3 prefix do not overwrite each other)
  --merge-baseline one instance joins the baseline shards into baseline/baseline.csv, from which Model
                   Monitor's analyzer computes the baseline statistics and model-deploy's drift check reads
                   (both see all the training rows, or beyond BASELINE_MAX_ROWS of them a uniform sample of that
                   many: the one instance downloads the shards onto its storage volume and writes their join)

The host and the hosts come from /opt/ml/config/resourceconfig.json (current_host, hosts), as SageMaker
Processing writes it (RESOURCE_CONFIG_FILE overrides the path: the local run's instances).

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
import hashlib
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
# The most rows of the baseline, on one instance or merged when scaled out: a uniform sample of the training
# rows beyond that. The drift check reads the whole file into memory on its small instance (ml.t3.medium:
# 4 GiB), and a stage in another region copies it with one S3 CopyObject, which copies at most 5 GB.
BASELINE_MAX_ROWS = 1_000_000
OVERSAMPLING_SEED = 42
VALIDATION_SHARE = 0.2
TEST_SHARE = 0.1
# Enough rows of each class that every split holds both.
MIN_ROWS_PER_CLASS = 10
# What SageMaker Processing tells the container about its job, the inputs' S3 URIs and local paths among it
# (developer guide, "How Amazon SageMaker Processing Configures Your Processing Container").
PROCESSING_JOB_CONFIG = "/opt/ml/config/processingjobconfig.json"
# Which instance this is, among which (developer guide, same page): {"current_host": "algo-1", "hosts": [...]}.
RESOURCE_CONFIG = "/opt/ml/config/resourceconfig.json"
SPLITS = ("train", "validation", "test")


class PreprocessError(Exception):
    """Input the step cannot use: printed as `error: <message>`, exit code 1."""


def input_files(input_dir, shard=None):
    """The CSV files under input_dir; shard (host, hosts) names the instance in the error when it got none."""
    if not os.path.isdir(input_dir):
        raise PreprocessError(f"the input folder {input_dir} does not exist")
    files = sorted(glob.glob(os.path.join(input_dir, "**", "*.csv"), recursive=True))
    if not files and shard is not None:
        host, hosts = shard
        raise PreprocessError(
            f"no CSV file in {input_dir} on {host} ({len(hosts)} instances): SageMaker gives each instance whole files of the "
            f"input (ShardedByS3Key), so the input must be a prefix of at least {len(hosts)} CSV files"
        )
    if not files:
        raise PreprocessError(f"no CSV file in {input_dir}: expected the raw player data (for example data/player-churn.csv)")
    return files


def other_files(input_dir):
    """The files under input_dir that are not CSV (relative paths, sorted): S3 objects that ShardedByS3Key counts too."""
    paths = (os.path.relpath(p, input_dir) for p in glob.glob(os.path.join(input_dir, "**", "*"), recursive=True) if os.path.isfile(p))
    return sorted(p for p in paths if not p.endswith(".csv"))


def read_input(input_dir, columns=None, shard=None):
    """Every CSV file under input_dir, validated, as one frame of the selected columns and the label (and
    the player id when columns include it); and the number of files and the largest number of columns in a file."""
    files = input_files(input_dir, shard)
    frames, widths = zip(*(read_file(f, columns) for f in files))
    return pd.concat(frames, ignore_index=True), {"files": len(files), "columns": max(widths)}


def read_file(path, columns=None):
    """The file's selected columns (columns: FEATURES unless given) and label, validated; and its number of columns."""
    columns = FEATURES if columns is None else columns
    text_columns = {c: str for c in (ID_COLUMN, LABEL, *CATEGORICAL)}
    wanted = set(columns + [LABEL])
    try:
        raw = pd.read_csv(path, dtype=text_columns, skipinitialspace=True, usecols=lambda c: c in wanted)
        width = len(pd.read_csv(path, nrows=0).columns)
    except pd.errors.EmptyDataError:
        raise PreprocessError(f"{path} is empty: expected a header line and one row per player") from None
    except (pd.errors.ParserError, UnicodeDecodeError) as err:
        raise PreprocessError(f"{path} is not a readable CSV file: {err}") from None
    missing = [c for c in columns + [LABEL] if c not in raw.columns]
    if missing:
        raise PreprocessError(
            f"{path} has no column {', '.join(missing)}; the step needs {', '.join(FEATURES)} and the label {LABEL}"
        )
    if raw.empty:
        raise PreprocessError(f"{path} has a header but no rows")

    data = pd.DataFrame({LABEL: labels(raw[LABEL], path)})
    for column in columns:
        values = raw[column]
        if column == ID_COLUMN:
            check_complete(values, column, path)
        elif column in CATEGORICAL:
            values = values.str.strip()
            check_complete(values.replace("", np.nan), column, path)
        else:
            values = numbers(values, column, path)
            if column in FILL_ZERO:
                values = values.fillna(0.0)
            check_complete(values, column, path)
        data[column] = values
    return data, width


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


def features(data, categories=None):
    """The model's rows: the label first, the numeric features, then the one-hot columns (sorted per feature):
    one per value found, or with categories (the scan's), one per value of all the data, on every shard alike."""
    if categories is not None:
        data = data.copy()
        for column in CATEGORICAL:
            unknown = sorted(set(data[column]) - set(categories[column]))
            if unknown:
                raise PreprocessError(f"{column} has the value {unknown[0]!r}, which the scan of all the data did not find; rerun the pipeline")
            data[column] = pd.Categorical(data[column], categories=categories[column])
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


def hash_split(data):
    """The 70/20/10 split of a shard, row by row: a seeded hash of the player id (MD5, a uniform fraction in
    [0, 1)) below 0.7 is train, below 0.9 validation, else test. A row's split depends on its id only, so the
    shards' splits together are the split of all the data; stratified in expectation (the hash ignores the label)."""
    fractions = split_fractions(data)
    train_end, validation_end = 1 - VALIDATION_SHARE - TEST_SHARE, 1 - TEST_SHARE
    rows = data.drop(columns=[ID_COLUMN])
    return rows[fractions < train_end], rows[(fractions >= train_end) & (fractions < validation_end)], rows[fractions >= validation_end]


def split_fractions(data):
    """Each row's seeded hash of its player id: a uniform fraction in [0, 1) (MD5)."""
    ids = data[ID_COLUMN].astype(str)
    return np.array([int.from_bytes(hashlib.md5(f"{SPLIT_SEED}:{i}".encode()).digest()[:8], "big") / 2.0**64 for i in ids])


def baseline_rows(data, total_rows):
    """The training rows of a shard that go into the baseline: all of them while all the data's training rows
    (70 % of the scans' total_rows) are at most BASELINE_MAX_ROWS, else a uniform sample of every shard (the
    same hash, below a lower bound) that makes about BASELINE_MAX_ROWS in all. MergeBaseline joins the baseline
    shards on one instance, in File mode: its storage volume holds them and their join."""
    train_end = 1 - VALIDATION_SHARE - TEST_SHARE
    share = min(1.0, BASELINE_MAX_ROWS / max(1.0, total_rows * train_end))
    return data[split_fractions(data) < train_end * share].drop(columns=[ID_COLUMN, LABEL])


def baseline_sample(train):
    """The baseline of a run on one instance: its training rows, or beyond BASELINE_MAX_ROWS a seeded uniform
    sample of that many, in their order (as the scaled-out baseline_rows keeps about that many)."""
    if len(train) <= BASELINE_MAX_ROWS:
        return train
    return train.sample(n=BASELINE_MAX_ROWS, random_state=SPLIT_SEED).sort_index()


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


def write(frame, output_dir, name, header=False, file_name=None):
    folder = os.path.join(output_dir, name)
    os.makedirs(folder, exist_ok=True)
    frame.to_csv(os.path.join(folder, f"{file_name or name}.csv"), header=header, index=False)


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
    write(baseline_sample(train.drop(columns=[LABEL])), output_dir, "baseline", header=True)

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


def cluster(resource_config=None):
    """(current host, sorted hosts) of this processing instance: resourceconfig.json, else one host algo-1."""
    path = resource_config or os.environ.get("RESOURCE_CONFIG_FILE") or RESOURCE_CONFIG
    try:
        with open(path, encoding="utf-8") as f:
            config = json.load(f)
        return config["current_host"], sorted(config["hosts"])
    except (OSError, ValueError, KeyError):
        return "algo-1", ["algo-1"]


def scan(input_dir, output_dir, shard=None):
    """--scan on each of the N instances over its shard of the input (ShardedByS3Key, as Preprocess reads it): the
    categories and class counts of its files into scan/scan-<host>.json; returns them. Preprocess joins the N scans
    (read_scan). Each instance downloads only its share of the data, so no step of the pipeline needs the storage
    of all of it. An instance without a CSV file, or with other objects (ShardedByS3Key shares out every object
    under the prefix), stops here, before Preprocess starts: every object is some scan instance's."""
    host, hosts = shard or ("algo-1", ["algo-1"])
    files = input_files(input_dir, (host, hosts))
    others = other_files(input_dir) if len(hosts) > 1 else []
    if others:
        raise PreprocessError(
            f"{host} ({len(hosts)} instances) got files other than CSV ({', '.join(others[:3])}{', ...' if len(others) > 3 else ''}): "
            f"SageMaker shards every S3 object under the input prefix (ShardedByS3Key), not only the CSV files, so an instance "
            f"could get none of the data (move them out of the input prefix, or set the project's instanceCounts.processing to 1)"
        )
    data, info = read_input(input_dir, columns=list(CATEGORICAL))
    churned, retained = class_counts(data)
    result = {
        "categories": {c: sorted(data[c].unique().tolist()) for c in CATEGORICAL},
        "rows": len(data), "churned": churned, "retained": retained, "files": len(files),
    }
    folder = os.path.join(output_dir, "scan")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"scan-{host}.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print(f"{host} of {len(hosts)}: scanned {len(data)} players in {info['files']} file(s): {churned} churned, {retained} retained; "
          + "; ".join(f"{c}: {len(v)} values" for c, v in result["categories"].items()))
    return result


def read_scan(scan_dir):
    """The scans of all the instances (scan-<host>.json) joined: every category found, the counts summed; the data
    must hold enough players of each class."""
    paths = sorted(glob.glob(os.path.join(scan_dir, "scan-*.json")))
    if not paths:
        raise PreprocessError(f"cannot read the scan of all the data: no scan-<host>.json in {scan_dir}")
    joined = {"categories": {c: set() for c in CATEGORICAL}, "rows": 0, "churned": 0, "retained": 0, "files": 0}
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                part = json.load(f)
            for column in CATEGORICAL:
                joined["categories"][column].update(part["categories"][column])
            for count in ("rows", "churned", "retained", "files"):
                joined[count] += part[count]
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise PreprocessError(f"cannot read the scan of all the data ({path}): {err}") from None
    joined["categories"] = {c: sorted(v) for c, v in joined["categories"].items()}
    if min(joined["churned"], joined["retained"]) < MIN_ROWS_PER_CLASS:
        raise PreprocessError(
            f"the data needs at least {MIN_ROWS_PER_CLASS} churned and {MIN_ROWS_PER_CLASS} retained players "
            f"to train and evaluate a model, got {joined['churned']} churned and {joined['retained']} retained"
        )
    return joined


def preprocess_shard(input_dir, output_dir, scan_dir, shard, run=None):
    """--scan-dir: this instance's shard into <split>/<split>-<host>.csv and baseline/baseline-<host>.csv; returns
    the feature names (the same on every shard)."""
    host, hosts = shard
    raw, info = read_input(input_dir, columns=[ID_COLUMN] + FEATURES, shard=shard)
    scanned = read_scan(scan_dir)
    data = features(raw, scanned["categories"])
    train, validation, test = hash_split(data)
    if train.empty:
        # The train channel is sharded by file too (ShardedByS3Key): a training instance may get only this file.
        raise PreprocessError(
            f"{host} ({len(hosts)} instances) has no training row among the {len(data)} players of its shard: each training "
            f"instance gets whole train files, one per Preprocess instance, so every input file needs players for the training "
            f"split (70 %); join the small files into larger ones"
        )
    balanced = oversample(train)
    for frame, name in ((balanced, "train"), (validation, "validation"), (test, "test")):
        write(frame, output_dir, name, file_name=f"{name}-{host}")
    write(baseline_rows(data, scanned["rows"]), output_dir, "baseline", header=True, file_name=f"baseline-{host}")
    names = [c for c in data.columns if c not in (LABEL, ID_COLUMN)]
    print(f"{host} of {len(hosts)}: read {len(data)} players in {info['files']} file(s); train {len(train)} rows, "
          f"{len(balanced)} after oversampling; validation {len(validation)}; test {len(test)}")
    if run is not None:
        log_to_mlflow(run, input_dir, raw.drop(columns=[ID_COLUMN]), info, names, (train, balanced, validation, test))
    return names


def merge_baseline(input_dir, output_dir):
    """--merge-baseline: the baseline shards (CSV with the same header) into baseline/baseline.csv, streamed."""
    files = input_files(input_dir)
    folder = os.path.join(output_dir, "baseline")
    os.makedirs(folder, exist_ok=True)
    header, rows = None, 0
    with open(os.path.join(folder, "baseline.csv"), "w", encoding="utf-8") as out:
        for path in files:
            with open(path, encoding="utf-8") as f:
                first = f.readline()
                if header is None:
                    header = first
                    out.write(header)
                elif first != header:
                    raise PreprocessError(f"{path} has other columns than {files[0]}: the baseline shards must have the same header")
                for line in f:
                    out.write(line)
                    rows += 1
    print(f"merged {len(files)} baseline shard(s): {rows} rows")
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input-dir", default="/opt/ml/processing/input/data", help="folder of raw player CSV files")
    parser.add_argument("--output-dir", default="/opt/ml/processing/output", help="folder of the train, validation, test and baseline outputs")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--scan", action="store_true", help="write scan/scan-<host>.json: categories and class counts of this instance's shard")
    mode.add_argument("--scan-dir", help="the scans' folder: preprocess this instance's shard with the categories of all the data")
    mode.add_argument("--merge-baseline", action="store_true", help="join the baseline shards of --input-dir into baseline/baseline.csv")
    args = parser.parse_args(argv)
    try:
        if args.scan:
            scan(args.input_dir, args.output_dir, cluster())
        elif args.merge_baseline:
            merge_baseline(args.input_dir, args.output_dir)
        elif args.scan_dir:
            shard = cluster()
            # The hosts start at once: the first creates the execution's MLflow run, the others wait for it.
            with tracking.start("preprocess" if len(shard[1]) == 1 else f"preprocess-{shard[0]}", creates_parent=shard[0] == shard[1][0]) as run:
                preprocess_shard(args.input_dir, args.output_dir, args.scan_dir, shard, run)
        else:
            with tracking.start("preprocess") as run:
                preprocess(args.input_dir, args.output_dir, run)
    except (PreprocessError, tracking.TrackingUnavailable) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
