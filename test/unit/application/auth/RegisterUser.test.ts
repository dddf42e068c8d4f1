import { Conflict, ValidationFailed } from '../../../../src/domain/shared/errors';
import type { RegisterInput } from '../../../../src/application/auth/RegisterUser';
import { UserMother } from '../../../mothers/UserMother';
import { accountsKit } from '../accountsKit';

const input: RegisterInput = { name: 'Rahim Uddin', email: 'Rahim@Example.com', password: 'Str0ng!pass', phone: '017-1234-5678', address: 'Mirpur, Dhaka' };

describe('RegisterUser', () => {
  it('creates an unverified traveller with a hashed password and a normalised email and phone', async () => {
    const kit = accountsKit();
    const user = await kit.register.execute(input);
    const stored = await kit.users.findById(user.id);
    expect(stored?.toProps()).toMatchObject({
      name: 'Rahim Uddin', phone: '01712345678', address: 'Mirpur, Dhaka', role: 'USER', status: 'ACTIVE', isVerified: false, isDeleted: false,
    });
    expect(stored?.email.value).toBe('rahim@example.com');
    expect(stored?.passwordHash).not.toContain('Str0ng!pass');
    expect(await kit.hasher.verify(stored!.passwordHash!, 'Str0ng!pass')).toBe(true);
  });

  it('never applies privileged fields smuggled into the input', async () => {
    const kit = accountsKit();
    const smuggled = { ...input, role: 'SUPER_ADMIN', isVerified: true, isActive: 'ACTIVE', isDeleted: false, status: 'ACTIVE' } as RegisterInput;
    const user = await kit.register.execute(smuggled);
    expect(user.role).toBe('USER');
    expect(user.isVerified).toBe(false);
  });

  it('refuses an email that is already registered, whatever its case', async () => {
    const kit = accountsKit();
    await kit.given(UserMother.traveller({ email: 'rahim@example.com' }));
    await expect(kit.register.execute({ ...input, email: 'RAHIM@example.com' })).rejects.toThrow(Conflict);
    expect(kit.users.all()).toHaveLength(1);
  });

  it.each([
    ['a weak password', { password: 'password' }, 'password'],
    ['a bad email', { email: 'not-an-email' }, 'email'],
    ['a foreign phone number', { phone: '+441234567890' }, 'phone'],
  ])('refuses %s naming the field and stores nothing', async (_why, change, field) => {
    const kit = accountsKit();
    await expect(kit.register.execute({ ...input, ...change })).rejects.toThrow(
      expect.objectContaining({ constructor: ValidationFailed, problems: [expect.objectContaining({ path: field })] }),
    );
    expect(kit.users.all()).toHaveLength(0);
  });
});
