"""Reads what the mlflow stand-in recorded (tests only): the calls, and the runs as they ended.

    record = StubRecord(tmp_path / "mlflow-calls.jsonl")
    env = record.env(MLFLOW_TRACKING_URI="file:./mlruns")   # for a step run as a subprocess
    record.calls("log_metrics")                             # the recorded log_metrics calls
    record.runs(name="train")                                # the runs named train (dicts)
"""
import json
import os
from pathlib import Path

STUB_DIR = Path(__file__).resolve().parent


class StubRecord:
    def __init__(self, path):
        self.path = Path(path)

    def env(self, base=None, **variables):
        """An environment with the stand-in first on PYTHONPATH and recording to this file."""
        env = dict(os.environ if base is None else base)
        env["PYTHONPATH"] = os.pathsep.join([str(STUB_DIR)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
        env["MLFLOW_STUB_RECORD"] = str(self.path)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.update(variables)
        return env

    def calls(self, name=None):
        if not self.path.exists():
            return []
        entries = [json.loads(line) for line in self.path.read_text(encoding="utf-8").splitlines() if line]
        return [e for e in entries if name is None or e["call"] == name]

    def state(self):
        path = Path(str(self.path) + ".state.json")
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"experiments": {}, "runs": {}}

    def runs(self, **where):
        """The runs whose fields equal the given ones (run_name=..., experiment_id=..., status=...)."""
        return [run for run in self.state()["runs"].values() if all(run.get(k) == v for k, v in where.items())]

    def artifact(self, run_id, relative):
        return Path(str(self.path) + ".artifacts") / run_id / relative
