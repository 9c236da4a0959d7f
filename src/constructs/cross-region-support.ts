import { Validations } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import { Construct } from 'constructs';
import { acknowledgeWildcardResource } from '../validation/acknowledge';

/**
 * CodePipeline replicates artifacts to a bucket in each other region it deploys to, in a support
 * stack aws-cdk-lib creates; acknowledges the findings on it that cannot be fixed here (on
 * `scope`, the pipeline's construct, and on the support stack), each with its reason.
 */
export function acknowledgeCrossRegionSupport(scope: Construct, pipeline: codepipeline.Pipeline): void {
  for (const [region, support] of Object.entries(pipeline.crossRegionSupport)) {
    Validations.of(support.replicationBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: `aws-cdk-lib's cross-region replication bucket only relays this pipeline's artifacts to its deploy actions in ${region}; the pipeline's own artifact bucket logs access`,
    });
    acknowledgeWildcardResource(scope, support.replicationBucket.arnForObjects('*'),
      `the pipeline passes its artifacts to the actions in ${region} as objects of the replication bucket, named per execution`);
    // AWS Control Tower's proactive controls on the support stack aws-cdk-lib writes (a bucket and its key, nothing else).
    const relay = `aws-cdk-lib's cross-region support stack in ${region} only relays this pipeline's artifacts to its deploy actions there`;
    const controls: Record<string, string> = {
      'CT.S3.PR.2': `${relay}; the pipeline's own artifact bucket logs access`,
      'CT.S3.PR.4': `${relay}; nothing consumes events of the relayed objects`,
      'CT.S3.PR.6': `${relay}; aws-cdk-lib gives its bucket no lifecycle configuration`,
      'CT.S3.PR.9': `${relay}; relayed artifacts are written once per execution and need no Object Lock`,
      'CT.S3.PR.11': `${relay}; relayed artifacts are written once per execution and need no versions`,
      'CT.KMS.PR.3': `${relay}; aws-cdk-lib writes the key policy of its replication key`,
    };
    for (const [control, reason] of Object.entries(controls)) {
      Validations.of(support.stack).acknowledge({ id: `ControlTower::${control}`, reason });
    }
  }
}
