import * as assert from 'node:assert/strict';
import type { PromptRole } from '../../../src/core/extract/index';
import { analyzePython } from './python-helpers';

/** Prompt arguments that name something another module defines: the extractor reports them as promptRefs. */

interface RefCase {
  name: string;
  code: string;
  /** Per call, in order: [name, module, role, text at the span]. */
  refs: [string, string, PromptRole, string][][];
}

const call = (imports: string, messages: string, before = ''): string =>
  `from openai import OpenAI\n${imports}\nclient = OpenAI()\n\ndef reply(message):\n${before}    return client.chat.completions.create(model="gpt-4o", messages=${messages})\n`;
const system = (content: string): string => `[{"role": "system", "content": ${content}}, {"role": "user", "content": message}]`;

const cases: RefCase[] = [
  { name: 'from .prompts import NAME', code: call('from .prompts import SYSTEM_PROMPT', system('SYSTEM_PROMPT')), refs: [[['SYSTEM_PROMPT', '.prompts', 'system', 'SYSTEM_PROMPT']]] },
  { name: 'an as alias is undone', code: call('from prompts import SYSTEM_PROMPT as SYS', system('SYS')), refs: [[['SYSTEM_PROMPT', 'prompts', 'system', 'SYS']]] },
  { name: 'parent-relative module', code: call('from ..shared.prompts import RULES', system('RULES')), refs: [[['RULES', '..shared.prompts', 'system', 'RULES']]] },
  { name: 'imported builder function called', code: call('from app.prompts import build_prompt', system('build_prompt(message)')), refs: [[['build_prompt', 'app.prompts', 'system', 'build_prompt']]] },
  {
    name: 'imported builder function with .format()',
    code: call('from app.prompts import build_prompt', '[{"role": "user", "content": build_prompt(kind).format(text=message)}]'),
    refs: [[['build_prompt', 'app.prompts', 'user', 'build_prompt']]],
  },
  { name: 'import module + module.NAME', code: call('import prompts', system('prompts.SYSTEM')), refs: [[['SYSTEM', 'prompts', 'system', 'prompts.SYSTEM']]] },
  { name: 'import package.module as alias', code: call('import app.prompts as p', system('p.SYSTEM')), refs: [[['SYSTEM', 'app.prompts', 'system', 'p.SYSTEM']]] },
  { name: 'from . import module + module.NAME', code: call('from . import prompts', system('prompts.SYSTEM')), refs: [[['SYSTEM', '.prompts', 'system', 'prompts.SYSTEM']]] },
  {
    name: 'through a local messages list',
    code: call('from .prompts import SYSTEM_PROMPT', 'msgs', `    msgs = ${system('SYSTEM_PROMPT')}\n`),
    refs: [[['SYSTEM_PROMPT', '.prompts', 'system', 'SYSTEM_PROMPT']]],
  },
  {
    name: 'interpolated into an f-string message',
    code: call('from .prompts import STYLE', '[{"role": "user", "content": f"{STYLE}\\n\\n{message}"}]'),
    refs: [[['STYLE', '.prompts', 'user', 'STYLE']]],
  },
  {
    name: 'a prompt parameter of another SDK',
    code: 'import anthropic\nfrom .prompts import SYSTEM\nclient = anthropic.Anthropic()\nclient.messages.create(model="claude-3-5-haiku-latest", max_tokens=100, system=SYSTEM, messages=[{"role": "user", "content": q}])\n',
    refs: [[['SYSTEM', '.prompts', 'system', 'SYSTEM']]],
  },
  {
    name: 'a module list shared by two calls gives each call the ref',
    code: 'from openai import OpenAI\nfrom .prompts import SYSTEM\nclient = OpenAI()\nBASE = [{"role": "system", "content": SYSTEM}]\nclient.chat.completions.create(model="gpt-4o", messages=BASE)\nclient.chat.completions.create(model="gpt-4o-mini", messages=BASE)\n',
    refs: [[['SYSTEM', '.prompts', 'system', 'SYSTEM']], [['SYSTEM', '.prompts', 'system', 'SYSTEM']]],
  },
  {
    name: "through a dataclass field's default of an annotated parameter",
    code: `from dataclasses import dataclass, field
from openai import OpenAI
from prompts import SUPPORT_SYSTEM_PROMPT
@dataclass
class Conversation:
    history: list[dict] = field(default_factory=lambda: [{"role": "system", "content": SUPPORT_SYSTEM_PROMPT}])
def reply(client: OpenAI, conversation: Conversation):
    return client.chat.completions.create(model="gpt-4o", messages=conversation.history)
`,
    refs: [[['SUPPORT_SYSTEM_PROMPT', 'prompts', 'system', 'SUPPORT_SYSTEM_PROMPT']]],
  },
  { name: 'a name defined in the same file is no ref', code: call('SYSTEM_PROMPT = "You are a careful assistant."', system('SYSTEM_PROMPT')), refs: [[]] },
  { name: 'a parameter that shadows an import is no ref', code: call('from .prompts import message', system('"Be brief."')), refs: [[]] },
  {
    name: 'SDK constants are not workspace prompts',
    code: 'from anthropic import Anthropic, HUMAN_PROMPT, AI_PROMPT\nclient = Anthropic()\nclient.completions.create(model="claude-2.1", max_tokens_to_sample=9, prompt=f"{HUMAN_PROMPT} Hi{AI_PROMPT}")\n',
    refs: [[]],
  },
];

describe('python extractor: imported prompt references', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const result = await analyzePython(c.code);
      assert.equal(result.calls.length, c.refs.length, `calls: ${result.calls.map((k) => k.callee)}`);
      result.calls.forEach((site, i) => {
        assert.ok(site.promptRefs, 'promptRefs is always filled');
        const got = site.promptRefs.map((r) => [r.name, r.module, r.role, c.code.slice(r.span.start, r.span.end)]);
        assert.deepEqual(got, c.refs[i], `call ${i}`);
      });
    });
  }
});
