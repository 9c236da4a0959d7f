"""mlflow.data of the recording stand-in: from_pandas and the dataset it returns."""
from mlflow import _stub
from mlflow.exceptions import MlflowException


class Dataset:
    """A pandas dataset: its name, digest, source and the frame's shape, columns and targets."""

    def __init__(self, df, source, targets, name, digest):
        self.df = df
        self.source = source
        self.targets = targets
        self.name = name or "dataset"
        self.digest = digest or _stub.digest(df)

    def _stub_describe(self):
        return {"type": "PandasDataset", "name": self.name, "digest": self.digest, "source": self.source,
                "targets": self.targets, "shape": list(self.df.shape), "columns": [str(c) for c in self.df.columns]}


def from_pandas(df, source=None, targets=None, name=None, digest=None, predictions=None):
    _stub.record("from_pandas", (df,), {"source": source, "targets": targets, "name": name})
    if not hasattr(df, "columns"):
        raise MlflowException(f"from_pandas takes a pandas DataFrame, got {type(df)}")
    if targets is not None and targets not in df.columns:
        raise MlflowException(f"The specified pandas DataFrame does not contain the specified targets column '{targets}'.")
    return Dataset(df, None if source is None else str(source), targets, name, digest)
