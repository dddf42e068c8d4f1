import { Conflict, ValidationFailed } from '../../../../src/domain/shared/errors';
import { UserMother } from '../../../mothers/UserMother';
import { accountsKit } from '../accountsKit';

describe('CreateAdmin', () => {
  it('creates a verified, active admin who can log in', async () => {
    const kit = accountsKit();
    const admin = await kit.createAdmin.execute({ email: 'Ops@Example.com', password: 'Adm1n!pass' });
    expect(admin.toProps()).toMatchObject({ name: 'Admin', role: 'ADMIN', isVerified: true, status: 'ACTIVE' });
    const session = await kit.login.execute({ email: 'ops@example.com', password: 'Adm1n!pass' });
    expect(kit.accessTokens.verify(session.accessToken).role).toBe('ADMIN');
  });

  it('creates a super admin when asked, with a name', async () => {
    const kit = accountsKit();
    const boss = await kit.createAdmin.execute({ email: 'boss@example.com', password: 'Adm1n!pass', name: 'Boss', role: 'SUPER_ADMIN' });
    expect(boss.toProps()).toMatchObject({ name: 'Boss', role: 'SUPER_ADMIN' });
  });

  it('refuses a taken email and a weak password', async () => {
    const kit = accountsKit();
    await kit.given(UserMother.traveller({ email: 'ops@example.com' }));
    await expect(kit.createAdmin.execute({ email: 'ops@example.com', password: 'Adm1n!pass' })).rejects.toThrow(
      expect.objectContaining({ constructor: Conflict, code: 'USER.ALREADY_EXISTS' }),
    );
    await expect(kit.createAdmin.execute({ email: 'new@example.com', password: 'weak' })).rejects.toThrow(ValidationFailed);
    expect(kit.users.all()).toHaveLength(1);
  });
});

describe('EnsureSuperAdmin', () => {
  it('does nothing when not configured', async () => {
    const kit = accountsKit();
    expect(await kit.ensureSuperAdmin.execute(null)).toBe('not-configured');
    expect(kit.users.all()).toHaveLength(0);
  });

  it('creates the configured super admin once', async () => {
    const kit = accountsKit();
    expect(await kit.ensureSuperAdmin.execute({ email: 'boss@example.com', password: 'Sup3r!pass' })).toBe('created');
    expect(await kit.ensureSuperAdmin.execute({ email: 'boss@example.com', password: 'Sup3r!pass' })).toBe('exists');
    expect(kit.users.all().map((u) => u.role)).toEqual(['SUPER_ADMIN']);
  });

  it('answers "exists" to the loser when two processes start at once', async () => {
    const kit = accountsKit();
    const account = { email: 'boss@example.com', password: 'Sup3r!pass' };
    const outcomes = await Promise.all([kit.ensureSuperAdmin.execute(account), kit.ensureSuperAdmin.execute(account)]);
    expect(outcomes.sort()).toEqual(['created', 'exists']);
    expect(kit.users.all()).toHaveLength(1);
  });

  it('never overwrites an existing account, whatever its role or password', async () => {
    const kit = accountsKit();
    const existing = UserMother.traveller({ email: 'boss@example.com' });
    await kit.given(existing);
    expect(await kit.ensureSuperAdmin.execute({ email: 'Boss@Example.com', password: 'Other!pass1' })).toBe('exists');
    expect((await kit.users.findById(existing.id))?.toProps()).toEqual(existing.toProps());
  });
});
