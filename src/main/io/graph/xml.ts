// A safe streaming walk over an XML file (saxes): no DTD processing, no entity expansion beyond
// the five predefined ones, no network, no tree of the whole file. Parse errors become one sentence.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { decodeText } from './text';
import { FormatError } from './types';

export interface XmlVisitor {
  /** `local` is the element name without its prefix (`viz:color` → `color`). */
  open(local: string, attrs: Record<string, string>, name: string): void;
  close(local: string, name: string): void;
  text(text: string): void;
}

export interface XmlPosition {
  /** The 1-based line the parser is on. */
  line(): number;
  /**
   * Text is delivered only while asked for: saxes then skips building the whitespace between
   * elements, a large share of its work on a big file.
   */
  captureText(on: boolean): void;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** saxes messages ("3:8: undefined entity.") in the analyst's words. */
function describeXmlError(message: string, line: number, what: string): string {
  const bare = message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
  if (/^unclosed tag/.test(bare) || /unexpected end/.test(bare))
    return `The ${what} ends before its XML is complete (${bare} at line ${line}): it was probably cut short while saving or downloading; export it again.`;
  if (/document must contain a root element/.test(bare))
    return `The ${what} is empty: it holds no XML element.`;
  if (/undefined entity/.test(bare))
    return `Line ${line} of the ${what} uses an XML entity the file does not define; the workbench expands only &amp; &lt; &gt; &quot; &apos;.`;
  return `Line ${line} of the ${what} is not well-formed XML (${bare}).`;
}

/**
 * Far deeper than yEd's nested groups go; saxes keeps every open element, so a million nested
 * elements (7 MB) took 250 MB.
 */
const MAX_XML_DEPTH = 1000;

/**
 * Feeds the file through `visitor`, made by `make` with the parser's position. Errors the visitor
 * throws go through unchanged; parser errors become a FormatError with the line.
 */
export function walkXml(bytes: Uint8Array, what: string, make: (position: XmlPosition) => XmlVisitor): void {
  // position:false only drops "line:column" from saxes' messages; `line` is still counted.
  const parser = new SaxesParser({ position: false, xmlns: false });
  const onText = (text: string) => visitor.text(text);
  const position: XmlPosition = {
    line: () => parser.line,
    captureText: (on) => (on ? parser.on('text', onText) : parser.off('text')),
  };
  const visitor = make(position);
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype))
      throw new FormatError(
        `The ${what} declares its own XML entities (<!ENTITY …> at line ${parser.line}), which the workbench refuses so that a file cannot make it expand text without end; remove the DOCTYPE and import it again.`,
        parser.line,
      );
  });
  let depth = 0;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (++depth > MAX_XML_DEPTH)
      throw new FormatError(
        `The ${what} nests its elements more than ${MAX_XML_DEPTH.toLocaleString('en-US')} deep at line ${parser.line}, which no network file does; it may be damaged or made to exhaust memory.`,
        parser.line,
      );
    visitor.open(localName(tag.name), tag.attributes, tag.name);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    depth--;
    visitor.close(localName(tag.name), tag.name);
  });
  parser.on('cdata', (text) => visitor.text(text));
  parser.on('error', (error) => {
    throw new FormatError(describeXmlError(error.message, parser.line, what), parser.line);
  });
  for (const piece of decodeText(bytes, what)) parser.write(piece);
  parser.close();
}

// XML 1.0 forbids these characters even as references, so a writer drops them.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
// eslint-disable-next-line no-control-regex
const HAS_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const ATTR_SPECIAL = /[&<>"\n\r\t]/;
// eslint-disable-next-line no-control-regex
const ATTR_WORK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff&<>"\n\r\t]/;
// eslint-disable-next-line no-control-regex
const TEXT_WORK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff&<>\r]/;
const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

/** Text for an attribute value: line breaks and tabs as references, or parsers turn them into spaces. */
export function xmlAttr(value: string): string {
  // One test for the common case: nearly every value needs nothing, and a replace always copies.
  if (!ATTR_WORK.test(value)) return value;
  const clean = HAS_FORBIDDEN.test(value) ? value.replace(FORBIDDEN, '') : value;
  return ATTR_SPECIAL.test(clean) ? clean.replace(/[&<>"\n\r\t]/g, (c) => ENTITY[c]!) : clean;
}

/** Text for element content: a carriage return as a reference, or parsers turn it into a line feed. */
export function xmlText(value: string): string {
  if (!TEXT_WORK.test(value)) return value;
  const clean = HAS_FORBIDDEN.test(value) ? value.replace(FORBIDDEN, '') : value;
  return /[&<>\r]/.test(clean) ? clean.replace(/[&<>\r]/g, (c) => ENTITY[c]!) : clean;
}
