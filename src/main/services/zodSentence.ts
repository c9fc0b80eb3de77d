// Zod's refusals as sentences for the analyst (IPC payloads, case descriptions).
import type { ZodError, core } from 'zod';

/** Zod's own wording (as opposed to a schema's custom message, which is already a sentence for the analyst). */
const ZOD_WORDING = /^(Invalid|Too (big|small)|Unrecognized key|Expected|Required)\b/;

/** A key as the analyst may read it: "keepId" → "keep id"; control characters and length trimmed. */
function fieldLabel(key: PropertyKey): string {
  const text = String(key)
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase()
    .trim();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text || '(unnamed)';
}

/** 100000 → "100,000" (Intl is slow, and this runs for every refused payload). */
const figure = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const count = (n: number, one: string): string => `${figure(n)} ${one}${n === 1 ? '' : 's'}`;

const CONTROL_NAMES: Record<string, string> = { '\t': 'Tab', '\n': 'new line', '\r': 'carriage return' };

/** An allowed value or a stranger's key as it is, with invisible characters named or dropped. */
function shown(value: unknown): string {
  const text = String(value);
  if (CONTROL_NAMES[text]) return CONTROL_NAMES[text];
  const clean = text.replace(/[\p{Cc}\p{Cf}]/gu, '');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

/** What is wrong with the value, as the end of "… “name” is missing". */
function problemOf(issue: core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return 'is missing';
      return `should be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected === 'int' ? 'whole number' : issue.expected}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? 'is empty' : `is shorter than ${count(min, 'character')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `needs at least ${count(min, 'item')}`;
      return `is below ${figure(min)}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `is longer than ${count(max, 'character')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `has more than ${count(max, 'item')}`;
      return `is above ${figure(max)}`;
    }
    case 'invalid_value': {
      const options = issue.values.slice(0, 6).map((v) => `“${shown(v)}”`);
      return `should be ${options.length === 1 ? options[0] : `one of ${options.join(', ')}`}${issue.values.length > 6 ? ', …' : ''}`;
    }
    case 'invalid_format':
      return 'is not in the expected form';
    case 'invalid_union':
      return 'is not in any of the accepted forms';
    case 'not_multiple_of':
      return `is not a multiple of ${String(issue.divisor)}`;
    default:
      return 'is not valid';
  }
}

/**
 * A zod refusal in one sentence for the analyst, without the schema's paths or codes: a schema's
 * own message (already a sentence) as it is, zod's wording turned into "“name” is missing".
 * lead begins the sentence: "The request was refused", "The case description was refused".
 */
export function sentenceOf(error: ZodError, lead: string): string {
  const issue = error.issues[0];
  if (!issue) return `${lead}: it was not understood.`;
  const own = issue.message.trim();
  if (own && !ZOD_WORDING.test(own)) return /[.!?]$/.test(own) ? own : `${own}.`;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return `${lead}: it has a field the workbench does not know (“${shown(key)}”).`;
  }
  const key = [...issue.path].reverse().find((p) => typeof p === 'string');
  const problem = problemOf(issue);
  if (key === undefined) return `${lead}: ${problem === 'is missing' ? 'it is empty' : `it ${problem}`}.`;
  // A number after the field's name: one of its items is at fault.
  const item = typeof issue.path[issue.path.length - 1] === 'number';
  return `${lead}: ${item ? 'an item of ' : ''}“${fieldLabel(key)}” ${problem}.`;
}
