// Sentences: the passage a relation suggestion cites.
import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

const split = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  it('ends a sentence at a full stop before a capital, and at a blank line', () => {
    expect(split('AQIM grew. It moved south! Did it?\n\nHeading\n\nNext one.')).toEqual([
      'AQIM grew.',
      'It moved south!',
      'Did it?',
      'Heading',
      'Next one.',
    ]);
  });

  it('does not end one at U.S., an abbreviation or an initial', () => {
    expect(split('The U.S. Government and Gen. Smith met A. Jones in Jan. 2013. Then they left.')).toEqual([
      'The U.S. Government and Gen. Smith met A. Jones in Jan. 2013.',
      'Then they left.',
    ]);
  });

  it('keeps a sentence whole across a line break of PDF text, and ends one after a quote', () => {
    expect(split('AQIM attacked posts in\nnorthern Mali. The “core” group said “no.” Then more.')).toEqual([
      'AQIM attacked posts in\nnorthern Mali.',
      'The “core” group said “no.”',
      'Then more.',
    ]);
  });
});
