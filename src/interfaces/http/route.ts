import Joi from 'joi';
import type { Context } from 'koa';
import { Unauthenticated } from '../../domain/shared/errors';
import type { Actor, Role } from '../../domain/user/Role';
import type { Reply } from './envelope';
import type { Typed } from './schema';
import { object, required } from './schema';
import type { UploadedFile } from './uploads';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** `public`: anyone; `optional`: anyone, with the caller when a standing token comes along; `user`: any logged-in account; a role list: only those roles. */
export type Access = 'public' | 'optional' | 'user' | readonly Role[];

export const ADMINS: readonly Role[] = ['ADMIN', 'SUPER_ADMIN'];

/** Who calls a route of this access, by type: nobody, maybe someone, or a logged-in actor (never null). */
export type ActorOf<A extends Access> = A extends 'public' ? null : A extends 'optional' ? Actor | null : Actor;

/** What a handler gets: the request's parts as its schemas converted them, and the caller its access admits. */
export interface RouteInput<Body = unknown, Query = unknown, Params = unknown, A extends Access = Access> {
  body: Body;
  query: Query;
  params: Params;
  files: UploadedFile[];
  actor: ActorOf<A>;
}

/** A fixed-window limit on a route, counted through the RateLimiter port; past it the answer is 429 with Retry-After. */
export interface RateLimitRule<Input = RouteInput> {
  /** Names the counter; routes naming the same bucket share it. */
  bucket: string;
  limit: number;
  windowMs: number;
  /** Whose requests count together: the client address, unless a key is taken from the validated input. */
  by?: (input: Input) => string;
  /** `allow`: while the limiter's store is unreachable, serve without this limit (logged) rather than fail. */
  whenUnavailable?: 'refuse' | 'allow';
}

interface RouteMeta<A extends Access> {
  method: Method | Method[];
  /** Paths under /api/v1; more than one for aliases. `:name` segments are params. */
  path: string | string[];
  summary: string;
  tag: string;
  access: A;
  /**
   * A public route that authenticates by the refresh cookie when no token is in the body
   * (refresh, logout): its unsafe requests carrying session cookies get the same origin check
   * as cookie-authenticated ones.
   */
  readsSessionCookies?: boolean;
  response?: { status?: number; description?: string; data?: Joi.Schema; list?: boolean; contentType?: string };
}

interface RequestParts<Body, Query, Params> {
  body?: Typed<Body>;
  query?: Typed<Query>;
  params?: Typed<Params>;
  /** Accepts multipart with the JSON in a `data` field and files under this field name (elsewhere multipart is a 415). */
  files?: { field: 'file' | 'files'; max: number };
  /** Accepts urlencoded form posts too: only for callers that cannot send JSON (payment gateways, the sandbox checkout page). */
  forms?: boolean;
  /** Keeps the body's exact bytes (`rawBodyOf(ctx)`) for a signature check; JSON or a form, not parsed for the handler. */
  raw?: boolean;
}

/** A route as written: its schemas type its handler's input. */
export interface RouteSpec<Body, Query, Params, A extends Access> extends RouteMeta<A> {
  request?: RequestParts<Body, Query, Params>;
  rateLimit?: RateLimitRule<RouteInput<Body, Query, Params, A>>[];
  /** Handlers parse → execute → present. Return a Reply, or write `ctx` directly (redirects, files). */
  handler(input: RouteInput<Body, Query, Params, A>, ctx: Context): Promise<Reply | void>;
  /**
   * The handler's answer from what this process already holds, without waiting; null when only the
   * handler can work it out. For a signed-in GET without parameters, body or rate limit: such a
   * request is answered ahead of Koa once the caller's session standing is held too (knownAnswers).
   */
  known?(input: { actor: ActorOf<A> }): Reply | null;
}

/** A route as the router mounts it and the OpenAPI document describes it. */
export interface RouteDef extends RouteMeta<Access> {
  request?: RequestParts<unknown, unknown, unknown>;
  rateLimit?: RateLimitRule[];
  handler(input: RouteInput, ctx: Context): Promise<Reply | void>;
  known?(input: { actor: Actor }): Reply | null;
}

const admitsAnonymous = (access: Access) => access === 'public' || access === 'optional';

/**
 * Types a route by its schemas and access. The one place validated input meets its static type: mountRoutes
 * validates each part with the route's own schema, and authenticates the caller its access requires.
 */
export function route<Body = Record<string, never>, Query = Record<string, never>, Params = Record<string, string>, A extends Access = Access>(
  spec: RouteSpec<Body, Query, Params, A>,
): RouteDef {
  const typedInput = (input: RouteInput): RouteInput<Body, Query, Params, A> => {
    if (!admitsAnonymous(spec.access) && !input.actor) throw new Unauthenticated();
    return input as RouteInput<Body, Query, Params, A>;
  };
  return {
    ...spec,
    rateLimit: spec.rateLimit?.map(({ by, ...rule }) => (by ? { ...rule, by: (input: RouteInput) => by(typedInput(input)) } : rule)),
    handler: (input, ctx) => spec.handler(typedInput(input), ctx),
    known: spec.known && ((input) => spec.known!(input as { actor: ActorOf<A> })),
  };
}

/** `:id` path parameters, as every resource route takes them. */
export const idParams = object({ id: required(Joi.string().max(64)) });

/** `/tour/...` paths are also served under `/tours/...`. */
export const withAlias = (path: string): string[] => [path, path.replace(/^\/tour\b/, '/tours')];

export const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
