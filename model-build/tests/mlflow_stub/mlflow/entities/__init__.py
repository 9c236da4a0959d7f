"""The entities the stand-in returns: Run (info, data), Experiment, as the real client's are read."""


class RunInfo:
    def __init__(self, run):
        self.run_id = run["run_id"]
        self.run_uuid = run["run_id"]
        self.experiment_id = run["experiment_id"]
        self.run_name = run["run_name"]
        self.status = run["status"]
        self.start_time = run["start_time"] // 1_000_000
        self.end_time = run["end_time"]


class RunData:
    def __init__(self, run):
        self.tags = dict(run["tags"])
        self.params = dict(run["params"])
        self.metrics = {key: values[-1]["value"] for key, values in run["metrics"].items()}


class Run:
    def __init__(self, run):
        self.info = RunInfo(run)
        self.data = RunData(run)


class Experiment:
    def __init__(self, experiment_id, name):
        self.experiment_id = experiment_id
        self.name = name

    def _stub_describe(self):
        return {"type": "Experiment", "experiment_id": self.experiment_id, "name": self.name}
