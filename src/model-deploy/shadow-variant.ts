import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';
import { ResolvedModel } from '../app-context/resolved-model';
import { imageRepositoryArn, s3ObjectArn } from './artifact-arns';
import { grantVersion } from './model-role';

/** The shadow variant's name in the production endpoint configuration during a shadow release. */
export const SHADOW_VARIANT_NAME = 'Shadow';

export interface ShadowVariantProps {
  /** The candidate release, served in shadow. */
  readonly model: ResolvedModel;
  /** The endpoint's model role: the candidate runs as it too, allowed to read the candidate's files. */
  readonly role: iam.Role;
  /** The production variant's instance type (the comparison needs the same hardware). */
  readonly instanceType: string;
  readonly instanceCount: number;
}

/**
 * The candidate as the production endpoint's shadow variant ("Testing models with shadow
 * variants": one production and one shadow variant, each with its own model; SageMaker copies the
 * production variant's requests to the shadow and returns only production's answers). The model
 * comes from the candidate's model package, as the production variant's does.
 */
export class ShadowVariant extends Construct {
  public readonly model: sagemaker.CfnModel;
  /** The endpoint configuration's `ShadowProductionVariants` entry. */
  public readonly variant: sagemaker.CfnEndpointConfig.ProductionVariantProperty;

  constructor(scope: Construct, id: string, props: ShadowVariantProps) {
    super(scope, id);
    const { model, role } = props;
    const stack = Stack.of(this);
    // The candidate's grants in a policy of their own, as the production version's (`grantVersion`).
    grantVersion(role, 'ShadowVersion', model, [
      ...(model.modelDataUrl ? [new iam.PolicyStatement({
        sid: 'ReadShadowModelArtifact', actions: ['s3:GetObject'], resources: [s3ObjectArn(stack, model.modelDataUrl, 'the shadow model\'s artifact')],
      })] : []),
      ...(model.artifactKmsKeyArn ? [new iam.PolicyStatement({ sid: 'DecryptShadowModelArtifact', actions: ['kms:Decrypt'], resources: [model.artifactKmsKeyArn] })] : []),
      ...(model.imageUri ? [new iam.PolicyStatement({
        sid: 'PullShadowImage', actions: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'], resources: [imageRepositoryArn(model.imageUri, 'the shadow model\'s image')],
      })] : []),
    ]);
    this.model = new sagemaker.CfnModel(this, 'Model', {
      executionRoleArn: role.roleArn,
      primaryContainer: { modelPackageName: model.modelPackageArn },
    });
    this.model.node.addDependency(role);
    this.variant = {
      variantName: SHADOW_VARIANT_NAME,
      modelName: this.model.attrModelName,
      instanceType: props.instanceType,
      initialInstanceCount: props.instanceCount,
      initialVariantWeight: 1,
    };
  }
}
