import * as assert from 'node:assert/strict';
import { EnvKeySource, REDACTED, rememberSecret, scrub } from '../../../src/runtime/secrets';

describe('keys', () => {
  it('reads the usual environment variables, or the one named by apiKeyEnv', async () => {
    const keys = new EnvKeySource({ OPENAI_API_KEY: 'sk-env-1234567890', GEMINI_API_KEY: 'gem-key-1234567890', TEAM_KEY: 'team-key-1234567890' }, { acme: { apiKeyEnv: 'TEAM_KEY' } });
    assert.equal(await keys.get('openai'), 'sk-env-1234567890');
    assert.equal(await keys.get('google'), 'gem-key-1234567890');
    assert.equal(await keys.get('acme'), 'team-key-1234567890');
    assert.equal(await keys.get('anthropic'), undefined);
    assert.equal(keys.describe('anthropic'), 'the ANTHROPIC_API_KEY environment variable');
    assert.equal(keys.describe('acme'), 'the TEAM_KEY environment variable');
  });

  it('scrubs keys it handed out, whatever their shape', async () => {
    await new EnvKeySource({ OPENROUTER_API_KEY: 'plain-shaped-secret-42' }).get('openrouter');
    assert.equal(scrub('failed with plain-shaped-secret-42 in it'), `failed with ${REDACTED} in it`);
  });

  it('scrubs key-shaped text it never saw', () => {
    rememberSecret('short');
    const text = [
      'Incorrect API key provided: sk-proj-abcdefghijklmnop',
      'Authorization: Bearer abcdefghijklmnopqrstu',
      'https://generativelanguage.googleapis.com/v1beta/models/x?key=AIzaSyA1234567890abcdefghijklmnop&alt=sse',
      '{"x-api-key": "sk-ant-api03-secret"}',
    ].join('\n');
    const out = scrub(text);
    for (const secret of ['sk-proj-abcdefghijklmnop', 'abcdefghijklmnopqrstu', 'AIzaSyA1234567890abcdefghijklmnop', 'sk-ant-api03-secret']) assert.ok(!out.includes(secret), `${secret} left in: ${out}`);
    assert.match(out, /Bearer \[redacted\]/);
    assert.match(out, /\?key=\[redacted\]&alt=sse/);
    assert.equal(scrub('short words stay'), 'short words stay');
  });
});
