import { checkKeys, checkNumber, checkPlainObject } from './config-checks';
import { ConfigError } from './errors';

/** The release between staging and production, and who hears of the endpoints' alarms. */
export interface ReleaseOptions {
  /**
   * Email addresses notified of model versions waiting for approval in the registry, of pending
   * production approvals, of failed release stages and of drift. Each address confirms
   * its subscription from the email SNS sends when the stack is deployed; until then it gets nothing.
   * @default - none (the topic exists; subscribe to it later)
   */
  readonly reviewerEmails?: readonly string[];
  /**
   * The live staging test fails when the 95th percentile latency exceeds this, in milliseconds.
   * @default 1000
   */
  readonly maxP95LatencyMs?: number;
  /**
   * Email addresses subscribed to each stage's alert topic, which the rollback, drift and Model
   * Monitor alarms (violations found, no results) and a failed Model Monitor job notify. Each
   * address confirms its subscription from the email SNS sends.
   * @default - the reviewerEmails
   */
  readonly alertEmails?: readonly string[];
  /**
   * An existing SNS topic the alarms notify instead of a topic of the stage's own (then
   * `alertEmails` cannot be set): `arn:<partition>:sns:<region>:<account>:<name>`, in the region
   * of every stage with alarms (CloudWatch notifies topics of the alarm's region only). Its
   * access policy (and its KMS key policy, if encrypted) must let `cloudwatch.amazonaws.com`
   * publish and, with a stage's `driftMonitoring` (the rule `<endpoint>-drift-failed`), its
   * `modelMonitor` (the rule `<endpoint>-data-quality-failed`) or with
   * `batchScoring` (the rule `<project>-batch-scoring-failed`, which must be in the topic's
   * region: production's), `events.amazonaws.com`, with no Condition block in either statement.
   * @default - each stage with alarms gets its own KMS-encrypted topic
   */
  readonly alertTopicArn?: string;
}

export interface ResolvedRelease {
  readonly reviewerEmails: readonly string[];
  readonly maxP95LatencyMs: number;
  readonly alertEmails: readonly string[];
  readonly alertTopicArn?: string;
}

/** Where the stages with alarms are: the alert topic must be in their region. */
export interface AlertedStage {
  readonly option: string;
  readonly region: string;
}

const RELEASE_KEYS = ['reviewerEmails', 'maxP95LatencyMs', 'alertEmails', 'alertTopicArn'];
/** An address SNS can send to: one @, no spaces, a dotted domain. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** SNS topic ARN (API reference "CreateTopic": names of 1..256 letters, digits, hyphens, underscores; .fifo for FIFO topics). */
export const SNS_TOPIC_ARN_PATTERN = /^arn:aws(-[a-z]+)*:sns:([a-z]{2}(-[a-z]+)+-\d):(\d{12}):([A-Za-z0-9_-]{1,251}(\.fifo)?)$/;

/** The largest p95 latency budget: a model container answers InvokeEndpoint within 60 seconds. */
export const MAX_P95_LATENCY_MS = 60_000;

export function resolveRelease(option: string, given: ReleaseOptions | undefined, alerted: readonly AlertedStage[] = []): ResolvedRelease {
  const options = given ?? {};
  checkPlainObject(option, options);
  checkKeys(option, options, RELEASE_KEYS);
  const reviewerEmails = checkEmails(`${option}.reviewerEmails`, options.reviewerEmails ?? []);
  const maxP95LatencyMs = options.maxP95LatencyMs ?? 1000;
  // A model container answers InvokeEndpoint within 60 seconds (SageMaker Runtime API Reference): a larger budget
  // could never fail, and test-endpoint --max-p95-ms refuses it.
  checkNumber(`${option}.maxP95LatencyMs`, maxP95LatencyMs, Number.MIN_VALUE, MAX_P95_LATENCY_MS, 'a latency budget in milliseconds > 0, at most 60000 (a model answers within 60 s)');

  const { alertTopicArn } = options;
  if (alertTopicArn !== undefined) {
    if (options.alertEmails !== undefined) {
      throw new ConfigError(
        `${option}.alertEmails and ${option}.alertTopicArn are both set: the alarms notify either a topic of each stage with these subscribers or the existing topic ` +
        `${JSON.stringify(alertTopicArn)}; subscribe the addresses to that topic, or remove alertTopicArn`,
      );
    }
    checkAlertTopicArn(`${option}.alertTopicArn`, alertTopicArn, alerted);
    return { reviewerEmails, maxP95LatencyMs, alertEmails: [], alertTopicArn };
  }
  const alertEmails = options.alertEmails === undefined ? reviewerEmails : checkEmails(`${option}.alertEmails`, options.alertEmails);
  return { reviewerEmails, maxP95LatencyMs, alertEmails };
}

/** Checks a list of email addresses (each once in the result). */
export function checkEmails(option: string, emails: unknown): string[] {
  if (!Array.isArray(emails)) {
    throw new ConfigError(`${option} must be a list of email addresses, got ${JSON.stringify(emails)}`);
  }
  for (const email of emails) {
    if (typeof email !== 'string' || !EMAIL_PATTERN.test(email)) {
      throw new ConfigError(`${option} has ${JSON.stringify(email)}, which is not an email address (name@domain.tld)`);
    }
  }
  return [...new Set(emails as string[])];
}

function checkAlertTopicArn(option: string, arn: unknown, alerted: readonly AlertedStage[]): void {
  const match = typeof arn === 'string' ? SNS_TOPIC_ARN_PATTERN.exec(arn) : null;
  if (!match) {
    throw new ConfigError(`${option} must be an SNS topic ARN (arn:aws:sns:<region>:<12-digit account>:<topic name>), got ${JSON.stringify(arn)}`);
  }
  if (match[6] !== undefined) {
    // SNS API Reference, Publish: a FIFO topic requires MessageGroupId, which an alarm action (a topic ARN, PutMetricAlarm) cannot give.
    throw new ConfigError(
      `${option} is a FIFO topic, got ${JSON.stringify(arn)}: CloudWatch alarm actions publish without the MessageGroupId every publish to a FIFO topic needs, ` +
      'and FIFO topics deliver to no email address; use a standard topic',
    );
  }
  const region = match[2];
  for (const stage of alerted) {
    if (stage.region !== region) {
      throw new ConfigError(
        `${option} is in ${region}, but ${stage.option} has alarms in ${stage.region}: a CloudWatch alarm notifies only topics of its own region; ` +
        `use a topic in ${stage.region}, or leave alertTopicArn unset so each stage gets its own topic`,
      );
    }
  }
}
