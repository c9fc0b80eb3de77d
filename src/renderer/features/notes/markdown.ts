// Notes render as markdown, safely: markdown-it with raw HTML off, then DOMPurify with a short
// allow-list. No script, event handler, javascript:/data: link, SVG, style or image survives, so
// nothing in a note ever runs or loads (an image shows as its alt text).
import createDOMPurify, { type Config, type WindowLike } from 'dompurify';
import MarkdownIt from 'markdown-it';

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'strong',
  'em',
  's',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'span',
];
/** Links may point at the web or an e-mail address; nothing else (no javascript:, data:, file:, relative). */
const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ['href', 'title', 'start', 'class'],
  ALLOWED_URI_REGEXP: SAFE_URL,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

export type NoteRenderer = (markdown: string) => string;

export function createNoteRenderer(window: WindowLike): NoteRenderer {
  const purify = createDOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href');
      if (href && !SAFE_URL.test(href)) node.removeAttribute('href');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
  });
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  md.validateLink = (url) => SAFE_URL.test(url.trim());
  // An image never loads: it is shown as its description.
  md.renderer.rules.image = (tokens, idx) => {
    const alt = tokens[idx]!.children?.map((t) => t.content).join('') ?? '';
    return `<span class="note-image">[image${alt ? `: ${md.utils.escapeHtml(alt)}` : ''}]</span>`;
  };
  return (markdown) =>
    purify.sanitize(md.render(markdown), { ...CONFIG, RETURN_TRUSTED_TYPE: false }) as string;
}

let shared: NoteRenderer | null = null;

/** The page's renderer (created on first use). */
export function renderNote(markdown: string): string {
  shared ??= createNoteRenderer(window);
  return shared(markdown);
}
