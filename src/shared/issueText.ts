// A schema's refusal as one sentence in the analyst's words: our own messages are sentences
// already ("A tag cannot be empty."); zod's defaults ("Too big: expected string to have <=500
// characters") are given the field they concern in words, never its raw path ("patch.name").

interface Issue {
  message: string;
  path: readonly PropertyKey[];
}

/** camelCase or snake_case key → words: startDate → "start date". */
function words(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

/** Where in the request: its last named field, and the item of a list it is in ("item 4"). */
function fieldOf(path: readonly PropertyKey[]): string | null {
  const last = path.at(-1);
  const name = path.filter((p): p is string => typeof p === 'string').at(-1);
  const index = [...path].reverse().find((p): p is number => typeof p === 'number');
  if (typeof last === 'number') return name ? `item ${last + 1} of the ${words(name)}` : `item ${last + 1}`;
  if (!name) return null;
  return index === undefined ? `the ${words(name)}` : `the ${words(name)} of item ${index + 1}`;
}

/** zod's limits in words: "Too big: expected string to have <=500 characters" → "it may be at most 500 characters". */
function limitText(detail: string): string {
  return detail
    .replace(/^Too big: expected string to have <=(\d+) characters?/, 'it may be at most $1 characters long')
    .replace(/^Too small: expected string to have >=1 characters?/, 'it cannot be empty')
    .replace(/^Too small: expected string to have >=(\d+) characters?/, 'it needs at least $1 characters')
    .replace(/^Too big: expected array to have <=(\d+) items?/, 'it may hold at most $1 items')
    .replace(/^Too small: expected array to have >=(\d+) items?/, 'it needs at least $1 items')
    .replace(/^Too big: expected number to be <=?(\S+)/, 'it may be at most $1')
    .replace(/^Too small: expected number to be >=?(\S+)/, 'it must be at least $1');
}

const sentence = (text: string): string => {
  const t = text.trim();
  return `${t[0]!.toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
};

/** Whether zod wrote the message (ours begin with a capital and read as a sentence). */
const isZodDefault = (message: string): boolean =>
  /^(Invalid|Too (big|small)|Unrecognized|Expected|Required)/.test(message) || !/^[A-Z“"]/.test(message);

export function describeIssue(issue: Issue): string {
  if (!isZodDefault(issue.message)) return sentence(issue.message);
  const field = fieldOf(issue.path);
  const detail = limitText(issue.message)
    .replace(/^Invalid input: /, '')
    .replace(/^Unrecognized keys?: /, 'it has a field the workbench does not know: ')
    .replace(/\.$/, '');
  const lower = `${detail[0]!.toLowerCase()}${detail.slice(1)}`;
  return field
    ? sentence(`${field} was not accepted: ${lower}`)
    : sentence(`This was not accepted: ${lower}`);
}
