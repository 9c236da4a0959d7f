import { SNSClient, paginateListSubscriptionsByTopic } from '@aws-sdk/client-sns';

/** One subscription of a topic, and whether it receives anything. */
export interface TopicSubscription {
  readonly protocol: string;
  /** The address: an email address, a queue's ARN, ... */
  readonly endpoint: string;
  /**
   * `confirmed`: it receives the topic's messages; `pending confirmation`: SNS has sent the email with
   * the confirmation link, and until it is followed the address receives nothing.
   */
  readonly state: 'confirmed' | 'pending confirmation';
}

/**
 * The subscriptions of a topic (ListSubscriptionsByTopic, page by page). Amazon SNS API Reference,
 * ListSubscriptionsByTopic: a subscription that waits for its confirmation has the SubscriptionArn
 * `PendingConfirmation` (Amazon SNS Developer Guide, "Email notifications": an email endpoint receives
 * messages only after it confirms); one deleted since is left out.
 */
export async function listTopicSubscriptions(client: SNSClient, topicArn: string): Promise<TopicSubscription[]> {
  const found: TopicSubscription[] = [];
  for await (const page of paginateListSubscriptionsByTopic({ client }, { TopicArn: topicArn })) {
    for (const subscription of page.Subscriptions ?? []) {
      if (subscription.SubscriptionArn === 'Deleted') {
        continue;
      }
      found.push({
        protocol: subscription.Protocol ?? 'unknown',
        endpoint: subscription.Endpoint ?? 'unknown',
        state: subscription.SubscriptionArn === 'PendingConfirmation' ? 'pending confirmation' : 'confirmed',
      });
    }
  }
  return found;
}
