import { Language, Parser } from 'web-tree-sitter';
import type { SourceLanguage } from './model';

/**
 * Where the WASM files come from. Core does no I/O: the runtime layer hands it the bytes
 * (read from beside the bundle or from node_modules), so core runs anywhere.
 */
export interface GrammarSource {
  /** Bytes of the tree-sitter runtime (web-tree-sitter.wasm). */
  runtime(): Promise<Uint8Array>;
  /** Bytes of a grammar, by its file name (tree-sitter-python.wasm, ...). */
  grammar(fileName: string): Promise<Uint8Array>;
}

const GRAMMAR_FILES: Record<SourceLanguage, string> = {
  python: 'tree-sitter-python.wasm',
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
  javascript: 'tree-sitter-javascript.wasm',
};

/**
 * Loads the runtime once and each grammar on first use; never at activation.
 * One instance per process is enough: parsers are cheap, languages are shared.
 */
export class Grammars {
  private init: Promise<void> | undefined;
  private readonly languages = new Map<SourceLanguage, Promise<Language>>();
  private readonly parsers = new Map<SourceLanguage, Parser>();

  constructor(private readonly source: GrammarSource) {}

  private ready(): Promise<void> {
    // Emscripten's typings say ArrayBuffer; it reads any byte view.
    this.init ??= this.source.runtime().then((wasmBinary) => Parser.init({ wasmBinary: wasmBinary as unknown as ArrayBuffer }));
    return this.init;
  }

  language(lang: SourceLanguage): Promise<Language> {
    let loaded = this.languages.get(lang);
    if (!loaded) {
      loaded = this.ready()
        .then(() => this.source.grammar(GRAMMAR_FILES[lang]))
        .then((bytes) => Language.load(bytes));
      this.languages.set(lang, loaded);
    }
    return loaded;
  }

  /** A parser set to `lang`, reused across calls (parsing is synchronous, so sharing is safe). */
  async parser(lang: SourceLanguage): Promise<Parser> {
    const language = await this.language(lang);
    let parser = this.parsers.get(lang);
    if (!parser) {
      parser = new Parser();
      parser.setLanguage(language);
      this.parsers.set(lang, parser);
    }
    return parser;
  }
}

export const GRAMMAR_WASM_FILES = ['web-tree-sitter.wasm', ...Object.values(GRAMMAR_FILES)];
