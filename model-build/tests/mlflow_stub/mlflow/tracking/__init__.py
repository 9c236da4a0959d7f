"""mlflow.tracking of the recording stand-in: MlflowClient, the calls the steps make on given runs."""
import time

from mlflow import _stub
from mlflow.entities import Run
from mlflow.exceptions import MlflowException


class MlflowClient:
    def __init__(self, tracking_uri=None, registry_uri=None):
        self.tracking_uri = tracking_uri or _stub.TRACKING_URI[0]
        _stub.record("MlflowClient", (), {"tracking_uri": tracking_uri, "registry_uri": registry_uri})

    def search_runs(self, experiment_ids, filter_string="", run_view_type=1, max_results=1000, order_by=None, page_token=None):
        _stub.record("search_runs", (experiment_ids,), {"filter_string": filter_string, "max_results": max_results, "order_by": order_by})
        if isinstance(experiment_ids, str):
            experiment_ids = [experiment_ids]
        runs = [run for run in _stub.load()["runs"].values()
                if run["experiment_id"] in [str(e) for e in experiment_ids] and _stub.matches(run, filter_string)]
        for clause in reversed(order_by or []):
            field, _, direction = clause.partition(" ")
            if field not in ("attributes.start_time", "start_time"):
                raise MlflowException(f"the stand-in cannot order by {field}")
            runs.sort(key=lambda run: run["start_time"], reverse=direction.strip().upper() == "DESC")
        return [Run(run) for run in runs[:max_results]]

    def create_run(self, experiment_id, start_time=None, tags=None, run_name=None):
        _stub.record("create_run", (experiment_id,), {"tags": tags, "run_name": run_name})
        state = _stub.load()
        run = _stub.new_run(state, experiment_id, run_name, tags)
        _stub.save(state)
        return Run(run)

    def get_run(self, run_id):
        _stub.record("get_run", (run_id,))
        return Run(_stub.run_of(_stub.load(), run_id))

    def set_terminated(self, run_id, status=None, end_time=None):
        _stub.record("set_terminated", (run_id,), {"status": status})
        if status not in (None, _stub.FINISHED, _stub.FAILED, _stub.KILLED):
            raise MlflowException(f"invalid run status {status!r}")
        state = _stub.load()
        run = _stub.run_of(state, run_id)
        run["status"] = status or _stub.FINISHED
        run["end_time"] = end_time or int(time.time() * 1000)
        _stub.save(state)

    def log_metric(self, run_id, key, value, timestamp=None, step=None, synchronous=None, dataset_name=None,
                   dataset_digest=None, model_id=None):
        _stub.record("client.log_metric", (run_id, key, value), {"step": step})
        state = _stub.load()
        _stub.log_metrics(_stub.run_of(state, run_id), {key: value}, step)
        _stub.save(state)

    def set_tag(self, run_id, key, value, synchronous=None):
        _stub.record("client.set_tag", (run_id, key, value))
        state = _stub.load()
        _stub.set_tags(_stub.run_of(state, run_id), {key: value})
        _stub.save(state)
