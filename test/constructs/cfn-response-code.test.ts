import { AUTHORIZATION_ANSWER_MARGIN_MS } from '../../src/constructs/authorization-retry-code';
import { CFN_RESPONSE_ATTEMPTS, CFN_RESPONSE_MAX_MS, CFN_RESPONSE_SEND_CODE, CFN_RESPONSE_TIMEOUT_MS } from '../../src/constructs/cfn-response-code';
import { STARTER_MARGIN_SECONDS } from '../../src/studio/start-build-handler';
import { loadInlineHandler } from '../helpers/inline-handler';

/** A handler that only answers, with the shared send code. */
const CODE = `const https = require('node:https');
exports.handler = async (event) => {
  await send(event.ResponseURL, JSON.stringify({ Status: 'SUCCESS', RequestId: event.RequestId }));
};

${CFN_RESPONSE_SEND_CODE}`;

const EVENT = { ResponseURL: 'https://cloudformation-custom-resource-response.s3.amazonaws.com/r?sig', RequestId: 'r-1' };

// CloudFormation User Guide, "Custom resource response objects": CloudFormation waits for the answer at the pre-signed
// URL until the resource's ServiceTimeout. An answer S3 refused (a 5xx, say) would leave the stack waiting, then failing
// without a reason; so the answer is sent again.
describe('the answer to CloudFormation', () => {
  let error: jest.SpyInstance;

  beforeEach(() => {
    jest.useFakeTimers();
    error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.useRealTimers();
    error.mockRestore();
  });

  test('is sent once when the response URL takes it', async () => {
    const { handler, sent } = loadInlineHandler(CODE, {});
    await handler(EVENT, { logStreamName: 's' });
    expect(sent.map((s) => s.body)).toEqual([{ Status: 'SUCCESS', RequestId: 'r-1' }]);
  });

  test('is sent again after 1 and 2 seconds when the response URL refuses it', async () => {
    const { handler, sent } = loadInlineHandler(CODE, {}, [503, 500]);
    const done = handler(EVENT, { logStreamName: 's' });
    await jest.advanceTimersByTimeAsync(999);
    expect(sent).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(2000);
    await done;
    expect(sent).toHaveLength(3);
    expect(error.mock.calls.map((c) => c[0])).toEqual([
      'could not answer CloudFormation (the response URL answered HTTP 503): trying again',
      'could not answer CloudFormation (the response URL answered HTTP 500): trying again',
    ]);
  });

  test('is sent again when the response URL does not answer in time', async () => {
    const { handler, sent } = loadInlineHandler(CODE, {}, [0]);
    const done = handler(EVENT, { logStreamName: 's' });
    await jest.advanceTimersByTimeAsync(1000);
    await done;
    expect(sent).toHaveLength(2);
    expect(error.mock.calls.map((c) => c[0])).toEqual([`could not answer CloudFormation (no answer within ${CFN_RESPONSE_TIMEOUT_MS / 1000} s): trying again`]);
  });

  test('takes at most every attempt\'s timeout and the waits between them, which the handlers keep of their time', () => {
    expect(CFN_RESPONSE_MAX_MS).toBe(CFN_RESPONSE_ATTEMPTS * CFN_RESPONSE_TIMEOUT_MS + 1000 + 2000 + 4000);
    expect(AUTHORIZATION_ANSWER_MARGIN_MS).toBeGreaterThan(CFN_RESPONSE_MAX_MS);
    expect(STARTER_MARGIN_SECONDS * 1000).toBeGreaterThan(CFN_RESPONSE_MAX_MS);
  });

  test(`fails the invocation after ${CFN_RESPONSE_ATTEMPTS} refused attempts, naming the status`, async () => {
    const { handler, sent } = loadInlineHandler(CODE, {}, Array(CFN_RESPONSE_ATTEMPTS).fill(403));
    const done = expect(handler(EVENT, { logStreamName: 's' })).rejects.toThrow('the response URL answered HTTP 403');
    await jest.advanceTimersByTimeAsync(1000 + 2000 + 4000);
    await done;
    expect(sent).toHaveLength(CFN_RESPONSE_ATTEMPTS);
  });
});
