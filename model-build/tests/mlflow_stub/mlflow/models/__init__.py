"""mlflow.models of the recording stand-in: infer_signature and the ModelInfo log_model returns."""
from mlflow import _stub


class ModelSignature:
    """The inputs (column names and dtypes) and outputs of a model, as infer_signature sees them."""

    def __init__(self, inputs, outputs):
        self.inputs = inputs
        self.outputs = outputs

    def _stub_describe(self):
        return {"type": "ModelSignature", "inputs": self.inputs, "outputs": self.outputs}


def _schema(data):
    if data is None:
        return None
    if hasattr(data, "dtypes") and hasattr(data, "columns"):
        return [{"name": str(c), "type": str(t)} for c, t in zip(data.columns, data.dtypes)]
    shape = list(getattr(data, "shape", [len(data)]))
    return [{"type": str(getattr(data, "dtype", type(data).__name__)), "shape": shape}]


def infer_signature(model_input=None, model_output=None, params=None):
    _stub.record("infer_signature", (model_input, model_output))
    return ModelSignature(_schema(model_input), _schema(model_output))


class ModelInfo:
    def __init__(self, model_id, run_id, name, signature):
        self.model_id = model_id
        self.run_id = run_id
        self.name = name
        self.artifact_path = name
        self.signature = signature
        self.model_uri = f"models:/{model_id}"
