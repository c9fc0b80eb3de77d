// Search snippets arrive as plain text with highlight markers (never HTML); these split them into
// parts the UI renders as text and <mark>.
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN } from '../../shared/ipc/notes/contract';

export interface SnippetPart {
  text: string;
  marked: boolean;
}

export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  let text = '';
  for (const ch of snippet) {
    if (ch === HIGHLIGHT_OPEN || ch === HIGHLIGHT_CLOSE) {
      if (text) parts.push({ text, marked });
      text = '';
      marked = ch === HIGHLIGHT_OPEN;
      continue;
    }
    text += ch;
  }
  if (text) parts.push({ text, marked });
  return parts;
}

/** The passage a snippet shows, as text to find in the document, with the first marked word's place in it. */
export function snippetPassage(snippet: string): { context: string; offset: number; length: number } | null {
  const parts = snippetParts(snippet);
  const first = parts.findIndex((p) => p.marked);
  if (first < 0) return null;
  let context = parts.map((p) => p.text).join('');
  let offset = parts.slice(0, first).reduce((n, p) => n + p.text.length, 0);
  // snippet() adds an ellipsis where it cut the text; the document does not have it.
  if (context.startsWith('…')) {
    context = context.slice(1);
    offset -= 1;
  }
  if (context.endsWith('…')) context = context.slice(0, -1);
  return { context, offset, length: parts[first]!.text.length };
}
