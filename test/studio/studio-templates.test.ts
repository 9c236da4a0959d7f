import * as fs from 'node:fs';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { DOMAIN_TEMPLATE_FILE, GENERATED_HEADER, PROJECT_TEMPLATE_FILE, STUDIO_TEMPLATES_DIR, renderStudioTemplates, renderTemplateYaml, studioTemplateApp } from '../../src/studio';
import '../helpers/suite-validation-worker';

const ROOT = path.join(__dirname, '..', '..');

let rendered: Record<string, string>;

beforeAll(() => {
  rendered = renderStudioTemplates();
});

describe('the generated Studio templates', () => {
  test('are the two templates, each after the generated-file header', () => {
    expect(Object.keys(rendered)).toEqual([PROJECT_TEMPLATE_FILE, DOMAIN_TEMPLATE_FILE]);
    for (const text of Object.values(rendered)) {
      expect(text.split('\n')[0]).toBe(GENERATED_HEADER);
      expect(text.split('\n')[1]).toBe('AWSTemplateFormatVersion: "2010-09-09"');
    }
  });

  test.each([PROJECT_TEMPLATE_FILE, DOMAIN_TEMPLATE_FILE])('the committed templates/%s is what the code generates (run `npx projen` after a change)', (file) => {
    expect(fs.readFileSync(path.join(ROOT, STUDIO_TEMPLATES_DIR, file), 'utf-8')).toBe(rendered[file]);
  });

  test('a YAML 1.1 reader (as CloudFormation\'s) reads back exactly the synthesized templates', () => {
    const { app, stacks } = studioTemplateApp();
    const assembly = app.synth();
    expect(YAML.parse(rendered[PROJECT_TEMPLATE_FILE], { version: '1.1' })).toEqual(assembly.getStackByName(stacks.project.stackName).template);
    expect(YAML.parse(rendered[DOMAIN_TEMPLATE_FILE], { version: '1.1' })).toEqual(assembly.getStackByName(stacks.domain.stackName).template);
  });

  test('strings that YAML 1.1 would read as dates, booleans or numbers are quoted', () => {
    expect(renderTemplateYaml({ Version: '2012-10-17', Enabled: 'true', Old: 'yes', Code: '0123', Resources: {} }))
      .toBe(`${GENERATED_HEADER}\nVersion: "2012-10-17"\nEnabled: "true"\nOld: "yes"\nCode: "0123"\nResources: {}\n`);
    expect(rendered[PROJECT_TEMPLATE_FILE]).toContain('Version: "2012-10-17"');
  });

  test('carry no asset, bootstrap or path metadata, and no construct paths', () => {
    for (const text of Object.values(rendered)) {
      expect(text).not.toMatch(/AssetParameters|BootstrapVersion|CheckBootstrapVersion|aws:cdk:path|CDKMetadata|cdk-hnb659fds/);
    }
  });
});
