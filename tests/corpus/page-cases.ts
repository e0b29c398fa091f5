import { readFileSync } from 'node:fs';
import type { FetchedResponse } from '../../src/core/kinds/page/read/page-response';
import type { PageRule } from '../../src/core/kinds/page/read/read-page';
import type { PageReasonCode, ReadingKind } from '../../src/core/kinds/page/reasons';

export interface CorpusCase {
  name: string;
  file: string;
  rule: PageRule;
  response?: Partial<FetchedResponse>;
  expect: { kind: ReadingKind; reason: PageReasonCode; evidence?: string };
}

const dir = new URL('./pages/', import.meta.url);

export const corpusCases: CorpusCase[] = JSON.parse(readFileSync(new URL('cases.json', dir), 'utf8')).cases;

export const readCorpusFile = (file: string): string => readFileSync(new URL(file, dir), 'utf8');

/** The response a case was served with: the manifest's fields over a plain 200 HTML answer. */
export function corpusResponse(c: CorpusCase, body: string): FetchedResponse {
  return {
    status: 200,
    url: 'https://shop.example/products/item',
    headers: { 'content-type': 'text/html; charset=utf-8' },
    bodyText: body,
    ...c.response,
  };
}
