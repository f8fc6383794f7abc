/**
 * Rule option schemas: one entry per key with its type, default and description. Values from
 * `.promptcost.yaml` are never trusted raw: a value of the wrong type or out of range falls back
 * to the default.
 */

interface BaseSchema {
  description: string;
}

export interface NumberOption extends BaseSchema {
  type: 'number' | 'integer';
  default: number;
  minimum?: number;
  maximum?: number;
}

export interface BooleanOption extends BaseSchema {
  type: 'boolean';
  default: boolean;
}

export interface StringOption extends BaseSchema {
  type: 'string';
  default: string;
  enum?: readonly string[];
}

export interface StringListOption extends BaseSchema {
  type: 'string[]';
  default: readonly string[];
}

export type OptionSchema = NumberOption | BooleanOption | StringOption | StringListOption;

/** The schema entry that fits a value type, so a schema that does not match its Options type fails to compile. */
type SchemaFor<T> = T extends number
  ? NumberOption
  : T extends boolean
    ? BooleanOption
    : T extends string
      ? StringOption
      : T extends readonly string[]
        ? StringListOption
        : never;

export type OptionsSchema<Options> = { [K in keyof Options]-?: SchemaFor<Options[K]> };

/** True when `value` is acceptable for `schema`. */
function fits(schema: OptionSchema, value: unknown): boolean {
  switch (schema.type) {
    case 'number':
    case 'integer':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (schema.type === 'number' || Number.isInteger(value)) &&
        (schema.minimum === undefined || value >= schema.minimum) &&
        (schema.maximum === undefined || value <= schema.maximum)
      );
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string' && (!schema.enum || schema.enum.includes(value));
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
  }
}

/** The options a rule runs with: each key's configured value when it fits its schema, else its default. */
export function resolveOptions<Options>(schema: OptionsSchema<Options>, raw: Readonly<Record<string, unknown>> | undefined): Options {
  const resolved: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(schema) as Array<[string, OptionSchema]>) {
    const value = raw?.[key];
    resolved[key] = value !== undefined && fits(entry, value) ? value : entry.default;
  }
  return resolved as Options;
}
