/**
 * API keys in VS Code's SecretStorage (the OS keychain), one per provider: the KeySource the
 * runtime's provider registry reads. Keys never go to settings, logs, the ledger or a webview.
 */
import * as vscode from 'vscode';
import { KEY_ENV, rememberSecret, type KeySource } from '../runtime/secrets';

const KEY_PREFIX = 'promptcost.apiKey.';

export class SecretKeySource implements KeySource {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(provider: string): Promise<string | undefined> {
    const key = (await this.secrets.get(KEY_PREFIX + provider))?.trim();
    if (key) rememberSecret(key);
    return key || undefined;
  }

  describe(provider: string): string {
    return `a key for ${provider} with the "PromptCost: Set API Key" command`;
  }

  async set(provider: string, key: string): Promise<void> {
    rememberSecret(key);
    await this.secrets.store(KEY_PREFIX + provider, key);
  }

  async delete(provider: string): Promise<void> {
    await this.secrets.delete(KEY_PREFIX + provider);
  }
}

/** A provider name as model ids and `providers:` write it. */
const PROVIDER_NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/i;

/**
 * `PromptCost: Set API Key`: pick a provider (the known ones, those configured in
 * .promptcost.yaml, or another name), then type the key in a password box. An empty key removes it.
 */
export async function setApiKeyCommand(keys: SecretKeySource, configured: readonly string[]): Promise<void> {
  const names = [...new Set([...Object.keys(KEY_ENV), ...configured])];
  const other = '$(edit) Other provider...';
  const picked = await vscode.window.showQuickPick([...names, other], { title: 'PromptCost: Set API Key', placeHolder: 'Which provider is the key for?' });
  if (!picked) return;
  const provider =
    picked === other
      ? await vscode.window.showInputBox({
          title: 'PromptCost: Set API Key',
          prompt: 'Provider name, as in model ids (acme for acme/model-x)',
          validateInput: (value) => (PROVIDER_NAME.test(value.trim()) ? undefined : 'Letters, digits, dot, dash and underscore only'),
        })
      : picked;
  if (!provider) return;
  const key = await vscode.window.showInputBox({
    title: `PromptCost: API key for ${provider}`,
    prompt: 'Stored in the system keychain through VS Code SecretStorage. Leave empty to remove the stored key.',
    password: true,
    ignoreFocusOut: true,
  });
  if (key === undefined) return;
  if (key.trim() === '') {
    await keys.delete(provider.trim());
    void vscode.window.showInformationMessage(`PromptCost: removed the API key for ${provider}.`);
    return;
  }
  await keys.set(provider.trim(), key.trim());
  void vscode.window.showInformationMessage(`PromptCost: saved the API key for ${provider}.`);
}
