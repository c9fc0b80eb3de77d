// Named attributes: the extra columns an import brings in (a CSV column that fills no field). Each is
// declared once per case (migration 0007: kind, key, title, value type) and its values live in the
// row's attrs JSON under attrs.values[key]. The sheet shows each as a column whose id is `attr:key`.
import { z } from 'zod';

export const ATTR_VALUE_TYPES = ['number', 'boolean', 'date', 'text'] as const;
export type AttrValueType = (typeof ATTR_VALUE_TYPES)[number];
export type AttrValue = number | boolean | string;
export type AttrValues = Record<string, AttrValue>;

export interface AttributeDef {
  kind: 'entity' | 'relation';
  /** Stable, lower case, as in attrs.values[key]: in_prior_contacts_19. */
  key: string;
  /** The column's name in the file, shown as the sheet column's header. */
  title: string;
  valueType: AttrValueType;
}

/** A key: lower-case letters, digits, '_' and '-' (the same shape as a type id). */
export const ATTR_KEY = /^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}_-]{0,63}$/u;
export const ATTR_COLUMN_PREFIX = 'attr:';
export type AttrColumn = `attr:${string}`;
/** The sheet column id of an attribute. */
export const AttrColumn = z.custom<AttrColumn>(
  (id) =>
    typeof id === 'string' &&
    id.length <= 80 &&
    id.startsWith(ATTR_COLUMN_PREFIX) &&
    ATTR_KEY.test(id.slice(ATTR_COLUMN_PREFIX.length)),
  'Not a column of this tab.',
);

export const attrColumnId = (key: string): AttrColumn => `attr:${key}`;
export const isAttrColumn = (id: string): id is AttrColumn =>
  id.startsWith(ATTR_COLUMN_PREFIX) && ATTR_KEY.test(id.slice(ATTR_COLUMN_PREFIX.length));
export const attrKeyOf = (column: AttrColumn): string => column.slice(ATTR_COLUMN_PREFIX.length);

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const BOOLEAN = /^(yes|no|true|false)$/i;
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** What a column's non-empty cells say about its type: counted per cell, decided at the end. */
export class ValueTypeTally {
  private numbers = 0;
  private booleans = 0;
  private dates = 0;
  private values = 0;

  add(text: string): void {
    if (text === '') return;
    this.values++;
    if (NUMBER.test(text)) this.numbers++;
    else if (BOOLEAN.test(text)) this.booleans++;
    if (DATE.test(text)) this.dates++;
  }

  get count(): number {
    return this.values;
  }

  /** Numbers first (a column of years sorts as numbers), then yes/no, then ISO dates, else text. */
  get type(): AttrValueType {
    if (this.values === 0) return 'text';
    if (this.numbers === this.values) return 'number';
    if (this.booleans === this.values) return 'boolean';
    if (this.dates === this.values) return 'date';
    return 'text';
  }
}

/** A cell's value as its column's type stores it; undefined for an empty cell. */
export function attrValueOf(text: string, type: AttrValueType): AttrValue | undefined {
  if (text === '') return undefined;
  switch (type) {
    case 'number':
      return Number(text);
    case 'boolean':
      return /^(yes|true)$/i.test(text);
    default:
      return text;
  }
}

/** How a value reads in a cell and in the CSV export. */
export function attrText(value: AttrValue | undefined, type: AttrValueType): string {
  if (value === undefined || value === null) return '';
  if (type === 'boolean' && typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
