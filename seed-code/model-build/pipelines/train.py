"""Train step of the player-churn pipeline: script mode on the SageMaker XGBoost 1.7-1 or 3.0-5 container.

One script for both containers (XGBoost 1.7.4 and 3.0.5): see xgboost_params and save_booster for what
differs between them. Trains exactly as SageMaker's built-in XGBoost algorithm does with the same hyperparameters
(sagemaker-gitops' local run emulates it the same way, src/local-run/xgboost-algorithm.ts):
hyperparameters parsed as the algorithm parses them (integers, numbers, comma-separated lists, aliases
such as learning_rate); the channels read as header-less CSV with the label first; with
early_stopping_rounds and a validation channel, training stops when the validation channel's last
eval_metric has not improved for that many rounds, and the best model is kept.

Inputs (the training container's script-mode contract)
  --<hyperparameter> <value>   one pair per hyperparameter (--num_round 100 --eta 0.5 ...); the
                               container's own sagemaker_* ones are ignored
  SM_CHANNEL_TRAIN             folder of the train channel (default /opt/ml/input/data/train)
  SM_CHANNEL_VALIDATION        folder of the validation channel (default /opt/ml/input/data/validation;
                               optional, as for the built-in algorithm)
  SM_MODEL_DIR                 where the model goes (default /opt/ml/model)

Outputs
  $SM_MODEL_DIR/xgboost-model  the Booster in XGBoost's UBJSON format under both XGBoost versions (the
                               built-in algorithm's file name): evaluate.py and the XGBoost serving
                               containers load it unchanged
  $SM_MODEL_DIR/mlflow/run.json
                               with MLflow on: {"run_id", "parent_run_id", "experiment_id", "model_uri"}
                               of the run that holds the model ("" for what could not be logged); it
                               travels in model.tar.gz to the evaluate step. In a folder: the XGBoost
                               serving container loads every file at the top of the model folder as a
                               model (and fails its health check on any other), but not subfolders
  stdout                       one line per round, XGBoost's own "[<round>]\\ttrain-auc:<v>\\tvalidation-auc:<v>",
                               which the pipeline's metric definitions read

Several instances (the project's instanceCounts.training > 1): in script mode the container runs this
script on every host and leaves the distribution to it (the built-in algorithm's own distributed mode,
aws/sagemaker-xgboost-container algorithm_mode/train.py, does not apply), so the script does what that
mode does: every host loads its own train files (the channel is ShardedByS3Key: each host gets whole files
of Preprocess's one-file-per-instance output) before XGBoost's collective starts, the first host of the
sorted SM_HOSTS starts XGBoost's RabitTracker on port 9099 (the container's port), every host joins as
worker of rank = its index in the sorted hosts, and xgb.train builds each tree from the histograms of all
hosts' rows (allreduce). The validation channel is FullyReplicated: every host evaluates the same rows,
so the metrics, early stopping and the best iteration are the same everywhere. Only the first host writes
the model and logs to MLflow. DMLC_TRACKER_URI and DMLC_TRACKER_PORT (XGBoost's own variables) override the
tracker's address and port: the local run's instances are processes of one machine.

MLflow (tracking.py): the run `train` logs the hyperparameters, the train and validation metrics of
every round (step = round), the best iteration and score, and the model with the mlflow.xgboost flavour
(name "model", its signature and an input example): the trees up to the best iteration, which is
what the serving container predicts with.

Exit code 0 on success; 1 when the data cannot be used, XGBoost fails, or MLflow is configured but its
client is not installed; 2 for invalid or unknown hyperparameters.
"""
import argparse
import ast
import csv
import json
import os
import socket
import sys
import time

import pandas as pd
import xgboost as xgb

import tracking

MODEL_FILE = "xgboost-model"
MLFLOW_FILE = os.path.join("mlflow", "run.json")
# The port of the XGBoost container's RabitTracker (sagemaker_xgboost_container/distributed.py).
TRACKER_PORT = 9099
# How long a worker waits for the master's host name and tracker (the container waits for DNS as well).
CONNECT_TIMEOUT_SECONDS = 300

# The built-in algorithm's hyperparameters by type (aws/sagemaker-xgboost-container, 1.7-1), as
# src/local-run/xgboost-algorithm.ts parses them.
INTEGER = {
    "num_round", "csv_weights", "early_stopping_rounds", "verbosity", "nthread", "max_depth", "refresh_leaf",
    "max_leaves", "max_bin", "one_drop", "num_class", "seed", "num_parallel_tree", "prob_buffer_row",
}
NUMBER = {
    "eta", "gamma", "min_child_weight", "max_delta_step", "subsample", "colsample_bytree", "colsample_bylevel",
    "colsample_bynode", "lambda", "alpha", "sketch_eps", "scale_pos_weight", "rate_drop", "skip_drop",
    "lambda_bias", "tweedie_variance_power", "base_score", "aft_loss_distribution_scale",
}
LIST = {"eval_metric", "updater"}
LITERAL = {"monotone_constraints", "interaction_constraints"}
TEXT = {
    "booster", "tree_method", "dsplit", "process_type", "grow_policy", "predictor", "sample_type", "normalize_type",
    "objective", "save_model_on_termination", "aft_loss_distribution", "deterministic_histogram", "sampling_method",
}
ALIASES = {"learning_rate": "eta", "min_split_loss": "gamma", "reg_lambda": "lambda", "reg_alpha": "alpha"}
# Metrics that improve upwards: early stopping maximizes them.
MAXIMIZE = {
    "accuracy", "auc", "aucpr", "balanced_accuracy", "f1", "f1_binary", "f1_macro", "map", "ndcg", "precision", "r2",
    "recall", "precision_macro", "precision_micro", "recall_macro", "recall_micro",
}


def xgboost_major(version=None):
    """The major version of the installed XGBoost (or of `version`): 1 in the 1.7-1 container, 3 in 3.0-5."""
    return int((version or xgb.__version__).split(".")[0])


def xgboost_params(params, major=None):
    """The booster parameters for the installed XGBoost. The built-in algorithm's hyperparameters are
    those of XGBoost 1.7 (aws/sagemaker-xgboost-container, algorithm_mode/hyperparameter_validation.py, the
    same on branches 1.7-1 and release-3.0.5); XGBoost 2 moved GPU training to the `device` parameter
    (dmlc/xgboost v3.0.5, src/common/error_msg.cc: "The tree method `gpu_hist` is deprecated since 2.0.0.
    To use GPU training, set the `device` parameter to CUDA instead. E.g. tree_method = "hist", device =
    "cuda"") and removed `predictor` (src/gbm/gbtree.h declares it, with cpu_predictor and gpu_predictor,
    at v1.7.4 and not at v3.0.5). So from XGBoost 2 on: tree_method=gpu_hist is tree_method=hist with
    device=cuda, predictor=gpu_predictor is device=cuda, and other predictor values are dropped."""
    major = xgboost_major() if major is None else major
    params = dict(params)
    if major < 2:
        return params
    if params.get("tree_method") == "gpu_hist":
        params["tree_method"], params["device"] = "hist", "cuda"
    if params.pop("predictor", None) == "gpu_predictor":
        params["device"] = "cuda"
    return params


def save_booster(booster, path):
    """Writes the booster in UBJSON, XGBoost's own binary JSON, under both XGBoost versions. save_model
    picks the format from the file extension, and xgboost-model has none: XGBoost 1.7 then writes its
    deprecated binary format and XGBoost 3 UBJSON, each with a warning (dmlc/xgboost src/c_api/c_api.cc,
    XGBoosterSaveModel, v1.7.4 and v3.0.5). save_raw("ubj") exists in both (raw_format since 1.6), and
    both load UBJSON from a file without extension (src/learner.cc, LoadModel, v1.7.4 and v3.0.5), as
    the serving containers and evaluate.py do."""
    with open(path, "wb") as f:
        f.write(booster.save_raw(raw_format="ubj"))


def cluster(environ=None):
    """(current host, sorted hosts) of the training job: SM_CURRENT_HOST and SM_HOSTS, else one host algo-1."""
    environ = os.environ if environ is None else environ
    hosts = sorted(json.loads(environ.get("SM_HOSTS", "") or '["algo-1"]'))
    return environ.get("SM_CURRENT_HOST", hosts[0]), hosts


def tracker_address(master, environ):
    """The tracker's address and port: DMLC_TRACKER_URI/PORT, else the master host's address once it resolves."""
    port = int(environ.get("DMLC_TRACKER_PORT", TRACKER_PORT))
    if environ.get("DMLC_TRACKER_URI"):
        return environ["DMLC_TRACKER_URI"], port
    deadline = time.monotonic() + CONNECT_TIMEOUT_SECONDS
    while True:
        try:
            return socket.gethostbyname(master), port
        except OSError:
            if time.monotonic() > deadline:
                raise TrainingError(f"the master host {master} did not resolve within {CONNECT_TIMEOUT_SECONDS} s") from None
            time.sleep(1)


def start_tracker(address, port, workers, major=None):
    """XGBoost's RabitTracker on the master: its constructor and start differ between XGBoost 1.7 and 3."""
    from xgboost.tracker import RabitTracker

    if (xgboost_major() if major is None else major) < 2:
        tracker = RabitTracker(host_ip=address, n_workers=workers, port=port, sortby="task")
        tracker.start(workers)
    else:
        tracker = RabitTracker(n_workers=workers, host_ip=address, port=port, sortby="task")
        tracker.start()
    return tracker


def wait_for_tracker(tracker):
    """Waits until the tracker has seen every worker finish: join() in XGBoost 1.7 (xgboost/tracker.py, v1.7.4);
    XGBoost 3 has no join but wait_for (dmlc/xgboost python-package/xgboost/tracker.py at v3.0.5: start, wait_for,
    worker_args, free; sagemaker-xgboost-container release-3.0.5 distributed.py calls tracker.wait_for)."""
    if hasattr(tracker, "wait_for"):
        tracker.wait_for()
    else:
        tracker.join()


def worker_args(address, port, rank, workers, major=None):
    """The collective's arguments of a worker: upper-case DMLC_* in XGBoost 1.7 (xgboost.collective.init), the
    lower-case dmlc_tracker_uri, dmlc_tracker_port and dmlc_task_id from XGBoost 2, as the XGBoost container passes
    them to XGBoost 3 (sagemaker_xgboost_container/distributed.py)."""
    if (xgboost_major() if major is None else major) < 2:
        return {"DMLC_TRACKER_URI": address, "DMLC_TRACKER_PORT": port, "DMLC_TASK_ID": str(rank), "DMLC_NUM_WORKER": workers}
    return {"dmlc_tracker_uri": address, "dmlc_tracker_port": port, "dmlc_task_id": str(rank)}


class Collective:
    """XGBoost's collective over the job's hosts (nothing with one host); is_master: the first sorted host."""

    def __init__(self, current_host, hosts, environ=None):
        self.current_host, self.hosts = current_host, hosts
        self.environ = os.environ if environ is None else environ
        self.rank = hosts.index(current_host)
        self.is_master = self.rank == 0
        self.tracker = self.context = None

    def __enter__(self):
        if len(self.hosts) == 1:
            return self
        address, port = tracker_address(self.hosts[0], self.environ)
        if self.is_master:
            self.tracker = start_tracker(address, port, len(self.hosts))
        args = worker_args(address, port, self.rank, len(self.hosts))
        deadline = time.monotonic() + CONNECT_TIMEOUT_SECONDS
        while self.context is None:
            try:
                context = xgb.collective.CommunicatorContext(**args)
                context.__enter__()
                self.context = context
            except xgb.core.XGBoostError as err:
                if time.monotonic() > deadline:
                    raise TrainingError(f"{self.current_host} could not join the tracker at {address}:{port}: {err}") from None
                time.sleep(1)
        print(f"{self.current_host}: worker {self.rank} of {len(self.hosts)} (tracker {address}:{port})", flush=True)
        return self

    def __exit__(self, exc_type, exc, tb):
        if self.context is not None:
            self.context.__exit__(exc_type, exc, tb)
        if self.tracker is not None and exc_type is None:
            wait_for_tracker(self.tracker)
        return False


class TrainingError(Exception):
    """Data the step cannot use, or XGBoost failing: "error: <message>", exit code 1."""


def comma_list(text):
    return text.split(",")


def literal(text):
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        raise argparse.ArgumentTypeError(f"could not parse {text!r}") from None


def parse_hyperparameters(argv):
    """The hyperparameters given as --name value pairs, typed; exits 2 (argparse) on a bad or unknown one."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    aliases = {}
    for alias, name in ALIASES.items():
        aliases.setdefault(name, []).append(f"--{alias}")
    for names, kind in ((INTEGER, int), (NUMBER, float), (LIST, comma_list), (LITERAL, literal), (TEXT, str)):
        for name in sorted(names):
            parser.add_argument(f"--{name}", *aliases.get(name, []), dest=name, type=kind)
    args, unknown = parser.parse_known_args(argv)
    extraneous = [a for a in unknown if a.startswith("--") and not a.startswith("--sagemaker_")]
    if extraneous:
        parser.error(f"extraneous hyperparameter {extraneous[0][2:]}: not a hyperparameter of the built-in XGBoost algorithm")
    params = {name: value for name, value in vars(args).items() if value is not None}
    if "num_round" not in params:
        parser.error("missing required hyperparameter: num_round")
    return params


def read_channel(folder, name, csv_weights=0):
    """The channel's header-less CSV files (label first, then the weight with csv_weights=1) as a DMatrix,
    read as the built-in algorithm reads them."""
    if not os.path.isdir(folder):
        raise TrainingError(f"the {name} channel's folder {folder} does not exist")
    files = sorted(f for f in os.listdir(folder) if not f.startswith(".") and os.path.isfile(os.path.join(folder, f)))
    if not files or all(os.path.getsize(os.path.join(folder, f)) == 0 for f in files):
        raise TrainingError(f"no data in the {name} channel ({folder})")
    with open(os.path.join(folder, files[0])) as f:
        sample = f.readline()
    try:
        delimiter = csv.Sniffer().sniff(sample).delimiter
    except csv.Error:
        delimiter = ","
    uri = f"{folder}?format=csv&label_column=0&delimiter={delimiter}"
    if csv_weights == 1:
        uri += "&weight_column=1"
    try:
        return xgb.DMatrix(uri)
    except xgb.core.XGBoostError as err:
        raise TrainingError(f"failed to load the CSV data of the {name} channel: {str(err).strip().splitlines()[0]}") from None


def feature_frame(folder, leading_columns=1):
    """The features of the channel's first file as a DataFrame with XGBoost's default names f0, f1, ...:
    the input example and the signature's input (leading_columns: the label, and the weight if any)."""
    files = sorted(f for f in os.listdir(folder) if not f.startswith(".") and os.path.isfile(os.path.join(folder, f)))
    data = pd.read_csv(os.path.join(folder, files[0]), header=None, sep=None, engine="python")
    features = data.iloc[:, leading_columns:].astype(float)
    features.columns = [f"f{i}" for i in range(features.shape[1])]
    return features


class LogRounds(xgb.callback.TrainingCallback):
    """Logs every round's train and validation metrics to the step's MLflow run, the round as the step."""

    def __init__(self, run):
        super().__init__()
        self.run = run
        self.rounds = 0
        self.history = {}

    def after_iteration(self, model, epoch, evals_log):
        self.rounds, self.history = epoch + 1, evals_log
        metrics = {f"{data}-{metric}": float(values[-1]) for data, by_metric in evals_log.items() for metric, values in by_metric.items()}
        self.run.log(f"log the metrics of round {epoch}", lambda m: m.log_metrics(metrics, step=epoch))
        return False


class InOrder(xgb.callback.TrainingCallback):
    """Runs callbacks one after the other, every one of them each round. xgb.train keeps its callbacks in a
    set and stops asking them once one says stop, so whether the last round is printed and logged before
    early stopping ends the training would otherwise vary from run to run."""

    def __init__(self, callbacks):
        super().__init__()
        self.callbacks = callbacks

    def before_training(self, model):
        for callback in self.callbacks:
            model = callback.before_training(model)
        return model

    def after_training(self, model):
        for callback in self.callbacks:
            model = callback.after_training(model)
        return model

    def before_iteration(self, model, epoch, evals_log):
        return any([callback.before_iteration(model, epoch, evals_log) for callback in self.callbacks])

    def after_iteration(self, model, epoch, evals_log):
        return any([callback.after_iteration(model, epoch, evals_log) for callback in self.callbacks])


def train(params, train_dir, validation_dir, model_dir, run, collective=None):
    """Trains, saves xgboost-model and (MLflow on) mlflow/run.json into model_dir; returns the booster. With a
    Collective of several hosts, the data is loaded first (this host's files only), the trees are built by
    all hosts together, and only the master saves and logs the model."""
    collective = collective or Collective("algo-1", ["algo-1"])
    params = dict(params)
    logged_params = {k: ",".join(v) if isinstance(v, list) else v for k, v in params.items()}
    csv_weights = params.pop("csv_weights", 0)
    num_round = params.pop("num_round")
    early_stopping_rounds = params.pop("early_stopping_rounds", None)
    params.pop("save_model_on_termination", None)
    params = xgboost_params(params)
    dtrain = read_channel(train_dir, "train", csv_weights)
    dvalidation = read_channel(validation_dir, "validation") if os.path.isdir(validation_dir) else None

    eval_metric = params.get("eval_metric")
    watchlist = [(dtrain, "train")] + ([(dvalidation, "validation")] if dvalidation is not None else [])
    rounds = LogRounds(run)
    callbacks = [xgb.callback.EvaluationMonitor(), rounds]
    metric = eval_metric[-1] if eval_metric else None
    if early_stopping_rounds and dvalidation is not None and metric:
        callbacks.append(xgb.callback.EarlyStopping(
            rounds=early_stopping_rounds, data_name="validation", metric_name=metric, maximize=metric in MAXIMIZE, save_best=True,
        ))
    print(f"train matrix: {dtrain.num_row()} rows, {dtrain.num_col()} columns"
          + (f"; validation matrix: {dvalidation.num_row()} rows" if dvalidation is not None else ""), flush=True)
    run.log("log the hyperparameters", lambda m: m.log_params(logged_params))
    try:
        with collective:
            booster = xgb.train(params, dtrain, num_boost_round=num_round, evals=watchlist, callbacks=[InOrder(callbacks)], verbose_eval=False)
    except xgb.core.XGBoostError as err:
        raise TrainingError(f"XGBoost failed: {str(err).strip().splitlines()[0]}") from None

    if not collective.is_master:
        print(f"{collective.current_host}: trained with the other hosts; {collective.hosts[0]} saves the model", flush=True)
        return booster
    os.makedirs(model_dir, exist_ok=True)
    save_booster(booster, os.path.join(model_dir, MODEL_FILE))
    print(f"saved {MODEL_FILE} ({booster.num_boosted_rounds()} rounds) into {model_dir}", flush=True)
    if run.configured:
        log_best(run, booster, rounds, metric)
        example = (validation_dir, 1) if dvalidation is not None else (train_dir, 1 + (csv_weights == 1))
        write_mlflow_record(run, model_dir, log_model(run, booster, *example))
    return booster


def log_best(run, booster, rounds, metric):
    """Logs the rounds trained and, after early stopping, the best iteration and its validation score."""
    best = {"rounds_trained": rounds.rounds}
    if booster.attr("best_iteration") is not None and metric in rounds.history.get("validation", {}):
        best["best_iteration"] = int(booster.attr("best_iteration"))
        best["best_score"] = float(rounds.history["validation"][metric][best["best_iteration"]])
    run.log("log the best iteration and score", lambda m: m.log_metrics(best))


def write_mlflow_record(run, model_dir, model_uri):
    """mlflow/run.json beside the model: which run holds it ("" for what could not be logged)."""
    record = {"run_id": run.run_id, "parent_run_id": run.parent_run_id, "experiment_id": run.experiment_id, "model_uri": model_uri}
    os.makedirs(os.path.join(model_dir, os.path.dirname(MLFLOW_FILE)), exist_ok=True)
    with open(os.path.join(model_dir, MLFLOW_FILE), "w") as f:
        json.dump({k: str(v or "") for k, v in record.items()}, f, indent=2)
        f.write("\n")


def log_model(run, booster, example_dir, leading_columns):
    """Logs the model: the trees up to the best iteration (all of them already, when early stopping kept
    the best model), what the serving container predicts with. Returns the model URI."""
    best = booster.attr("best_iteration")
    model = booster[: int(best) + 1] if best is not None else booster

    def log(mlflow):
        example = feature_frame(example_dir, leading_columns)
        predictions = model.predict(xgb.DMatrix(example.to_numpy()))
        signature = run.module("mlflow.models").infer_signature(example, predictions)
        # MLflow 3 names a logged model with `name`; a 2.x client (which a 2.x tracking server needs) takes the
        # artifact path instead and refuses `name` (mlflow.org, "MLflow 3 Migration Guide").
        major = int(str(getattr(mlflow, "__version__", "3")).split(".")[0])
        where = {"name": "model"} if major >= 3 else {"artifact_path": "model"}
        info = run.module("mlflow.xgboost").log_model(model, signature=signature, input_example=example.head(5), **where)
        return info.model_uri

    return run.log("log the model", log)


def main(argv=None):
    params = parse_hyperparameters(sys.argv[1:] if argv is None else argv)
    train_dir = os.environ.get("SM_CHANNEL_TRAIN", "/opt/ml/input/data/train")
    validation_dir = os.environ.get("SM_CHANNEL_VALIDATION", "/opt/ml/input/data/validation")
    model_dir = os.environ.get("SM_MODEL_DIR", "/opt/ml/model")
    collective = Collective(*cluster())
    # Only the master logs: the other hosts' runs would repeat its metrics.
    environ = os.environ if collective.is_master else {}
    try:
        with tracking.start("train", environ) as run:
            train(params, train_dir, validation_dir, model_dir, run, collective)
    except (TrainingError, tracking.TrackingUnavailable) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
