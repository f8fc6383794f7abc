/** Fills `{{ name }}` placeholders from `data`; an unknown placeholder stays as written, so a gap is visible. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}
