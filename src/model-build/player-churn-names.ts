/** The player-churn pipeline's names and hyperparameters, which the local runner and the CLI share. */

/** Names of the default pipeline's steps and parameters (the local runner and the CLI use them too). */
export const PLAYER_CHURN = {
  steps: {
    preprocess: 'Preprocess', baseline: 'BaselineDataQuality', train: 'Train', evaluate: 'Evaluate', checkAuc: 'CheckAuc', register: 'Register', fail: 'AucBelowThreshold',
  },
  parameters: {
    inputDataUrl: 'InputDataUrl',
    processingInstanceType: 'ProcessingInstanceType',
    trainingInstanceType: 'TrainingInstanceType',
    inferenceInstanceType: 'InferenceInstanceType',
    transformInstanceType: 'TransformInstanceType',
    threshold: 'TestScoreThreshold',
    approvalStatus: 'ModelApprovalStatus',
  },
  propertyFile: 'EvaluationReport',
  aucPath: 'classification_metrics.auc_score.value',
  /** Where evaluate.py writes the MLflow run and model of the version into evaluation.json (with MLflow). */
  mlflowRunIdPath: 'mlflow.run_id',
  mlflowModelUriPath: 'mlflow.model_uri',
  scripts: { preprocess: 'preprocess.py', train: 'train.py', evaluate: 'evaluate.py' },
} as const;

/** The XGBoost hyperparameters of the player-churn model (as in the public workshop); train.py reads them as the built-in algorithm does. */
export const PLAYER_CHURN_HYPERPARAMETERS = {
  objective: 'binary:logistic',
  eval_metric: 'auc',
  num_round: 100,
  max_depth: 3,
  eta: 0.5,
  alpha: 2.5,
  subsample: 0.8,
  colsample_bytree: 0.8,
  min_child_weight: 3,
  early_stopping_rounds: 10,
} as const;
