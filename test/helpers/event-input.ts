/**
 * What EventBridge sends a target for `evt` (EventBridge user guide, "Amazon EventBridge input transformation"):
 * each `<name>` of the template replaced by the value at its InputPathsMap path, a value inside a quoted string
 * inserted without quotes; a string template gives that string. Fails the test when the template has an angle-bracket
 * pair that is not a placeholder: EventBridge would read it as one.
 */
export function transformed(target: any, evt: unknown): string {
  const { InputPathsMap: paths, InputTemplate: inputTemplate } = target.InputTransformer;
  const valueAt = (jsonPath: string) => jsonPath.replace(/^\$\./, '').split('.').reduce((node: any, key) => node?.[key], evt);
  const placeholders = [...String(inputTemplate).matchAll(/<([^<>]*)>/g)].map((m) => m[1]);
  expect(placeholders.filter((name) => !(name in paths))).toEqual([]);
  return JSON.parse(String(inputTemplate).replace(/<([^<>]*)>/g, (_, name) => String(valueAt(paths[name]))));
}

/** A "CodePipeline Stage Execution State Change" event as the CodePipeline user guide's "Monitoring CodePipeline events" shows it. */
export function codePipelineStageEvent(account: string, pipeline: string, stage: string, state: string) {
  return {
    'version': '0',
    'detail-type': 'CodePipeline Stage Execution State Change',
    'source': 'aws.codepipeline',
    account,
    'region': 'us-east-1',
    'detail': { pipeline, 'version': 3, 'execution-id': '01234567-0123-0123-0123-012345678901', stage, state },
  };
}
