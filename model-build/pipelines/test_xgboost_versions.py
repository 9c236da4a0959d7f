"""train.py under both XGBoost containers: 1.7-1 (XGBoost 1.7.4) and 3.0-5 (XGBoost 3.0.5).

The parameters are translated for the installed major version (xgboost_params) and the model file has
one format under both (save_booster). These tests run under the installed xgboost; the parameter
translation is tested for both majors. python3 -m pytest pipelines."""
import sys
from pathlib import Path

import numpy as np
import pytest
import xgboost

sys.path.insert(0, str(Path(__file__).resolve().parent))

import evaluate  # noqa: E402
import train  # noqa: E402


# dmlc/xgboost v3.0.5 src/common/error_msg.cc (WarnDeprecatedGPUHist): gpu_hist is deprecated since 2.0.0,
# "E.g. tree_method = "hist", device = "cuda""; src/gbm/gbtree.h declares `predictor` at v1.7.4, not at v3.0.5.
@pytest.mark.parametrize("given, major, expected", [
    ({"tree_method": "gpu_hist", "eta": 0.5}, 1, {"tree_method": "gpu_hist", "eta": 0.5}),
    ({"predictor": "gpu_predictor"}, 1, {"predictor": "gpu_predictor"}),
    ({"tree_method": "gpu_hist", "eta": 0.5}, 3, {"tree_method": "hist", "device": "cuda", "eta": 0.5}),
    ({"tree_method": "hist", "predictor": "cpu_predictor"}, 3, {"tree_method": "hist"}),
    ({"predictor": "gpu_predictor", "max_depth": 3}, 3, {"device": "cuda", "max_depth": 3}),
    ({"tree_method": "approx", "eval_metric": ["auc"]}, 2, {"tree_method": "approx", "eval_metric": ["auc"]}),
])
def test_parameters_follow_the_xgboost_major_version(given, major, expected):
    assert train.xgboost_params(given, major) == expected
    # The caller's parameters are not changed.
    assert "device" not in given


def test_the_major_version_is_the_installed_xgboosts():
    assert train.xgboost_major() == int(xgboost.__version__.split(".")[0])
    assert train.xgboost_major("3.0.5") == 3 and train.xgboost_major("1.7.4") == 1


def test_the_installed_xgboost_trains_with_the_translated_cpu_parameters():
    rng = np.random.default_rng(7)
    features = rng.random((60, 4))
    data = xgboost.DMatrix(features, label=(features[:, 0] > 0.5).astype(int))
    params = train.xgboost_params({"objective": "binary:logistic", "tree_method": "hist", "predictor": "cpu_predictor", "eval_metric": ["auc"]})
    booster = xgboost.train(params, data, num_boost_round=3)
    assert booster.num_boosted_rounds() == 3


def test_the_model_file_is_ubjson_that_evaluate_and_load_model_read(tmp_path):
    """dmlc/xgboost src/c_api/c_api.cc XGBoosterSaveModel (v1.7.4: the deprecated binary format for a name
    without extension; v3.0.5: UBJSON with a warning) and src/learner.cc LoadModel (both: a file starting
    with "{" then a letter is UBJSON)."""
    rng = np.random.default_rng(3)
    features = rng.random((80, 3))
    data = xgboost.DMatrix(features, label=(features[:, 1] > 0.4).astype(int))
    booster = xgboost.train({"objective": "binary:logistic"}, data, num_boost_round=4)
    booster.set_attr(best_iteration="2")
    path = tmp_path / train.MODEL_FILE
    train.save_booster(booster, str(path))
    raw = path.read_bytes()
    assert raw == bytes(booster.save_raw(raw_format="ubj"))
    assert raw[:1] == b"{" and chr(raw[1]).isalpha()
    loaded = xgboost.Booster()
    loaded.load_model(str(path))
    assert loaded.attr("best_iteration") == "2"
    np.testing.assert_allclose(loaded.predict(data), booster.predict(data))
    # evaluate.py reads the bytes from model.tar.gz.
    parsed = evaluate.parse_model(raw, "model.tar.gz")
    np.testing.assert_allclose(parsed.predict(data), booster.predict(data))
