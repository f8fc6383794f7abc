/** Shared pieces of the runtime tests: a key source with fixed keys, a registry over fakes, temp folders. */
import * as fs from 'node:fs';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Catalog } from '../../../src/core/catalog';
import type { ProvidersConfig } from '../../../src/runtime/providers/endpoints';
import { ProviderRegistry } from '../../../src/runtime/providers/registry';
import { rememberSecret, type KeySource } from '../../../src/runtime/secrets';

export const KEYS = {
  openai: 'sk-test-openai-0123456789abcdef',
  anthropic: 'sk-ant-test-0123456789abcdef',
  google: 'AIzaTestKey0123456789abcdefghijklmnop',
} as const;

export class StaticKeys implements KeySource {
  constructor(private readonly keys: Record<string, string>) {}
  async get(provider: string): Promise<string | undefined> {
    const key = this.keys[provider];
    if (key) rememberSecret(key);
    return key;
  }
  describe(provider: string): string {
    return `the test key of ${provider}`;
  }
}

export const catalog = new Catalog();

export function registryFor(providers: ProvidersConfig, keys: Record<string, string> = KEYS): ProviderRegistry {
  return new ProviderRegistry({ catalog, providers, keys: new StaticKeys(keys) });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `promptcost-${prefix}-`));
}

/** A sleep that returns at once and records what it was asked to wait. */
export function recordingSleep(): { delays: number[]; sleep: (ms: number) => Promise<void> } {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

/** A loopback port with nothing listening on it. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
