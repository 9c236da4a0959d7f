import { Stack, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import { CONTROL_TOWER_PLUGIN_NAME } from './control-tower-plugin';

/**
 * Acknowledges cdk-nag's AwsSolutions-IAM5 finding for exactly one wildcard resource on
 * `scope` (and the policies below it), with the reason the wildcard is needed. Other
 * wildcards on the same scope still fail the synth.
 */
export function acknowledgeWildcardResource(scope: IConstruct, resource: string, reason: string): void {
  const flat = flattenCfnReference(Stack.of(scope).resolve(resource));
  Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::${flat}]`, reason });
}

/**
 * Acknowledges the AWS Control Tower proactive control `controlId` (`CT.S3.PR.10`) for `scope`
 * and the resources below it, with the reason it cannot be met there.
 */
export function acknowledgeControl(scope: IConstruct, controlId: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `${CONTROL_TOWER_PLUGIN_NAME}::${controlId}`, reason });
}
