import Joi from 'joi';
import { RegisterUser } from '../../../application/auth/RegisterUser';
import { ImageUrls } from '../../../application/catalogue/ImageUrls';
import { SendVerificationCode } from '../../../application/verification/SendVerificationCode';
import { GetUser } from '../../../application/users/GetUser';
import { ListUsers } from '../../../application/users/ListUsers';
import { UpdateUser } from '../../../application/users/UpdateUser';
import { User } from '../../../domain/user/User';
import { ACCOUNT_STATUSES, ROLES } from '../../../domain/user/Role';
import { Runtime } from '../../../infrastructure/container/buildContainer';
import { ListSpec, listQuerySchema, listReply, toListQuery } from '../listQuery';
import { presentUser } from '../presenters/presentUser';
import { ADMINS, idParams, RouteDef } from '../route';
import { incomingFiles } from '../uploads';

const flag = Joi.boolean().truthy('true').falsy('false');

export const USER_LIST: ListSpec = {
  filters: { role: Joi.string().valid(...ROLES), isActive: Joi.string().valid(...ACCOUNT_STATUSES), isVerified: flag, isDeleted: flag },
  sortable: ['name', 'email', 'createdAt', 'updatedAt', 'role'],
  projectable: ['name', 'email', 'phone', 'address', 'picture', 'role', 'isActive', 'isVerified', 'isDeleted', 'createdAt', 'updatedAt'],
};

/** Registration never accepts privileged fields: they are refused, not ignored. */
export const registerBody = Joi.object({
  name: Joi.string().trim().min(2).max(120).required(),
  email: Joi.string().email({ tlds: { allow: false } }).max(254).required(),
  password: Joi.string().max(128).required(),
  phone: Joi.string().max(20),
  address: Joi.string().trim().max(500),
});

const profileChanges = {
  name: Joi.string().trim().min(2).max(120),
  phone: Joi.string().max(20).allow(null),
  address: Joi.string().trim().max(500).allow(null),
};
export const updateUserBody = Joi.object({
  ...profileChanges,
  role: Joi.string().valid(...ROLES),
  isActive: Joi.string().valid(...ACCOUNT_STATUSES),
  isDeleted: Joi.boolean(),
  isVerified: Joi.boolean(),
});

export function userRoutes({ container, config }: Runtime): RouteDef[] {
  const register = container.get(RegisterUser);
  const sendCode = container.get(SendVerificationCode);
  const getUser = container.get(GetUser);
  const listUsers = container.get(ListUsers);
  const updateUser = container.get(UpdateUser);
  const imageUrls = container.get(ImageUrls);
  /** Users as presented, with stored pictures turned into download URLs. */
  const present = async (users: User[]) => {
    const urls = await imageUrls.urls(users.map((u) => u.picture));
    return users.map((u) => presentUser(u, (key) => urls.get(key) ?? key));
  };
  const tag = 'Users';

  return [
    {
      method: 'post', path: '/user/register', tag, access: 'public',
      rateLimit: [{ bucket: 'register', limit: config.rateLimits.accountPerHour, windowMs: 3_600_000, whenUnavailable: 'allow' }],
      summary: 'Create an account; a verification code is emailed',
      request: { body: registerBody },
      response: { status: 201 },
      async handler({ body }) {
        const user = await register.execute(body);
        await sendCode.execute({ email: user.email.value, onRegistration: true });
        return { status: 201, message: 'User created successfully', data: presentUser(user) };
      },
    },
    {
      method: 'get', path: '/user/me', tag, access: 'user',
      summary: 'The logged-in user',
      async handler({ actor }) {
        const [me] = await present([await getUser.execute(actor!, actor!.userId)]);
        return { message: 'Your profile retrieved successfully', data: me };
      },
    },
    {
      method: 'get', path: '/user/all-users', tag, access: ADMINS,
      summary: 'List users (search over name, email, phone, address)',
      request: { query: listQuerySchema(USER_LIST) },
      response: { list: true },
      async handler({ actor, query }) {
        const { query: list, fields } = toListQuery(query, USER_LIST);
        const page = await listUsers.execute(actor!, list);
        return listReply('All users retrieved successfully', { ...page, items: await present(page.items) }, fields);
      },
    },
    {
      method: 'get', path: '/user/:id', tag, access: ADMINS,
      summary: 'One user',
      request: { params: idParams },
      async handler({ actor, params }) {
        const [user] = await present([await getUser.execute(actor!, params.id)]);
        return { message: 'User retrieved successfully', data: user };
      },
    },
    {
      method: 'patch', path: '/user/:id', tag, access: 'user',
      summary: 'Edit a profile (self: name, phone, address, picture; admins also role and status flags)',
      request: { params: idParams, body: updateUserBody, files: { field: 'file', max: 1 } },
      async handler({ actor, params, body, files }) {
        const { isActive, ...rest } = body;
        const user = await updateUser.execute(actor!, params.id, { ...rest, status: isActive }, incomingFiles(files)[0] ?? null);
        const [presented] = await present([user]);
        return { message: 'User updated successfully', data: presented };
      },
    },
  ];
}
