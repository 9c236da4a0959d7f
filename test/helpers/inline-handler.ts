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
 * CloudFormation's response URL (every attempt), which answers with `statuses` in turn, then 200
 * (0: no answer, the request's timeout fires).
 */
export function loadInlineHandler(code: string, modules: Record<string, unknown>, statuses: readonly number[] = []): { handler: InlineHandler; sent: SentResponse[] } {
  const sent: SentResponse[] = [];
  let puts = 0;
  const https = {
    request(url: string, options: SentResponse['options'], onResponse: (res: EventEmitter & { resume(): void }) => void) {
      let onTimeout: (() => void) | undefined;
      const request: EventEmitter & { end(body: string): void; setTimeout(ms: number, callback: () => void): unknown; destroy(err: Error): void } = Object.assign(new EventEmitter(), {
        end: (_body: string) => undefined,
        setTimeout: (_ms: number, callback: () => void) => {
          onTimeout = callback;
          return request;
        },
        destroy: (err: Error) => {
          request.emit('error', err);
        },
      });
      request.end = (body: string) => {
        sent.push({ url, options, body: JSON.parse(body) });
        // The status of the response URL's answer: `statuses` in turn, then 200; 0: no answer (the request times out).
        const status = statuses[puts++] ?? 200;
        if (status === 0) {
          onTimeout?.();
          return;
        }
        const response = Object.assign(new EventEmitter(), { resume: () => undefined, statusCode: status });
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

/** One request CloudFormation sends a custom resource (CloudFormation User Guide, "Custom resource request objects"). */
export interface CustomResourceRequest {
  readonly requestType: 'Create' | 'Update' | 'Delete';
  readonly stackId: string;
  readonly logicalResourceId: string;
  /** Absent on Create. */
  readonly physicalResourceId?: string;
  readonly resourceProperties: Record<string, unknown>;
}

/**
 * Sends `request` to `handler` as CloudFormation does, in an invocation of `invocationMs` (the
 * Lambda context's getRemainingTimeInMillis counts down from it), and returns the answer the
 * handler PUT to the response URL.
 */
export async function sendRequest(handler: InlineHandler, sent: readonly SentResponse[], request: CustomResourceRequest, invocationMs: number): Promise<Record<string, any>> {
  const deadline = Date.now() + invocationMs;
  await handler({
    RequestType: request.requestType,
    ResponseURL: 'https://cloudformation-custom-resource-response.s3.amazonaws.com/response?signature',
    StackId: request.stackId,
    RequestId: `request-${sent.length + 1}`,
    LogicalResourceId: request.logicalResourceId,
    ...(request.physicalResourceId === undefined ? {} : { PhysicalResourceId: request.physicalResourceId }),
    ResourceProperties: request.resourceProperties,
  }, { logStreamName: 'stream', getRemainingTimeInMillis: () => deadline - Date.now() });
  return sent[sent.length - 1].body;
}
