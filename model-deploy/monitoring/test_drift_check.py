"""Tests of drift_check.py: run with `python3 -m pytest monitoring -q` (no AWS access, no boto3 needed)."""
import base64
import datetime
import io
import json
import math
import os

import numpy as np
import pandas as pd
import pytest

import drift_check

COLUMNS = ["a", "b", "c"]
END = "2026-11-23T10:30:00Z"


# ---------------------------------------------------------------------------------------------
# Helpers


def baseline_frame(rows=2000, seed=1):
    """Three features: a ~ N(0, 1), b ~ N(5, 2), c ~ 0/1 (30% ones)."""
    rng = np.random.default_rng(seed)
    return pd.DataFrame({
        "a": rng.normal(0, 1, rows),
        "b": rng.normal(5, 2, rows),
        "c": (rng.random(rows) < 0.3).astype(float),
    })


def write_baseline(tmp_path, frame):
    folder = tmp_path / "baseline"
    folder.mkdir(parents=True, exist_ok=True)
    frame.to_csv(folder / "baseline.csv", index=False)
    return folder


def csv_text(rows):
    return "\n".join(",".join(format_value(v) for v in row) for row in rows)


def format_value(value):
    return "" if isinstance(value, float) and math.isnan(value) else repr(value) if isinstance(value, float) else str(value)


def record(text, encoding="CSV", time="2026-11-23T10:00:00Z", content_type="text/csv"):
    """One data capture line whose input is the given CSV text."""
    data = base64.b64encode(text.encode("utf-8")).decode("ascii") if encoding == "BASE64" else text
    return json.dumps({
        "captureData": {
            "endpointInput": {"observedContentType": content_type, "mode": "INPUT", "data": data, "encoding": encoding},
            "endpointOutput": {"observedContentType": "text/csv", "mode": "OUTPUT", "data": "0.5", "encoding": "CSV"},
        },
        "eventMetadata": {"eventId": "e", "inferenceTime": time},
        "eventVersion": "0",
    })


def requests(frame, per_request=5, **kwargs):
    """The frame's rows as capture lines of per_request rows each."""
    values = frame.to_numpy().tolist()
    return [record(csv_text(values[i:i + per_request]), **kwargs) for i in range(0, len(values), per_request)]


def write_capture(tmp_path, lines, name="capture-1.jsonl"):
    folder = tmp_path / "capture" / "AllTraffic" / "2026" / "11" / "23" / "10"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path / "capture"


def run_local(tmp_path, capture_lines, baseline=None, extra=(), cloudwatch=None):
    """Runs main on local folders; returns (exit code, report or None)."""
    baseline_dir = write_baseline(tmp_path, baseline if baseline is not None else baseline_frame())
    capture_dir = write_capture(tmp_path, capture_lines)
    output = tmp_path / "output"
    argv = ["--baseline-dir", str(baseline_dir), "--capture-dir", str(capture_dir), "--output-dir", str(output),
            "--endpoint-name", "churn-prod", *extra]
    code = drift_check.main(argv, cloudwatch_client=cloudwatch)
    path = output / drift_check.REPORT_FILE
    return code, (strict_json(path.read_text(encoding="utf-8")) if path.exists() else None)


def strict_json(text):
    """json.loads that rejects NaN and Infinity."""
    def reject(constant):
        raise AssertionError(f"the report holds {constant}")
    return json.loads(text, parse_constant=reject)


class FakeCloudWatch:
    def __init__(self):
        self.calls = []

    def put_metric_data(self, **kwargs):
        self.calls.append(kwargs)


class FakeBody:
    def __init__(self, data):
        self.data = data

    def read(self):
        return self.data


class FakeS3:
    """Enough of a boto3 S3 client: list_objects_v2 paginator (pages of page_size) and get_object."""

    def __init__(self, objects, page_size=2):
        self.objects = objects  # {key: bytes}
        self.page_size = page_size
        self.listed = []  # (Prefix, Delimiter) of every paginate call
        self.pages = 0
        self.read = []

    def get_paginator(self, operation):
        assert operation == "list_objects_v2"
        return self

    def paginate(self, Bucket, Prefix="", Delimiter=None):
        assert Bucket == "stage-bucket"
        self.listed.append((Prefix, Delimiter))
        entries = []
        prefixes = set()
        for key in sorted(self.objects):
            if not key.startswith(Prefix):
                continue
            rest = key[len(Prefix):]
            if Delimiter and Delimiter in rest:
                prefixes.add(Prefix + rest.split(Delimiter, 1)[0] + Delimiter)
            else:
                entries.append(("Contents", {"Key": key, "Size": len(self.objects[key])}))
        entries += [("CommonPrefixes", {"Prefix": p}) for p in sorted(prefixes)]
        for i in range(0, max(len(entries), 1), self.page_size):
            page = {"KeyCount": 0}
            for kind, entry in entries[i:i + self.page_size]:
                page.setdefault(kind, []).append(entry)
            self.pages += 1
            yield page

    def get_object(self, Bucket, Key):
        assert Bucket == "stage-bucket"
        self.read.append(Key)
        return {"Body": FakeBody(self.objects[Key])}


# ---------------------------------------------------------------------------------------------
# Verdicts


def test_same_distribution_is_ok(tmp_path, capsys):
    code, report = run_local(tmp_path, requests(baseline_frame(rows=600, seed=2)))
    assert code == 0
    assert report["status"] == "ok"
    assert report["capturedRows"] == 600
    assert report["baselineRows"] == 2000
    assert report["malformedRows"] == 0
    assert report["driftedFeatures"] == []
    assert report["window"] is None
    assert report["endpointName"] == "churn-prod"
    assert report["thresholds"] == {"psi": 0.2, "ks": 0.1}
    assert report["maxPsi"] < 0.05
    assert report["maxKs"] < 0.1
    assert list(report["features"]) == COLUMNS
    for feature in report["features"].values():
        assert set(feature) == {"psi", "ks", "ksPValue", "drifted"}
        assert feature["drifted"] is False
    assert "ok" in capsys.readouterr().out


def test_shifted_feature_drifts(tmp_path, capsys):
    captured = baseline_frame(rows=600, seed=3)
    captured["b"] += 2.0  # one standard deviation
    code, report = run_local(tmp_path, requests(captured))
    assert code == 0  # drift is reported through the metric, the check succeeded
    assert report["status"] == "drift"
    assert report["driftedFeatures"] == ["b"]
    b = report["features"]["b"]
    assert b["drifted"] is True and b["psi"] > 0.2 and b["ks"] > 0.1 and b["ksPValue"] < 1e-6
    assert report["maxPsi"] == b["psi"] and report["maxKs"] == b["ks"]
    assert not report["features"]["a"]["drifted"] and not report["features"]["c"]["drifted"]
    assert "drifted features: b" in capsys.readouterr().out


def test_a_changed_category_share_drifts(tmp_path):
    captured = baseline_frame(rows=600, seed=4)
    captured["c"] = (np.random.default_rng(5).random(600) < 0.7).astype(float)  # 30% -> 70% ones
    _, report = run_local(tmp_path, requests(captured))
    assert report["driftedFeatures"] == ["c"]


def test_ks_threshold_alone_flags_drift(tmp_path):
    captured = baseline_frame(rows=600, seed=6)
    captured["a"] += 0.35  # moves the KS statistic past 0.1 while PSI stays under 0.2
    _, report = run_local(tmp_path, requests(captured))
    a = report["features"]["a"]
    assert a["psi"] < 0.2 and a["ks"] > 0.1
    assert report["driftedFeatures"] == ["a"]
    _, relaxed = run_local(tmp_path, requests(captured), extra=["--ks-threshold", "0.5"])
    assert relaxed["status"] == "ok"


# ---------------------------------------------------------------------------------------------
# Capture records


def test_base64_encoding_reads_like_csv(tmp_path):
    captured = baseline_frame(rows=300, seed=7)
    _, as_csv = run_local(tmp_path / "csv", requests(captured))
    _, as_base64 = run_local(tmp_path / "b64", requests(captured, encoding="BASE64"))
    assert as_base64["capturedRows"] == 300
    assert as_base64["features"] == as_csv["features"]


def test_multi_row_requests_and_blank_lines(tmp_path):
    values = baseline_frame(rows=120, seed=8).to_numpy().tolist()
    lines = [
        record(csv_text(values[:1])),
        record(csv_text(values[1:4]) + "\n"),  # trailing newline
        record(csv_text(values[4:20]).replace("\n", "\r\n")),  # CRLF
        record(csv_text(values[20:60]) + "\n\n"),
        record(csv_text(values[60:])),
        "",  # blank line in the file
    ]
    code, report = run_local(tmp_path, lines)
    assert code == 0
    assert report["capturedRows"] == 120
    assert report["malformedRows"] == 0


def test_malformed_rows_are_counted_and_skipped(tmp_path):
    values = baseline_frame(rows=150, seed=9).to_numpy().tolist()
    lines = requests(pd.DataFrame(values, columns=COLUMNS), per_request=10)
    lines += [
        record("1,2\n3,4,5\n6,7,8,9"),  # 2 malformed, 1 good
        record("a,b,c"),  # a header: non-numeric
        record("1,,3"),  # an empty field is a missing value, not malformed
        "{not json",
        record("1,2,3", encoding="JSON", content_type="application/json"),
    ]
    code, report = run_local(tmp_path, lines)
    assert code == 0
    assert report["capturedRows"] == 152
    assert report["malformedRows"] == 3
    assert report["skippedRequests"] == 2
    assert report["status"] == "ok"


def test_schema_mismatch_exits_2(tmp_path, capsys):
    two_fields = [record(csv_text([[1.0, 2.0], [3.0, 4.0]])) for _ in range(60)]
    code, report = run_local(tmp_path, two_fields)
    assert code == 2
    assert report["status"] == "schema-mismatch"
    assert report["malformedRows"] == 120 and report["capturedRows"] == 0
    assert report["features"] == {} and report["maxPsi"] is None
    err = capsys.readouterr().err
    assert "3 columns" in err and "2 (120 rows) fields" in err


def test_schema_mismatch_publishes_no_verdict(tmp_path):
    cloudwatch = FakeCloudWatch()
    code, _ = run_local(tmp_path, [record("1,2")], extra=["--publish-metrics"], cloudwatch=cloudwatch)
    assert code == 2
    assert [m["MetricName"] for m in cloudwatch.calls[0]["MetricData"]] == ["CapturedRows"]


def test_insufficient_data(tmp_path, capsys):
    cloudwatch = FakeCloudWatch()
    code, report = run_local(tmp_path, requests(baseline_frame(rows=50, seed=10)),
                             extra=["--publish-metrics"], cloudwatch=cloudwatch)
    assert code == 0
    assert report["status"] == "insufficient-data"
    assert report["capturedRows"] == 50
    assert report["features"] == {} and report["driftedFeatures"] == []
    assert report["maxPsi"] is None and report["maxKs"] is None
    names = [m["MetricName"] for call in cloudwatch.calls for m in call["MetricData"]]
    assert names == ["CapturedRows"]  # no DriftDetected without a verdict
    assert "min-rows" in capsys.readouterr().out


def test_no_capture_at_all_is_insufficient_data(tmp_path):
    # The endpoint stack's <endpoint>-no-captured-requests alarm reads this CapturedRows of 0
    # (src/model-deploy/drift-monitor.ts): it is the only sign that capture stopped reaching S3.
    cloudwatch = FakeCloudWatch()
    code, report = run_local(tmp_path, [], extra=["--publish-metrics"], cloudwatch=cloudwatch)
    assert code == 0
    assert report["status"] == "insufficient-data" and report["capturedRows"] == 0
    [data] = [call["MetricData"] for call in cloudwatch.calls]
    assert [(m["MetricName"], m["Value"], [d["Name"] for d in m["Dimensions"]]) for m in data] == [("CapturedRows", 0.0, ["EndpointName"])]


def test_min_rows_is_configurable(tmp_path):
    _, report = run_local(tmp_path, requests(baseline_frame(rows=50, seed=10)), extra=["--min-rows", "20"])
    assert report["status"] in ("ok", "drift")  # a verdict (50 rows are too few for a reliable one)
    assert list(report["features"]) == COLUMNS


def test_no_baseline_exits_2(tmp_path, capsys):
    (tmp_path / "baseline").mkdir()
    capture = write_capture(tmp_path, requests(baseline_frame(rows=200)))
    code = drift_check.main(["--baseline-dir", str(tmp_path / "baseline"), "--capture-dir", str(capture),
                             "--output-dir", str(tmp_path / "out")])
    assert code == 2
    assert "no baseline" in capsys.readouterr().err
    assert not (tmp_path / "out" / drift_check.REPORT_FILE).exists()


def test_missing_capture_folder_exits_2(tmp_path, capsys):
    baseline = write_baseline(tmp_path, baseline_frame())
    code = drift_check.main(["--baseline-dir", str(baseline), "--capture-dir", str(tmp_path / "nope"),
                             "--output-dir", str(tmp_path / "out")])
    assert code == 2
    assert "does not exist" in capsys.readouterr().err


def test_baseline_split_over_files(tmp_path):
    frame = baseline_frame()
    folder = tmp_path / "baseline"
    folder.mkdir()
    frame[:1000].to_csv(folder / "part-1.csv", index=False)
    frame[1000:].to_csv(folder / "part-2.csv", index=False)
    capture = write_capture(tmp_path, requests(baseline_frame(rows=200, seed=11)))
    code = drift_check.main(["--baseline-dir", str(folder), "--capture-dir", str(capture), "--output-dir", str(tmp_path / "out")])
    assert code == 0
    report = strict_json((tmp_path / "out" / drift_check.REPORT_FILE).read_text())
    assert report["baselineRows"] == 2000 and report["endpointName"] is None


# ---------------------------------------------------------------------------------------------
# Statistics


def test_psi_of_identical_samples_is_zero():
    values = np.random.default_rng(12).normal(size=1000)
    assert drift_check.psi(values, values) == pytest.approx(0.0, abs=1e-12)


def test_psi_of_a_binary_feature():
    baseline = np.array([0.0] * 50 + [1.0] * 50)
    captured = np.array([0.0] * 90 + [1.0] * 10)
    expected = (0.9 - 0.5) * math.log(0.9 / 0.5) + (0.1 - 0.5) * math.log(0.1 / 0.5)
    assert drift_check.psi(baseline, captured) == pytest.approx(expected)


def test_psi_is_finite_for_values_outside_the_baseline_range():
    baseline = np.random.default_rng(13).uniform(0, 1, 1000)
    captured = np.full(200, 50.0)  # all in the open-ended last bin
    value = drift_check.psi(baseline, captured)
    assert math.isfinite(value) and value > 5


def test_constant_columns(tmp_path):
    baseline = baseline_frame()
    baseline["k"] = 1.0
    captured = baseline_frame(rows=300, seed=14)
    captured["k"] = 1.0
    code, report = run_local(tmp_path, requests(captured), baseline=baseline)
    assert code == 0 and report["status"] == "ok"
    assert report["features"]["k"] == {"psi": 0.0, "ks": 0.0, "ksPValue": 1.0, "drifted": False}


def test_a_constant_that_changed_drifts(tmp_path):
    baseline = baseline_frame()
    baseline["k"] = 1.0
    captured = baseline_frame(rows=300, seed=14)
    captured["k"] = 2.0
    _, report = run_local(tmp_path, requests(captured), baseline=baseline)
    assert report["driftedFeatures"] == ["k"]
    assert report["features"]["k"]["ks"] == 1.0


def test_report_is_strict_json_with_missing_values(tmp_path):
    captured = baseline_frame(rows=200, seed=15)
    captured["c"] = math.nan  # every captured value of c is missing (empty fields)
    captured.loc[::7, "a"] = math.nan
    code, report = run_local(tmp_path, requests(captured))
    assert code == 0
    text = (tmp_path / "output" / drift_check.REPORT_FILE).read_text()
    assert "NaN" not in text and "Infinity" not in text
    assert report["capturedRows"] == 200
    assert report["features"]["c"] == {"psi": None, "ks": None, "ksPValue": None, "drifted": False}
    assert report["features"]["a"]["psi"] is not None


# ---------------------------------------------------------------------------------------------
# S3 window


def capture_key(variant, hour, name):
    return f"datacapture/churn-prod/{variant}/{hour}/{name}.jsonl"


def s3_objects():
    """Capture files of two variants from 05:00 to 11:00 on 2026-11-23, three files per hour."""
    rng = np.random.default_rng(16)
    objects = {}
    for variant in ("AllTraffic", "Canary"):
        for hour in range(5, 12):
            for n in range(3):
                rows = rng.normal(size=(20, 3)).round(6).tolist()
                time = f"2026-11-23T{hour:02d}:{n * 20 + 5:02d}:00Z"
                objects[capture_key(variant, f"2026/11/23/{hour:02d}", f"{hour}-{n}")] = (record(csv_text(rows), time=time) + "\n").encode()
    objects["datacapture/churn-prod/AllTraffic/2026/11/22/08/old.jsonl"] = b"{}\n"
    objects["datacapture/churn-prod-2/AllTraffic/2026/11/23/08/other.jsonl"] = b"{}\n"  # another endpoint
    return objects


def test_hour_folders_cover_the_window():
    start, end = drift_check.parse_time("2026-11-23T07:30:00Z"), drift_check.parse_time("2026-11-23T10:30:00Z")
    assert drift_check.hour_folders(start, end) == ["2026/11/23/07/", "2026/11/23/08/", "2026/11/23/09/", "2026/11/23/10/"]
    on_the_hour = drift_check.parse_time("2026-11-23T10:00:00Z")
    assert drift_check.hour_folders(on_the_hour - datetime.timedelta(hours=2), on_the_hour) == ["2026/11/23/08/", "2026/11/23/09/"]
    midnight = drift_check.parse_time("2026-11-24T01:00:00+01:00")
    assert drift_check.hour_folders(midnight - datetime.timedelta(hours=2), midnight) == ["2026/11/23/22/", "2026/11/23/23/"]


def test_s3_window_reads_only_its_hour_folders(tmp_path, capsys):
    s3 = FakeS3(s3_objects())
    baseline = pd.DataFrame(np.random.default_rng(17).normal(size=(1000, 3)), columns=COLUMNS)
    argv = ["--baseline-dir", str(write_baseline(tmp_path, baseline)), "--capture-s3-uri", "s3://stage-bucket/datacapture/churn-prod/",
            "--lookback-hours", "3", "--end-time", END, "--output-dir", str(tmp_path / "out"), "--min-rows", "10"]
    code = drift_check.main(argv, s3_client=s3)
    assert code == 0

    hours = ["07", "08", "09", "10"]
    listed = [prefix for prefix, delimiter in s3.listed if delimiter is None]
    assert s3.listed[0] == ("datacapture/churn-prod/", "/")
    assert listed == [f"datacapture/churn-prod/{v}/2026/11/23/{h}/" for v in ("AllTraffic", "Canary") for h in hours]
    assert s3.pages > len(s3.listed)  # three files per hour span two pages
    assert sorted(s3.read) == sorted(capture_key(v, f"2026/11/23/{h}", f"{int(h)}-{n}")
                                     for v in ("AllTraffic", "Canary") for h in hours for n in range(3))

    report = strict_json((tmp_path / "out" / drift_check.REPORT_FILE).read_text())
    assert report["window"] == {"start": "2026-11-23T07:30:00Z", "end": "2026-11-23T10:30:00Z"}
    assert report["endpointName"] == "churn-prod"  # from the URI
    # In the window: 07:45, 08:*, 09:*, 10:05 and 10:25 (of 07:05, 07:25 and 10:45 in the folders read).
    assert report["capturedRows"] == 2 * 20 * (1 + 3 + 3 + 2)
    out = capsys.readouterr().out
    assert "reading 24 capture files" in out and "left out 6 requests" in out


def test_s3_variant_reads_only_that_variants_folder(tmp_path, monkeypatch, capsys):
    # During a shadow test, data capture writes the shadow variant's copy of each production request to
    # the shadow's own folder (SageMaker Developer Guide, "Shadow variants"; "Capture data from real-time
    # endpoint": <prefix>/<endpoint>/<variant>/yyyy/mm/dd/hh/): the drift job reads production's only.
    monkeypatch.setenv("CAPTURE_VARIANT", "AllTraffic")
    s3 = FakeS3(s3_objects())
    argv = ["--baseline-dir", str(write_baseline(tmp_path, baseline_frame())), "--capture-s3-uri", "s3://stage-bucket/datacapture/churn-prod/",
            "--lookback-hours", "3", "--end-time", END, "--output-dir", str(tmp_path / "out"), "--min-rows", "10"]
    assert drift_check.main(argv, s3_client=s3) == 0
    assert [delimiter for _, delimiter in s3.listed] == [None] * 4  # no listing of the variants
    assert [prefix for prefix, _ in s3.listed] == [f"datacapture/churn-prod/AllTraffic/2026/11/23/{h}/" for h in ("07", "08", "09", "10")]
    assert all(key.startswith("datacapture/churn-prod/AllTraffic/") for key in s3.read)
    report = strict_json((tmp_path / "out" / drift_check.REPORT_FILE).read_text())
    assert report["capturedRows"] == 20 * (1 + 3 + 3 + 2)  # half of the two variants' rows
    assert "from s3://stage-bucket/datacapture/churn-prod/AllTraffic/ (" in capsys.readouterr().out
    # --variant wins over the environment.
    s3 = FakeS3(s3_objects())
    assert drift_check.main(argv + ["--variant", "Canary"], s3_client=s3) == 0
    assert all(key.startswith("datacapture/churn-prod/Canary/") for key in s3.read) and s3.read


def test_s3_window_defaults_to_the_last_24_hours(tmp_path, monkeypatch):
    s3 = FakeS3(s3_objects())
    argv = ["--baseline-dir", str(write_baseline(tmp_path, baseline_frame())), "--capture-s3-uri", "s3://stage-bucket/datacapture/churn-prod",
            "--output-dir", str(tmp_path / "out")]
    assert drift_check.main(argv, s3_client=s3) == 0
    listed = [prefix for prefix, delimiter in s3.listed if delimiter is None]
    assert len(listed) == 2 * 24 or len(listed) == 2 * 25  # 24 hours, 25 folders unless now is on the hour
    report = strict_json((tmp_path / "out" / drift_check.REPORT_FILE).read_text())
    start, end = (drift_check.parse_time(report["window"][k]) for k in ("start", "end"))
    assert end - start == datetime.timedelta(hours=24)


def test_parse_s3_uri_and_time():
    assert drift_check.parse_s3_uri("s3://b/datacapture/ep") == ("b", "datacapture/ep/")
    assert drift_check.parse_s3_uri("s3://b/datacapture/ep/") == ("b", "datacapture/ep/")
    with pytest.raises(drift_check.DriftCheckError):
        drift_check.parse_s3_uri("https://b/x")
    utc = datetime.timezone.utc
    assert drift_check.parse_time("2026-11-23T10:00:00Z") == datetime.datetime(2026, 11, 23, 10, tzinfo=utc)
    assert drift_check.parse_time("2026-11-23T10:00:00.1234567Z") == datetime.datetime(2026, 11, 23, 10, 0, 0, 123456, tzinfo=utc)
    assert drift_check.parse_time("2026-11-23T12:00:00+02:00") == datetime.datetime(2026, 11, 23, 10, tzinfo=utc)
    assert drift_check.parse_time("2026-11-23 10:00") == datetime.datetime(2026, 11, 23, 10, tzinfo=utc)
    with pytest.raises(ValueError):
        drift_check.parse_time("yesterday")


def test_invalid_end_time_is_a_usage_error(tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        drift_check.main(["--capture-s3-uri", "s3://b/p/", "--end-time", "soon"])
    assert exit_info.value.code == 2


# ---------------------------------------------------------------------------------------------
# Metrics


def test_metrics_published_for_drift(tmp_path):
    captured = baseline_frame(rows=600, seed=3)
    captured["b"] += 2.0
    cloudwatch = FakeCloudWatch()
    _, report = run_local(tmp_path, requests(captured), extra=["--publish-metrics", "--metric-namespace", "Test/Drift"],
                          cloudwatch=cloudwatch)
    assert len(cloudwatch.calls) == 1
    call = cloudwatch.calls[0]
    assert call["Namespace"] == "Test/Drift"
    metrics = {m["MetricName"]: m for m in call["MetricData"]}
    assert set(metrics) == {"MaxPSI", "MaxKS", "DriftedFeatures", "CapturedRows", "DriftDetected"}
    for metric in metrics.values():
        assert metric["Dimensions"] == [{"Name": "EndpointName", "Value": "churn-prod"}]
        assert isinstance(metric["Value"], float)
    assert metrics["DriftDetected"]["Value"] == 1.0
    assert metrics["DriftedFeatures"]["Value"] == 1.0
    assert metrics["CapturedRows"]["Value"] == 600.0
    assert metrics["MaxPSI"]["Value"] == report["maxPsi"]
    assert metrics["MaxKS"]["Value"] == report["maxKs"]


def test_metrics_published_for_ok(tmp_path):
    cloudwatch = FakeCloudWatch()
    run_local(tmp_path, requests(baseline_frame(rows=300, seed=2)), extra=["--publish-metrics"], cloudwatch=cloudwatch)
    metrics = {m["MetricName"]: m["Value"] for m in cloudwatch.calls[0]["MetricData"]}
    assert cloudwatch.calls[0]["Namespace"] == "SageMakerGitOps/Drift"
    assert metrics["DriftDetected"] == 0.0 and metrics["DriftedFeatures"] == 0.0


def test_no_metrics_without_the_flag(tmp_path):
    cloudwatch = FakeCloudWatch()
    captured = baseline_frame(rows=600, seed=3)
    captured["b"] += 2.0
    _, report = run_local(tmp_path, requests(captured), cloudwatch=cloudwatch)
    assert report["status"] == "drift"
    assert cloudwatch.calls == []


def test_publishing_needs_an_endpoint_name(tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        drift_check.main(["--capture-dir", str(tmp_path), "--publish-metrics"])
    assert exit_info.value.code == 2
