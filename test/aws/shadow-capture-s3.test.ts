import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { readCapturedVariant } from '../../src/aws/shadow-capture-s3';

const s3 = mockClient(S3Client);

beforeEach(() => s3.reset());

describe('readCapturedVariant', () => {
  test('reads a capture file of more lines than a call may take arguments', async () => {
    // A busy hour's capture file (SageMaker developer guide, "Capture data from real-time endpoint": one JSON line per
    // request) can hold hundreds of thousands of records.
    const record = JSON.stringify({
      captureData: { endpointOutput: { observedContentType: 'text/csv', mode: 'OUTPUT', data: '0.25', encoding: 'CSV' } },
      eventMetadata: { eventId: 'e', inferenceTime: '2026-12-04T10:30:00Z' },
    });
    const lines = Array.from({ length: 200_000 }, (_, i) => record.replace('"e"', `"e${i}"`));
    s3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'capture/player-churn-prod/AllTraffic/2026/12/04/10/a.jsonl' }] });
    s3.on(GetObjectCommand).resolves({ Body: { transformToString: async () => lines.join('\n') } } as never);
    const window = { start: new Date('2026-12-04T10:00:00Z'), end: new Date('2026-12-04T11:00:00Z') };
    const read = await readCapturedVariant(new S3Client({ region: 'eu-west-1' }), { bucket: 'b', endpointPrefix: 'capture/player-churn-prod/' }, 'AllTraffic', window);
    expect([read.files, read.answers.length, read.unreadable, read.answers[199_999].predictions]).toEqual([1, 200_000, 0, [0.25]]);
  });
});
