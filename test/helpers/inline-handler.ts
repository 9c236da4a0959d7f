import { EventEmitter } from 'node:events';

/** A custom-resource handler as the Lambda runtime calls it. */
export type InlineHandler = (event: Record<string, unknown>, context: { logStreamName: string; getRemainingTimeInMillis?: () => number }) => Promise<void>;

/** What the handler PUT to CloudFormation's response URL. */
export interface SentResponse {
  readonly url: string;
  readonly options: { method: string; headers: Record<string, unknown> };
  readonly body: Record<string, any>;
}

/**
 * Loads inline function code as the Lambda runtime would (a CommonJS module), with `require`
 * answering from `modules` and `node:https` replaced: `sent` collects what the function PUTs to
 * CloudFormation's response URL.
 */
export function loadInlineHandler(code: string, modules: Record<string, unknown>): { handler: InlineHandler; sent: SentResponse[] } {
  const sent: SentResponse[] = [];
  const https = {
    request(url: string, options: SentResponse['options'], onResponse: (res: EventEmitter & { resume(): void }) => void) {
      const request = new EventEmitter() as EventEmitter & { end(body: string): void };
      request.end = (body: string) => {
        sent.push({ url, options, body: JSON.parse(body) });
        const response = Object.assign(new EventEmitter(), { resume: () => undefined });
        onResponse(response);
        response.emit('end');
      };
      return request;
    },
  };
  const all: Record<string, unknown> = { 'node:https': https, ...modules };
  const module = { exports: {} as { handler?: InlineHandler } };
  new Function('require', 'exports', 'module', code)((name: string) => {
    if (!(name in all)) {
      throw new Error(`the inline code requires ${name}, which the test does not provide`);
    }
    return all[name];
  }, module.exports, module);
  return { handler: module.exports.handler!, sent };
}
