import { readFileSync } from 'node:fs';
import type { JsonRule } from '../../src/core/kinds/json/read/json-rule';
import type { JsonReasonCode } from '../../src/core/kinds/json/reasons';
import type { FetchedResponse } from '../../src/core/kinds/page/read/page-response';
import type { ReadingKind } from '../../src/core/kinds/page/reasons';

export interface JsonCorpusCase {
  name: string;
  file: string;
  rule: JsonRule;
  response?: Partial<FetchedResponse>;
  expect: { kind: ReadingKind; reason: JsonReasonCode; evidence?: string };
}

const dir = new URL('./json/', import.meta.url);

export const jsonCorpusCases: JsonCorpusCase[] = JSON.parse(readFileSync(new URL('cases.json', dir), 'utf8')).cases;

/** The response a case was served with: the manifest's fields over a plain 200 JSON answer carrying the file. */
export function jsonCorpusResponse(c: JsonCorpusCase): FetchedResponse {
  return {
    status: 200,
    url: 'https://api.example/v1/item',
    headers: { 'content-type': 'application/json' },
    bodyText: readFileSync(new URL(c.file, dir), 'utf8'),
    ...c.response,
  };
}
