"""Tests of preprocess.py: python3 -m pytest pipelines (pandas, numpy, scikit-learn)."""
import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

PIPELINES = Path(__file__).resolve().parent
sys.path.insert(0, str(PIPELINES))

import preprocess  # noqa: E402

SAMPLE = PIPELINES.parent / "data" / "player-churn.csv"
OUTPUT_FILES = ["train/train.csv", "validation/validation.csv", "test/test.csv", "baseline/baseline.csv"]
NUMERIC_FEATURES = [
    "cohort_day_of_week",
    "begin_session_time_of_day_std_last_week_1",
    "player_lifetime",
    "begin_session_time_of_day_mean_last_day_1",
    "end_session_time_of_day_mean_last_week_1",
    "begin_session_time_of_day_mean_last_week_1",
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


@pytest.fixture(scope="module")
def sample():
    """The committed sample as text columns, exactly as in the file."""
    return pd.read_csv(SAMPLE, dtype=str, keep_default_na=False)


def write_input(folder, frame, name="players.csv"):
    folder.mkdir(parents=True, exist_ok=True)
    frame.to_csv(folder / name, index=False)
    return folder


def run(tmp_path, frame, name="run"):
    """Runs the step on `frame`; returns (exit code, output folder)."""
    input_dir = write_input(tmp_path / name / "input", frame)
    output_dir = tmp_path / name / "output"
    return preprocess.main(["--input-dir", str(input_dir), "--output-dir", str(output_dir)]), output_dir


def read_split(output_dir, name):
    return pd.read_csv(output_dir / name / f"{name}.csv", header=None)


def test_writes_header_less_splits_with_the_label_first_and_a_baseline_with_header(tmp_path, sample):
    code, output = run(tmp_path, sample.head(600))
    assert code == 0
    assert all((output / f).is_file() for f in OUTPUT_FILES)
    baseline = pd.read_csv(output / "baseline" / "baseline.csv")
    assert preprocess.LABEL not in baseline.columns
    for name in ("train", "validation", "test"):
        split = read_split(output, name)
        assert split.shape[1] == baseline.shape[1] + 1
        assert set(split[0].unique()) == {0, 1}
        assert split.notna().all().all()
        assert all(pd.api.types.is_numeric_dtype(split[c]) for c in split.columns)


def test_features_are_the_selected_columns_then_one_hot_player_type_and_cohort(tmp_path, sample):
    code, output = run(tmp_path, sample.head(600))
    assert code == 0
    columns = list(pd.read_csv(output / "baseline" / "baseline.csv", nrows=0).columns)
    cohorts = sorted(sample.head(600)["cohort_id"].unique())
    assert columns == NUMERIC_FEATURES + [
        "player_type_casual", "player_type_churner", "player_type_hardcore",
    ] + [f"cohort_id_{c}" for c in cohorts]
    assert len(NUMERIC_FEATURES) + len(preprocess.CATEGORICAL) == 17


def test_splits_are_70_20_10_stratified_and_train_is_balanced_by_oversampling(tmp_path, sample):
    frame = sample.head(2000)
    code, output = run(tmp_path, frame)
    assert code == 0
    baseline = pd.read_csv(output / "baseline" / "baseline.csv")
    train, validation, test = (read_split(output, n) for n in ("train", "validation", "test"))
    assert (len(baseline), len(validation), len(test)) == (1400, 400, 200)
    share = (frame["player_churn"] == "True").mean()
    for split in (validation, test):
        assert split[0].mean() == pytest.approx(share, abs=0.01)
    counts = train[0].value_counts()
    assert counts[0] == counts[1]
    assert len(train) == 2 * counts.max()
    # The extra training rows repeat rows of the minority class of the real training rows.
    originals = {tuple(row) for row in baseline.to_numpy()}
    assert all(tuple(row) in originals for row in train.iloc[:, 1:].to_numpy())


def test_beyond_baseline_max_rows_the_baseline_is_a_seeded_uniform_sample_of_that_many(tmp_path, sample, monkeypatch):
    # The drift check reads the baseline into memory on a small instance, and a stage in another region copies it
    # with one S3 CopyObject (at most 5 GB, Amazon S3 User Guide, "Copying objects"): one instance's run keeps at
    # most BASELINE_MAX_ROWS training rows in it, as the scaled-out merge does; the splits keep every row.
    frame = sample.head(2000)
    code, full = run(tmp_path / "full", frame)
    assert code == 0
    monkeypatch.setattr(preprocess, "BASELINE_MAX_ROWS", 500)
    code, capped = run(tmp_path / "capped", frame)
    assert code == 0
    every = pd.read_csv(full / "baseline" / "baseline.csv")
    sampled = pd.read_csv(capped / "baseline" / "baseline.csv")
    assert (len(every), len(sampled)) == (1400, 500)
    assert list(sampled.columns) == list(every.columns)
    assert {tuple(row) for row in sampled.to_numpy()} <= {tuple(row) for row in every.to_numpy()}
    for name in ("train", "validation", "test"):
        assert read_split(capped, name).equals(read_split(full, name))
    code, again = run(tmp_path / "again", frame)
    assert pd.read_csv(again / "baseline" / "baseline.csv").equals(sampled)


def test_the_same_input_gives_the_same_output(tmp_path, sample):
    _, first = run(tmp_path, sample.head(800), "first")
    _, second = run(tmp_path, sample.head(800), "second")
    for f in OUTPUT_FILES:
        assert filecmp.cmp(first / f, second / f, shallow=False), f


def test_reads_every_csv_file_below_the_input_folder(tmp_path, sample):
    _, single = run(tmp_path, sample.head(800), "single")
    folder = tmp_path / "parts" / "input"
    write_input(folder, sample.head(500), "a.csv")
    write_input(folder / "more", sample.iloc[500:800], "b.csv")
    assert preprocess.main(["--input-dir", str(folder), "--output-dir", str(tmp_path / "parts" / "output")]) == 0
    for f in OUTPUT_FILES:
        assert filecmp.cmp(single / f, tmp_path / "parts" / "output" / f, shallow=False), f


@pytest.mark.parametrize("true, false", [("True", "False"), ("1", "0"), ("true", "false"), ("TRUE", " False")])
def test_labels_may_be_true_false_or_1_0(tmp_path, sample, true, false):
    frame = sample.head(600).copy()
    frame["player_churn"] = frame["player_churn"].map({"True": true, "False": false})
    _, reference = run(tmp_path, sample.head(600), "reference")
    code, output = run(tmp_path, frame, "variant")
    assert code == 0
    assert filecmp.cmp(reference / "test/test.csv", output / "test/test.csv", shallow=False)


def test_a_missing_standard_deviation_is_zero(tmp_path, sample):
    frame = sample.head(600).copy()
    frame["begin_session_time_of_day_std_last_day_1"] = ""
    frame["end_session_time_of_day_std_last_week_1"] = ""
    code, output = run(tmp_path, frame)
    assert code == 0
    baseline = pd.read_csv(output / "baseline" / "baseline.csv")
    assert (baseline["begin_session_time_of_day_std_last_day_1"] == 0).all()
    assert (baseline["end_session_time_of_day_std_last_week_1"] == 0).all()


def error_of(tmp_path, capsys, frame):
    code, output = run(tmp_path, frame)
    assert code == 1
    assert not (output / "train").exists()
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    return err


@pytest.mark.parametrize("column", ["player_lifetime", "cohort_id", "player_churn", "end_session_time_of_day_mean_last_day_2"])
def test_a_missing_column_is_named(tmp_path, capsys, sample, column):
    err = error_of(tmp_path, capsys, sample.head(100).drop(columns=[column]))
    assert f"has no column {column};" in err


def test_a_non_numeric_feature_is_named_with_its_value_and_line(tmp_path, capsys, sample):
    frame = sample.head(100).copy()
    frame.loc[41, "session_count"] = "seven"
    err = error_of(tmp_path, capsys, frame)
    assert "column session_count must be numeric" in err
    assert "'seven' at line 43" in err


def test_a_non_numeric_standard_deviation_is_not_filled(tmp_path, capsys, sample):
    frame = sample.head(100).copy()
    frame.loc[3, "begin_session_time_of_day_std_last_week_1"] = "n/a?"
    assert "column begin_session_time_of_day_std_last_week_1 must be numeric" in error_of(tmp_path, capsys, frame)


def test_other_missing_features_are_errors(tmp_path, capsys, sample):
    frame = sample.head(100).copy()
    frame.loc[[5, 9], "begin_session_time_of_day_mean_last_day_2"] = ""
    err = error_of(tmp_path, capsys, frame)
    assert "column begin_session_time_of_day_mean_last_day_2 has 2 missing value(s)" in err
    assert "the first at line 7" in err
    frame = sample.head(100).copy()
    frame.loc[0, "player_type"] = " "
    assert "column player_type has 1 missing value(s)" in error_of(tmp_path, capsys, frame)


@pytest.mark.parametrize("bad", ["maybe", "2", "yes", ""])
def test_labels_other_than_true_false_1_0_are_errors(tmp_path, capsys, sample, bad):
    frame = sample.head(100).copy()
    frame.loc[10, "player_churn"] = bad
    err = error_of(tmp_path, capsys, frame)
    assert "player_churn must be True, False, 1 or 0" in err
    assert "has 1 other value(s)" in err
    assert repr(bad or "<empty>") in err
    assert "(line 12)" in err


def test_an_empty_file_is_an_error(tmp_path, capsys):
    folder = tmp_path / "input"
    folder.mkdir()
    (folder / "players.csv").write_text("")
    assert preprocess.main(["--input-dir", str(folder), "--output-dir", str(tmp_path / "output")]) == 1
    assert "players.csv is empty: expected a header line and one row per player" in capsys.readouterr().err


def test_a_header_without_rows_is_an_error(tmp_path, capsys, sample):
    assert "has a header but no rows" in error_of(tmp_path, capsys, sample.head(0))


def test_no_csv_file_or_no_folder_is_an_error(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert preprocess.main(["--input-dir", str(tmp_path / "empty"), "--output-dir", str(tmp_path / "output")]) == 1
    assert f"no CSV file in {tmp_path / 'empty'}" in capsys.readouterr().err
    assert preprocess.main(["--input-dir", str(tmp_path / "nowhere"), "--output-dir", str(tmp_path / "output")]) == 1
    assert f"the input folder {tmp_path / 'nowhere'} does not exist" in capsys.readouterr().err


def test_too_few_players_of_a_class_is_an_error(tmp_path, capsys, sample):
    retained = sample[sample["player_churn"] == "False"].head(50)
    churned = sample[sample["player_churn"] == "True"].head(9)
    err = error_of(tmp_path, capsys, pd.concat([retained, churned]))
    assert "at least 10 churned and 10 retained players" in err
    assert "got 9 churned and 50 retained" in err


def test_runs_as_a_script_with_exit_codes(tmp_path, sample):
    script = str(PIPELINES / "preprocess.py")
    good = write_input(tmp_path / "good", sample.head(300))
    bad = write_input(tmp_path / "bad", sample.head(300).drop(columns=["session_count"]))
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    ok = subprocess.run([sys.executable, script, "--input-dir", str(good), "--output-dir", str(tmp_path / "out")], capture_output=True, text=True, env=env)
    assert ok.returncode == 0, ok.stderr
    assert "read 300 players" in ok.stdout
    failed = subprocess.run([sys.executable, script, "--input-dir", str(bad), "--output-dir", str(tmp_path / "out2")], capture_output=True, text=True, env=env)
    assert failed.returncode == 1
    assert "has no column session_count" in failed.stderr
    usage = subprocess.run([sys.executable, script, "--unknown"], capture_output=True, text=True, env=env)
    assert usage.returncode == 2


def test_the_committed_sample_is_small_and_learnable_data(sample):
    assert SAMPLE.stat().st_size < 2_000_000
    assert len(sample.columns) == 79
    assert 2000 <= len(sample) <= 10_000
    share = (sample["player_churn"] == "True").mean()
    assert 0.2 < share < 0.5, "churners are the minority the preprocess step oversamples"
    assert set(sample["player_type"]) == {"hardcore", "casual", "churner"}
    assert np.isfinite(pd.to_numeric(sample["player_lifetime"])).all()


# Scale-out: --scan, --scan-dir (one run per instance over its shard) and --merge-baseline.


def write_resource_config(tmp_path, host, hosts):
    path = tmp_path / f"resourceconfig-{host}.json"
    path.write_text(json.dumps({"current_host": host, "hosts": hosts}))
    return path


def scan_as(tmp_path, host, hosts, input_dir, output_dir):
    """Runs --scan as instance `host` of `hosts`; returns the exit code."""
    os.environ["RESOURCE_CONFIG_FILE"] = str(write_resource_config(tmp_path, host, hosts))
    try:
        return preprocess.main(["--scan", "--input-dir", str(input_dir), "--output-dir", str(output_dir)])
    finally:
        del os.environ["RESOURCE_CONFIG_FILE"]


def run_sharded(tmp_path, shards, name):
    """Runs the scale-out steps as the pipeline does: one scan and then one preprocess per shard (its own input
    folder and resourceconfig.json), then the baseline merge. Returns the output folder."""
    root = tmp_path / name
    hosts = [f"algo-{i + 1}" for i in range(len(shards))]
    for host, frame in zip(hosts, shards):
        write_input(root / "input" / host, frame, f"{host}.csv")
    for host in hosts:
        assert scan_as(root, host, hosts, root / "input" / host, root / "scan") == 0
    output = root / "output"
    for host in hosts:
        os.environ["RESOURCE_CONFIG_FILE"] = str(write_resource_config(root, host, hosts))
        try:
            code = preprocess.main([
                "--scan-dir", str(root / "scan" / "scan"), "--input-dir", str(root / "input" / host), "--output-dir", str(output),
            ])
        finally:
            del os.environ["RESOURCE_CONFIG_FILE"]
        assert code == 0
    merged = root / "merged"
    assert preprocess.main(["--merge-baseline", "--input-dir", str(output / "baseline"), "--output-dir", str(merged)]) == 0
    return output, merged


def shard_rows(output, split):
    """Every row of a split over all shard files, as sorted tuples (a multiset)."""
    files = sorted((output / split).glob("*.csv"))
    frames = [pd.read_csv(f, header=None) for f in files if f.stat().st_size > 0]
    return sorted(map(tuple, pd.concat(frames).round(9).itertuples(index=False)))


def shards_of(sample, count):
    """The sample in `count` files of uneven sizes (rows in file order)."""
    bounds = np.linspace(0, len(sample), count + 1).astype(int)
    bounds[1:-1] += np.arange(1, count) * 37
    return [sample.iloc[bounds[i]:bounds[i + 1]] for i in range(count)]


@pytest.fixture(scope="module")
def sharded(tmp_path_factory, sample):
    tmp = tmp_path_factory.mktemp("sharded")
    return {count: run_sharded(tmp, shards_of(sample, count), f"shards-{count}") for count in (1, 4)}


def test_each_instance_writes_its_own_file_per_split(sharded):
    output, _ = sharded[4]
    for split in ("train", "validation", "test", "baseline"):
        assert sorted(p.name for p in (output / split).iterdir()) == [f"{split}-algo-{i}.csv" for i in range(1, 5)]


def test_the_union_of_4_shards_splits_is_the_1_shard_split(sharded):
    (one, one_merged), (four, four_merged) = sharded[1], sharded[4]
    for split in ("validation", "test"):
        assert shard_rows(four, split) == shard_rows(one, split)
    # The training rows before balancing are the baseline (features only, with a header).
    base_one = pd.read_csv(one_merged / "baseline" / "baseline.csv")
    base_four = pd.read_csv(four_merged / "baseline" / "baseline.csv")
    assert list(base_four.columns) == list(base_one.columns)
    assert sorted(map(tuple, base_four.round(9).itertuples(index=False))) == sorted(map(tuple, base_one.round(9).itertuples(index=False)))


def test_no_player_is_in_two_splits_and_every_player_is_in_one(sample):
    data = preprocess.features(preprocess.read_file(str(SAMPLE), [preprocess.ID_COLUMN] + preprocess.FEATURES)[0])
    ids = data[preprocess.ID_COLUMN]
    splits = preprocess.hash_split(data)
    members = [set(ids[frame.index]) for frame in splits]
    assert not (members[0] & members[1]) and not (members[0] & members[2]) and not (members[1] & members[2])
    assert set.union(*members) == set(ids)
    # The same id in another shard (another row position) lands in the same split.
    shuffled = data.sample(frac=1.0, random_state=3)
    assert [set(shuffled.loc[f.index, preprocess.ID_COLUMN]) for f in preprocess.hash_split(shuffled)] == members


def test_the_hash_split_is_70_20_10_and_stratified_in_expectation(sharded, sample):
    output, _ = sharded[4]
    rows = {split: pd.DataFrame(shard_rows(output, split)) for split in ("validation", "test")}
    baseline_rows = len(pd.read_csv(sharded[4][1] / "baseline" / "baseline.csv"))
    total = baseline_rows + len(rows["validation"]) + len(rows["test"])
    assert total == len(sample)
    assert baseline_rows / total == pytest.approx(0.7, abs=0.03)
    assert len(rows["validation"]) / total == pytest.approx(0.2, abs=0.03)
    churn = (sample[preprocess.LABEL].str.lower() == "true").mean()
    for frame in rows.values():
        assert frame[0].mean() == pytest.approx(churn, abs=0.05)


def test_every_shard_balances_its_own_training_rows_so_their_union_is_balanced(sharded):
    output, _ = sharded[4]
    union = pd.DataFrame(shard_rows(output, "train"))
    assert (union[0] == 1).sum() == (union[0] == 0).sum()
    for path in sorted((output / "train").glob("*.csv")):
        labels = pd.read_csv(path, header=None)[0]
        assert (labels == 1).sum() == (labels == 0).sum(), path.name


def test_every_shard_has_the_one_hot_columns_of_all_the_data(tmp_path, sample):
    cohorts = sorted(sample["cohort_id"].unique())
    lonely = sample[sample["cohort_id"] == cohorts[0]]
    rest = sample[sample["cohort_id"] != cohorts[0]]
    output, merged = run_sharded(tmp_path, [lonely, rest], "lonely")
    widths = {p.name: pd.read_csv(p, header=None).shape[1] for split in ("train", "validation", "test") for p in (output / split).glob("*.csv")}
    assert len(set(widths.values())) == 1, widths
    header = pd.read_csv(merged / "baseline" / "baseline.csv", nrows=0).columns
    assert [c for c in header if c.startswith("cohort_id_")] == [f"cohort_id_{c}" for c in cohorts]


def test_each_scan_instance_writes_the_categories_and_class_counts_of_its_shard(tmp_path, sample):
    result = preprocess.scan(str(write_input(tmp_path / "in", sample)), str(tmp_path / "out"), ("algo-2", ["algo-1", "algo-2"]))
    assert json.loads((tmp_path / "out" / "scan" / "scan-algo-2.json").read_text()) == result
    assert result["rows"] == len(sample) and result["churned"] + result["retained"] == len(sample)
    assert result["categories"]["player_type"] == sorted(sample["player_type"].unique())


def test_preprocess_joins_the_scans_of_all_instances(tmp_path, sample):
    # Each scan instance downloads only its shard (ShardedByS3Key; File mode copies an input to the instance's
    # volume, ProcessingS3Input S3InputMode): the scans joined are the scan of all the data.
    shards = shards_of(sample, 3)
    hosts = ["algo-1", "algo-2", "algo-3"]
    for host, frame in zip(hosts, shards):
        assert scan_as(tmp_path, host, hosts, write_input(tmp_path / "in" / host, frame), tmp_path / "out") == 0
    joined = preprocess.read_scan(str(tmp_path / "out" / "scan"))
    whole = preprocess.scan(str(write_input(tmp_path / "all", sample)), str(tmp_path / "whole"))
    assert joined == whole | {"files": 3}
    assert joined["categories"]["cohort_id"] == sorted(sample["cohort_id"].unique())


def test_the_joined_scans_need_enough_players_of_each_class(tmp_path, capsys, sample):
    few = pd.concat([sample[sample[preprocess.LABEL] == "True"].head(5), sample[sample[preprocess.LABEL] == "False"].head(50)])
    assert preprocess.main(["--scan", "--input-dir", str(write_input(tmp_path / "in", few)), "--output-dir", str(tmp_path / "out")]) == 0
    code = preprocess.main(["--scan-dir", str(tmp_path / "out" / "scan"), "--input-dir", str(tmp_path / "in"), "--output-dir", str(tmp_path / "pre")])
    assert code == 1
    assert "at least 10 churned and 10 retained players" in capsys.readouterr().err


def test_a_scan_instance_without_a_csv_file_stops_before_preprocess(tmp_path, capsys, sample):
    # S3DataSource S3DataDistributionType (SageMaker API reference): with more instances than objects, "some nodes
    # won't get any data"; the scan shards the input as Preprocess does, so it finds the instance first.
    (tmp_path / "empty").mkdir()
    assert scan_as(tmp_path, "algo-4", ["algo-1", "algo-2", "algo-3", "algo-4"], tmp_path / "empty", tmp_path / "out") == 1
    err = capsys.readouterr().err
    assert "no CSV file in" in err and "on algo-4 (4 instances)" in err


def test_an_instance_without_input_file_names_the_files_it_needs(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    os.environ["RESOURCE_CONFIG_FILE"] = str(write_resource_config(tmp_path, "algo-3", ["algo-1", "algo-2", "algo-3"]))
    try:
        code = preprocess.main(["--scan-dir", str(tmp_path), "--input-dir", str(tmp_path / "empty"), "--output-dir", str(tmp_path / "out")])
    finally:
        del os.environ["RESOURCE_CONFIG_FILE"]
    assert code == 1
    assert "on algo-3 (3 instances)" in capsys.readouterr().err


def test_the_merge_rejects_shards_with_other_columns(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.csv").write_text("x,y\n1,2\n")
    (tmp_path / "in" / "b.csv").write_text("x,z\n3,4\n")
    assert preprocess.main(["--merge-baseline", "--input-dir", str(tmp_path / "in"), "--output-dir", str(tmp_path / "out")]) == 1
    assert "must have the same header" in capsys.readouterr().err


def test_the_cluster_is_read_from_resourceconfig_json_or_is_one_host(tmp_path):
    path = write_resource_config(tmp_path, "algo-2", ["algo-2", "algo-1"])
    assert preprocess.cluster(str(path)) == ("algo-2", ["algo-1", "algo-2"])
    assert preprocess.cluster(str(tmp_path / "missing.json")) == ("algo-1", ["algo-1"])


def test_the_scan_of_a_sharded_input_rejects_objects_other_than_csv(tmp_path, capsys, sample):
    # ProcessingS3Input S3DataDistributionType (SageMaker API reference): ShardedByS3Key gives each instance a share
    # of the S3 objects under the prefix, every object: an instance could get only a _SUCCESS marker or a README.
    input_dir = write_input(tmp_path / "in", sample.iloc[:1500], "part-1.csv")
    (input_dir / "_SUCCESS").write_text("")
    assert scan_as(tmp_path, "algo-2", ["algo-1", "algo-2"], input_dir, tmp_path / "out") == 1
    assert "algo-2 (2 instances) got files other than CSV (_SUCCESS)" in capsys.readouterr().err
    # On one instance (FullyReplicated) the other files are simply not read.
    assert preprocess.main(["--scan", "--input-dir", str(input_dir), "--output-dir", str(tmp_path / "out")]) == 0


def test_a_shard_without_training_rows_is_an_error_before_training(tmp_path, capsys, sample):
    # S3DataSource S3DataDistributionType (SageMaker API reference): ShardedByS3Key gives a training instance whole
    # objects, here the train file of one Preprocess instance; an empty one would leave that instance without data.
    scan_dir = tmp_path / "scan"
    preprocess.scan(str(write_input(tmp_path / "all", sample)), str(scan_dir))
    # The first three players that hash to validation or test: a shard of them has no training row.
    ids = sample[preprocess.ID_COLUMN].astype(str)
    fractions = [int.from_bytes(preprocess.hashlib.md5(f"{preprocess.SPLIT_SEED}:{i}".encode()).digest()[:8], "big") / 2.0**64 for i in ids]
    write_input(tmp_path / "probe", sample[[f >= 0.7 for f in fractions]].head(3))
    os.environ["RESOURCE_CONFIG_FILE"] = str(write_resource_config(tmp_path, "algo-2", ["algo-1", "algo-2"]))
    try:
        code = preprocess.main(["--scan-dir", str(scan_dir / "scan"), "--input-dir", str(tmp_path / "probe"), "--output-dir", str(tmp_path / "out")])
    finally:
        del os.environ["RESOURCE_CONFIG_FILE"]
    assert code == 1
    assert "algo-2 (2 instances) has no training row among the 3 players of its shard" in capsys.readouterr().err


def test_beyond_the_baseline_cap_every_shard_writes_a_uniform_sample_of_its_training_rows(tmp_path, sample, monkeypatch):
    # ProcessingClusterConfig VolumeSizeInGB (SageMaker API reference: "You must specify sufficient ML storage for your
    # scenario") and S3InputMode File (the input is copied onto that volume): the one-instance MergeBaseline holds the
    # shards and their join, so the merged baseline is bounded, not the size of all the training data.
    full_output, full_merged = run_sharded(tmp_path, shards_of(sample, 3), "full")
    every = pd.read_csv(full_merged / "baseline" / "baseline.csv")
    monkeypatch.setattr(preprocess, "BASELINE_MAX_ROWS", 500)
    _, capped_merged = run_sharded(tmp_path, shards_of(sample, 3), "capped")
    capped = pd.read_csv(capped_merged / "baseline" / "baseline.csv")
    assert list(capped.columns) == list(every.columns)
    assert 400 <= len(capped) <= 600 < len(every)
    # A sample of the same rows: every sampled row is a training row.
    assert set(map(tuple, capped.round(9).itertuples(index=False))) <= set(map(tuple, every.round(9).itertuples(index=False)))
