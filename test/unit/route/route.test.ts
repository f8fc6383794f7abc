import * as assert from 'node:assert/strict';
import { Catalog } from '../../../src/core/catalog';
import {
  compileRoutingTable,
  DEFAULT_ROUTING_TABLE,
  isLocalModel,
  localModelsAllowed,
  route,
  validateRouting,
  type Classification,
  type Complexity,
  type RouteContext,
  type Task,
} from '../../../src/core/route';

function classified(task: Task, complexity: Complexity): Classification {
  return { task, complexity, confidence: 1, why: [] };
}

const openai: RouteContext = { provider: 'openai', local: false };

describe('routing table', () => {
  describe('first match wins', () => {
    const { table, problems } = compileRoutingTable([
      { when: 'task == "classify" and complexity == "low"', model: 'openai/gpt-4o-mini' },
      { when: 'task == "classify"', model: 'openai/gpt-4.1-mini' },
      { when: 'path matches "src/support/**"', model: 'anthropic/claude-haiku-4-5' },
      { when: 'true', model: 'openai/gpt-4o' },
    ]);

    it('compiles without problems', () => assert.deepEqual(problems, []));

    it('takes the first rule whose condition holds', () => {
      const decision = route(classified('classify', 'low'), table, { ...openai, path: 'src/support/a.py' });
      assert.equal(decision.model, 'openai/gpt-4o-mini');
      assert.equal(decision.ruleIndex, 0);
      assert.match(decision.why.at(-1) ?? '', /rule 1 matched: task == "classify" and complexity == "low"/);
    });

    it('falls through to later rules', () => {
      assert.equal(route(classified('classify', 'high'), table, openai).ruleIndex, 1);
      assert.equal(route(classified('qa', 'high'), table, { ...openai, path: 'src/support/a.py' }).ruleIndex, 2);
      assert.equal(route(classified('qa', 'high'), table, { ...openai, path: 'lib/a.py' }).ruleIndex, 3);
    });

    it('says so when no rule matches', () => {
      const { table: narrow } = compileRoutingTable([{ when: 'task == "code"', model: 'openai/gpt-5' }]);
      const decision = route(classified('qa', 'low'), narrow, openai);
      assert.deepEqual([decision.model, decision.ruleIndex], [null, -1]);
      assert.match(decision.why.join('\n'), /no routing rule matched/);
    });
  });

  describe('local models', () => {
    it('passes over a rule naming a local model while local models are not allowed', () => {
      const { table } = compileRoutingTable([
        { when: 'task == "classify"', model: 'ollama/qwen2.5:7b' },
        { when: 'true', model: 'openai/gpt-4o-mini' },
      ]);
      const offline = route(classified('classify', 'low'), table, openai);
      assert.equal(offline.model, 'openai/gpt-4o-mini');
      assert.match(offline.why[0], /local model ollama\/qwen2\.5:7b, but local models are not enabled/);
      assert.equal(route(classified('classify', 'low'), table, { ...openai, local: true }).model, 'ollama/qwen2.5:7b');
    });

    it('knows local model ids and local providers as the catalog does', () => {
      assert.equal(isLocalModel('ollama/qwen2.5:7b'), true);
      assert.equal(isLocalModel('lmstudio/llama-3.1-8b'), true);
      assert.equal(isLocalModel('openai/gpt-4o-mini'), false);
      assert.equal(localModelsAllowed({ ollama: { baseUrl: 'http://localhost:11434/v1' } }), true);
      assert.equal(localModelsAllowed({ openai: {} }), false);
      assert.equal(localModelsAllowed({}), false);
    });
  });

  describe('bad conditions', () => {
    it('validateRouting returns problems with offsets within the when string', () => {
      const problems = validateRouting([{ when: 'task == "qa"' }, { when: 'task == "qa" and tsak == "x"' }, { when: 'tokens >' }]);
      assert.deepEqual(
        problems.map(({ ruleIndex, start, end }) => ({ ruleIndex, start, end })),
        [
          { ruleIndex: 1, start: 17, end: 21 },
          { ruleIndex: 2, start: 7, end: 8 },
        ],
      );
      assert.match(problems[0].message, /Unknown name 'tsak'/);
    });

    it('compileRoutingTable leaves bad rules out and reports them', () => {
      const { table, problems } = compileRoutingTable([
        { when: 'task == "clasify"', model: 'openai/gpt-4o-mini' },
        { when: 'true', model: 'openai/gpt-4o' },
      ]);
      assert.equal(table.length, 1);
      assert.equal(problems[0].ruleIndex, 0);
    });
  });

  describe('the default table', () => {
    const { table, problems } = compileRoutingTable([]);
    const modelFor = (task: Task, complexity: Complexity, context: Partial<RouteContext> = {}) =>
      route(classified(task, complexity), table, { ...openai, ...context }).model;
    const catalog = new Catalog();
    const blended = (id: string) => {
      const model = catalog.resolve(id);
      assert.ok(model && model.input !== null && model.output !== null, `${id} has no price`);
      return 3 * model.input + model.output;
    };

    it('is used when the configuration has no routing rules, and compiles', () => {
      assert.deepEqual(problems, []);
      assert.equal(table.length, DEFAULT_ROUTING_TABLE.length);
    });

    it('names only models that resolve in the bundled catalog, by their canonical id', () => {
      for (const { model } of DEFAULT_ROUTING_TABLE) {
        const info = catalog.resolve(model);
        assert.ok(info, `${model} is not in the catalog`);
        assert.equal(info.id, model);
        assert.equal(info.kind, 'chat');
        assert.equal(info.deprecated, false, `${model} is deprecated`);
        assert.equal(info.local, isLocalModel(model));
      }
    });

    it('routes every task and complexity to some model, for every provider', () => {
      for (const provider of ['openai', 'anthropic', 'google', 'mistral', undefined]) {
        for (const task of ['classify', 'extract', 'summarize', 'translate', 'rewrite', 'draft', 'qa', 'reason', 'code'] as Task[]) {
          for (const complexity of ['low', 'medium', 'high'] as Complexity[]) {
            assert.ok(modelFor(task, complexity, { provider }), `${task}/${complexity}/${provider}`);
          }
        }
      }
    });

    it('picks cheap models for low-complexity classify, extract, translate and rewrite, strong ones for hard reasoning and code', () => {
      for (const provider of ['openai', 'anthropic', 'google']) {
        const strong = Math.min(blended(modelFor('reason', 'high', { provider })!), blended(modelFor('code', 'high', { provider })!));
        for (const task of ['classify', 'extract', 'translate', 'rewrite'] as Task[]) {
          const cheap = blended(modelFor(task, 'low', { provider })!);
          assert.ok(cheap * 2 < strong, `${task}/low on ${provider} is not at least half the price of the strong model`);
        }
      }
    });

    it('keeps the provider the call already uses', () => {
      assert.match(modelFor('classify', 'low', { provider: 'anthropic' })!, /^anthropic\//);
      assert.match(modelFor('code', 'high', { provider: 'google' })!, /^google\//);
      assert.match(modelFor('qa', 'medium', { provider: 'mistral' })!, /^openai\//);
    });

    it('names local models only when local models are allowed', () => {
      for (const task of ['classify', 'extract', 'summarize', 'translate', 'rewrite', 'draft', 'qa', 'reason', 'code'] as Task[]) {
        for (const complexity of ['low', 'medium', 'high'] as Complexity[]) {
          assert.equal(isLocalModel(modelFor(task, complexity)!), false, `${task}/${complexity}`);
        }
      }
      assert.equal(modelFor('classify', 'low', { local: true }), 'ollama/qwen2.5:7b');
      assert.equal(modelFor('code', 'medium', { local: true }), 'ollama/qwen2.5-coder:7b');
      assert.equal(isLocalModel(modelFor('code', 'high', { local: true })!), false);
    });
  });
});
