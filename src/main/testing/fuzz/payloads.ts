// Payload generators for the IPC fuzz test, built from each channel's payload shape so channels
// added to the contract are fuzzed without a line here: valid-looking payloads mutated from
// known-good examples, payloads drawn from the channel's zod schema (through its JSON Schema), and
// arbitrary values of every kind Electron's IPC can carry. Paths are kept inside the test's folder.
import path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { contract, type ChannelName } from '../../../shared/ipc/contract';

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
};

/** Strings that have broken parsers, queries and file names before. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\t\r\n',
  "'; DROP TABLE entity; --",
  '" OR 1=1 --',
  'NEAR("a" "b")',
  '"unbalanced',
  '*',
  '%',
  '_',
  '\\',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  '=cmd|" /C calc"!A0',
  'القاعدة في بلاد المغرب الإسلامي',
  '\u202eevil\u202c',
  '\ud800',
  '😀'.repeat(50),
  'x'.repeat(70_000),
];

const NASTY_NUMBERS = [0, -0, -1, 1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, NaN, Infinity, -Infinity];

/** A value of any kind: what a compromised page could send (structured clone carries more than JSON). */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 2,
    arbitrary: fc.anything({
      maxDepth: 3,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withNullPrototype: true,
      withSparseArray: true,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(...NASTY_STRINGS, ...NASTY_NUMBERS, null, undefined, true, [], {}),
  },
);

function integerArbitrary(min: number, max: number): fc.Arbitrary<number> {
  // Ids and offsets are small in practice; a wide range alone would almost never name a row.
  return max - min > 100
    ? fc.oneof(fc.integer({ min, max: min + 50 }), fc.integer({ min, max }))
    : fc.integer({ min, max });
}

/** An arbitrary of values that satisfy (most of) a JSON Schema; refinements it cannot state are left out. */
export function fromJsonSchema(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  const next = (s: JsonSchema): fc.Arbitrary<unknown> => fromJsonSchema(s, depth + 1);
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map(next));
  if (schema.allOf?.length) return next(schema.allOf[0]!);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      const maxLength = Math.min(schema.maxLength ?? 40, 200);
      return fc.string({
        minLength: Math.min(schema.minLength ?? 0, maxLength),
        maxLength,
        unit: 'grapheme',
      });
    }
    case 'integer':
      return integerArbitrary(
        Math.max(schema.minimum ?? (schema.exclusiveMinimum ?? -1e6 - 1) + 1, Number.MIN_SAFE_INTEGER),
        Math.min(schema.maximum ?? (schema.exclusiveMaximum ?? 1e6 + 1) - 1, Number.MAX_SAFE_INTEGER),
      );
    case 'number':
      return fc.double({
        min: schema.minimum ?? schema.exclusiveMinimum ?? -1e6,
        max: schema.maximum ?? schema.exclusiveMaximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const maxLength = Math.min(schema.maxItems ?? 5, 5);
      const minLength = Math.min(schema.minItems ?? 0, maxLength);
      if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map(next));
      return fc.array(schema.items ? next(schema.items) : anyValue, { minLength, maxLength });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(properties)) record[key] = next(value);
      if (Object.keys(properties).length === 0 && schema.propertyNames) {
        return fc.dictionary(
          // A key schema may admit anything ({} in an anyOf: a column id the page may invent); keys are strings.
          fc.oneof(
            next(schema.propertyNames).filter((key): key is string => typeof key === 'string'),
            fc.string(),
          ),
          typeof schema.additionalProperties === 'object' ? next(schema.additionalProperties) : anyValue,
          { maxKeys: 4 },
        );
      }
      return fc.record(record, { requiredKeys: [...required].filter((k) => k in record) });
    }
    default:
      return anyValue;
  }
}

/** The channel's payload schema as JSON Schema (input side), or null when it cannot be stated. */
export function jsonSchemaOf(channel: ChannelName): JsonSchema | null {
  try {
    return z.toJSONSchema(contract[channel].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return null;
  }
}

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>))
      pathsOf(child, [...prefix, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** A copy of value with the thing at path replaced (undefined: removed) by replace(old). */
function edit(value: unknown, at: Path, replace: (old: unknown) => unknown): unknown {
  if (at.length === 0) return replace(value);
  const copy = clone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = at[at.length - 1]!;
  const replaced = replace(parent[last]);
  if (replaced === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replaced;
  return copy;
}

/** A value near the old one that a schema may just refuse: boundaries, wrong kinds, nasty text. */
function nearby(old: unknown): fc.Arbitrary<unknown> {
  if (typeof old === 'number')
    return fc.oneof(fc.constantFrom(...NASTY_NUMBERS), fc.constant(String(old)), fc.integer());
  if (typeof old === 'string')
    return fc.oneof(
      fc.constantFrom(...NASTY_STRINGS),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constant(old.toUpperCase()),
      fc.constant(`${old}${old}`),
      fc.constant([old]),
    );
  if (typeof old === 'boolean') return fc.constantFrom<unknown>(!old, 'true', 1, 0, null);
  if (Array.isArray(old))
    return fc.oneof(
      fc.constant([]),
      fc.constant([...old, ...old]),
      fc.constant(old[0]),
      fc.constant(new Array(10_001).fill(old[0] ?? 1)),
      fc.array(anyValue, { maxLength: 4 }),
    );
  return anyValue;
}

/** Mutations of a known-good example: one part replaced, dropped, duplicated or joined by strangers. */
export function mutationsOf(example: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(example);
  const keyed = paths.filter((p) => p.length > 0);
  const objects = paths.filter((p) => {
    let v: unknown = example;
    for (const k of p) v = (v as Record<string | number, unknown>)[k];
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  });
  const valueAt = (p: Path): unknown =>
    p.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], example);
  const choices: fc.Arbitrary<unknown>[] = [
    fc.constant(clone(example)),
    fc.constantFrom(...paths).chain((p) => nearby(valueAt(p)).map((v) => edit(example, p, () => v))),
    fc.constantFrom(...paths).chain((p) => anyValue.map((v) => edit(example, p, () => v))),
  ];
  if (keyed.length) choices.push(fc.constantFrom(...keyed).map((p) => edit(example, p, () => undefined)));
  if (objects.length)
    choices.push(
      fc
        .tuple(
          fc.constantFrom(...objects),
          fc.constantFrom('extra', '__proto__', 'constructor', 'prototype', 'then'),
          anyValue,
        )
        .map(([p, key, v]) =>
          edit(example, p, (old) => {
            const copy = { ...(old as object) } as Record<string, unknown>;
            Object.defineProperty(copy, key, {
              value: v,
              enumerable: true,
              configurable: true,
              writable: true,
            });
            return copy;
          }),
        ),
    );
  choices.push(fc.constant([clone(example)]));
  return fc.oneof(...choices);
}

const PATH_KEY = /^(path|file|dir|folder)$|(Path|File|Dir|Folder)$/;

/**
 * Keeps every path a payload could make the app create or open inside root: a string under a
 * path-like key, or any string naming a case file, is moved into root/paths/ unless it is inside
 * root already.
 */
export function confined(value: unknown, root: string, key = ''): unknown {
  if (typeof value === 'string') {
    if (!PATH_KEY.test(key) && !(/\.awcase$/i.test(value) && /[\\/]/.test(value))) return value;
    const resolved = path.resolve(root, value);
    if (resolved.startsWith(root + path.sep)) return resolved;
    const name = value.replace(/[\\/]/g, '_').replace(/^\.+/, '').slice(-80) || 'unnamed';
    return path.join(root, 'paths', name);
  }
  if (Array.isArray(value)) return value.map((item) => confined(item, root, key));
  const prototype: unknown = value && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (prototype === Object.prototype || prototype === null) {
    const copy: Record<string, unknown> = prototype === null ? Object.create(null) : {};
    for (const [k, v] of Object.entries(value as object)) {
      Object.defineProperty(copy, k, {
        value: confined(v, root, k),
        enumerable: true,
        configurable: true,
        writable: true,
      });
    }
    return copy;
  }
  return value;
}

/** Every payload the fuzz test sends one channel: mutated examples, schema-drawn values, anything. */
export function payloadsFor(channel: ChannelName, examples: unknown[], root: string): fc.Arbitrary<unknown> {
  const schema = jsonSchemaOf(channel);
  const parts: fc.WeightedArbitrary<unknown>[] = [{ weight: 3, arbitrary: anyValue }];
  if (examples.length) parts.push({ weight: 5, arbitrary: fc.constantFrom(...examples).chain(mutationsOf) });
  if (schema) parts.push({ weight: examples.length ? 2 : 5, arbitrary: fromJsonSchema(schema) });
  return fc.oneof(...parts).map((payload) => confined(payload, root));
}

/** A refusal the analyst can read: one sentence (or a few), no schema paths, codes or stack. */
export function isSentence(message: unknown): boolean {
  if (typeof message !== 'string') return false;
  const text = message.trim();
  return (
    text.length >= 10 &&
    text.length <= 2000 &&
    /^[A-Z“"‘]/.test(text) &&
    /[.!?][”"’)]?$/.test(text) &&
    !/\(at [\w.[\]]*\)/.test(text) &&
    !/\b(ZodError|SqliteError|TypeError|RangeError|SQLITE_\w+|\[object \w+\]|at \w+ \()/.test(text)
  );
}
