/** Polls `probe` until it gives a value: the extension host answers asynchronously (server start, analysis). */
export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, tries = 150): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}
