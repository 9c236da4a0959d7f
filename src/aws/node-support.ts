/**
 * The AWS SDK for JavaScript v3 warns at the first client it builds on a Node.js it will stop
 * supporting: nine lines on stderr, in every command's output. The CLI says it in one line instead.
 */

/** The oldest Node.js major version the AWS SDK for JavaScript v3 supports in its releases from January 2027. */
export const SDK_MIN_NODE_MAJOR = 22;

/** The environment variable that turns the SDK's own warning off (it is read by @aws-sdk/core). */
export const SDK_NODE_WARNING_ENV = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

const noted = Symbol.for('sagemaker-gitops/node-support-noted');

/**
 * On a Node.js older than {@link SDK_MIN_NODE_MAJOR}, once per process: turns the SDK's warning
 * off and writes one line saying the same. Does nothing when the SDK's warning is already turned
 * off (the user chose so) or the Node.js is new enough. Returns the line written, if any.
 */
export function noteNodeSupport(
  nodeVersion: string = process.versions.node,
  env: NodeJS.ProcessEnv = process.env,
  write: (line: string) => void = (line) => process.stderr.write(line),
  state: Record<symbol, boolean> = globalThis as unknown as Record<symbol, boolean>,
): string | undefined {
  const major = Number(nodeVersion.split('.')[0]);
  if (state[noted] || !(major < SDK_MIN_NODE_MAJOR) || env[SDK_NODE_WARNING_ENV] !== undefined) {
    return undefined;
  }
  state[noted] = true;
  env[SDK_NODE_WARNING_ENV] = 'true';
  const line = `note: Node.js ${nodeVersion} is older than the AWS SDK for JavaScript supports from January 2027 (Node.js ${SDK_MIN_NODE_MAJOR} or newer); `
    + `the commands work, but upgrade Node.js (${SDK_NODE_WARNING_ENV}=true hides this note)\n`;
  write(line);
  return line;
}
