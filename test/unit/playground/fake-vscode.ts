/**
 * A stand-in for the parts of the `vscode` API the playground panel uses when it runs prompts
 * (a webview panel, Uri, the workspace folder), installed through Module._load so the real
 * panel module loads in plain Node. Emitters count their listeners, so a test or a bench can
 * check that nothing is left subscribed.
 */
import Module from 'node:module';
import * as path from 'node:path';

interface Disposable {
  dispose(): void;
}

export class FakeEmitter<T> {
  private readonly listeners = new Set<(value: T) => unknown>();

  readonly event = (listener: (value: T) => unknown): Disposable => {
    // A wrapper per subscription: the same function may subscribe twice, as in VS Code.
    const entry = (value: T) => listener(value);
    this.listeners.add(entry);
    return { dispose: () => this.listeners.delete(entry) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

export class FakeUri {
  constructor(readonly fsPath: string) {}
  get path(): string {
    return this.fsPath;
  }
  toString(): string {
    return `file://${this.fsPath}`;
  }
  static file(fsPath: string): FakeUri {
    return new FakeUri(fsPath);
  }
  static parse(text: string): FakeUri {
    return new FakeUri(text.replace(/^file:\/\//, ''));
  }
  static joinPath(base: FakeUri, ...parts: string[]): FakeUri {
    return new FakeUri(path.join(base.fsPath, ...parts));
  }
}

export class FakeWebview {
  html = '';
  readonly cspSource = 'vscode-webview://fake';
  /** Page -> extension: fire() plays a message from the page. */
  readonly fromPage = new FakeEmitter<unknown>();
  /** Extension -> page: every posted message, as the page would receive it (nothing kept here). */
  readonly toPage = new FakeEmitter<unknown>();
  readonly onDidReceiveMessage = this.fromPage.event;

  async postMessage(message: unknown): Promise<boolean> {
    // Through JSON, as a real webview's structured clone copies it: the page holds no shared objects.
    this.toPage.fire(JSON.parse(JSON.stringify(message)));
    return true;
  }

  asWebviewUri(uri: FakeUri): FakeUri {
    return uri;
  }
}

export class FakeWebviewPanel {
  readonly webview = new FakeWebview();
  readonly disposed = new FakeEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  reveals = 0;
  private isDisposed = false;

  reveal(): void {
    this.reveals++;
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.disposed.fire();
  }
}

export interface FakeVscode {
  /** Every panel the extension created, in order. */
  panels: FakeWebviewPanel[];
  uninstall(): void;
}

/** Installs the fake `vscode` module for `require('vscode')` with `workspaceDir` as the only folder. */
export function installFakeVscode(workspaceDir: string): FakeVscode {
  const panels: FakeWebviewPanel[] = [];
  const folder = { uri: FakeUri.file(workspaceDir), name: path.basename(workspaceDir), index: 0 };
  const api = {
    Uri: FakeUri,
    ViewColumn: { Active: -1, Beside: -2, One: 1 },
    window: {
      createWebviewPanel: () => {
        const panel = new FakeWebviewPanel();
        panels.push(panel);
        return panel;
      },
    },
    workspace: {
      workspaceFolders: [folder],
      asRelativePath: (uri: FakeUri | string) => path.relative(workspaceDir, typeof uri === 'string' ? uri : uri.fsPath),
    },
    commands: { executeCommand: async () => undefined },
  };
  const modules = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = modules._load;
  modules._load = (request, ...rest) => (request === 'vscode' ? api : load(request, ...rest));
  return {
    panels,
    uninstall: () => {
      modules._load = load;
    },
  };
}
