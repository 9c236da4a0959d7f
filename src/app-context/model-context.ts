/**
 * The names through which a model-deploy app learns which model version to deploy: the file
 * `resolve-model --out` writes and the context key that synthesizes with a placeholder instead.
 * Plain values, read by the app, the generated repositories' files and the Studio bootstrap.
 */

/** The file, at the root of a model-deploy repository, where `resolve-model --out` writes the model to deploy. */
export const RESOLVED_MODEL_FILE = 'resolved-model.json';

/**
 * CDK context key that lets the app synthesize without a resolved model, with a placeholder
 * instead (for `npm run synth` on a laptop). The model-deploy pipeline never sets it: there a
 * missing file fails the synth.
 */
export const PLACEHOLDER_MODEL_CONTEXT = 'sagemaker-gitops:placeholder-model';
