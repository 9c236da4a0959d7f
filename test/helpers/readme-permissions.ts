import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AwsStub } from 'aws-sdk-client-mock';

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf-8');

/**
 * The IAM actions the README's entry for `command` (the list item that starts with `sagemaker-gitops <command>`)
 * says its user needs: the backticked names after "needs", a bare `Action` of the service of the name before it.
 * Alternatives ("or ...") are listed too: a command that calls one of them calls a documented action.
 */
export function readmePermissions(command: string): string[] {
  const start = README.indexOf(`\n- \`sagemaker-gitops ${command} `);
  if (start < 0) {
    throw new Error(`the README has no entry for sagemaker-gitops ${command}`);
  }
  const end = README.indexOf('\n- `sagemaker-gitops ', start + 1);
  const entry = README.slice(start, end < 0 ? undefined : end).replace(/\s+/g, ' ');
  const needs = entry.indexOf(' needs `');
  if (needs < 0) {
    throw new Error(`the README's entry for sagemaker-gitops ${command} does not say what its user needs`);
  }
  let service = '';
  return [...entry.slice(needs).matchAll(/`([a-z0-9-]+:)?([A-Z][A-Za-z0-9]+)`/g)].map(([, prefix, action]) => {
    service = prefix?.slice(0, -1) ?? service;
    return `${service}:${action}`;
  });
}

/**
 * The IAM actions of the SDK commands the mocks received: `<service>:<operation>` (each operation here is authorized
 * by the action of its name; Service Authorization Reference).
 */
export function actionsCalled(mocks: ReadonlyArray<readonly [string, AwsStub<any, any, any>]>): string[] {
  return [...new Set(mocks.flatMap(([service, mock]) => mock.calls().map((call) => `${service}:${(call.args[0] as object).constructor.name.replace(/Command$/, '')}`)))].sort();
}
