import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { CONFIG_FILE_NAME, readProjectConfig } from '../../src/config';
import { ModelBuildApp } from '../../src/model-build';
import { ModelDeployApp, placeholderModel } from '../../src/model-deploy';
import '../helpers/suite-validation-worker';

const ROOT = path.join(__dirname, '..', '..');
const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** The findings of the AWS Control Tower plugin in an app's synth, as `<control> <construct path>`. */
function controlTowerFindings(app: App): string[] {
  try {
    app.synth();
  } catch {
    // A failed validation is read from the report below.
  }
  const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf-8'));
  const plugin = report.pluginReports.find((p: any) => p.pluginName === 'ControlTower');
  expect(plugin).toBeDefined();
  return plugin.violations.flatMap((v: any) => v.violatingConstructs.map((c: any) => `${v.ruleName} ${c.constructPath}`));
}

// The example project of .projenrc.ts, as its two generated repositories synthesize it: every
// AWS Control Tower proactive control (AWS Control Tower Controls Reference Guide) passes or is
// acknowledged with a reason.
describe('the example project and AWS Control Tower\'s proactive controls', () => {
  const quiet = () => jest.spyOn(console, 'error').mockImplementation(() => {});

  test('model-build synthesizes with no unacknowledged finding', () => {
    const spy = quiet();
    const config = readProjectConfig(path.join(ROOT, 'model-build', CONFIG_FILE_NAME));
    const app = new ModelBuildApp({ config, repoDir: path.join(ROOT, 'model-build'), outdir: tmp('ct-example-build-') });
    expect(controlTowerFindings(app)).toEqual([]);
    spy.mockRestore();
  });

  test('model-deploy synthesizes with no unacknowledged finding', () => {
    const spy = quiet();
    const config = readProjectConfig(path.join(ROOT, 'model-deploy', CONFIG_FILE_NAME));
    const model = placeholderModel(config.modelPackageGroupName, config.environments.build.region);
    const app = new ModelDeployApp({ config, repoDir: path.join(ROOT, 'model-deploy'), model, outdir: tmp('ct-example-deploy-') });
    expect(controlTowerFindings(app)).toEqual([]);
    spy.mockRestore();
  });
});
