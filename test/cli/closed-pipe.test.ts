/**
 * The CLI's output piped to a reader that stops early (`sagemaker-gitops models ... | head`): the
 * command ends quietly when the pipe closes, without Node's stack trace of an unhandled EPIPE
 * error event. Runs the compiled CLI as its bin does (`npm test` compiles first).
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const MAIN = path.join(__dirname, '..', '..', 'lib', 'cli', 'main.js');

test('a reader that closes the pipe before the output ends: exit 0, nothing on stderr', () => {
  // The reader closes its end before reading anything, so the CLI's first write finds no reader.
  const result = spawnSync('bash', ['-c', `node ${JSON.stringify(MAIN)} --help | (exec 0<&-; sleep 1); echo "exit \${PIPESTATUS[0]}"`], { encoding: 'utf-8' });
  expect(result.stderr).toBe('');
  expect(result.stdout.trim()).toBe('exit 0');
});
