/**
 * The Python program that stands in for SageMaker's built-in XGBoost algorithm (1.7-1) in a
 * local run: it reads the training container's files (hyperparameters, channels of header-less
 * CSV with the label first), trains with the local xgboost library as the container does
 * (hyperparameters parsed the same way, early stopping on the validation channel's last
 * eval_metric, the best model kept) and writes model.tar.gz holding xgboost-model.
 *
 * It lives here, as text, so that it ships inside lib/ with the package: the local run writes
 * it into the step's work folder and runs it there.
 */
export const XGBOOST_ALGORITHM_SCRIPT = String.raw`"""SageMaker's built-in XGBoost algorithm (1.7-1), in file mode, on this machine.

Written by sagemaker-gitops local-run for a pipeline's training step. It reads what the
training container reads under --ml-root (the container's /opt/ml):

  input/config/hyperparameters.json   the job's hyperparameters, as strings
  input/config/inputdataconfig.json   the channels and their content types
  input/data/<channel>/               the channel's files: CSV without a header, the label first

and writes model/xgboost-model (Booster.save_model), then packs the model folder into
--archive (model.tar.gz), as SageMaker does. Hyperparameters are parsed as the container
parses them (integers, numbers, comma-separated lists, aliases such as learning_rate); with
early_stopping_rounds and a validation channel, training stops when the last eval_metric has
not improved on the validation data for that many rounds, and the best model is kept.

Exit code 0 on success; 1 when the hyperparameters or the data cannot be used.
"""
import argparse
import ast
import csv
import json
import os
import sys
import tarfile

import xgboost as xgb

MODEL_NAME = "xgboost-model"
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
# Cross-validation, tuning and distributed GPU training only exist in SageMaker.
NOT_LOCAL = {"_kfold", "_num_cv_round", "_tuning_objective_metric", "use_dask_gpu_training"}
ALIASES = {"learning_rate": "eta", "min_split_loss": "gamma", "reg_lambda": "lambda", "reg_alpha": "alpha"}
MAXIMIZE = {
    "accuracy", "auc", "aucpr", "balanced_accuracy", "f1", "f1_binary", "f1_macro", "map", "ndcg", "precision", "r2",
    "recall", "precision_macro", "precision_micro", "recall_macro", "recall_micro",
}
CSV_TYPES = {"text/csv", "csv"}


class AlgorithmError(Exception):
    """Hyperparameters or data the algorithm cannot use: "error: <message>", exit code 1."""


def parse_hyperparameters(raw):
    parsed = {}
    for name, value in raw.items():
        name = ALIASES.get(name, name)
        text = str(value)
        if name in NOT_LOCAL:
            raise AlgorithmError(f"hyperparameter {name} is not supported by the local run (it needs SageMaker)")
        try:
            if name in INTEGER:
                parsed[name] = int(text)
            elif name in NUMBER:
                parsed[name] = float(text)
            elif name in LIST:
                parsed[name] = text.split(",")
            elif name in LITERAL:
                parsed[name] = ast.literal_eval(text)
            elif name in TEXT:
                parsed[name] = text
            else:
                raise AlgorithmError(f"extraneous hyperparameter found: {name} is not a hyperparameter of the built-in XGBoost algorithm")
        except (ValueError, SyntaxError):
            raise AlgorithmError(f"hyperparameter {name}: could not parse {text!r}") from None
    if "num_round" not in parsed:
        raise AlgorithmError("missing required hyperparameter: num_round")
    return parsed


def read_channel(folder, name, content_type, csv_weights=0):
    if (content_type or "").split(";")[0].strip().lower() not in CSV_TYPES:
        raise AlgorithmError(
            f"channel {name} has content type {content_type or 'libsvm (the default)'}; the local run reads text/csv only "
            "(header-less, the label in the first column)"
        )
    files = sorted(f for f in os.listdir(folder) if not f.startswith(".") and os.path.isfile(os.path.join(folder, f)))
    if not files or all(os.path.getsize(os.path.join(folder, f)) == 0 for f in files):
        raise AlgorithmError(f"no data in channel {name} ({folder})")
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
        raise AlgorithmError(f"failed to load the CSV data of channel {name}: {str(err).strip().splitlines()[0]}") from None


def train(ml_root, archive):
    config = os.path.join(ml_root, "input", "config")
    with open(os.path.join(config, "hyperparameters.json")) as f:
        params = parse_hyperparameters(json.load(f))
    with open(os.path.join(config, "inputdataconfig.json")) as f:
        channels = json.load(f)
    if "train" not in channels:
        raise AlgorithmError(f"the training job needs a train channel, got {', '.join(channels) or 'none'}")
    data = os.path.join(ml_root, "input", "data")
    csv_weights = params.pop("csv_weights", 0)
    dtrain = read_channel(os.path.join(data, "train"), "train", channels["train"].get("ContentType"), csv_weights)
    dvalidation = None
    if "validation" in channels:
        dvalidation = read_channel(os.path.join(data, "validation"), "validation", channels["validation"].get("ContentType"))

    num_round = params.pop("num_round")
    early_stopping_rounds = params.pop("early_stopping_rounds", None)
    params.pop("save_model_on_termination", None)
    eval_metric = params.get("eval_metric")
    watchlist = [(dtrain, "train")] + ([(dvalidation, "validation")] if dvalidation is not None else [])
    callbacks = [xgb.callback.EvaluationMonitor()]
    if early_stopping_rounds and dvalidation is not None and eval_metric:
        metric = eval_metric[-1]
        callbacks.append(xgb.callback.EarlyStopping(
            rounds=early_stopping_rounds, data_name="validation", metric_name=metric, maximize=metric in MAXIMIZE, save_best=True,
        ))
    print(f"train matrix: {dtrain.num_row()} rows, {dtrain.num_col()} columns"
          + (f"; validation matrix: {dvalidation.num_row()} rows" if dvalidation is not None else ""), flush=True)
    try:
        booster = xgb.train(params, dtrain, num_boost_round=num_round, evals=watchlist, callbacks=callbacks, verbose_eval=False)
    except xgb.core.XGBoostError as err:
        raise AlgorithmError(f"XGBoost failed: {str(err).strip().splitlines()[0]}") from None

    model_dir = os.path.join(ml_root, "model")
    os.makedirs(model_dir, exist_ok=True)
    booster.save_model(os.path.join(model_dir, MODEL_NAME))
    with tarfile.open(archive, "w:gz", format=tarfile.USTAR_FORMAT) as tar:
        for name in sorted(os.listdir(model_dir)):
            tar.add(os.path.join(model_dir, name), arcname=name)
    print(f"saved {MODEL_NAME} ({booster.num_boosted_rounds()} rounds) into {archive}", flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ml-root", required=True, help="the folder that stands in for the container's /opt/ml")
    parser.add_argument("--archive", required=True, help="the model.tar.gz to write")
    args = parser.parse_args(argv)
    try:
        train(args.ml_root, args.archive)
    except AlgorithmError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
`;

/** The file name the local run gives the program in a training step's work folder. */
export const XGBOOST_ALGORITHM_FILE = 'xgboost_algorithm.py';

/** The metrics the built-in XGBoost algorithm reports for a validation channel, maximized ones first. */
const XGBOOST_METRIC_NAMES = [
  'accuracy', 'auc', 'aucpr', 'balanced_accuracy', 'f1', 'f1_binary', 'f1_macro', 'map', 'ndcg', 'precision', 'r2', 'recall',
  'precision_macro', 'precision_micro', 'recall_macro', 'recall_micro',
  'aft-nloglik', 'cox-nloglik', 'error', 'gamma-deviance', 'gamma-nloglik', 'interval-regression-accuracy', 'logloss', 'mae', 'mape',
  'merror', 'mlogloss', 'mphe', 'mse', 'poisson-nloglik', 'rmse', 'rmsle', 'tweedie-nloglik',
];

/**
 * The metric definitions of SageMaker's built-in XGBoost algorithm: the metrics it publishes
 * itself (a job of the built-in algorithm may not define its own), `validation:<eval_metric>`,
 * read from its log with its own regular expression. Developer guide, "Tune an XGBoost Model"
 * (the metrics the algorithm computes); names and expressions as the algorithm's container
 * defines them (aws/sagemaker-xgboost-container, algorithm_mode/metrics.py and
 * constants/xgb_constants.py). In CloudWatch a tab of the log shows as `#011`.
 */
export const XGBOOST_ALGORITHM_METRIC_DEFINITIONS: ReadonlyArray<{ readonly Name: string; readonly Regex: string }> = XGBOOST_METRIC_NAMES.map((name) => ({
  Name: `validation:${name}`,
  Regex: `.*\\[[0-9]+\\].*#011validation-${name}:(\\S+)`,
}));
