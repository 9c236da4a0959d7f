import { CriticalPath } from '../../bench/critical-path';
import { formatTable, pathRows, seconds, times, usd, verdict, workSummary } from '../../bench/report';
import { MAX_SCALE_STACKS, SCALE_CONTEXT, SCALE_SIZES, scaleCount, variantProjectName } from '../../bench/scale';

describe('formatTable', () => {
  test('pads columns to their widest cell, numbers to the right, with a rule under the header', () => {
    expect(formatTable(['app', 'median'], [['model-build', '9.9 s'], ['floor', '12.0 s']], ['left', 'right'])).toBe([
      'app          median',
      '-----------  ------',
      'model-build   9.9 s',
      'floor        12.0 s',
    ].join('\n'));
  });

  test('leaves no trailing spaces and refuses rows of the wrong width', () => {
    expect(formatTable(['a', 'b'], [['x', '']]).split('\n')[2]).toBe('x');
    expect(() => formatTable(['a', 'b'], [['x']])).toThrow(/every row needs 2 cells, got 1/);
  });
});

describe('formats', () => {
  test('seconds, ratios, dollars and verdicts', () => {
    expect(seconds(4.25)).toBe('4.3 s');
    expect(seconds(0.123, 2)).toBe('0.12 s');
    expect(times(1.5)).toBe('1.50x');
    expect(usd(83.95)).toBe('$83.95');
    expect(usd(undefined)).toBe('n/a');
    expect(verdict(true)).toBe('pass');
    expect(verdict(false)).toBe('FAIL');
  });
});

describe('workSummary', () => {
  test('counts repeated work and joins SageMaker steps into one chain with their minutes', () => {
    expect(workSummary([
      { what: 'CodeBuild start', minutes: 1, basis: 'assumption' },
      { what: 'cdk-assets publish', minutes: 0.3, basis: 'assumption' },
      { what: 'cdk-assets publish', minutes: 0.3, basis: 'assumption' },
      { what: 'SageMaker step Prep (Processing)', minutes: 5, basis: 'assumption' },
      { what: 'SageMaker step Fit (Training)', minutes: 5, basis: 'assumption' },
      { what: 'notice the end', minutes: 0.25, basis: 'documented' },
    ])).toBe('CodeBuild start; cdk-assets publish x2; SageMaker Prep > Fit (10.0 min); notice the end');
  });
});

describe('pathRows', () => {
  test('one row per action; an approval shows no minutes', () => {
    const path: CriticalPath = {
      pipeline: 'p',
      approvals: ['Prod/Ok'],
      minutesBeforeApproval: 1,
      minutesAfterApproval: 0,
      totalMinutes: 1,
      groups: [
        { stage: 'Source', runOrder: 1, minutes: 1, endsAt: 1, actions: [{ stage: 'Source', name: 'Src', runOrder: 1, approval: false, minutes: 1, work: [{ what: 'source', minutes: 1, basis: 'assumption' }] }] },
        { stage: 'Prod', runOrder: 1, minutes: 0, endsAt: 1, actions: [{ stage: 'Prod', name: 'Ok', runOrder: 1, approval: true, minutes: 0, work: [] }] },
      ],
    };
    expect(pathRows(path)).toEqual([
      ['Source', 'Src', '1', '1.0 min', '1.0 min', 'source'],
      ['Prod', 'Ok', '1', 'people', '', 'manual approval (not timed)'],
    ]);
  });
});

describe('scale settings', () => {
  test('1, 5 and 20 stacks, each variant named after the project', () => {
    expect(SCALE_SIZES).toEqual([1, 5, 20]);
    expect(variantProjectName('player-churn', 3)).toBe('player-churn-v3');
  });

  test('reads the stack count from the context, as a string from -c or a number', () => {
    expect(scaleCount('20')).toBe(20);
    expect(scaleCount(5)).toBe(5);
    for (const bad of ['0', '1.5', 'x', -1, MAX_SCALE_STACKS + 1, undefined]) {
      expect(() => scaleCount(bad)).toThrow(new RegExp(`${SCALE_CONTEXT} must be a whole number in 1..${MAX_SCALE_STACKS}`));
    }
  });
});
