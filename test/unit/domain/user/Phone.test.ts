import { ValidationFailed } from '../../../../src/domain/shared/errors';
import { Phone } from '../../../../src/domain/user/Phone';

describe('Phone', () => {
  it.each([
    ['+8801712345678', '+8801712345678'],
    ['01712345678', '01712345678'],
    ['017-1234-5678', '01712345678'],
    ['+880 1912 345678', '+8801912345678'],
    ['01312345678', '01312345678'],
  ])('accepts %p as %p', (raw, value) => {
    expect(Phone.create(raw).value).toBe(value);
  });

  it.each(['0171234567', '017123456789', '01212345678', '+8811712345678', '8801712345678', '0171234567a', ''])('refuses %p', (raw) => {
    expect(() => Phone.create(raw)).toThrow(ValidationFailed);
  });

  it('names the phone field', () => {
    expect(() => Phone.create('123')).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ path: 'phone' })] }));
  });
});
