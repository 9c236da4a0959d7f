import { LocalRunError } from '../../src/local-run';
import { csvColumns, outputLine, selectColumns } from '../../src/local-run/data-processing';

// Developer guide "Associate Prediction Results with Input Records": a CSV record is read as an array of columns;
// InputFilter selects what the model gets, JoinSource Input appends the prediction to the input record, OutputFilter
// selects from the joined record ("Examples: "$", "$[0,5:]""; indexes outside the joined record are an error).
const RECORD = ['id-1', '0', '3.5', '7', '1'];

describe('selectColumns', () => {
  test.each([
    ['$', RECORD],
    ['$[1:]', ['0', '3.5', '7', '1']],
    ['$[0,-1]', ['id-1', '1']],
    ['$[0,3:]', ['id-1', '7', '1']],
    ['$[-2:]', ['7', '1']],
    ['$[ 0 , 2 ]', ['id-1', '3.5']],
  ])('%s', (filter, expected) => {
    expect(selectColumns(filter, RECORD, 'test')).toEqual(expected);
  });

  // The same page reads "$[1:4]" as "the second through fifth columns" (JsonPath: second through fourth), and batch
  // transform takes one range per filter ("only single range filters", aws/sagemaker-python-sdk#1112).
  test('a slice with an end, or a second slice, is refused rather than guessed', () => {
    expect(() => selectColumns('$[1:3]', RECORD, 'step Score: InputFilter'))
      .toThrow('step Score: InputFilter: the slice 1:3 has an end, which SageMaker reads as inclusive and JsonPath as exclusive; list the columns instead');
    expect(() => selectColumns('$[:2]', RECORD, 'f')).toThrow(/the slice :2 has an end/);
    expect(() => selectColumns('$[0:,3:]', RECORD, 'f')).toThrow('f: "$[0:,3:]" has more than one slice; batch transform takes one range per filter');
  });

  test('an index outside the record fails, as the job does', () => {
    expect(() => selectColumns('$[5]', RECORD, 'step Score: OutputFilter')).toThrow(LocalRunError);
    expect(() => selectColumns('$[-6]', RECORD, 'step Score: OutputFilter')).toThrow('step Score: OutputFilter: index -6 is outside the record\'s 5 columns');
  });

  test('names select JSON fields, not CSV columns', () => {
    expect(() => selectColumns('$.features', RECORD, 'f')).toThrow(/the local run reads CSV filters/);
  });
});

describe('outputLine', () => {
  test('joined: the whole input record (not the filtered one) with the prediction appended, then the output filter', () => {
    expect(outputLine({ inputFilter: '$[1:]', joinInput: true, outputFilter: '$' }, RECORD, ['0.25'], 'l')).toBe('id-1,0,3.5,7,1,0.25');
    expect(outputLine({ inputFilter: '$[1:]', joinInput: true, outputFilter: '$[0,-1]' }, RECORD, ['0.25'], 'l')).toBe('id-1,0.25');
  });

  test('not joined: the prediction alone', () => {
    expect(outputLine({ inputFilter: '$', joinInput: false, outputFilter: '$' }, RECORD, ['0.25'], 'l')).toBe('0.25');
  });
});

test('csvColumns keeps quoted commas inside their column', () => {
  expect(csvColumns('a,"b,c",,d')).toEqual(['a', '"b,c"', '', 'd']);
});
