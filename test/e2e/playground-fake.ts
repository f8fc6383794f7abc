// The loopback OpenAI fake of test/fakes for the playground e2e: prints its base URL as one JSON
// line, then serves until its standard input closes (the test ends) or it is sent SIGTERM.
import { startOpenAiFake } from '../fakes/openai-fake';

const key = process.argv[2];
if (!key) throw new Error('usage: playground-fake.ts <api key>');
// A batch holding HOLD stays in progress, for the step that cancels a batch from the panel.
void startOpenAiFake({ key, cachedTokens: 0, holdBatchesWith: 'HOLD' }).then((fake) => {
  process.stdout.write(`${JSON.stringify({ baseUrl: fake.baseUrl })}\n`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.stdin.on('end', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
});
