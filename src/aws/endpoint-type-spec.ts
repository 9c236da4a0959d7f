import { DEPLOY_STAGES, DeployStageName } from '../app-context/resource-names';

// The argument of resolve-model's `--endpoint-type`, without the AWS SDK (the CLI's option parsers load this module at start).

/** The two kinds of endpoint a stage's `endpoints.<stage>.type` chooses. */
export type StageEndpointType = 'serverless' | 'realtime';

/** What a release is about to deploy as a stage's endpoint. */
export interface EndpointTypeCheck {
  readonly stage: DeployStageName;
  readonly endpointName: string;
  readonly type: StageEndpointType;
  /** The endpoint's region, when it is not the client's. */
  readonly region?: string;
}

/**
 * Parses `<stage>:<endpoint>[@<region>]=<serverless|realtime>`, the value of resolve-model's
 * `--endpoint-type`.
 *
 * @returns the check, or why the value is not one (the caller checks the endpoint name and region)
 */
export function parseEndpointTypeCheck(value: string): EndpointTypeCheck | string {
  const match = /^([^:@=]+):([^@=]+)(?:@([^=]+))?=(.*)$/.exec(value);
  if (!match) {
    return `expected <stage>:<endpoint>[@<region>]=<serverless|realtime> with the stage one of ${DEPLOY_STAGES.join(', ')}, got ${JSON.stringify(value)}`;
  }
  const [, stage, endpointName, region, type] = match;
  if (!(DEPLOY_STAGES as readonly string[]).includes(stage)) {
    return `the stage must be one of ${DEPLOY_STAGES.join(', ')}, got ${JSON.stringify(stage)}`;
  }
  if (type !== 'serverless' && type !== 'realtime') {
    return `the type must be serverless or realtime, got ${JSON.stringify(type)}`;
  }
  return { stage: stage as DeployStageName, endpointName, type, ...(region === undefined ? {} : { region }) };
}
