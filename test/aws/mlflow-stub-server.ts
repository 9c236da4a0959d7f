import * as http from 'node:http';
import { AddressInfo } from 'node:net';

/** A request the stand-in MLflow server received. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
}

/** What the stand-in answers: a status and a JSON body, or `hang` to never answer. */
export type StubAnswer = { readonly status: number; readonly body: unknown } | 'hang';

/** A local stand-in for a SageMaker MLflow endpoint on 127.0.0.1. */
export interface MlflowStubServer {
  /** `http://127.0.0.1:<port>`, for SAGEMAKER_MLFLOW_CUSTOM_ENDPOINT. */
  readonly endpoint: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Starts the stand-in; `answer` picks the reply per request (by run id, say). */
export async function startMlflowStub(answer: (request: RecordedRequest) => StubAnswer): Promise<MlflowStubServer> {
  const requests: RecordedRequest[] = [];
  const hanging: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
    requests.push(request);
    const reply = answer(request);
    if (reply === 'hang') {
      hanging.push(res);
      return;
    }
    res.writeHead(reply.status, { 'content-type': 'application/json' });
    res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      hanging.forEach((res) => res.destroy());
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** `Credential=<key>/<date>/<region>/<service>/aws4_request, SignedHeaders=a;b, Signature=<hex>` split up. */
export function parseAuthorization(header: string | undefined): { keyId: string; region: string; service: string; signedHeaders: string[] } {
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=[0-9a-f]{64}$/.exec(header ?? '');
  if (!match) {
    throw new Error(`not a SigV4 Authorization header: ${header}`);
  }
  return { keyId: match[1], region: match[2], service: match[3], signedHeaders: match[4].split(';') };
}

/** A runs/get answer in MLflow's REST shape (GetRun.Response: run.info, run.data.metrics/params/tags). */
export function runJson(runId: string, metrics: Record<string, number>, extra: { params?: Record<string, string>; runName?: string; experimentId?: string } = {}) {
  const runName = extra.runName ?? 'train';
  return {
    run: {
      info: {
        run_uuid: runId,
        run_id: runId,
        experiment_id: extra.experimentId ?? '3',
        run_name: runName,
        user_id: 'arn:aws:sts::123456789012:assumed-role/sagemaker-execution/SageMaker',
        status: 'FINISHED',
        start_time: 1767225600000,
        end_time: 1767225960000,
        artifact_uri: `s3://player-churn-bucket/mlflow/3/${runId}/artifacts`,
        lifecycle_stage: 'active',
      },
      data: {
        metrics: Object.entries(metrics).map(([key, value]) => ({ key, value, timestamp: 1767225900000, step: 0 })),
        params: Object.entries(extra.params ?? {}).map(([key, value]) => ({ key, value })),
        tags: [{ key: 'mlflow.runName', value: runName }, { key: 'mlflow.parentRunId', value: 'parent-run' }],
      },
      inputs: {},
    },
  };
}
