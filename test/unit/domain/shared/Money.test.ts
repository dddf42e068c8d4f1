import { ValidationFailed } from '../../../../src/domain/shared/errors';
import { Money } from '../../../../src/domain/shared/Money';

describe('Money', () => {
  it.each([
    [12500, 1_250_000],
    [12500.5, 1_250_050],
    [19.99, 1999],
    [0.29, 29],
    [0.1, 10],
    [0, 0],
  ])('reads %p major units as %p minor units', (major, minor) => {
    expect(Money.fromMajor(major, 'BDT').minor).toBe(minor);
  });

  it.each([
    ['three decimals', 1.005],
    ['negative', -1],
    ['NaN', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
    ['a string', '100' as unknown as number],
  ])('refuses %s, naming the field', (_why, major) => {
    expect(() => Money.fromMajor(major, 'BDT', 'costFrom')).toThrow(ValidationFailed);
    expect(() => Money.fromMajor(major, 'BDT', 'costFrom')).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ path: 'costFrom' })] }));
  });

  it('keeps minor units whole and non-negative', () => {
    expect(() => Money.ofMinor(10.5, 'BDT')).toThrow(ValidationFailed);
    expect(() => Money.ofMinor(-1, 'BDT')).toThrow(ValidationFailed);
    expect(() => Money.ofMinor(Number.MAX_SAFE_INTEGER + 1, 'BDT')).toThrow(ValidationFailed);
  });

  it.each(['bdt', 'TAKA', 'BD', ''])('refuses currency %p', (currency) => {
    expect(() => Money.ofMinor(100, currency)).toThrow(ValidationFailed);
  });

  it('multiplies by a whole number of guests in integers', () => {
    const total = Money.fromMajor(12500.5, 'BDT').times(3);
    expect(total.minor).toBe(3_750_150);
    expect(total.major).toBe(37501.5);
    expect(() => Money.ofMinor(100, 'BDT').times(1.5)).toThrow(ValidationFailed);
    expect(() => Money.ofMinor(100, 'BDT').times(-1)).toThrow(ValidationFailed);
  });

  it('equals only the same amount in the same currency', () => {
    expect(Money.ofMinor(100, 'BDT').equals(Money.ofMinor(100, 'BDT'))).toBe(true);
    expect(Money.ofMinor(100, 'BDT').equals(Money.ofMinor(100, 'USD'))).toBe(false);
    expect(Money.ofMinor(100, 'BDT').equals(Money.ofMinor(101, 'BDT'))).toBe(false);
  });

  it.each([
    [2_500_000, '25,000.00 BDT'],
    [1_250_050, '12,500.50 BDT'],
    [5, '0.05 BDT'],
    [0, '0.00 BDT'],
    [123_456_789_01, '123,456,789.01 BDT'],
  ])('formats %p minor units as %p', (minor, text) => {
    expect(Money.ofMinor(minor, 'BDT').format()).toBe(text);
  });
});
