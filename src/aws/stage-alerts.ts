import { DEPLOY_STAGES, DeployStageName, ProjectResourceNames } from '../app-context/resource-names';
import { CliError } from './errors';
import type { ReleaseStageLocations, StageLocation } from './release-stages';
import type { TopicSubscription } from './topic-subscriptions';

/** How SNS refuses a call the credentials may not make (Amazon SNS API Reference, ListSubscriptionsByTopic: AuthorizationError). */
const DENIED: readonly string[] = ['AuthorizationErrorException', 'AuthorizationError', 'AccessDenied', 'AccessDeniedException'];

/** Who a stage's alarms notify: its alert topic and subscriptions, or why they were not read. */
export interface StageAlerts {
  readonly stage: DeployStageName;
  readonly topicArn: string;
  readonly subscriptions: TopicSubscription[];
  /** Why the topic was not read (its account's credentials are missing, or may not list its subscriptions), and what to do. */
  readonly unread?: string;
}

/**
 * Reads a topic's subscriptions; with `stage`, the topic is a stage's, in the stage's account and region,
 * and the reader uses that account's credentials (or throws a CliError saying how to give them).
 */
export type SubscriptionReader = (topicArn: string, stage?: { readonly location: StageLocation; readonly pipelineAccount?: string }) => Promise<TopicSubscription[]>;

/**
 * The alert topic of each stage (`<project>-<stage>-alerts`, in the stage's account and region, where the
 * model-deploy pipeline deploys it) with its subscriptions. An email subscription receives nothing until
 * its address follows the link SNS sent (Amazon SNS Developer Guide, "Email notifications"): the rollback,
 * drift and delivery alarms of that stage then reach nobody. A stage without the topic (a serverless
 * stage, or one whose alarms notify a team's own topic: ListSubscriptionsByTopic answers NotFoundException)
 * is left out; a stage whose account's credentials are missing, or may not list the topic's subscriptions,
 * is `unread`, saying why.
 */
export async function readStageAlerts(
  names: ProjectResourceNames,
  found: ReleaseStageLocations,
  pipelineRegion: string,
  subscriptions: SubscriptionReader,
): Promise<StageAlerts[]> {
  const read: StageAlerts[] = [];
  for (const stage of DEPLOY_STAGES) {
    const location = found.stages[stage];
    const account = location.account ?? found.pipelineAccount;
    if (account === undefined) {
      continue;
    }
    const topicArn = `arn:${found.pipelinePartition ?? 'aws'}:sns:${location.region ?? pipelineRegion}:${account}:${names.alertTopic(stage)}`;
    try {
      read.push({ stage, topicArn, subscriptions: await subscriptions(topicArn, { location, pipelineAccount: found.pipelineAccount }) });
    } catch (err) {
      const name = (err as Error | undefined)?.name ?? '';
      if (err instanceof CliError) {
        read.push({ stage, topicArn, subscriptions: [], unread: err.message });
      } else if (DENIED.includes(name)) {
        // A stage profile that reads the endpoint may lack SNS: the rest of the report stands.
        read.push({ stage, topicArn, subscriptions: [], unread: `${name}: the credentials may not call sns:ListSubscriptionsByTopic on the topic (${(err as Error).message})` });
      } else if (name !== 'NotFoundException') {
        throw err;
      }
    }
  }
  return read;
}
