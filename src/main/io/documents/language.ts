// The language of a document: from its metadata when it states one, else identified from its text
// with eld (n-gram models shipped in the package, nothing downloaded), and null when the text is unclear.
import { eld } from 'eld/small';

const WINDOW = 1000; // eld reads the first 1,000 characters of what it is given
const names = new Intl.DisplayNames(['en'], { type: 'language' });

/** The language of (the start of) a text with eld's score, when eld deems it reliable. */
export function identify(text: string): { language: string; score: number } | null {
  const result = eld.detect(text);
  if (!result.language || !result.isReliable()) return null;
  return { language: result.language, score: result.getScores()[result.language] ?? 0 };
}

/** The ISO 639-1 code of the text's language, or null when the identifier is not sure. */
export function detectLanguage(text: string): string | null {
  const votes = new Map<string, number>();
  let windows = 0;
  for (const window of windowsOf(text)) {
    windows++;
    const language = identify(window)?.language;
    if (language) votes.set(language, (votes.get(language) ?? 0) + 1);
  }
  const [best] = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  return best && best[1] * 2 > windows ? best[0] : null;
}

/** Up to three windows (start, middle, end) of a long text, cut at spaces. */
function windowsOf(text: string): string[] {
  if (text.length <= WINDOW * 1.5) return [text];
  const at = (start: number): string => {
    const from = start === 0 ? 0 : text.indexOf(' ', start) + 1;
    return text.slice(from, from + WINDOW);
  };
  return [at(0), at(Math.floor(text.length / 2 - WINDOW / 2)), at(text.length - WINDOW - 20)];
}

/** 'en-US', 'fr_FR', 'ara' → 'en', 'fr', 'ar'; null for tags that name no ISO 639-1 language. */
export function normaliseLanguageTag(tag: unknown): string | null {
  if (typeof tag !== 'string') return null;
  const primary = tag.trim().replace(/_/g, '-').split('-')[0]?.toLowerCase() ?? '';
  if (!/^[a-z]{2,3}$/.test(primary) || primary === 'und' || primary === 'mul' || primary === 'zxx')
    return null;
  let code = primary;
  try {
    const canonical = new Intl.Locale(primary).language;
    if (canonical.length === 2) code = canonical;
  } catch {
    return null;
  }
  if (code.length !== 2) return null;
  return names.of(code) === code ? null : code;
}
