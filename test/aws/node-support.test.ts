import { SDK_NODE_WARNING_ENV, noteNodeSupport } from '../../src/aws';

// The AWS SDK for JavaScript v3 (@aws-sdk/core) warns, on Node.js 20, that its versions published
// after the first week of January 2027 need Node.js 22 or newer, unless
// AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED is set.
describe('noteNodeSupport', () => {
  const call = (version: string, env: NodeJS.ProcessEnv = {}, state: Record<symbol, boolean> = {}) => {
    const lines: string[] = [];
    const line = noteNodeSupport(version, env, (l) => lines.push(l), state);
    return { line, lines, env };
  };

  test('on Node.js 20: one line instead of the SDK\'s warning, which it turns off', () => {
    const { lines, env } = call('20.20.2');
    expect(lines).toEqual([expect.stringMatching(/^note: Node\.js 20\.20\.2 is older than the AWS SDK for JavaScript supports from January 2027 \(Node\.js 22 or newer\); .*hides this note\)\n$/)]);
    expect(env[SDK_NODE_WARNING_ENV]).toBe('true');
  });

  test('once per process', () => {
    const state = {};
    expect(call('20.20.2', {}, state).lines).toHaveLength(1);
    expect(call('20.20.2', {}, state).lines).toEqual([]);
  });

  test('nothing on Node.js 22 and later, or when the SDK\'s warning is already off', () => {
    expect(call('22.11.0').lines).toEqual([]);
    expect(call('24.0.0').lines).toEqual([]);
    const off = call('20.20.2', { [SDK_NODE_WARNING_ENV]: 'true' });
    expect(off.lines).toEqual([]);
  });
});
