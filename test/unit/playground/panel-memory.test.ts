import * as assert from 'node:assert/strict';
import { startPlaygroundHarness, type PlaygroundHarness } from './playground-harness';

// The real panel and runtime against a loopback OpenAI fake: what the panel holds after a few
// runs must be what it holds after many more (no listener, panel, buffer or timer per run), and
// the cache must stop at its cap.
describe('playground panel over many runs', function () {
  this.timeout(60_000);
  let harness: PlaygroundHarness;

  before(async () => {
    harness = await startPlaygroundHarness({ maxEntries: 10 });
  });
  after(async () => {
    await harness?.close();
  });

  it('holds no more listeners, panels or answer buffers after 40 runs than after 5', async () => {
    for (let n = 0; n < 5; n++) await harness.run(n);
    const early = harness.retained();
    assert.deepEqual(early, { panels: 1, pageListeners: 1, disposeListeners: 1, panelSubscriptions: 2, pendingBuffers: 0, flushTimer: false, running: false, batching: false });
    for (let n = 5; n < 40; n++) await harness.run(n);
    assert.deepEqual(harness.retained(), early);
  });

  it('streams each answer and serves a repeated prompt from the cache', async () => {
    const first = await harness.run(1000);
    assert.equal(first.cached, false);
    assert.match(first.text, /^Echo: Question 1000:/);
    const again = await harness.run(1000);
    assert.equal(again.cached, true);
    assert.equal(again.text, first.text);
  });

  it('keeps the cache at its cap', async () => {
    const cache = await harness.cache();
    assert.deepEqual(cache, { entries: 10, cap: 10 });
  });
});
