import * as assert from 'node:assert/strict';
import { modulePathCandidates } from '../../../src/core/analysis/module-paths';

describe('modulePathCandidates', () => {
  const cases: Array<[from: string, module: string, lang: 'python' | 'typescript', expectedFirst: string[], contains?: string]> = [
    ['pipeline/classify.py', '.prompts', 'python', ['pipeline/prompts.py', 'pipeline/prompts/__init__.py']],
    ['pipeline/jobs/run.py', '..prompts', 'python', ['pipeline/prompts.py', 'pipeline/prompts/__init__.py']],
    ['pipeline/jobs/run.py', '..shared.text', 'python', ['pipeline/shared/text.py', 'pipeline/shared/text/__init__.py']],
    ['support-bot/bot.py', 'prompts', 'python', ['support-bot/prompts.py', 'support-bot/prompts/__init__.py'], 'prompts.py'],
    ['src/app/api/chat.py', 'app.prompts', 'python', ['src/app/api/app/prompts.py'], 'src/app/prompts.py'],
    ['lib/summarize.ts', './prompts', 'typescript', ['lib/prompts', 'lib/prompts.ts', 'lib/prompts.tsx'], 'lib/prompts/index.ts'],
    ['lib/a/b.ts', '../prompts.js', 'typescript', ['lib/prompts.js', 'lib/prompts.ts']],
    ['app/api/chat/route.ts', '@/lib/prompts', 'typescript', ['app/api/chat/lib/prompts'], 'lib/prompts.ts'],
    ['src/routes/x.ts', '~/lib/prompts', 'typescript', ['src/routes/lib/prompts'], 'src/lib/prompts.ts'],
  ];
  for (const [from, module, lang, first, contains] of cases) {
    it(`${module} from ${from}`, () => {
      const found = modulePathCandidates(from, module, lang);
      assert.deepEqual(found.slice(0, first.length), first);
      if (contains) assert.ok(found.includes(contains), found.join(', '));
      assert.equal(new Set(found).size, found.length, 'no repeats');
    });
  }

  it('gives nothing for a package import', () => {
    assert.deepEqual(modulePathCandidates('lib/a.ts', 'openai', 'typescript'), []);
    assert.deepEqual(modulePathCandidates('lib/a.ts', '@ai-sdk/openai', 'typescript'), []);
  });
});
