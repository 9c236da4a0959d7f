import { ServiceQuota, ServiceQuotasClient, paginateListAWSDefaultServiceQuotas, paginateListServiceQuotas } from '@aws-sdk/client-service-quotas';

/** A quota's value in the caller's account and region. */
export interface QuotaValue {
  readonly name: string;
  readonly code?: string;
  readonly value: number;
  /** `applied`: the account's own value; `default`: AWS's default, where the account has none applied. */
  readonly source: 'applied' | 'default';
  readonly adjustable?: boolean;
}

/**
 * The values of a service's quotas named in `names` (SageMaker's `ml.m5.large for endpoint usage`, ...), by name.
 * Service Quotas API Reference, ListServiceQuotas: it returns the quota values applied to the account,
 * and not every quota has one, so a quota it does not list is taken from
 * ListAWSDefaultServiceQuotas (AWS's default value). A name in neither list is not in the result.
 */
export async function quotaValues(client: ServiceQuotasClient, serviceCode: string, names: readonly string[]): Promise<Map<string, QuotaValue>> {
  const wanted = new Set(names);
  const result = new Map<string, QuotaValue>();
  const keep = (quotas: readonly ServiceQuota[] | undefined, source: QuotaValue['source']) => {
    for (const quota of quotas ?? []) {
      if (quota.QuotaName !== undefined && wanted.has(quota.QuotaName) && quota.Value !== undefined && !result.has(quota.QuotaName)) {
        result.set(quota.QuotaName, { name: quota.QuotaName, code: quota.QuotaCode, value: quota.Value, source, adjustable: quota.Adjustable });
      }
    }
  };
  // A paginator writes each page's token into its input: one input each.
  const input = () => ({ ServiceCode: serviceCode, MaxResults: 100 });
  for await (const page of paginateListServiceQuotas({ client }, input())) {
    keep(page.Quotas, 'applied');
  }
  if ([...wanted].some((name) => !result.has(name))) {
    for await (const page of paginateListAWSDefaultServiceQuotas({ client }, input())) {
      keep(page.Quotas, 'default');
    }
  }
  return result;
}
