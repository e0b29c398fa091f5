import { describe, expect, it } from 'vitest';
import { parsePriceNumber } from './price-number';

describe('parsePriceNumber', () => {
  it.each([
    ['1299', 1299],
    ['1299.00', 1299],
    ['1,299.00', 1299],
    ['1.299,00', 1299],
    ['1 299,00', 1299],
    ['1\u00a0299,00', 1299],
    ['1\u202f299,00 €', 1299],
    ["1'299.00", 1299],
    ['¥1,299', 1299],
    ['￥1,299', 1299],
    ['1299.-', 1299],
    ['CHF 1299.-', 1299],
    ['12,50 €', 12.5],
    ['$699.99', 699.99],
    ['USD 1,999.00', 1999],
    ['1,234,567.89', 1234567.89],
    ['1.234.567,89', 1234567.89],
    ['1,29,999', 129999],
    ['0.99', 0.99],
  ])('reads %s as %d', (text, expected) => {
    expect(parsePriceNumber(text)).toBe(expected);
  });

  it('reads a lone separator before three digits as thousands, unless the currency counts in thousandths', () => {
    expect(parsePriceNumber('1.299')).toBe(1299);
    expect(parsePriceNumber('150.000', 'IDR')).toBe(150000);
    expect(parsePriceNumber('1.299,-')).toBe(1299);
    expect(parsePriceNumber('1,299', 'USD')).toBe(1299);
    expect(parsePriceNumber('12.345', 'KWD')).toBe(12.345);
    expect(parsePriceNumber('699.5', 'USD')).toBe(699.5);
    expect(parsePriceNumber('12.34', 'JPY')).toBe(12.34);
  });

  it('takes numbers as they are, and refuses what is not one plain price', () => {
    expect(parsePriceNumber(899)).toBe(899);
    for (const bad of [
      -1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '',
      'free',
      'from 99',
      '99-199',
      '1.299.00',
      '12,3,4',
      '1 2',
      '-5',
      '1e3',
      null,
      {},
      '12 345 678 901 234 567 890 123 456 789 012 345 678 901 234 567 890 123',
    ]) {
      expect(parsePriceNumber(bad), String(bad)).toBeNull();
    }
  });
});
