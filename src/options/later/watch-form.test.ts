import { describe, expect, it } from 'vitest';
import { CHATGPT_WATCH } from '../../core/kinds/chatgpt-plus/built-in';
import { validateWatchInput } from '../../core/kinds/check/watch-input';
import type { WatchDef } from '../../core/watch-def';
import { moveWatch } from '../watch-order';
import { parseValue, valueText } from './kinds/json';
import { parsePhrases, phrasesText } from './kinds/page';
import {
  changesFor,
  emptyForm,
  formFromWatch,
  formToInput,
  headerChange,
  normalizeUrlText,
  parseInterval,
  type WatchForm,
} from './watch-form';

const form = (patch: Partial<WatchForm>): WatchForm => ({ ...emptyForm(), name: 'GPU', url: 'https://shop.example/gpu', ...patch });
const keysOf = (result: ReturnType<typeof formToInput>) => (result.ok ? [] : result.problems.map((p) => ('key' in p ? p.key : p.text)));

describe('phrase lists', () => {
  it('reads one phrase per line, trimmed, without blanks or repeats', () => {
    expect(parsePhrases('  Sold out \r\n\n out of stock\rSOLD OUT!\n\t\n售罄')).toEqual(['Sold out', 'out of stock', '售罄']);
    expect(parsePhrases('')).toEqual([]);
    expect(parsePhrases('\n \n')).toEqual([]);
  });
  it('writes one phrase per line and reads back the same list', () => {
    const list = ['Sold out', 'Temporarily unavailable', '售罄'];
    expect(phrasesText(list)).toBe('Sold out\nTemporarily unavailable\n售罄');
    expect(parsePhrases(phrasesText(list))).toEqual(list);
    expect(phrasesText(undefined)).toBe('');
  });
});

describe('interval', () => {
  it.each([
    ['5', 5],
    [' 2 ', 2],
    ['0.5', 0.5],
    ['0,5', 0.5],
    ['.5', 0.5],
    ['60', 60],
  ])('reads %j as %d minutes', (text, minutes) => expect(parseInterval(text)).toBe(minutes));
  it.each(['', '0.4', '0', '61', '-1', 'abc', '5 min', '1e1', 'Infinity'])('rejects %j', (text) => expect(parseInterval(text)).toBeNull());
});

describe('JSON values', () => {
  it('reads JSON where it can and plain text otherwise', () => {
    expect(parseValue('equals', 'true')).toEqual({ ok: true, value: true });
    expect(parseValue('equals', ' 42 ')).toEqual({ ok: true, value: 42 });
    expect(parseValue('equals', 'null')).toEqual({ ok: true, value: null });
    expect(parseValue('equals', '"42"')).toEqual({ ok: true, value: '42' });
    expect(parseValue('equals', 'in_stock')).toEqual({ ok: true, value: 'in_stock' });
    expect(parseValue('notEquals', '"sold out"')).toEqual({ ok: true, value: 'sold out' });
    expect(parseValue('equals', '[1,2]')).toEqual({ ok: true, value: [1, 2] });
  });
  it('keeps contains to a single value (a list typed there is text)', () => {
    expect(parseValue('contains', '[1,2]')).toEqual({ ok: true, value: '[1,2]' });
    expect(parseValue('contains', 'GPU')).toEqual({ ok: true, value: 'GPU' });
  });
  it('needs a number for atLeast/atMost, with either decimal mark', () => {
    expect(parseValue('atLeast', '3')).toEqual({ ok: true, value: 3 });
    expect(parseValue('atMost', '2,5')).toEqual({ ok: true, value: 2.5 });
    expect(parseValue('atLeast', '-1.5')).toEqual({ ok: true, value: -1.5 });
    expect(parseValue('atLeast', 'three')).toEqual({ ok: false, problem: { key: 'optionsProblemValueNumber' } });
    expect(parseValue('atMost', '')).toEqual({ ok: false, problem: { key: 'optionsProblemValueNumber' } });
  });
  it('needs a value for the comparing tests and none for the others', () => {
    expect(parseValue('equals', '  ')).toEqual({ ok: false, problem: { key: 'optionsProblemValueNeeded' } });
    expect(parseValue('truthy', 'ignored')).toEqual({ ok: true, value: undefined });
    expect(parseValue('empty', '')).toEqual({ ok: true, value: undefined });
  });
  it.each([['in_stock'], ['42'], ['true'], [''], [' padded '], [42], [true], [null], [[1, 'a']], ['say "hi"']])(
    'writes %j so that it reads back the same',
    (value) => {
      const text = valueText(value);
      expect(parseValue('equals', text)).toEqual({ ok: true, value });
    },
  );
  it('shows plain text without quotes', () => {
    expect(valueText('in_stock')).toBe('in_stock');
    expect(valueText('42')).toBe('"42"');
    expect(valueText(undefined)).toBe('');
  });
});

describe('request header', () => {
  const json = (headerName: string, headerValue: string) => ({ kind: 'json' as const, headerName, headerValue });
  it('sets a named value, trimmed', () => {
    expect(headerChange(json(' X-Api-Key ', ' abc '), null)).toEqual({ action: 'set', header: { name: 'X-Api-Key', value: 'abc' } });
  });
  it('keeps the saved value when only its name is shown', () => {
    expect(headerChange(json('X-Api-Key', ''), 'X-Api-Key')).toEqual({ action: 'keep' });
    expect(headerChange(json('x-api-key', ''), 'X-Api-Key')).toEqual({ action: 'keep' });
  });
  it('removes a saved header when both fields are cleared; nothing to do when none was saved', () => {
    expect(headerChange(json('', ''), 'X-Api-Key')).toEqual({ action: 'remove' });
    expect(headerChange(json('', ''), null)).toEqual({ action: 'keep' });
  });
  it('asks for a value when the name is new, and for a valid name', () => {
    expect(headerChange(json('Authorization', ''), 'X-Api-Key')).toEqual({ key: 'optionsProblemHeaderValue' });
    expect(headerChange(json('', 'secret'), null)).toEqual({ key: 'optionsProblemHeaderName' });
    expect(headerChange(json('X Api', 'secret'), null)).toEqual({ key: 'optionsProblemHeaderName' });
    expect(headerChange(json('X-Api', 'a\nb'), null)).toEqual({ key: 'optionsProblemHeaderValue' });
    expect(headerChange(json('X-Api', 'x'.repeat(2001)), null)).toEqual({ key: 'optionsProblemHeaderValue' });
  });
  it('ignores the fields for kinds without a header', () => {
    expect(headerChange({ kind: 'page', headerName: 'X', headerValue: 'y' }, null)).toEqual({ action: 'keep' });
  });
});

describe('addresses', () => {
  it('reads an address typed without a scheme as https', () => {
    expect(normalizeUrlText(' shop.example/gpu ')).toBe('https://shop.example/gpu');
    expect(normalizeUrlText('http://localhost:8080/x')).toBe('http://localhost:8080/x');
    expect(normalizeUrlText('')).toBe('');
  });
});

describe('form → WatchInput', () => {
  it('needs no typed name: the page title a Test read, else the site, and what was typed wins', () => {
    const untitled = formToInput(form({ name: '  ' }));
    expect(untitled.ok && untitled.input.name).toBe('shop.example');
    const titled = formToInput(form({ name: '' }), { pageTitle: ' RTX 5090 – Shop ' });
    expect(titled.ok && titled.input.name).toBe('RTX 5090 – Shop');
    const typed = formToInput(form({ name: 'My card' }), { pageTitle: 'RTX 5090 – Shop' });
    expect(typed.ok && typed.input.name).toBe('My card');
    expect(keysOf(formToInput(form({ name: '', url: 'not an address' })))).toContain('optionsProblemName');
  });

  it('makes a page watch with the automatic rule by default', () => {
    const result = formToInput(form({ url: 'shop.example/gpu#reviews' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input).toEqual({
      name: 'GPU',
      kind: 'page',
      url: 'https://shop.example/gpu',
      rule: { type: 'auto' },
      intervalMinutes: 5,
      notify: true,
      enabled: true,
    });
    expect(validateWatchInput(result.input).ok).toBe(true);
    expect(result.header).toEqual({ action: 'keep' });
  });

  it('makes a text rule with only the fields given', () => {
    const result = formToInput(form({ ruleType: 'text', pausedWhen: 'Sign-ups are paused\n', selector: ' #banner ', interval: '0.5' }));
    expect(result.ok && result.input.rule).toEqual({ type: 'text', selector: '#banner', pausedWhen: ['Sign-ups are paused'] });
    expect(result.ok && result.input.intervalMinutes).toBe(0.5);
  });

  it('explains what is missing, in message keys', () => {
    expect(keysOf(formToInput(form({ name: ' ', url: 'not a url', interval: '90' })))).toEqual([
      'optionsProblemInterval',
      'optionsProblemName',
      'optionsProblemUrl',
    ]);
    expect(keysOf(formToInput(form({ url: 'ftp://shop.example/' })))).toEqual(['optionsProblemUrl']);
    expect(keysOf(formToInput(form({ url: 'not an address' })))).toEqual(['optionsProblemUrl']);
    expect(keysOf(formToInput(form({ url: 'https://me:pw@shop.example/' })))).toEqual(['optionsProblemUrlCredentials']);
    expect(keysOf(formToInput(form({ name: 'x'.repeat(81) })))).toEqual(['optionsProblemNameLong']);
    expect(keysOf(formToInput(form({ ruleType: 'text' })))).toEqual(['optionsProblemPhrases']);
    expect(keysOf(formToInput(form({ ruleType: 'text', pausedWhen: 'Sold out', openWhen: 'sold out!' })))).toEqual([
      'optionsProblemBothLists',
    ]);
    expect(keysOf(formToInput(form({ ruleType: 'text', openWhen: '!!!' })))).toEqual(['optionsProblemPhrase']);
    expect(keysOf(formToInput(form({ ruleType: 'text', openWhen: 'Buy', mustShow: '—' })))).toEqual(['optionsProblemPhrase']);
  });

  it('checks the selector with the given CSS parser', () => {
    const invalid = formToInput(form({ ruleType: 'text', openWhen: 'Buy', selector: 'div[' }), { isValidSelector: () => false });
    expect(invalid.ok ? null : invalid.problems).toEqual([{ key: 'optionsProblemSelector', args: ['div['] }]);
    expect(formToInput(form({ ruleType: 'text', openWhen: 'Buy', selector: 'a{}' })).ok).toBe(false);
  });

  it('makes a JSON rule, with its value typed', () => {
    const result = formToInput(form({ kind: 'json', pointer: '/data/0/stock', test: 'atLeast', value: '1' }));
    expect(result.ok && result.input.rule).toEqual({ type: 'json', pointer: '/data/0/stock', test: 'atLeast', value: 1 });
    const whole = formToInput(form({ kind: 'json', pointer: '', test: 'truthy', value: 'ignored' }));
    expect(whole.ok && whole.input.rule).toEqual({ type: 'json', pointer: '', test: 'truthy' });
    expect(keysOf(formToInput(form({ kind: 'json', pointer: 'data/0' })))).toEqual(['optionsProblemPointer']);
    expect(keysOf(formToInput(form({ kind: 'json', pointer: '/a', test: 'equals', value: '' })))).toEqual(['optionsProblemValueNeeded']);
  });

  it("falls back to the validator's own words for what the form does not check itself", () => {
    const result = formToInput(form({ kind: 'json', pointer: '/a~2' }));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([{ text: expect.stringContaining('~') }]);
  });

  it('returns the header change with the watch', () => {
    const result = formToInput(form({ kind: 'json', pointer: '/ok', headerName: 'X-Api-Key', headerValue: 'k' }));
    expect(result.ok && result.header).toEqual({ action: 'set', header: { name: 'X-Api-Key', value: 'k' } });
    expect(keysOf(formToInput(form({ kind: 'json', pointer: '/ok', headerValue: 'k' })))).toEqual(['optionsProblemHeaderName']);
  });

  it('gives the built-in watch only its interval and switches', () => {
    const result = formToInput({ ...formFromWatch(CHATGPT_WATCH), interval: '3', notify: false, enabled: false });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input).toEqual({ name: 'ChatGPT Plus', kind: 'chatgpt-plus', intervalMinutes: 3, notify: false, enabled: false });
    expect(changesFor(result.input)).toEqual({ intervalMinutes: 3, notify: false, enabled: false });
  });
});

describe('read after rendering', () => {
  const form = () => ({ ...emptyForm(), name: 'Drop', url: 'https://spa.example/drop', render: true });
  it('is refused under 2 minutes, with the reason', () => {
    const result = formToInput({ ...form(), interval: '1' });
    expect(result).toEqual({ ok: false, problems: [{ key: 'optionsProblemRenderInterval', args: [2] }] });
  });
  it('is sent as render: true at 2 minutes and more, and never for a kind that cannot render', () => {
    const result = formToInput({ ...form(), interval: '2' });
    expect(result.ok && result.watch).toMatchObject({ render: true, intervalMinutes: 2 });
    const json = formToInput({ ...form(), kind: 'json', pointer: '/a', test: 'truthy', interval: '1' });
    expect(json.ok).toBe(true);
    expect(json.ok && json.input).not.toHaveProperty('render');
  });
});

describe('WatchDef → form → WatchInput', () => {
  const defs: WatchDef[] = [
    {
      id: 'a',
      name: 'Card',
      kind: 'page',
      url: 'https://shop.example/card',
      rule: { type: 'auto' },
      intervalMinutes: 5,
      notify: true,
      enabled: true,
    },
    {
      id: 'b',
      name: 'Sign-ups',
      kind: 'page',
      url: 'https://app.example/join',
      rule: { type: 'text', selector: '.banner', pausedWhen: ['paused', 'waitlist'], openWhen: ['Sign up'], mustShow: 'Pricing' },
      intervalMinutes: 0.5,
      notify: false,
      enabled: false,
    },
    {
      id: 'c',
      name: 'GPU API',
      kind: 'json',
      url: 'https://api.example/v1/gpus?region=eu',
      rule: { type: 'json', pointer: '/data/0/status', test: 'equals', value: 'available' },
      intervalMinutes: 60,
      notify: true,
      enabled: true,
    },
    {
      id: 'd',
      name: 'Count',
      kind: 'json',
      url: 'http://localhost:8080/stock',
      rule: { type: 'json', pointer: '', test: 'notEquals', value: '0' },
      intervalMinutes: 2.5,
      notify: true,
      enabled: true,
    },
    {
      id: 'e',
      name: 'Drop',
      kind: 'page',
      url: 'https://spa.example/drop',
      rule: { type: 'text', selector: '#buy', pausedWhen: ['Sold out'] },
      intervalMinutes: 2,
      notify: true,
      enabled: true,
      render: true,
    },
    CHATGPT_WATCH,
  ];
  it.each(defs.map((d) => [d.name, d] as const))('%s reads back unchanged', (_name, def) => {
    const result = formToInput(formFromWatch(def));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { id: _id, ...rest } = def;
    expect(result.watch).toEqual(rest);
    // Against the saved watch, an unchanged rule is not sent: nothing a check reads changes.
    const { rule: _rule, ...unchanged } = changesFor(result.input) as Record<string, unknown>;
    expect(changesFor(result.input, def)).toEqual(def.kind === 'chatgpt-plus' ? changesFor(result.input) : unchanged);
    expect(changesFor(result.input)).toEqual(
      def.kind === 'chatgpt-plus'
        ? { intervalMinutes: def.intervalMinutes, notify: def.notify, enabled: def.enabled }
        : {
            name: def.name,
            url: def.url,
            rule: def.rule,
            intervalMinutes: def.intervalMinutes,
            notify: def.notify,
            enabled: def.enabled,
            render: def.render === true,
          },
    );
  });
  it('sends no rule for an imported watch whose phrases the form only tidies, so a rename keeps what it knows', () => {
    const imported: WatchDef = {
      id: 'w-imported',
      name: 'Shop',
      kind: 'page',
      url: 'https://shop.test/item',
      rule: { type: 'text', selector: ' .stock ', pausedWhen: [' Sold out ', 'SOLD OUT', ''], openWhen: [] } as WatchDef['rule'],
      intervalMinutes: 5,
      notify: true,
      enabled: true,
    };
    const result = formToInput({ ...formFromWatch(imported), name: 'Shop (renamed)' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.rule).toEqual({ type: 'text', selector: '.stock', pausedWhen: ['Sold out'] });
    expect(changesFor(result.input, imported)).not.toHaveProperty('rule');
    expect(changesFor(result.input, imported)).toMatchObject({ name: 'Shop (renamed)' });
    // A phrase really changed is sent.
    const edited = formToInput({ ...formFromWatch(imported), pausedWhen: 'Out of stock' });
    expect(edited.ok && changesFor(edited.input, imported).rule).toEqual({
      type: 'text',
      selector: '.stock',
      pausedWhen: ['Out of stock'],
    });
  });

  it('shows the saved header name, never a value', () => {
    const f = formFromWatch(defs[2] as WatchDef, 'X-Api-Key');
    expect(f.headerName).toBe('X-Api-Key');
    expect(f.headerValue).toBe('');
    const result = formToInput(f, { savedHeaderName: 'X-Api-Key' });
    expect(result.ok && result.header).toEqual({ action: 'keep' });
  });
});

describe('moving a watch', () => {
  const ids = ['a', 'b', 'c'];
  it('swaps with its neighbour', () => {
    expect(moveWatch(ids, 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveWatch(ids, 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(ids).toEqual(['a', 'b', 'c']);
  });
  it('does nothing past either end or for an unknown id', () => {
    expect(moveWatch(ids, 'a', -1)).toBeNull();
    expect(moveWatch(ids, 'c', 1)).toBeNull();
    expect(moveWatch(ids, 'z', 1)).toBeNull();
  });
});
