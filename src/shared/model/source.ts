import { z } from 'zod';
import { RELIABILITY } from '../vocab';

export const ReliabilitySchema = z.enum(RELIABILITY);

export interface SourceSummary {
  id: number;
  title: string;
  publisher: string;
  publishedOn: string | null;
  url: string | null;
  reliability: string;
  citationCount: number;
  length: number;
}

export interface SourceDocument extends SourceSummary {
  text: string;
}

export interface Citation {
  id: number;
  sourceId: number;
  sourceTitle: string;
  subjectKind: 'entity' | 'relation';
  subjectId: number;
  quote: string;
  start: number | null;
  end: number | null;
  credibility: number;
  reliability: string;
}
