import {
  ListAWSDefaultServiceQuotasCommand, ListServiceQuotasCommand, ServiceQuota, ServiceQuotasClient,
} from '@aws-sdk/client-service-quotas';

/** A quota's value in the caller's account and region. */
export interface QuotaValue {
  readonly name: string;
  readonly code?: string;
  readonly value: number;
  /** `applied`: the account's own value; `default`: AWS's default, where the account has none applied. */
  readonly source: 'applied' | 'default';
  readonly adjustable?: boolean;
}

/** Pages through one of Service Quotas' list operations (NextToken), keeping the quotas named in `names`. */
async function listQuotas(next: (token?: string) => Promise<{ Quotas?: ServiceQuota[]; NextToken?: string }>, names: ReadonlySet<string>): Promise<ServiceQuota[]> {
  const found: ServiceQuota[] = [];
  let token: string | undefined;
  do {
    const page = await next(token);
    found.push(...(page.Quotas ?? []).filter((q) => q.QuotaName !== undefined && names.has(q.QuotaName)));
    token = page.NextToken;
  } while (token !== undefined);
  return found;
}

/**
 * The values of SageMaker's quotas named in `names` (`ml.m5.large for endpoint usage`, ...), by name.
 * Service Quotas API Reference, ListServiceQuotas: it returns the quota values applied to the account,
 * and not every quota has one, so a quota it does not list is taken from
 * ListAWSDefaultServiceQuotas (AWS's default value). A name in neither list is not in the result.
 */
export async function sageMakerQuotaValues(client: ServiceQuotasClient, names: readonly string[]): Promise<Map<string, QuotaValue>> {
  const wanted = new Set(names);
  const result = new Map<string, QuotaValue>();
  const keep = (quota: ServiceQuota, source: QuotaValue['source']) => {
    if (quota.QuotaName !== undefined && quota.Value !== undefined && !result.has(quota.QuotaName)) {
      result.set(quota.QuotaName, { name: quota.QuotaName, code: quota.QuotaCode, value: quota.Value, source, adjustable: quota.Adjustable });
    }
  };
  const applied = await listQuotas((NextToken) => client.send(new ListServiceQuotasCommand({ ServiceCode: 'sagemaker', MaxResults: 100, NextToken })), wanted);
  applied.forEach((q) => keep(q, 'applied'));
  if ([...wanted].some((name) => !result.has(name))) {
    const defaults = await listQuotas((NextToken) => client.send(new ListAWSDefaultServiceQuotasCommand({ ServiceCode: 'sagemaker', MaxResults: 100, NextToken })), wanted);
    defaults.forEach((q) => keep(q, 'default'));
  }
  return result;
}
