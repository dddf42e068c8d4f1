import Joi from 'joi';
import { Context } from 'koa';
import { Actor, Role } from '../../domain/user/Role';
import { Reply } from './envelope';
import { UploadedFile } from './uploads';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** `public`: anyone; `optional`: anyone, with the caller when a standing token comes along; `user`: any logged-in account; a role list: only those roles. */
export type Access = 'public' | 'optional' | 'user' | readonly Role[];

export const ADMINS: readonly Role[] = ['ADMIN', 'SUPER_ADMIN'];

export interface RouteInput<B = any, Q = any, P = any> {
  body: B;
  query: Q;
  params: P;
  files: UploadedFile[];
  actor: Actor | null;
}

/** A fixed-window limit on a route, counted through the RateLimiter port; past it the answer is 429 with Retry-After. */
export interface RateLimitRule {
  /** Names the counter; routes naming the same bucket share it. */
  bucket: string;
  limit: number;
  windowMs: number;
  /** Whose requests count together: the client address, unless a key is taken from the validated input. */
  by?: (input: RouteInput) => string;
  /** `allow`: while the limiter's store is unreachable, serve without this limit (logged) rather than fail. */
  whenUnavailable?: 'refuse' | 'allow';
}

export interface RouteDef {
  method: Method | Method[];
  /** Paths under /api/v1; more than one for aliases. `:name` segments are params. */
  path: string | string[];
  summary: string;
  tag: string;
  access: Access;
  request?: {
    body?: Joi.Schema;
    query?: Joi.Schema;
    params?: Joi.Schema;
    /** Accepts multipart with the JSON in a `data` field and files under this field name (elsewhere multipart is a 415). */
    files?: { field: 'file' | 'files'; max: number };
    /** Accepts urlencoded form posts too: only for callers that cannot send JSON (payment gateways, the sandbox checkout page). */
    forms?: boolean;
  };
  /**
   * A public route that authenticates by the refresh cookie when no token is in the body
   * (refresh, logout): its unsafe requests carrying session cookies get the same origin check
   * as cookie-authenticated ones.
   */
  readsSessionCookies?: boolean;
  rateLimit?: RateLimitRule[];
  response?: { status?: number; description?: string; data?: Joi.Schema; list?: boolean; contentType?: string };
  /** Handlers parse → execute → present. Return a Reply, or write `ctx` directly (redirects, files). */
  handler(input: RouteInput, ctx: Context): Promise<Reply | void>;
}

/** `:id` path parameters, as every resource route takes them. */
export const idParams = Joi.object({ id: Joi.string().max(64).required() });

/** `/tour/...` paths are also served under `/tours/...`. */
export const withAlias = (path: string): string[] => [path, path.replace(/^\/tour\b/, '/tours')];

export const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
