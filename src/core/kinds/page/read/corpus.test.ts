import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusCases, corpusResponse, readCorpusFile } from '../../../../../tests/corpus/page-cases';
import { parseHtml } from '../../../../../tests/corpus/parse-html';
import { PAGE_REASON_CODES } from '../reasons';
import { EVIDENCE_MAX } from './evidence';
import { readPage } from './read-page';

describe('page corpus through readPage', () => {
  it.each(corpusCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const body = readCorpusFile(c.file);
    const result = readPage(parseHtml(body), c.rule, corpusResponse(c, body));
    expect({ kind: result.kind, reason: result.reason }).toEqual({ kind: c.expect.kind, reason: c.expect.reason });
    if (c.expect.evidence) expect(result.evidence).toContain(c.expect.evidence);
    expect(PAGE_REASON_CODES).toContain(result.reason);
    expect([...result.evidence].length).toBeLessThanOrEqual(EVIDENCE_MAX);
    expect(result.evidence).not.toMatch(/\p{Cc}|s3cr3t|token=|client_id/u);
  });

  it('uses every page in the folder', () => {
    const files = readdirSync(new URL('../../../../../tests/corpus/pages/', import.meta.url)).filter((f) => f !== 'cases.json');
    const used = new Set(corpusCases.map((c) => c.file));
    expect(files.filter((f) => !used.has(f))).toEqual([]);
    expect(corpusCases.length).toBeGreaterThanOrEqual(60);
  });
});
