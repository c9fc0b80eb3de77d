// The readable text of an HTML element: blocks (paragraphs, headings, list items, table rows) separated
// by blank lines, inline white space collapsed as a browser shows it, <br> as a line end, <pre> kept.

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot',
  'thead', 'tr', 'ul',
]); // prettier-ignore

/** Elements whose content is never text for a reader. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math',
  'canvas', 'video', 'audio', 'map', 'head', 'title', 'select', 'datalist', 'button', 'input', 'textarea']); // prettier-ignore

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Structural stand-in for DOM nodes, so linkedom's and the standard DOM types both fit. */
interface NodeLike {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  firstChild: NodeLike | null;
  nextSibling: NodeLike | null;
  getAttribute?(name: string): string | null;
  hasAttribute?(name: string): boolean;
}

type Segment = string | { br: true } | { tab: true } | { pre: string };

export function blockText(root: NodeLike): string {
  const blocks: string[] = [];
  let segments: Segment[] = [];
  const flush = (): void => {
    // Preformatted runs stand aside (as NUL, which normalised text never holds) while spaces are tidied.
    const pres: string[] = [];
    const text = segments
      .map((s) =>
        typeof s === 'string' ? s : 'br' in s ? '\n' : 'tab' in s ? '\t' : (pres.push(s.pre), '\0'),
      )
      .join('')
      .replace(/ *([\n\t]) */g, '$1')
      .replace(/^[ \n]+|[ \n]+$/g, '')
      .replace(/\0/g, () => pres.shift()!)
      .replace(/^\n+|\n+$/g, '');
    if (text.replace(/\s/g, '')) blocks.push(text);
    segments = [];
  };
  const walk = (node: NodeLike, pre: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      if (pre) {
        segments.push({ pre: value });
        return;
      }
      // One space between inline runs, as a browser collapses "a <b> b</b>".
      let collapsed = value.replace(/[ \t\n\r\f]+/g, ' ');
      const last = segments[segments.length - 1];
      if (collapsed.startsWith(' ') && (typeof last !== 'string' || last.endsWith(' ')))
        collapsed = collapsed.slice(1);
      if (collapsed) segments.push(collapsed);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = node.nodeName.toLowerCase();
    if (SKIPPED.has(tag) || node.hasAttribute?.('hidden') || node.getAttribute?.('aria-hidden') === 'true')
      return;
    if (tag === 'br') {
      segments.push({ br: true });
      return;
    }
    if ((tag === 'td' || tag === 'th') && segments.length) segments.push({ tab: true });
    const block = BLOCKS.has(tag);
    if (block) flush();
    const inPre = pre || tag === 'pre' || tag === 'textarea';
    // Siblings one by one: linkedom builds a new childNodes array on every access.
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, inPre);
    if (block) flush();
  };
  walk(root, false);
  flush();
  return blocks.join('\n\n');
}
