import Joi from 'joi';
import type { Ports } from '../../../application/ports/Ports';
import type { UseCases } from '../../../application/UseCases';
import { ACCOUNT_STATUSES, ROLES } from '../../../domain/user/Role';
import type { User } from '../../../domain/user/User';
import type { HttpSettings } from '../HttpSettings';
import type { ListSpec } from '../listQuery';
import { listQuerySchema, listReply, toListQuery } from '../listQuery';
import type { PresentedUser } from '../presenters/presentUser';
import { presentUser } from '../presenters/presentUser';
import type { RouteDef } from '../route';
import { ADMINS, idParams, route } from '../route';
import { nullable, object, oneOf, required } from '../schema';
import { incomingFiles } from '../uploads';
import { PartedEntries } from '../versionedEntries';

const flag = Joi.boolean().truthy('true').falsy('false');

export const USER_LIST: ListSpec = {
  filters: { role: oneOf(ROLES), isActive: oneOf(ACCOUNT_STATUSES), isVerified: flag, isDeleted: flag },
  sortable: ['name', 'email', 'createdAt', 'updatedAt', 'role'],
  projectable: ['name', 'email', 'phone', 'address', 'picture', 'role', 'isActive', 'isVerified', 'isDeleted', 'createdAt', 'updatedAt'],
};

/** Registration never accepts privileged fields: they are refused, not ignored. */
export const registerBody = object({
  name: required(Joi.string().trim().min(2).max(120)),
  email: required(Joi.string().email({ tlds: { allow: false } }).max(254)),
  password: required(Joi.string().max(128)),
  phone: Joi.string().max(20),
  address: Joi.string().trim().max(500),
});

const profileChanges = {
  name: Joi.string().trim().min(2).max(120),
  phone: nullable(Joi.string().max(20)),
  address: nullable(Joi.string().trim().max(500)),
};
export const updateUserBody = object({
  ...profileChanges,
  role: oneOf(ROLES),
  isActive: oneOf(ACCOUNT_STATUSES),
  isDeleted: Joi.boolean(),
  isVerified: Joi.boolean(),
});

/** A profile is re-read at least this often even when no user changed: its picture URL is signed per time window. */
const PROFILE_ENTRY_MS = 60_000;
const PROFILE_ENTRIES = 10_000;
const PROFILE_MESSAGE = 'Your profile retrieved successfully';

export interface UserRoutesDependencies {
  useCases: Pick<UseCases, 'registerUser' | 'sendVerificationCode' | 'getUser' | 'listUsers' | 'updateUser' | 'imageUrls'>;
  ports: Pick<Ports, 'usersVersion' | 'clock'>;
  settings: Pick<HttpSettings, 'rateLimits'>;
}

export function userRoutes({ useCases, ports, settings }: UserRoutesDependencies): RouteDef[] {
  const { registerUser: register, sendVerificationCode: sendCode, getUser, listUsers, updateUser, imageUrls } = useCases;
  /** Users as presented, with stored pictures turned into download URLs. */
  const present = async (users: User[]) => {
    const urls = await imageUrls.urls(users.map((u) => u.picture));
    return users.map((u) => presentUser(u, (key) => urls.get(key) ?? key));
  };
  /**
   * `/user/me` answers from the profile as presented under the version of the user's part of the
   * users version: any committed change to the user moves it (here at once, in other processes within
   * a second), and changes to users in other parts leave it be. The caller's session was checked
   * before the handler runs, so a blocked or logged-out caller never reaches a kept profile.
   */
  const profiles = new PartedEntries<PresentedUser>(ports.usersVersion, ports.clock, { entryMs: PROFILE_ENTRY_MS, maxEntries: PROFILE_ENTRIES });
  const tag = 'Users';

  return [
    route({
      method: 'post', path: '/user/register', tag, access: 'public',
      rateLimit: [{ bucket: 'register', limit: settings.rateLimits.accountPerHour, windowMs: 3_600_000, whenUnavailable: 'allow' }],
      summary: 'Create an account; a verification code is emailed',
      request: { body: registerBody },
      response: { status: 201 },
      async handler({ body }) {
        const user = await register.execute(body);
        await sendCode.execute({ email: user.email.value, onRegistration: true });
        return { status: 201, message: 'User created successfully', data: presentUser(user) };
      },
    }),
    route({
      method: 'get', path: '/user/me', tag, access: 'user',
      summary: 'The logged-in user',
      async handler({ actor }) {
        const kept = await profiles.open(actor.userId);
        let me = kept.value;
        if (!me) {
          [me] = await present([await getUser.execute(actor, actor.userId)]);
          kept.keep(me);
        }
        return { message: PROFILE_MESSAGE, data: me };
      },
      known({ actor }) {
        const me = profiles.peek(actor.userId);
        return me ? { message: PROFILE_MESSAGE, data: me } : null;
      },
    }),
    route({
      method: 'get', path: '/user/all-users', tag, access: ADMINS,
      summary: 'List users (search over name, email, phone, address)',
      request: { query: listQuerySchema(USER_LIST) },
      response: { list: true },
      async handler({ actor, query }) {
        const { query: list, fields } = toListQuery(query, USER_LIST);
        const page = await listUsers.execute(actor, list);
        return listReply('All users retrieved successfully', { ...page, items: await present(page.items) }, fields);
      },
    }),
    route({
      method: 'get', path: '/user/:id', tag, access: ADMINS,
      summary: 'One user',
      request: { params: idParams },
      async handler({ actor, params }) {
        const [user] = await present([await getUser.execute(actor, params.id)]);
        return { message: 'User retrieved successfully', data: user };
      },
    }),
    route({
      method: 'patch', path: '/user/:id', tag, access: 'user',
      summary: 'Edit a profile (self: name, phone, address, picture; admins also role and status flags)',
      request: { params: idParams, body: updateUserBody, files: { field: 'file', max: 1 } },
      async handler({ actor, params, body, files }) {
        const { isActive, ...rest } = body;
        const user = await updateUser.execute(actor, params.id, { ...rest, status: isActive }, incomingFiles(files)[0] ?? null);
        const [presented] = await present([user]);
        return { message: 'User updated successfully', data: presented };
      },
    }),
  ];
}
