import { ValidationFailed } from '../../../../src/domain/shared/errors';
import { Email } from '../../../../src/domain/user/Email';

describe('Email', () => {
  it('trims and lower-cases so one mailbox is one account', () => {
    expect(Email.create('  Rahim.Uddin@Example.COM ').value).toBe('rahim.uddin@example.com');
  });

  it.each(['', 'plain', 'a@b', '@example.com', 'a b@example.com', 'a@exa mple.com', `${'x'.repeat(250)}@example.com`])(
    'refuses %p',
    (raw) => {
      expect(() => Email.create(raw)).toThrow(ValidationFailed);
    },
  );

  it('names the field it was given', () => {
    expect(() => Email.create('nope', 'contactEmail')).toThrow(expect.objectContaining({ problems: [{ path: 'contactEmail', message: 'must be a valid email address' }] }));
  });
});
