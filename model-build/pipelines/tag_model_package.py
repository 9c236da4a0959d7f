"""TagMlflowRun step of the player-churn pipeline (runs after Register, only when MLflow is on).

The registered model version already names its MLflow run and model (CustomerMetadataProperties
mlflowRunId and mlflowModelUri); this step makes the link go both ways: it tags the training run that
holds the model, and the run of the pipeline execution above it, with

  sagemaker.model_package_arn       the registered version's ARN (Steps.Register.ModelPackageArn)
  sagemaker.model_package_version   its version number (the ARN's last part)

and logs nothing else (no run of its own).

Inputs
  --model-package-arn  arn:aws:sagemaker:<region>:<account>:model-package/<group>/<version>
  --run-id             the training run (evaluation.json's mlflow.run_id); "not-logged" (or empty)
                       when training could not open its run, and then there is nothing to tag

The environment is the other steps' (tracking.py): MLFLOW_TRACKING_URI, and
SAGEMAKER_PIPELINE_EXECUTION_ARN, which finds the execution's run as the steps do; without it, the
training run's parent (mlflow.parentRunId) is the execution's run.

The model is registered when this step runs, so no tracking problem fails it: an unreachable server, a
missing run, a refused request, even a missing mlflow package, is a WARNING on stderr counted in
mlflow_logging_failures, which the step prints at the end. Without MLFLOW_TRACKING_URI it says so in one
line and imports nothing.

Exit code 0, or 2 for invalid arguments.
"""
import argparse
import os
import re
import sys

import tracking

ARN_TAG = "sagemaker.model_package_arn"
VERSION_TAG = "sagemaker.model_package_version"
STEP = "tag-model-package"
# DescribeModelPackage's ModelPackageArn, versioned: .../model-package/<group>/<version>.
MODEL_PACKAGE_ARN = re.compile(r"^arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:model-package/[^/\s]+/([0-9]+)$")


def version_of(arn):
    """The version number of a versioned model package ARN; raises ValueError for any other string."""
    found = MODEL_PACKAGE_ARN.match(arn)
    if not found:
        raise ValueError(f"{arn!r} is not the ARN of a model package version "
                         "(arn:aws:sagemaker:<region>:<account>:model-package/<group>/<version>)")
    return found.group(1)


def tag_runs(run, arn, run_id, execution_arn):
    """Tags the training run and the execution's run through run (a tracking.StepRun); returns the run ids tagged."""
    tags = {ARN_TAG: arn, VERSION_TAG: version_of(arn)}
    client = run.log("reach the tracking server", lambda m: m.MlflowClient())
    if client is None:
        return []
    training = run.log(f"find the training run {run_id}", lambda m: client.get_run(run_id))
    if training is None:
        return []
    targets = [run_id]
    failures = run.failures
    if execution_arn:
        parent = run.log(f"find the run of pipeline execution {execution_arn}",
                         lambda m: tracking.find_execution_run(client, training.info.experiment_id, execution_arn))
        missing = f"no run of pipeline execution {execution_arn} in experiment {training.info.experiment_id}"
    else:
        parent = training.data.tags.get(tracking.PARENT_TAG)
        missing = f"no {tracking.EXECUTION_ARN_VARIABLE}, and the training run has no {tracking.PARENT_TAG}"
    if parent:
        targets.append(parent)
    elif run.failures == failures:  # not found (a failed lookup has warned already)
        run.warn("find the pipeline execution's run", LookupError(missing))
    tagged = []
    for target in targets:
        done = True
        for key, value in tags.items():
            if run.log(f"tag run {target} with {key}", lambda m, k=key, v=value: client.set_tag(target, k, v) or True) is None:
                done = False
        if done:
            tagged.append(target)
    return tagged


def main(argv=None, environ=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model-package-arn", required=True, help="the registered model version's ARN")
    parser.add_argument("--run-id", required=True, help="the MLflow run that holds the model (may be empty)")
    args = parser.parse_args(argv)
    try:
        version_of(args.model_package_arn)
    except ValueError as err:
        parser.error(f"--model-package-arn: {err}")
    environ = os.environ if environ is None else environ
    uri = environ.get(tracking.URI_VARIABLE, "").strip()
    if not uri:
        print(f"MLflow: tracking is off for the {STEP} step ({tracking.URI_VARIABLE} is not set): nothing is tagged", flush=True)
        return 0
    try:
        mlflow = tracking.load_mlflow(uri)
    except tracking.TrackingUnavailable as err:
        run = tracking.StepRun(STEP)
        run.warn("load the client", err)
        print(f"{tracking.FAILURES_METRIC}={run.failures}", flush=True)
        return 0
    # A StepRun that opens no run of its own: log() makes the calls, warn() counts what fails.
    run = tracking.StepRun(STEP, mlflow)
    run.active = True
    tagged = []
    if args.run_id.strip() in ("", tracking.NOT_LOGGED):
        run.warn("tag the training run", LookupError("the training step recorded no MLflow run (its run could not be opened)"))
    else:
        run.log(f"set the tracking URI {uri}", lambda m: m.set_tracking_uri(uri))
        tagged = tag_runs(run, args.model_package_arn, args.run_id.strip(),
                          environ.get(tracking.EXECUTION_ARN_VARIABLE, "").strip())
    if tagged:
        print(f"MLflow: tagged run(s) {', '.join(tagged)} with {ARN_TAG}={args.model_package_arn}", flush=True)
    print(f"{tracking.FAILURES_METRIC}={run.failures}", flush=True)
    if run.failures:
        print(f"WARNING: MLflow: {run.failures} tracking call(s) of the {STEP} step failed; the model package "
              f"{args.model_package_arn} is registered, but its MLflow runs may not name it", file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
