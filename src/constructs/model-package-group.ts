import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';
import { checkAccount, checkModelPackageGroupName } from '../config';
import { acknowledgeWildcardResource } from '../validation/acknowledge';
import { RETAIN_UNLESS_CREATE_FAILS } from './retention';

export interface ModelPackageGroupProps {
  /** Name of the model package group. */
  readonly modelPackageGroupName: string;
  /**
   * Description shown in the SageMaker Model Registry.
   * @default - none
   */
  readonly description?: string;
  /**
   * Accounts (other than this stack's) that may read the group and deploy its model packages:
   * the staging and production accounts of a multi-account project. Duplicates and this
   * stack's own account are dropped.
   * @default - no resource policy: only this account can use the group
   */
  readonly readerAccounts?: string[];
  /**
   * The group exists already (the SageMaker Studio project template creates it, with its own
   * reader policy): refer to it and create nothing.
   * @default false
   */
  readonly existing?: boolean;
}

/** Read actions on the group that a deploying account needs. */
const GROUP_READ_ACTIONS = ['sagemaker:DescribeModelPackageGroup'];
/** Read actions on the group's packages that a deploying account needs. */
const PACKAGE_READ_ACTIONS = ['sagemaker:DescribeModelPackage', 'sagemaker:ListModelPackages'];

/**
 * A SageMaker model package group (the Model Registry entry of one model), retained when
 * its stack is deleted: registered model versions are never lost as a side effect.
 */
export class ModelPackageGroup extends Construct {
  public readonly modelPackageGroupName: string;
  /** ARN of the group. */
  public readonly modelPackageGroupArn: string;
  /** ARN pattern matching every model package (version) of the group. */
  public readonly modelPackageArnPattern: string;
  /** The group's resource; undefined for an existing group. */
  public readonly resource?: sagemaker.CfnModelPackageGroup;

  constructor(scope: Construct, id: string, props: ModelPackageGroupProps) {
    super(scope, id);
    checkModelPackageGroupName('modelPackageGroupName', props.modelPackageGroupName);
    const stack = Stack.of(this);
    this.modelPackageGroupName = props.modelPackageGroupName;
    // SageMaker writes resource names in lower case in the ARNs it returns.
    const arnName = props.modelPackageGroupName.toLowerCase();
    this.modelPackageGroupArn = stack.formatArn({ service: 'sagemaker', resource: 'model-package-group', resourceName: arnName });
    this.modelPackageArnPattern = stack.formatArn({ service: 'sagemaker', resource: 'model-package', resourceName: `${arnName}/*` });

    const readers = dedupeReaderAccounts(props.readerAccounts ?? [], stack.account);
    if (props.existing) {
      return;
    }
    this.resource = new sagemaker.CfnModelPackageGroup(this, 'Resource', {
      modelPackageGroupName: props.modelPackageGroupName,
      modelPackageGroupDescription: props.description,
      modelPackageGroupPolicy: readers.length > 0 ? this.readerPolicy(readers) : undefined,
    });
    this.resource.applyRemovalPolicy(RETAIN_UNLESS_CREATE_FAILS);
  }

  /** Lets `grantee` describe the group and list and describe its model packages. */
  public grantRead(grantee: iam.IGrantable): iam.Grant {
    const grant = iam.Grant.addToPrincipal({
      grantee,
      actions: [...GROUP_READ_ACTIONS, ...PACKAGE_READ_ACTIONS],
      resourceArns: [this.modelPackageGroupArn, this.modelPackageArnPattern],
    });
    if (Construct.isConstruct(grantee.grantPrincipal)) {
      acknowledgeWildcardResource(grantee.grantPrincipal, this.modelPackageArnPattern,
        `model package versions are named <group>/<version>: the wildcard covers only the versions of the group ${this.modelPackageGroupName}`);
    }
    return grant;
  }

  /** Lets `grantee` register new versions (model packages) in the group. */
  public grantRegister(grantee: iam.IGrantable): iam.Grant {
    const grant = iam.Grant.addToPrincipal({
      grantee,
      actions: ['sagemaker:CreateModelPackage', 'sagemaker:DescribeModelPackage', 'sagemaker:DescribeModelPackageGroup', 'sagemaker:AddTags'],
      resourceArns: [this.modelPackageGroupArn, this.modelPackageArnPattern],
    });
    if (Construct.isConstruct(grantee.grantPrincipal)) {
      acknowledgeWildcardResource(grantee.grantPrincipal, this.modelPackageArnPattern,
        `model package versions are named <group>/<version>: the wildcard covers only the versions of the group ${this.modelPackageGroupName}`);
    }
    return grant;
  }

  private readerPolicy(accounts: string[]): iam.PolicyDocument {
    const principals = accounts.map((account) => new iam.AccountPrincipal(account));
    return new iam.PolicyDocument({
      statements: [
        new iam.PolicyStatement({
          sid: 'ReadGroup',
          principals,
          actions: GROUP_READ_ACTIONS,
          resources: [this.modelPackageGroupArn],
        }),
        new iam.PolicyStatement({
          sid: 'ReadAndDeployModelPackages',
          principals,
          actions: [...PACKAGE_READ_ACTIONS, 'sagemaker:CreateModel'],
          resources: [this.modelPackageArnPattern],
        }),
      ],
    });
  }
}

/**
 * The accounts of a model package group's resource policy: valid 12-digit ids, each once,
 * in a stable order, without the group's own account (which needs no grant).
 */
export function dedupeReaderAccounts(accounts: readonly string[], ownAccount: string): string[] {
  for (const account of accounts) {
    checkAccount('readerAccounts', account);
  }
  return [...new Set(accounts)]
    .filter((account) => Token.isUnresolved(ownAccount) || account !== ownAccount)
    .sort();
}
