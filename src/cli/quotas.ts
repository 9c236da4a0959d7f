import { ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { Command } from 'commander';
import { AwsClientOptions, CliError, createAwsClient } from '../aws';
import { QuotaValue, quotaValues } from '../aws/service-quotas';
import { QuotaNeed, QuotaService, quotaNeeds } from '../config';
import { awsClientOptions } from './base-program';
import { GlobalOptions, Output } from './output';
import { loadRepoConfig } from './repo-config';
import { formatTable } from './text-table';

/** What `quotas` needs from outside; tests inject clients. */
export interface QuotasDeps {
  /**
   * Builds the Service Quotas client from the global `--region` and `--profile`.
   * @default - `createAwsClient(ServiceQuotasClient, options)`
   */
  readonly serviceQuotasClient?: (options: AwsClientOptions) => Promise<ServiceQuotasClient>;
  /**
   * Builds the STS client (for the caller's account) from the global `--region` and `--profile`.
   * @default - `createAwsClient(STSClient, options)`
   */
  readonly stsClient?: (options: AwsClientOptions) => Promise<STSClient>;
}

/** How one need compares with the account's quota. */
export type QuotaStatus = 'ok' | 'too low' | 'low at the maximum' | 'not found';

export interface QuotaCheck extends QuotaNeed {
  readonly quota?: QuotaValue;
  readonly status: QuotaStatus;
}

/** Each need with the quota's value (by service, then name) and how they compare. */
export function checkQuotas(needs: readonly QuotaNeed[], values: ReadonlyMap<QuotaService, ReadonlyMap<string, QuotaValue>>): QuotaCheck[] {
  return needs.map((need) => {
    const quota = values.get(need.service)?.get(need.quotaName);
    const status: QuotaStatus = quota === undefined ? 'not found'
      : quota.value < need.minimum ? 'too low' : quota.value < need.atMaximum ? 'low at the maximum' : 'ok';
    return { ...need, ...(quota === undefined ? {} : { quota }), status };
  });
}

/** The checks as an aligned table. */
export function formatQuotaChecks(checks: readonly QuotaCheck[]): string {
  return formatTable(['quota', 'needs', 'at max', 'quota value', 'status'], checks.map((c) => [
    c.quotaName, String(c.minimum), String(c.atMaximum),
    c.quota === undefined ? '-' : `${c.quota.value}${c.quota.source === 'default' ? ' (AWS default)' : ''}`, c.status,
  ])).join('\n');
}

/**
 * `quotas [--config <file>]`: the SageMaker and CodeBuild quotas the project needs (`quotaNeeds`: its jobs'
 * and endpoints' instances, a release's second fleet, serverless concurrency, the pipelines' builds) against the values of the
 * account and region of the credentials (Service Quotas), before a pipeline run or a release finds
 * one too low. Environments in another account or region are listed with the command that checks
 * them. Exits 1 when a quota is below what a first run or release needs.
 */
export function quotasCommand(output: Output, deps: QuotasDeps = {}): Command {
  const serviceQuotasClient = deps.serviceQuotasClient ?? ((options: AwsClientOptions) => createAwsClient(ServiceQuotasClient, options));
  const stsClient = deps.stsClient ?? ((options: AwsClientOptions) => createAwsClient(STSClient, options));
  return new Command('quotas')
    .description('check the account\'s SageMaker and CodeBuild quotas (Service Quotas) against the instances, serverless concurrency and builds the project needs, in this account and region')
    .option('--config <file>', 'the project config (default: ./sagemaker-gitops.json of the repository the command runs in)')
    .action(async function (this: Command, opts: { readonly config?: string }) {
      const { json } = this.optsWithGlobals<GlobalOptions>();
      const config = loadRepoConfig(opts.config, 'the instance types and counts');
      const options = awsClientOptions(this);
      const sts = await stsClient(options);
      const quotas = await serviceQuotasClient(options);
      let checks: QuotaCheck[];
      let elsewhere: QuotaNeed[];
      let account: string;
      let region: string;
      try {
        account = (await sts.send(new GetCallerIdentityCommand({}))).Account ?? '';
        region = await quotas.config.region();
        const needs = quotaNeeds(config);
        const here = (need: QuotaNeed) => (need.account === undefined || need.account === account) && need.region === region;
        elsewhere = needs.filter((need) => !here(need));
        const local = needs.filter(here);
        const values = new Map<QuotaService, Map<string, QuotaValue>>();
        for (const service of new Set(local.map((n) => n.service))) {
          values.set(service, await quotaValues(quotas, service, local.filter((n) => n.service === service).map((n) => n.quotaName)));
        }
        checks = checkQuotas(local, values);
      } finally {
        sts.destroy();
        quotas.destroy();
      }
      output.result(json ? { account, region, checks, notChecked: elsewhere } : formatQuotaChecks(checks), json);
      for (const check of checks.filter((c) => c.status !== 'ok')) {
        output.info(`${check.status === 'low at the maximum' ? 'warning' : 'note'}: ${describe(check)}`);
      }
      // The other places of the project, each with its environments, in the order of the needs.
      const places = new Map<string, { account: string; region: string; environments: Set<string> }>();
      for (const need of elsewhere) {
        const place = { account: need.account ?? account, region: need.region };
        const key = `${place.account}/${place.region}`;
        const entry = places.get(key) ?? { ...place, environments: new Set<string>() };
        need.environments.forEach((env) => entry.environments.add(env));
        places.set(key, entry);
      }
      for (const place of places.values()) {
        output.info(`not checked: account ${place.account}, region ${place.region} (${[...place.environments].join(', ')}): ` +
          `run \`sagemaker-gitops quotas --region ${place.region}${place.account === account ? '' : ' --profile <a profile of that account>'}\``);
      }
      const low = checks.filter((c) => c.status === 'too low');
      if (low.length > 0) {
        const services = [...new Set(low.map((c) => c.service))];
        throw new CliError(`${low.length} quota(s) of account ${account} in ${region} are below what the project needs: ${low.map(describe).join('; ')}. ` +
          `Request increases in the Service Quotas console (${services.map((service) => SERVICE_TITLES[service]).join(', ')}) or with ` +
          `\`aws service-quotas request-service-quota-increase --service-code ${services.length === 1 ? services[0] : '<sagemaker|codebuild>'} --quota-code <code> --desired-value <n>\``);
      }
    });
}

/** How the Service Quotas console names each service. */
const SERVICE_TITLES: Readonly<Record<QuotaService, string>> = { sagemaker: 'Amazon SageMaker', codebuild: 'AWS CodeBuild' };

/** One line on a check that is not ok. */
function describe(check: QuotaCheck): string {
  const code = check.quota?.code ? ` (${check.quota.code})` : '';
  const value = check.quota === undefined ? 'Service Quotas lists no such quota here, so it was not checked' : `it is ${check.quota.value}`;
  const need = check.status === 'low at the maximum'
    ? `${check.atMaximum} for ${check.atMaximumWhen} (${check.minimum} at the minimum)`
    : `${check.minimum}${check.atMaximum > check.minimum ? ` (${check.atMaximum} for ${check.atMaximumWhen})` : ''}`;
  return `'${check.quotaName}'${code}: the project needs ${need}; ${value}; used by ${check.uses.join(', ')}`;
}
