import type { TestApp } from './testApp';

let n = 0;

/** Registers a traveller over HTTP, marks them verified in the app's own repository, and logs them in. */
export async function verifiedTraveller(app: TestApp, overrides: { phone?: string; address?: string } = {}): Promise<{ id: string; email: string; password: string; token: string }> {
  n += 1;
  const email = `booker${n}-${Date.now()}@example.com`;
  const password = 'Str0ng!pass';
  const registered = await app.request('POST', '/api/v1/user/register', { body: { name: `Booker ${n}`, email, password, ...overrides } });
  if (registered.status !== 201) throw new Error(`register failed: ${JSON.stringify(registered.body)}`);
  const users = app.server.root.ports.userRepository;
  const user = (await users.findById(registered.body.data._id))!;
  user.verify(new Date());
  await users.save(user);
  const login = await app.request('POST', '/api/v1/auth/login', { body: { email, password } });
  return { id: user.id, email, password, token: login.body.data.accessToken };
}
