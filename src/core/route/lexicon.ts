import type { Task } from './model';

/**
 * The words the classifier knows, as data. Verbs count when they open an instruction ("Translate
 * the...", "You will summarise...", "I want you to write..."); role nouns count after "act as" /
 * "you are"; object nouns decide what a generic verb (write, create, give...) asks for.
 */

/** Verbs that name a task by themselves. */
export const TASK_VERBS: Record<string, Task> = {
  classify: 'classify', categorize: 'classify', categorise: 'classify', label: 'classify', tag: 'classify',
  triage: 'classify', route: 'classify', detect: 'classify', moderate: 'classify', rate: 'classify', grade: 'classify',
  flag: 'classify', sort: 'classify', assign: 'classify',
  extract: 'extract', parse: 'extract', pull: 'extract', capture: 'extract', retrieve: 'extract', collect: 'extract',
  locate: 'extract', identify: 'extract', find: 'extract', get: 'extract', list: 'extract', normalize: 'extract', normalise: 'extract',
  summarize: 'summarize', summarise: 'summarize', condense: 'summarize', recap: 'summarize', synthesize: 'summarize',
  synthesise: 'summarize', digest: 'summarize', 'tl;dr': 'summarize', tldr: 'summarize', abstract: 'summarize',
  translate: 'translate', localize: 'translate', localise: 'translate', transliterate: 'translate',
  rewrite: 'rewrite', rephrase: 'rewrite', paraphrase: 'rewrite', reword: 'rewrite', edit: 'rewrite', proofread: 'rewrite',
  polish: 'rewrite', correct: 'rewrite', revise: 'rewrite', simplify: 'rewrite', shorten: 'rewrite', tighten: 'rewrite',
  improve: 'rewrite', restyle: 'rewrite', reformat: 'rewrite', humanize: 'rewrite', soften: 'rewrite',
  write: 'draft', draft: 'draft', compose: 'draft', create: 'draft', generate: 'draft', produce: 'draft', craft: 'draft',
  brainstorm: 'draft', prepare: 'draft', invent: 'draft', come: 'draft', tell: 'draft', develop: 'draft', suggest: 'qa',
  answer: 'qa', explain: 'qa', describe: 'qa', advise: 'qa', recommend: 'qa', teach: 'qa', guide: 'qa', help: 'qa',
  clarify: 'qa', provide: 'qa', give: 'qa', define: 'qa', look: 'qa',
  solve: 'reason', calculate: 'reason', compute: 'reason', prove: 'reason', plan: 'reason', evaluate: 'reason', analyze: 'reason',
  analyse: 'reason', compare: 'reason', decide: 'reason', determine: 'reason', estimate: 'reason', reason: 'reason', think: 'reason',
  deduce: 'reason', optimize: 'reason', optimise: 'reason', assess: 'reason', weigh: 'reason', derive: 'reason', figure: 'reason',
  work: 'reason', break: 'reason', infer: 'reason', verify: 'reason', diagnose: 'reason',
  implement: 'code', refactor: 'code', debug: 'code', code: 'code', program: 'code', compile: 'code', execute: 'code', run: 'code',
  test: 'code', review: 'code', fix: 'code', convert: 'code', build: 'code', design: 'code', port: 'code', migrate: 'code',
};

/**
 * Verbs whose task depends on what they act on: the object noun wins when there is one
 * (write an email -> draft, write a function -> code, fix the grammar -> rewrite).
 */
export const GENERIC_VERBS = new Set([
  'write', 'create', 'generate', 'produce', 'make', 'give', 'provide', 'prepare', 'develop', 'build', 'design', 'draft', 'compose',
  'come', 'craft', 'convert', 'turn', 'fix', 'review', 'list', 'find', 'get', 'identify', 'return', 'output', 'tell', 'suggest',
  'improve', 'correct', 'test', 'run', 'break', 'work', 'look', 'help', 'reply', 'respond', 'label', 'tag', 'sort', 'assign', 'edit',
  'answer', 'change', 'render', 'transform', 'map', 'check', 'adapt', 'analyze', 'analyse', 'evaluate',
]);

/** Nouns that say which task a generic verb serves. Multi-word keys are matched as phrases. */
export const OBJECT_NOUNS: Record<string, Task> = {
  // code
  function: 'code', functions: 'code', script: 'code', code: 'code', program: 'code', query: 'code',
  sql: 'code', regex: 'code', 'regular expression': 'code', 'regular expressions': 'code', endpoint: 'code', api: 'code',
  'unit test': 'code', 'unit tests': 'code', tests: 'code', component: 'code', module: 'code', algorithm: 'code', snippet: 'code',
  bug: 'code', bugs: 'code', dockerfile: 'code', 'pull request': 'code', diff: 'code', implementation: 'code', library: 'code',
  python: 'code', javascript: 'code', typescript: 'code', react: 'code', 'smart contract': 'code', cli: 'code', schema: 'code',
  css: 'code', html: 'code', svg: 'code', app: 'code', 'web app': 'code', service: 'code', commands: 'code', command: 'code',
  // draft
  email: 'draft', emails: 'draft', letter: 'draft', message: 'draft', post: 'draft', 'blog post': 'draft', article: 'draft',
  story: 'draft', stories: 'draft', poem: 'draft', poems: 'draft', caption: 'draft', captions: 'draft', description: 'draft',
  slogan: 'draft', slogans: 'draft', tagline: 'draft', names: 'draft', name: 'draft', title: 'draft', titles: 'draft',
  headline: 'draft', headlines: 'draft', tweet: 'draft', essay: 'draft', speech: 'draft', proposal: 'draft',
  'press release': 'draft', announcement: 'draft', ad: 'draft', ads: 'draft', copy: 'draft', lyrics: 'draft', 'cover letter': 'draft',
  bio: 'draft', newsletter: 'draft', agreement: 'draft', contract: 'draft', ideas: 'draft', campaign: 'draft', content: 'draft',
  review: 'draft', screenplay: 'draft', song: 'draft', joke: 'draft', jokes: 'draft', prompt: 'draft',
  prompts: 'draft', outline: 'draft', 'quiz questions': 'draft', 'interview questions': 'draft', quiz: 'draft', worksheet: 'draft', note: 'draft', invitation: 'draft',
  'job description': 'draft', 'product description': 'draft', 'commit message': 'draft', prd: 'draft', novel: 'draft',
  // summarize
  summary: 'summarize', summaries: 'summarize', abstract: 'summarize', recap: 'summarize', synopsis: 'summarize', tldr: 'summarize',
  'tl;dr': 'summarize', 'key takeaways': 'summarize', takeaways: 'summarize', 'key points': 'summarize', gist: 'summarize',
  'executive summary': 'summarize', highlights: 'summarize', 'main points': 'summarize', overview: 'summarize',
  // translate
  translation: 'translate', translations: 'translate',
  // rewrite
  grammar: 'rewrite', spelling: 'rewrite', typos: 'rewrite', punctuation: 'rewrite', tone: 'rewrite', wording: 'rewrite',
  'active voice': 'rewrite', 'passive voice': 'rewrite', prose: 'rewrite', 'polished paragraph': 'rewrite', paragraph: 'rewrite',
  sentence: 'rewrite', sentences: 'rewrite', text: 'rewrite', draft: 'rewrite', corrections: 'rewrite', edits: 'rewrite',
  improvements: 'rewrite',
  // reason
  plan: 'reason', itinerary: 'reason', strategy: 'reason', strategies: 'reason', decision: 'reason', proof: 'reason',
  solution: 'reason', estimate: 'reason', schedule: 'reason', 'decision matrix': 'reason', 'step by step': 'reason',
  equation: 'reason', problem: 'reason', puzzle: 'reason', 'trade-offs': 'reason', tradeoffs: 'reason', 'root cause': 'reason',
  // qa
  answer: 'qa', answers: 'qa', explanation: 'qa', advice: 'qa', information: 'qa', guidance: 'qa', recommendations: 'qa',
  suggestions: 'qa', tips: 'qa', help: 'qa', question: 'qa', questions: 'qa',
  // classify
  yes: 'classify', 'one word': 'classify', 'the label': 'classify', label: 'classify', labels: 'classify', category: 'classify', categories: 'classify', sentiment: 'classify', intent: 'classify',
  // extract
  entities: 'extract', 'named entities': 'extract', fields: 'extract', attributes: 'extract', 'all the': 'extract',
  'every mention': 'extract', 'email addresses': 'extract', 'phone numbers': 'extract', dates: 'extract', values: 'extract',
};

/** Role nouns after "act as", "you are", "pretend to be". */
export const ROLE_NOUNS: Record<string, Task> = {
  classifier: 'classify', detector: 'classify', moderator: 'classify', router: 'classify', tagger: 'classify', triage: 'classify',
  categorizer: 'classify', 'plagiarism checker': 'classify', 'sentiment analyzer': 'classify', judge: 'classify', grader: 'classify',
  extractor: 'extract', parser: 'extract', 'extraction engine': 'extract', 'data extraction': 'extract', 'data entry': 'extract',
  summarizer: 'summarize', summariser: 'summarize', 'note-taking assistant': 'summarize', 'meeting assistant': 'summarize',
  translator: 'translate', interpreter: 'translate', localizer: 'translate', 'language detector': 'classify',
  editor: 'rewrite', proofreader: 'rewrite', 'copy editor': 'rewrite', improver: 'rewrite', paraphraser: 'rewrite',
  'writing tutor': 'rewrite', 'spelling corrector': 'rewrite', 'prompt enhancer': 'rewrite',
  writer: 'draft', copywriter: 'draft', ghostwriter: 'draft', novelist: 'draft', poet: 'draft', storyteller: 'draft',
  screenwriter: 'draft', rapper: 'draft', composer: 'draft', journalist: 'draft', 'title generator': 'draft', generator: 'draft',
  advertiser: 'draft', lyricist: 'draft', comedian: 'draft', marketer: 'draft', 'social media manager': 'draft', blogger: 'draft',
  creator: 'draft', author: 'draft', commentator: 'draft', critic: 'draft', reviewer: 'draft', 'speech writer': 'draft', lawyer: 'draft', 'content creator': 'draft',
  assistant: 'qa', 'support assistant': 'qa', 'support bot': 'qa', chatbot: 'qa', guide: 'qa', teacher: 'qa', tutor: 'qa',
  advisor: 'qa', adviser: 'qa', consultant: 'qa', coach: 'qa', expert: 'qa', doctor: 'qa', counselor: 'qa', counsellor: 'qa',
  mentor: 'qa', historian: 'qa', etymologist: 'qa', librarian: 'qa', 'travel guide': 'qa', agent: 'qa', helper: 'qa',
  dentist: 'qa', therapist: 'qa', psychologist: 'qa', instructor: 'qa', professor: 'qa', encyclopedia: 'qa',
  mathematician: 'reason', 'math teacher': 'qa', planner: 'reason', 'planning agent': 'reason', strategist: 'reason',
  analyst: 'reason', statistician: 'reason', logician: 'reason', 'fallacy finder': 'reason', debater: 'reason',
  'problem solver': 'reason', 'chess player': 'reason', logistician: 'reason', 'decision maker': 'reason',
  developer: 'code', engineer: 'code', programmer: 'code', terminal: 'code', console: 'code', 'python interpreter': 'code',
  'php interpreter': 'code', 'r interpreter': 'code', 'sql terminal': 'code', 'code reviewer': 'code', architect: 'code',
  'regex generator': 'code', 'software engineer': 'code', coder: 'code', 'code converter': 'code', 'stackoverflow post': 'code',
  'excel sheet': 'code', 'dax terminal': 'code', 'svg designer': 'code', 'typescript engineer': 'code', 'code assistant': 'code',
};

/** Language names: "into French", "to German", "in plain Dutch" point at translation. */
export const LANGUAGES = [
  'english', 'french', 'german', 'spanish', 'italian', 'portuguese', 'brazilian portuguese', 'dutch', 'swedish', 'norwegian',
  'danish', 'finnish', 'polish', 'czech', 'russian', 'ukrainian', 'turkish', 'greek', 'arabic', 'hebrew', 'hindi', 'bengali',
  'urdu', 'chinese', 'simplified chinese', 'traditional chinese', 'mandarin', 'cantonese', 'japanese', 'korean', 'vietnamese',
  'thai', 'indonesian', 'malay', 'persian', 'farsi', 'romanian', 'hungarian', 'catalan', 'latin', 'swahili', 'tagalog', 'emoji',
  'emojis',
];

/** Programming languages and tools whose names mark code when they sit beside a verb. */
export const CODE_LANGUAGES = [
  'python', 'javascript', 'typescript', 'java', 'golang', 'rust', 'c\\+\\+', 'c#', 'kotlin', 'swift', 'ruby', 'php', 'sql', 'bash',
  'shell', 'powershell', 'react', 'django', 'node\\.js', 'regex', 'html', 'css', 'solidity', 'scala', 'haskell', 'dax', 'graphql',
  'terraform', 'kubernetes', 'docker', 'yaml', 'pytest', 'jest', 'pandas', 'numpy',
];
