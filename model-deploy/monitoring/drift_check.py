"""Drift check of a SageMaker real-time endpoint (runs in the SageMaker scikit-learn 1.4-2 container).

Compares the production requests that endpoint data capture recorded with the training baseline,
feature by feature:
  PSI  population stability index over 10 bins cut at the baseline's deciles
  KS   two-sample Kolmogorov-Smirnov statistic (and its p-value)
A feature drifts when its PSI > --psi-threshold or its KS statistic > --ks-threshold.

Inputs
  --baseline-dir     folder of CSV files with a header: the model's feature columns, no label
                     (written by model-build's preprocess step)
  --capture-dir      folder of data capture JSON Lines files, read recursively (local runs), or
  --capture-s3-uri   s3://bucket/prefix/<endpoint-name>/ : reads <variant>/yyyy/mm/dd/hh/*.jsonl for
                     every variant and every hour folder of the window [end - lookback, end), where
                     end is --end-time (default now, UTC) and lookback is --lookback-hours (default 24)
  --variant          read only this variant's folder (default: the CAPTURE_VARIANT environment
                     variable, else every variant). The drift job sets it to the production variant:
                     during a shadow test the shadow variant's folder holds copies of the same
                     production requests, which would count every request twice

Captured rows are header-less CSV with the baseline's columns in order; one request may hold several
rows. A row with another number of fields, or a non-numeric field, is malformed and skipped; an empty
field is a missing value.

Output
  <output-dir>/drift-report.json with the status ok | drift | insufficient-data | schema-mismatch, and,
  with --publish-metrics, the CloudWatch metrics MaxPSI, MaxKS, DriftedFeatures, CapturedRows and
  DriftDetected (dimension EndpointName) in --metric-namespace.

MLflow: with MLFLOW_TRACKING_URI set (an MLflow App or tracking server ARN, resolved by the
sagemaker-mlflow plugin, or any MLflow URI), every check is a run of the monitoring experiment
"<MLFLOW_EXPERIMENT_NAME>-monitoring" (default player-churn-monitoring), named
"drift <endpoint> <window end>": the thresholds and window as parameters, the counts, MaxPSI, MaxKS and
the verdict as metrics, per feature psi/<feature>, ks/<feature>, ks_p_value/<feature> and
drifted/<feature>, the status as the tag drift.status, and drift-report.json as an artifact. Without it,
nothing is logged and the check says so in one line. With it, a missing mlflow package (or, for an
ARN, the sagemaker-mlflow plugin) stops the check (exit code 2) naming the fix; a tracking call that
fails is a WARNING and counts in mlflow_logging_failures, never a failed check.

Exit code: 0 for ok, drift and insufficient-data (drift is signalled by the DriftDetected metric, the
check itself succeeded); 2 for schema-mismatch, a missing baseline, invalid arguments, or MLflow
configured without its client.

From another account than the MLflow backend's (a staging or production account), the job names the
backend's account's role MLFLOW_ASSUME_ROLE_ARN: the check assumes it (AWS STS, in the job's region)
and uses its credentials for the MLflow calls only, as AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
AWS_SESSION_TOKEN around them (the sagemaker-mlflow plugin and MLflow's S3 artifact upload read the
default credential chain), restored afterwards: S3 and CloudWatch keep the job's own role. A backend
the project created is named by MLFLOW_TRACKING_URI_PARAMETER, the ARN of the SSM parameter holding
its ARN, read with the assumed role. A failed assume-role or read is a WARNING and counts in
mlflow_logging_failures, never a failed check.
"""
import argparse
import base64
import binascii
import collections
import contextlib
import csv
import datetime
import glob
import importlib
import importlib.util
import json
import math
import os
import re
import sys
from array import array

import numpy as np
import pandas as pd
from scipy import stats

REPORT_FILE = "drift-report.json"
BINS = 10
EPSILON = 1e-4
EXIT_OK = 0
EXIT_ERROR = 2
UTC = datetime.timezone.utc


class DriftCheckError(Exception):
    """A problem that stops the check: printed on stderr, exit code 2."""


# ---------------------------------------------------------------------------------------------
# Baseline


def read_baseline(baseline_dir):
    """Reads every *.csv (with a header) under baseline_dir into one numeric DataFrame.

    Values that are not numbers become missing values. Raises DriftCheckError when there is no
    CSV file, no row, or the files disagree on their columns.
    """
    files = sorted(glob.glob(os.path.join(baseline_dir, "**", "*.csv"), recursive=True))
    if not files:
        raise DriftCheckError(f"no baseline: no *.csv file in {baseline_dir}")
    frames = []
    for path in files:
        frame = pd.read_csv(path)
        if frames and list(frame.columns) != list(frames[0].columns):
            raise DriftCheckError(
                f"the baseline files disagree on their columns: {files[0]} has {list(frames[0].columns)}, "
                f"{path} has {list(frame.columns)}"
            )
        frames.append(frame)
    data = pd.concat(frames, ignore_index=True)
    if data.empty or data.shape[1] == 0:
        raise DriftCheckError(f"no baseline: the CSV files in {baseline_dir} hold no rows")
    return data.apply(pd.to_numeric, errors="coerce").astype(float)


# ---------------------------------------------------------------------------------------------
# Captured requests


class Capture:
    """The captured rows that match the baseline's columns, and counts of what was skipped."""

    def __init__(self, n_columns):
        self.n_columns = n_columns
        self.values = array("d")  # row-major, n_columns values per row; compact for large windows
        self.rows = 0
        self.malformed_rows = 0
        self.field_counts = collections.Counter()  # field count -> malformed rows with that count
        self.non_numeric_rows = 0
        self.skipped_requests = 0  # lines that are not a decodable CSV capture record
        self.outside_window = 0  # records whose inferenceTime lies outside the window

    def matrix(self):
        """The captured rows as a (rows, n_columns) float array."""
        return np.frombuffer(self.values, dtype=float).reshape(-1, self.n_columns)


def parse_time(text):
    """Parses an ISO 8601 time ('2026-11-23T10:00:00Z', '+00:00', fractions, or no zone = UTC) to UTC."""
    match = re.match(
        r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$",
        text.strip(),
    )
    if not match:
        raise ValueError(f"not an ISO 8601 time: {text!r}")
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    microsecond = int((fraction or "0")[:6].ljust(6, "0"))
    tz = UTC
    if zone and zone != "Z":
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        tz = datetime.timezone(sign * datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    moment = datetime.datetime(
        int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), microsecond, tzinfo=tz
    )
    return moment.astimezone(UTC)


def format_time(moment):
    """Formats a UTC datetime as '2026-11-23T10:00:00Z'."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def request_csv(record):
    """Returns the CSV text of one capture record's endpoint input.

    Raises ValueError when the record has no input, or its encoding is neither CSV nor BASE64
    (a JSON request cannot be compared with a CSV baseline).
    """
    try:
        endpoint_input = record["captureData"]["endpointInput"]
        data = endpoint_input["data"]
    except (KeyError, TypeError):
        raise ValueError("no captureData.endpointInput.data")
    encoding = str(endpoint_input.get("encoding", "CSV")).upper()
    content_type = str(endpoint_input.get("observedContentType", ""))
    if "json" in content_type.lower():
        raise ValueError(f"content type {content_type} is not CSV")
    if encoding == "CSV":
        return data
    if encoding == "BASE64":
        try:
            return base64.b64decode(data, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError) as error:
            raise ValueError(f"undecodable BASE64 data: {error}")
    raise ValueError(f"encoding {encoding} is not CSV or BASE64")


def parse_value(field):
    """One CSV field as a float; an empty field is a missing value (NaN). Raises ValueError otherwise."""
    text = field.strip()
    return math.nan if text == "" else float(text)


def add_rows(capture, text):
    """Adds the rows of one request's CSV text to capture, counting the malformed ones."""
    lines = [line for line in text.splitlines() if line.strip()]
    for row in csv.reader(lines):
        if len(row) != capture.n_columns:
            capture.malformed_rows += 1
            capture.field_counts[len(row)] += 1
            continue
        try:
            values = [parse_value(field) for field in row]
        except ValueError:
            capture.malformed_rows += 1
            capture.non_numeric_rows += 1
            continue
        capture.values.extend(values)
        capture.rows += 1


def event_time(record):
    """The record's eventMetadata.inferenceTime as a UTC datetime, or None when absent or unreadable."""
    try:
        return parse_time(record["eventMetadata"]["inferenceTime"])
    except (KeyError, TypeError, AttributeError, ValueError):
        return None


def read_capture(lines, n_columns, window=None):
    """Parses data capture JSON Lines into a Capture.

    With a window (start, end), records whose inferenceTime lies outside [start, end) are left out:
    the first and last hour folders of the window also hold requests from outside it.
    """
    capture = Capture(n_columns)
    for line in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            capture.skipped_requests += 1
            continue
        if window is not None:
            moment = event_time(record)
            if moment is not None and not window[0] <= moment < window[1]:
                capture.outside_window += 1
                continue
        try:
            text = request_csv(record)
        except ValueError:
            capture.skipped_requests += 1
            continue
        add_rows(capture, text)
    return capture


def read_capture_dir(capture_dir):
    """Yields the lines of every *.jsonl file under capture_dir (recursively, in name order)."""
    for path in sorted(glob.glob(os.path.join(capture_dir, "**", "*.jsonl"), recursive=True)):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                yield line


# ---------------------------------------------------------------------------------------------
# Captured requests in S3


def parse_s3_uri(uri):
    """Splits 's3://bucket/some/prefix' into ('bucket', 'some/prefix/'); the prefix ends with '/' unless empty."""
    match = re.match(r"^s3://([^/]+)/?(.*)$", uri)
    if not match:
        raise DriftCheckError(f"{uri} is not an s3://bucket/prefix URI")
    bucket, prefix = match.groups()
    if prefix and not prefix.endswith("/"):
        prefix += "/"
    return bucket, prefix


def capture_window(end, lookback_hours):
    """The window (start, end) of lookback_hours hours that ends at end."""
    return end - datetime.timedelta(hours=lookback_hours), end


def hour_folders(start, end):
    """The data capture hour folders 'yyyy/mm/dd/hh/' that overlap [start, end)."""
    hour = start.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    folders = []
    while hour < end:
        folders.append(hour.strftime("%Y/%m/%d/%H/"))
        hour += datetime.timedelta(hours=1)
    return folders


def list_capture_keys(s3, bucket, prefix, start, end, variant=None):
    """Lists the *.jsonl keys of the hour folders inside [start, end) of every variant under prefix
    (of the one named variant, when given).

    prefix is the endpoint's capture prefix ('<capture prefix>/<endpoint-name>/'); its sub-folders are
    the variants. s3 is a boto3 S3 client (or anything with the same get_paginator).
    """
    paginator = s3.get_paginator("list_objects_v2")
    variants = []
    if variant:
        variants.append(f"{prefix}{variant}/")
    else:
        for page in paginator.paginate(Bucket=bucket, Prefix=prefix, Delimiter="/"):
            variants.extend(entry["Prefix"] for entry in page.get("CommonPrefixes", []))
    keys = []
    for variant in sorted(variants):
        for folder in hour_folders(start, end):
            for page in paginator.paginate(Bucket=bucket, Prefix=variant + folder):
                keys.extend(entry["Key"] for entry in page.get("Contents", []) if entry["Key"].endswith(".jsonl"))
    return keys


def read_s3_lines(s3, bucket, keys):
    """Yields the lines of the given S3 objects, read one object at a time with s3.get_object."""
    for key in keys:
        body = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
        for line in body.decode("utf-8").splitlines():
            yield line


def aws_client(service, region_name=None, credentials=None):
    """A boto3 client, of the job's own role or of `credentials` (an STS Credentials dict); boto3 is
    imported here so that local runs and tests need not have it."""
    import boto3  # pylint: disable=import-outside-toplevel

    if credentials is None:
        return boto3.client(service, region_name=region_name)
    session = boto3.session.Session(aws_access_key_id=credentials["AccessKeyId"], aws_secret_access_key=credentials["SecretAccessKey"],
                                    aws_session_token=credentials["SessionToken"])
    return session.client(service, region_name=region_name)


# ---------------------------------------------------------------------------------------------
# Statistics


def psi(baseline, captured, bins=BINS, epsilon=EPSILON):
    """Population stability index of captured against baseline.

    The bin edges are the baseline's inner quantiles (deciles for 10 bins), deduplicated, with
    open-ended first and last bins; a bin is (edge[i-1], edge[i]]. Empty bins count as epsilon so
    that the index stays finite.
    """
    edges = np.unique(np.quantile(baseline, np.linspace(0, 1, bins + 1)[1:-1]))
    expected = np.bincount(np.searchsorted(edges, baseline, side="left"), minlength=len(edges) + 1) / len(baseline)
    actual = np.bincount(np.searchsorted(edges, captured, side="left"), minlength=len(edges) + 1) / len(captured)
    expected = np.maximum(expected, epsilon)
    actual = np.maximum(actual, epsilon)
    return float(np.sum((actual - expected) * np.log(actual / expected)))


def finite_or_none(value):
    """value as a float rounded to 6 significant digits, or None when it is not a finite number."""
    if value is None:
        return None
    value = float(value)
    return float(f"{value:.6g}") if math.isfinite(value) else None


def feature_drift(baseline, captured, psi_threshold, ks_threshold):
    """PSI, KS statistic, KS p-value and the drift verdict of one feature.

    Missing and infinite values are left out. A feature without values on either side gets nulls and
    no drift; a feature with one and the same value in both sets gets PSI 0 and KS 0.
    """
    baseline = baseline[np.isfinite(baseline)]
    captured = captured[np.isfinite(captured)]
    if len(baseline) == 0 or len(captured) == 0:
        return {"psi": None, "ks": None, "ksPValue": None, "drifted": False}
    if baseline.min() == baseline.max() == captured.min() == captured.max():
        return {"psi": 0.0, "ks": 0.0, "ksPValue": 1.0, "drifted": False}
    index = psi(baseline, captured)
    ks = stats.ks_2samp(baseline, captured)
    statistic, p_value = float(ks.statistic), float(ks.pvalue)
    return {
        "psi": finite_or_none(index),
        "ks": finite_or_none(statistic),
        "ksPValue": finite_or_none(p_value),
        "drifted": bool(index > psi_threshold or statistic > ks_threshold),
    }


def compare(baseline, captured, psi_threshold, ks_threshold):
    """Per-feature drift of the captured matrix (columns in the baseline's order) against the baseline frame."""
    return {
        str(name): feature_drift(baseline[name].to_numpy(dtype=float), captured[:, i], psi_threshold, ks_threshold)
        for i, name in enumerate(baseline.columns)
    }


# ---------------------------------------------------------------------------------------------
# Report and metrics


def build_report(status, endpoint_name, window, baseline, capture, thresholds, features):
    """The drift-report.json document (only JSON-safe values)."""
    psis = [f["psi"] for f in features.values() if f["psi"] is not None]
    kss = [f["ks"] for f in features.values() if f["ks"] is not None]
    return {
        "status": status,
        "endpointName": endpoint_name,
        "window": {"start": format_time(window[0]), "end": format_time(window[1])} if window else None,
        "baselineRows": int(len(baseline)),
        "capturedRows": capture.rows,
        "malformedRows": capture.malformed_rows,
        "skippedRequests": capture.skipped_requests,
        "thresholds": {"psi": thresholds[0], "ks": thresholds[1]},
        "maxPsi": max(psis) if psis else None,
        "maxKs": max(kss) if kss else None,
        "driftedFeatures": [name for name, f in features.items() if f["drifted"]],
        "features": features,
    }


def write_report(output_dir, report):
    """Writes the report to <output_dir>/drift-report.json (strict JSON: a NaN raises) and returns its path."""
    os.makedirs(output_dir, exist_ok=True)
    path = os.path.join(output_dir, REPORT_FILE)
    text = json.dumps(report, indent=2, allow_nan=False)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text + "\n")
    return path


def report_metrics(report):
    """The CloudWatch metric values of a report: CapturedRows always, the drift metrics with a verdict."""
    metrics = [("CapturedRows", report["capturedRows"], "Count")]
    if report["status"] in ("ok", "drift"):
        metrics += [
            ("MaxPSI", report["maxPsi"] or 0.0, "None"),
            ("MaxKS", report["maxKs"] or 0.0, "None"),
            ("DriftedFeatures", len(report["driftedFeatures"]), "Count"),
            ("DriftDetected", 1 if report["status"] == "drift" else 0, "None"),
        ]
    return metrics


def publish_metrics(cloudwatch, namespace, endpoint_name, report):
    """Publishes the report's metrics with put_metric_data, dimension EndpointName; returns the metric data."""
    data = [
        {
            "MetricName": name,
            "Dimensions": [{"Name": "EndpointName", "Value": endpoint_name}],
            "Value": float(value),
            "Unit": unit,
        }
        for name, value, unit in report_metrics(report)
    ]
    cloudwatch.put_metric_data(Namespace=namespace, MetricData=data)
    return data


def summary(report, report_path):
    """A few lines for the job's log."""
    window = report["window"]
    source = f"{window['start']} to {window['end']}" if window else "local capture files"
    lines = [
        f"drift check of {report['endpointName'] or 'the endpoint'} ({source}): {report['status']}",
        f"  captured rows {report['capturedRows']} (malformed {report['malformedRows']}, "
        f"skipped requests {report['skippedRequests']}), baseline rows {report['baselineRows']}",
    ]
    if report["maxPsi"] is not None or report["maxKs"] is not None:
        lines.append(
            f"  max PSI {report['maxPsi']} (threshold {report['thresholds']['psi']}), "
            f"max KS {report['maxKs']} (threshold {report['thresholds']['ks']})"
        )
    if report["driftedFeatures"]:
        lines.append(f"  drifted features: {', '.join(report['driftedFeatures'])}")
    lines.append(f"  report: {report_path}")
    return "\n".join(lines)


def schema_message(capture):
    """Explains why no captured row matched the baseline."""
    parts = []
    if capture.field_counts:
        found = ", ".join(f"{count} ({rows} rows)" for count, rows in sorted(capture.field_counts.items()))
        parts.append(f"found rows with {found} fields")
    if capture.non_numeric_rows:
        parts.append(f"{capture.non_numeric_rows} rows with non-numeric values")
    if capture.skipped_requests:
        parts.append(f"{capture.skipped_requests} requests that are not CSV capture records")
    return (
        f"schema mismatch: no captured row matches the baseline, which has {capture.n_columns} columns; "
        + "; ".join(parts)
    )


# ---------------------------------------------------------------------------------------------
# MLflow (the model-build pipeline's tracking.py, in brief: the drift job ships this one file)

DEFAULT_EXPERIMENT = "player-churn"
MONITORING_SUFFIX = "-monitoring"
MLFLOW_FIX = (
    "Install the client where the check runs: the job's requirements.txt must list mlflow and sagemaker-mlflow, "
    "installed with pip from PyPI or the index PIP_INDEX_URL names; or unset MLFLOW_TRACKING_URI to run "
    "without tracking."
)


ASSUME_ROLE_VARIABLE = "MLFLOW_ASSUME_ROLE_ARN"
URI_PARAMETER_VARIABLE = "MLFLOW_TRACKING_URI_PARAMETER"
CREDENTIAL_VARIABLES = {"AWS_ACCESS_KEY_ID": "AccessKeyId", "AWS_SECRET_ACCESS_KEY": "SecretAccessKey", "AWS_SESSION_TOKEN": "SessionToken"}


def load_mlflow():
    """(mlflow, uri) when MLFLOW_TRACKING_URI (or MLFLOW_TRACKING_URI_PARAMETER: uri is then "", read
    later) is set, (None, None) otherwise (said in one line). Raises DriftCheckError when it is set
    but mlflow, or for an ARN the sagemaker-mlflow plugin, is missing."""
    uri = os.environ.get("MLFLOW_TRACKING_URI", "").strip()
    parameter = os.environ.get(URI_PARAMETER_VARIABLE, "").strip()
    if not uri and not parameter:
        print("MLflow: tracking is off for the drift check (MLFLOW_TRACKING_URI is not set): nothing is logged")
        return None, None
    setting = f"MLFLOW_TRACKING_URI is set ({uri})" if uri else f"{URI_PARAMETER_VARIABLE} is set ({parameter})"
    try:
        mlflow = importlib.import_module("mlflow")
    except ImportError as error:
        raise DriftCheckError(f"{setting} but the mlflow package cannot be imported ({error}). {MLFLOW_FIX}")
    if (uri.startswith("arn:") or not uri) and importlib.util.find_spec("sagemaker_mlflow") is None:
        what = f"MLFLOW_TRACKING_URI is an ARN ({uri})" if uri else f"{URI_PARAMETER_VARIABLE} names an ARN ({parameter})"
        raise DriftCheckError(f"{what} but the sagemaker-mlflow plugin is not installed. {MLFLOW_FIX}")
    return mlflow, uri


def job_region():
    return os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or None


def session_name(endpoint_name):
    """The assumed role's session name: the endpoint (the project and the stage), 2 to 64 of [\\w+=,.@-]."""
    return re.sub(r"[^\w+=,.@-]", "-", f"{endpoint_name or 'local'}-drift-check")[:64]


def assume_role(sts, role_arn, endpoint_name):
    """The STS credentials of role_arn (AccessKeyId, SecretAccessKey, SessionToken, Expiration)."""
    return sts.assume_role(RoleArn=role_arn, RoleSessionName=session_name(endpoint_name))["Credentials"]


def read_parameter(ssm, parameter_arn):
    return ssm.get_parameter(Name=parameter_arn)["Parameter"]["Value"]


@contextlib.contextmanager
def credentials_of(credentials):
    """With credentials (an STS Credentials dict): they are the default credential chain's inside the
    block (the AWS_* variables, and boto3's default session, which caches the credentials it found
    first, set aside), the job's own again after it. Without: nothing changes."""
    if credentials is None:
        yield
        return
    saved = {name: os.environ.get(name) for name in CREDENTIAL_VARIABLES}
    saved_session = getattr(sys.modules.get("boto3"), "DEFAULT_SESSION", None)
    os.environ.update({name: credentials[key] for name, key in CREDENTIAL_VARIABLES.items()})
    if sys.modules.get("boto3") is not None:
        sys.modules["boto3"].DEFAULT_SESSION = None
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        if sys.modules.get("boto3") is not None:  # also when the MLflow calls imported boto3 first
            sys.modules["boto3"].DEFAULT_SESSION = saved_session


def monitoring_experiment():
    return (os.environ.get("MLFLOW_EXPERIMENT_NAME", "").strip() or DEFAULT_EXPERIMENT) + MONITORING_SUFFIX


def metric_key(prefix, feature):
    """prefix/feature, with the characters MLflow refuses in a key replaced by _."""
    return prefix + "/" + re.sub(r"[^\w.\- ]", "_", str(feature))


def drift_metrics(report):
    metrics = {
        "baseline_rows": report["baselineRows"], "captured_rows": report["capturedRows"],
        "malformed_rows": report["malformedRows"], "skipped_requests": report["skippedRequests"],
    }
    if report["status"] in ("ok", "drift"):
        metrics.update({
            "max_psi": report["maxPsi"] or 0.0, "max_ks": report["maxKs"] or 0.0,
            "drifted_features": len(report["driftedFeatures"]), "drift_detected": int(report["status"] == "drift"),
        })
    for name, feature in report["features"].items():
        for prefix, key in (("psi", "psi"), ("ks", "ks"), ("ks_p_value", "ksPValue")):
            if feature[key] is not None:
                metrics[metric_key(prefix, name)] = feature[key]
        metrics[metric_key("drifted", name)] = int(feature["drifted"])
    return metrics


def log_drift(mlflow, uri, args, report, report_path, sts_client=None, ssm_client=None):
    """Logs the check as a run of the monitoring experiment, with the role MLFLOW_ASSUME_ROLE_ARN names
    if any; every failed call (assuming the role too) is a warning and a count."""
    failures = []

    def attempt(what, action):
        try:
            return action()
        except Exception as error:  # any tracking failure: warn and count, never fail the check
            failures.append(what)
            print(f"WARNING: MLflow: could not {what} ({type(error).__name__}: {error}); the drift check goes on", file=sys.stderr)
            return None

    role_arn = os.environ.get(ASSUME_ROLE_VARIABLE, "").strip()
    parameter = os.environ.get(URI_PARAMETER_VARIABLE, "").strip()
    credentials = None
    if role_arn:
        credentials = attempt(f"assume the role {role_arn}", lambda: assume_role(
            sts_client or aws_client("sts", region_name=job_region()), role_arn, report["endpointName"]))
    if parameter and not failures:
        uri = attempt(f"read the tracking URI from the SSM parameter {parameter}", lambda: read_parameter(
            ssm_client or aws_client("ssm", region_name=parameter.split(":")[3], credentials=credentials), parameter))
    if not failures:
        with credentials_of(credentials):
            log_run(mlflow, uri, args, report, report_path, attempt, failures)
    print(f"mlflow_logging_failures={len(failures)}")


def log_run(mlflow, uri, args, report, report_path, attempt, failures):
    """Opens the run, logs the check, ends the run."""
    window = report["window"]
    name = f"drift {report['endpointName'] or 'local'} {window['end'] if window else format_time(datetime.datetime.now(UTC))}"
    experiment = monitoring_experiment()

    def open_run():
        mlflow.set_tracking_uri(uri)
        experiment_id = mlflow.set_experiment(experiment_name=experiment).experiment_id
        tags = {"drift.status": report["status"], "sagemaker.endpoint_name": report["endpointName"] or ""}
        return mlflow.start_run(experiment_id=experiment_id, run_name=name, tags=tags)

    if attempt(f"open a run of experiment {experiment} at {uri}", open_run) is not None:
        params = {"psi_threshold": args.psi_threshold, "ks_threshold": args.ks_threshold, "min_rows": args.min_rows,
                  "capture": args.capture_s3_uri or args.capture_dir}
        if window:
            params.update({"window_start": window["start"], "window_end": window["end"], "lookback_hours": args.lookback_hours})
        attempt("log the parameters", lambda: mlflow.log_params(params))
        attempt("log the statistics", lambda: mlflow.log_metrics(drift_metrics(report)))
        attempt(f"log {REPORT_FILE}", lambda: mlflow.log_artifact(report_path))
        attempt("log mlflow_logging_failures", lambda: mlflow.log_metric("mlflow_logging_failures", len(failures)))
        ended = "FAILED" if report["status"] == "schema-mismatch" else "FINISHED"
        attempt("end the run", lambda: mlflow.end_run(status=ended))
        print(f"  MLflow: logged as run {name!r} of experiment {experiment}")


# ---------------------------------------------------------------------------------------------
# Entry point


def parse_args(argv):
    """Parses the command line (argparse exits with code 2 on invalid arguments)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline-dir", default="/opt/ml/processing/input/baseline")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--capture-dir", help="folder of data capture *.jsonl files (read recursively)")
    source.add_argument("--capture-s3-uri", help="s3://bucket/prefix/<endpoint-name>/")
    parser.add_argument("--variant", default=os.environ.get("CAPTURE_VARIANT") or None,
                        help="read only this variant's captured requests (default: $CAPTURE_VARIANT, else every variant)")
    parser.add_argument("--lookback-hours", type=int, default=24)
    parser.add_argument("--end-time", help="end of the window, ISO 8601 (default: now, UTC)")
    parser.add_argument("--output-dir", default="/opt/ml/processing/output")
    parser.add_argument("--psi-threshold", type=float, default=0.2)
    parser.add_argument("--ks-threshold", type=float, default=0.1)
    parser.add_argument("--min-rows", type=int, default=100)
    parser.add_argument("--endpoint-name")
    parser.add_argument("--metric-namespace", default="SageMakerGitOps/Drift")
    parser.add_argument("--publish-metrics", action="store_true")
    args = parser.parse_args(argv)
    if args.lookback_hours <= 0:
        parser.error("--lookback-hours must be positive")
    if args.end_time:
        try:
            args.end_time = parse_time(args.end_time)
        except ValueError as error:
            parser.error(f"--end-time: {error}")
    if not args.endpoint_name and args.capture_s3_uri:
        args.endpoint_name = args.capture_s3_uri.rstrip("/").rsplit("/", 1)[-1] or None
    if args.publish_metrics and not args.endpoint_name:
        parser.error("--publish-metrics needs --endpoint-name (the metrics' EndpointName dimension)")
    return args


def run(args, s3_client=None, cloudwatch_client=None, sts_client=None, ssm_client=None):
    """Runs the check for parsed arguments; returns the exit code. Raises DriftCheckError."""
    mlflow, tracking_uri = load_mlflow()
    baseline = read_baseline(args.baseline_dir)
    n_columns = baseline.shape[1]
    if args.capture_s3_uri:
        end = args.end_time or datetime.datetime.now(UTC).replace(microsecond=0)
        window = capture_window(end, args.lookback_hours)
        bucket, prefix = parse_s3_uri(args.capture_s3_uri)
        s3 = s3_client or aws_client("s3")
        keys = list_capture_keys(s3, bucket, prefix, *window, variant=args.variant)
        where = f"s3://{bucket}/{prefix}{args.variant + '/' if args.variant else ''}"
        print(f"reading {len(keys)} capture files from {where} ({format_time(window[0])} to {format_time(window[1])})")
        capture = read_capture(read_s3_lines(s3, bucket, keys), n_columns, window)
    else:
        if not os.path.isdir(args.capture_dir):
            raise DriftCheckError(f"the capture folder {args.capture_dir} does not exist")
        window = None
        capture = read_capture(read_capture_dir(args.capture_dir), n_columns)

    thresholds = (args.psi_threshold, args.ks_threshold)
    features = {}
    if capture.rows == 0 and (capture.malformed_rows or capture.skipped_requests):
        status = "schema-mismatch"
    elif capture.rows < args.min_rows:
        status = "insufficient-data"
    else:
        features = compare(baseline, capture.matrix(), *thresholds)
        status = "drift" if any(f["drifted"] for f in features.values()) else "ok"

    report = build_report(status, args.endpoint_name, window, baseline, capture, thresholds, features)
    path = write_report(args.output_dir, report)
    print(summary(report, path))
    if capture.outside_window:
        print(f"  left out {capture.outside_window} requests captured outside the window")
    if status == "insufficient-data":
        print(f"  fewer captured rows than --min-rows {args.min_rows}: no drift verdict")
    if args.publish_metrics:
        cloudwatch = cloudwatch_client or aws_client("cloudwatch")
        data = publish_metrics(cloudwatch, args.metric_namespace, args.endpoint_name, report)
        print(f"  published {', '.join(d['MetricName'] for d in data)} to {args.metric_namespace}")
    if mlflow is not None:
        log_drift(mlflow, tracking_uri, args, report, path, sts_client=sts_client, ssm_client=ssm_client)
    if status == "schema-mismatch":
        raise DriftCheckError(schema_message(capture))
    return EXIT_OK


def main(argv=None, s3_client=None, cloudwatch_client=None, sts_client=None, ssm_client=None):
    """Entry point: returns the exit code. Tests pass fake S3, CloudWatch, STS and SSM clients."""
    args = parse_args(argv)
    try:
        return run(args, s3_client=s3_client, cloudwatch_client=cloudwatch_client, sts_client=sts_client, ssm_client=ssm_client)
    except DriftCheckError as error:
        print(f"drift check failed: {error}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
