// Plain text and Markdown: decoded (encoding.ts), normalised, and kept as written; Markdown's markup stays
// in the text (citations index what the analyst reads), its title comes from front matter or its first heading.
import { toPartialDate } from './dates';
import { decodeText, type TextDecoding } from './encoding';
import { detectLanguage, normaliseLanguageTag } from './language';
import { cleanField, normaliseText } from './normalise';
import { quoted, refuse, type ParseOutcome, type Refusal } from './types';

export function parseText(
  name: string,
  bytes: Uint8Array,
  format: 'txt' | 'md',
  options: { encoding?: string },
): ParseOutcome {
  const decoded = decodeText(bytes, { encoding: options.encoding });
  if (!decoded.ok) return decodingRefusal(name, decoded);
  const text = normaliseText(decoded.text);
  if (!text.trim()) return refuse('empty', `${quoted(name)} is empty.`);
  const front = format === 'md' ? frontMatter(text) : {};
  return {
    ok: true,
    document: {
      format,
      text,
      pages: null,
      title: cleanField(front.title) ?? (format === 'md' ? firstHeading(text) : null),
      author: cleanField(front.author),
      publishedOn: toPartialDate(front.date),
      language: normaliseLanguageTag(front.lang ?? front.language) ?? detectLanguage(text),
      origin: null,
      encoding: decoded.encoding,
    },
  };
}

export function decodingRefusal(name: string, decoded: Exclude<TextDecoding, { ok: true }>): Refusal {
  if (decoded.code === 'binary') {
    return refuse(
      'binary',
      `${quoted(name)} is not a text document (it holds binary data); the workbench cannot read it.`,
    );
  }
  if (decoded.unknownLabel) {
    return refuse(
      'encoding_unsure',
      `${quoted(name)} cannot be read as “${decoded.unknownLabel}”, an encoding the workbench does not know; pick another.`,
      decoded.encodings,
    );
  }
  return refuse(
    'encoding_unsure',
    `${quoted(name)} is not in UTF-8 and its encoding cannot be told for sure; pick the encoding it was written in.`,
    decoded.encodings,
  );
}

/** Simple YAML front matter ("---" lines around "key: value" lines), as pandoc and static site generators write. */
function frontMatter(text: string): Record<string, string> {
  const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text.slice(0, 8192));
  if (!match) return {};
  const fields: Record<string, string> = {};
  for (const line of match[1]!.split('\n')) {
    const field = /^([A-Za-z][\w-]*)\s*:\s*(.+)$/.exec(line);
    if (!field) continue;
    const value = field[2]!
      .trim()
      .replace(/^\[(.*)\]$/, '$1')
      .replace(/^(["'])(.*)\1$/, '$2');
    fields[field[1]!.toLowerCase()] = value;
  }
  return fields;
}

/** The first ATX ('# Title') or Setext ('Title' over '===') heading outside code fences, without inline markup. */
function firstHeading(text: string): string | null {
  const lines = text.slice(0, 64 * 1024).split('\n');
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMark) {
      if (!fence) fence = fenceMark[1]![0]!;
      else if (fenceMark[1]![0] === fence) fence = null;
      continue;
    }
    if (fence) continue;
    const atx = /^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (atx) return stripInline(atx[1]!);
    const next = lines[i + 1];
    if (line.trim() && next !== undefined && /^ {0,3}=+[ \t]*$/.test(next)) return stripInline(line);
  }
  return null;
}

function stripInline(heading: string): string | null {
  return cleanField(
    heading
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
      .replace(/<[^>]+>/g, ''),
  );
}
