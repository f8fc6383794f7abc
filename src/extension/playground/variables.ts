/** The `{name}` placeholders of prompt text (as the extractors write interpolations) and filling them in. */

const PLACEHOLDER = /\{([A-Za-z_][\w.]*(?:\[[^\]{}]*\])*(?:![rsa])?(?::[^{}]*)?)\}/g;

/** Placeholder names in order of first appearance, each once. */
export function placeholders(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1]);
  return [...names];
}

/** The text with each placeholder that has a value replaced by it; the others stay as written. */
export function fillVariables(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole));
}
