"""MLflow tracking for the pipeline's steps: every step script opens its run with this module.

The pipeline sets, on every step when MLflow is on:
  MLFLOW_TRACKING_URI               the MLflow App or tracking server ARN (the sagemaker-mlflow plugin
                                    resolves it), or any MLflow URI (file:./mlruns, http://host:5000)
  MLFLOW_EXPERIMENT_NAME            the project's experiment (default player-churn)
  SAGEMAKER_PIPELINE_EXECUTION_ARN  the pipeline execution (Execution.PipelineExecutionArn)
  SAGEMAKER_PIPELINE_EXECUTION_ID   its id (Execution.PipelineExecutionId)

What is logged where: one experiment per project; in it, one parent run per pipeline execution, named
after the execution id and found by its tags (sagemaker.pipeline_execution_arn, and
sagemaker.run_kind = pipeline-execution), or created by the first step that looks for it (by its first
host, when it runs on several instances at once: the others wait for that run); under it, one run per
step, named after the step and tagged with its SageMaker job's name (sagemaker.job_name). The steps are
separate jobs, so the parent is never the active run of a step: the step's run names it in the tag
mlflow.parentRunId, which is how MLflow nests runs. Each step ends the parent run with its own status,
so the parent shows how the last step that ran ended.

Without MLFLOW_TRACKING_URI nothing is logged and mlflow is not imported; the step says so in one line.
With it, a missing mlflow package (or, for an ARN, a missing sagemaker-mlflow plugin) is an error that
stops the step: a configured tracking server must never be skipped silently. A tracking call that fails
while the step runs (server unreachable, request refused) is a WARNING on stderr and counts in
mlflow_logging_failures, printed at the end of the step (and logged as a metric when the run can still
be reached); it never fails the step. A call that fails only after SLOW_FAILURE_SECONDS has waited through
the client's retries: the server is not answering, every later call would wait as long (Train logs every
boosting round), so the step makes no further tracking calls and its job keeps its running time.

    with tracking.start("train") as run:          # raises TrackingUnavailable when mlflow is missing
        run.log("log the parameters", lambda mlflow: mlflow.log_params(params))
"""
import importlib
import importlib.util
import json
import os
import re
import sys
import time

URI_VARIABLE = "MLFLOW_TRACKING_URI"
EXPERIMENT_VARIABLE = "MLFLOW_EXPERIMENT_NAME"
EXECUTION_ARN_VARIABLE = "SAGEMAKER_PIPELINE_EXECUTION_ARN"
EXECUTION_ID_VARIABLE = "SAGEMAKER_PIPELINE_EXECUTION_ID"
DEFAULT_EXPERIMENT = "player-churn"

EXECUTION_ARN_TAG = "sagemaker.pipeline_execution_arn"
EXECUTION_ID_TAG = "sagemaker.pipeline_execution_id"
STEP_TAG = "sagemaker.pipeline_step"
RUN_KIND_TAG = "sagemaker.run_kind"
EXECUTION_KIND, STEP_KIND = "pipeline-execution", "pipeline-step"
PARENT_TAG = "mlflow.parentRunId"
# The SageMaker job a step's run comes from. SageMaker sets TRAINING_JOB_NAME in a training container, and gives a
# processing container its job's request, the job's name among it, in processingjobconfig.json (developer guide,
# "How Amazon SageMaker Processing Configures Your Processing Container"); PROCESSING_JOB_CONFIG_FILE names
# another file (the local run's).
JOB_NAME_TAG = "sagemaker.job_name"
TRAINING_JOB_VARIABLE = "TRAINING_JOB_NAME"
PROCESSING_JOB_CONFIG_VARIABLE = "PROCESSING_JOB_CONFIG_FILE"
PROCESSING_JOB_CONFIG = "/opt/ml/config/processingjobconfig.json"
# What evaluation.json (and so the registered version's CustomerMetadataProperties) says for an MLflow id
# that could not be logged: CreateModelPackage refuses an empty metadata value (1 to 256 characters).
NOT_LOGGED = "not-logged"
FAILURES_METRIC = "mlflow_logging_failures"
# Warnings printed per step; later failures are counted only (an unreachable server fails every call).
MAX_WARNINGS = 10
# The mlflow client retries a call on connection errors and 429/5xx answers with exponential backoff
# (MLFLOW_HTTP_REQUEST_MAX_RETRIES 7, backoff factor 2: about four minutes, more with request timeouts);
# a call refused at once (a 4xx answer) fails in well under a second.
SLOW_FAILURE_SECONDS = 30
# A step on several instances at once (Preprocess scaled out) must not create one execution run per
# instance: the first host creates it; the others look for it every PARENT_POLL_SECONDS, for at most
# PARENT_WAIT_SECONDS (the hosts start within seconds of each other, after the same pip install), and
# only then create one themselves, with a warning.
PARENT_WAIT_SECONDS = 120
PARENT_POLL_SECONDS = 3

FIX = (
    "Install the client where the step runs: the step's requirements.txt must list mlflow and sagemaker-mlflow "
    "(the pipeline's code bundle does when MLflow is on, and the job installs it with pip, from PyPI or the "
    "index PIP_INDEX_URL names); or unset MLFLOW_TRACKING_URI to run without tracking."
)


class TrackingUnavailable(Exception):
    """MLflow is configured, but its client cannot be loaded here: the step stops, naming the fix."""


def shown_uri(uri):
    """The tracking URI as a message may show it: the user and password an http(s) URI may carry replaced by ***."""
    return re.sub(r"^(https?://)[^/?#@]*@", r"\1***@", uri, flags=re.IGNORECASE)


def load_mlflow(uri):
    """The mlflow module; raises TrackingUnavailable when it, or the plugin an ARN needs, is not installed."""
    try:
        mlflow = importlib.import_module("mlflow")
    except ImportError as err:
        raise TrackingUnavailable(f"{URI_VARIABLE} is set ({shown_uri(uri)}) but the mlflow package cannot be imported ({err}). {FIX}") from None
    if uri.startswith("arn:") and importlib.util.find_spec("sagemaker_mlflow") is None:
        raise TrackingUnavailable(
            f"{URI_VARIABLE} is an ARN ({uri}) but the sagemaker-mlflow plugin, which resolves it, is not installed. {FIX}"
        )
    return mlflow


def job_name(environ):
    """The name of the SageMaker job the step runs in (see JOB_NAME_TAG), or None outside one."""
    name = environ.get(TRAINING_JOB_VARIABLE, "").strip()
    if name:
        return name
    try:
        with open(environ.get(PROCESSING_JOB_CONFIG_VARIABLE) or PROCESSING_JOB_CONFIG, encoding="utf-8") as f:
            name = json.load(f).get("ProcessingJobName")
    except (OSError, ValueError, AttributeError):
        return None
    return name.strip() or None if isinstance(name, str) else None


def execution_id_of(arn):
    """The last part of arn:aws:sagemaker:<region>:<account>:pipeline/<name>/execution/<id>."""
    return arn.rstrip("/").rsplit("/", 1)[-1]


def find_execution_run(client, experiment_id, execution_arn):
    """The id of the pipeline execution's run in the experiment (the oldest one tagged with its ARN), or None."""
    found = client.search_runs(
        [experiment_id],
        filter_string=f"tags.`{EXECUTION_ARN_TAG}` = '{execution_arn}' and tags.`{RUN_KIND_TAG}` = '{EXECUTION_KIND}'",
        max_results=1,
        order_by=["attributes.start_time ASC"],
    )
    return found[0].info.run_id if found else None


class StepRun:
    """One step's MLflow run. With tracking off, or after its run could not be opened, log() does nothing."""

    def __init__(self, step, mlflow=None, clock=time.monotonic, sleep=time.sleep):
        self.step = step
        self.clock = clock
        self.sleep = sleep
        self.mlflow = mlflow
        self.configured = mlflow is not None
        self.active = False
        self.failures = 0
        self.run_id = self.parent_run_id = self.experiment_id = None

    def log(self, what, action):
        """action(mlflow) when the run is open; its value, or None after a WARNING when it raises."""
        if not self.active:
            return None
        started = self.clock()
        try:
            return action(self.mlflow)
        except Exception as err:  # any tracking failure: warn and count, never fail the step
            self.warn(what, err)
            waited = self.clock() - started
            if waited >= SLOW_FAILURE_SECONDS:
                self.active = False
                print(f"WARNING: MLflow: that call failed after {waited:.0f} s of retries: the tracking server is not answering, "
                      f"so the {self.step} step makes no further tracking calls", file=sys.stderr, flush=True)
            return None

    def warn(self, what, err):
        self.failures += 1
        if self.failures <= MAX_WARNINGS:
            message = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            print(f"WARNING: MLflow: could not {what} ({type(err).__name__}: {message}); the {self.step} step goes on",
                  file=sys.stderr, flush=True)
        if self.failures == MAX_WARNINGS:
            print(f"WARNING: MLflow: further failures of the {self.step} step are only counted in {FAILURES_METRIC}",
                  file=sys.stderr, flush=True)

    def module(self, name):
        """A submodule of the client, e.g. mlflow.xgboost (the real client loads some lazily)."""
        return importlib.import_module(name)

    def open(self, uri, experiment, execution_arn, execution_id, creates_parent=True, job=None):
        mlflow = self.mlflow
        mlflow.set_tracking_uri(uri)
        self.experiment_id = mlflow.set_experiment(experiment_name=experiment).experiment_id
        tags = {STEP_TAG: self.step, RUN_KIND_TAG: STEP_KIND}
        if job:
            tags[JOB_NAME_TAG] = job
        if execution_arn:
            execution_id = execution_id or execution_id_of(execution_arn)
            tags.update({EXECUTION_ARN_TAG: execution_arn, EXECUTION_ID_TAG: execution_id})
            self.parent_run_id = self.find_or_create_parent(execution_arn, execution_id, creates_parent)
            tags[PARENT_TAG] = self.parent_run_id
        self.run_id = mlflow.start_run(experiment_id=self.experiment_id, run_name=self.step, tags=tags).info.run_id
        self.active = True

    def find_or_create_parent(self, execution_arn, execution_id, creates_parent=True):
        """The run of the pipeline execution: the oldest one tagged with its ARN, or a new one.

        creates_parent=False (the other hosts of a step on several instances): waits up to
        PARENT_WAIT_SECONDS for the first host to create it, then creates it after a warning."""
        client = self.mlflow.MlflowClient()
        found = find_execution_run(client, self.experiment_id, execution_arn)
        deadline = self.clock() + PARENT_WAIT_SECONDS
        while not found and not creates_parent and self.clock() < deadline:
            self.sleep(PARENT_POLL_SECONDS)
            found = find_execution_run(client, self.experiment_id, execution_arn)
        if found:
            return found
        if not creates_parent:
            print(f"WARNING: MLflow: the run of pipeline execution {execution_arn} did not appear within {PARENT_WAIT_SECONDS} s "
                  f"(the step's first host creates it); the {self.step} step creates it, so the execution may have two",
                  file=sys.stderr, flush=True)
        tags = {EXECUTION_ARN_TAG: execution_arn, EXECUTION_ID_TAG: execution_id, RUN_KIND_TAG: EXECUTION_KIND}
        return client.create_run(self.experiment_id, run_name=execution_id, tags=tags).info.run_id

    def close(self, succeeded):
        if not self.configured:
            return
        status = "FINISHED" if succeeded else "FAILED"
        if self.parent_run_id:
            self.log("update the pipeline execution's run", lambda m: m.MlflowClient().set_terminated(self.parent_run_id, status=status))
        self.log(f"log {FAILURES_METRIC}", lambda m: m.log_metric(FAILURES_METRIC, self.failures))
        self.log("end the run", lambda m: m.end_run(status=status))
        self.active = False
        print(f"{FAILURES_METRIC}={self.failures}", flush=True)
        if self.failures:
            print(f"WARNING: MLflow: {self.failures} tracking call(s) of the {self.step} step failed; the run may be incomplete",
                  file=sys.stderr, flush=True)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close(succeeded=exc_type is None)
        return False


def start(step, environ=None, creates_parent=True):
    """Opens the step's run (see the module's description); raises TrackingUnavailable.

    creates_parent=False on all but the first host of a step that runs on several instances at once:
    they wait for the first host's execution run instead of creating one each."""
    environ = os.environ if environ is None else environ
    uri = environ.get(URI_VARIABLE, "").strip()
    if not uri:
        print(f"MLflow: tracking is off for the {step} step ({URI_VARIABLE} is not set): nothing is logged", flush=True)
        return StepRun(step)
    run = StepRun(step, load_mlflow(uri))
    experiment = environ.get(EXPERIMENT_VARIABLE, "").strip() or DEFAULT_EXPERIMENT
    execution_arn = environ.get(EXECUTION_ARN_VARIABLE, "").strip()
    try:
        run.open(uri, experiment, execution_arn, environ.get(EXECUTION_ID_VARIABLE, "").strip(), creates_parent, job_name(environ))
    except Exception as err:  # the step still runs; its run is missing, which the warning and the count say
        run.warn(f"open the {step} run of experiment {experiment} at {shown_uri(uri)}", err)
        return run
    nesting = f" under the run of pipeline execution {execution_arn}" if execution_arn else " (no pipeline execution: no parent run)"
    print(f"MLflow: logging the {step} step to run {run.run_id} of experiment {experiment}{nesting}", flush=True)
    return run
