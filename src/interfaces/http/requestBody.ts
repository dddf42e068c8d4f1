import fs from 'node:fs';
import path from 'node:path';
import type { Context, Middleware } from 'koa';
import { koaBody } from 'koa-body';
import { ERROR_CODES } from '../../domain/shared/errorCatalogue';
import { DomainError, ValidationFailed } from '../../domain/shared/errors';
import type { HttpSettings } from './HttpSettings';
import type { RouteDef } from './route';
import { stampArrival } from './uploads';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Room for the `data` field and the multipart framing next to the files themselves. */
const MULTIPART_OVERHEAD_BYTES = 1024 * 1024;
const PARSED_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** A body of a type the route does not take; forms are refused where JSON is expected (a cross-site form cannot send JSON). */
export class UnsupportedMediaType extends DomainError {
  readonly kind = 'unsupportedMediaType';
  readonly code = ERROR_CODES.REQUEST.UNSUPPORTED_MEDIA_TYPE;
}

/**
 * What went wrong reading a body, as the client's problem. Only errors thrown while parsing land here:
 * koa-body's http-errors, and zlib's or brotli's for a body whose Content-Encoding does not match its
 * bytes (koa-body turns an error from another realm, a test VM, into one whose message is its JSON).
 */
function bodyParserError(error: unknown): ValidationFailed | UnsupportedMediaType | null {
  const e = error as { status?: number; type?: string; message?: string; httpCode?: number; code?: number | string };
  if (e?.type === 'entity.parse.failed') return ValidationFailed.field('body', 'is not valid JSON');
  if (e?.type === 'encoding.unsupported' || e?.status === 415) return new UnsupportedMediaType(e.message ?? 'Unsupported Content-Encoding');
  if (/^(Z_|ERR_BROTLI|ERR__ERROR)/.test(String(e?.code)) || /^\{"errno":-?\d+/.test(String(e?.message))) {
    return ValidationFailed.field('body', 'is not encoded as its Content-Encoding says');
  }
  if (e?.type === 'entity.too.large' || e?.status === 413 || e?.httpCode === 413) return ValidationFailed.field('body', 'is too large');
  if (typeof e?.httpCode === 'number' && e.httpCode >= 400 && e.httpCode < 500) return ValidationFailed.field('body', e.message ?? 'is malformed');
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && e.message) return ValidationFailed.field('body', e.message);
  return null;
}

const UNPARSED = Symbol.for('unparsedBody');

/** The raw body a `raw` route was sent (empty when there was none). */
export function rawBodyOf(ctx: Context): Buffer {
  return Buffer.isBuffer(ctx.state.rawBody) ? ctx.state.rawBody : Buffer.alloc(0);
}

export type BodyParser = (ctx: Context, route: RouteDef) => Promise<void>;

/**
 * Parses a request's body for the route it reached, after authentication: JSON everywhere;
 * urlencoded forms only where a route takes them (payment gateways, the sandbox checkout page);
 * multipart only on routes that take files, within their count and size, written to a private
 * directory. Anything else is a 415 before a byte of it is read.
 */
export function bodyParser(config: Pick<HttpSettings, 'bodyLimit' | 'varDir'>): BodyParser {
  const limits = { jsonLimit: config.bodyLimit, formLimit: config.bodyLimit, textLimit: config.bodyLimit, text: false };
  const json = koaBody({ ...limits, urlencoded: false, multipart: false }) as unknown as Middleware;
  const form = koaBody({ ...limits, urlencoded: true, multipart: false }) as unknown as Middleware;
  // Webhooks are verified on the exact bytes the sender signed.
  const raw = koaBody({ ...limits, urlencoded: true, multipart: false, includeUnparsed: true }) as unknown as Middleware;
  const uploadDir = path.join(config.varDir, 'uploads');

  const multipart = async (ctx: Context, files: NonNullable<NonNullable<RouteDef['request']>['files']>): Promise<void> => {
    // One file's worth of slack, so a single oversized image reaches the check that names it.
    const fileBytes = (files.max + 1) * MAX_UPLOAD_BYTES;
    const cap = fileBytes + MULTIPART_OVERHEAD_BYTES;
    if (!(Number(ctx.get('content-length')) <= cap)) {
      throw ValidationFailed.field(files.field, `at most ${files.max} file(s) of 5 MB each per request (the body needs a Content-Length under ${cap} bytes)`);
    }
    fs.mkdirSync(uploadDir, { recursive: true, mode: 0o700 });
    let accepted = 0;
    let refused = 0;
    const parse = koaBody({
      ...limits,
      urlencoded: false,
      multipart: true,
      formidable: {
        uploadDir,
        keepExtensions: false,
        maxFields: 20,
        maxFieldsSize: MULTIPART_OVERHEAD_BYTES,
        // formidable 2 counts maxFileSize over ALL files of a request; the 5 MB per file is checked where the files are read.
        maxFileSize: fileBytes,
        onFileBegin: stampArrival,
        // Parts past the count, or under another field, are skipped unread to disk.
        filter: (part) => {
          if (part.name !== files.field && part.name !== `${files.field}[]`) return false;
          if (accepted < files.max) accepted += 1;
          else refused += 1;
          return refused === 0;
        },
      },
    });
    await (parse as unknown as Middleware)(ctx, () => Promise.resolve());
    if (refused) throw ValidationFailed.field(files.field, `at most ${files.max} file(s) per request`);
  };

  const parse: BodyParser = async (ctx, route) => {
    if (!PARSED_METHODS.has(ctx.method) || (!ctx.request.length && !ctx.get('transfer-encoding'))) return;
    const kind = ctx.is('json', 'urlencoded', 'multipart');
    if (route.request?.raw && (kind === 'json' || kind === 'urlencoded')) {
      await raw(ctx, () => Promise.resolve());
      const request = ctx.request as unknown as { body?: Record<symbol, unknown> };
      const unparsed = request.body?.[UNPARSED];
      ctx.state.rawBody = Buffer.from(typeof unparsed === 'string' ? unparsed : '', 'utf8');
      request.body = {};
    } else if (kind === 'json') await json(ctx, () => Promise.resolve());
    else if (kind === 'urlencoded' && route.request?.forms) await form(ctx, () => Promise.resolve());
    else if (kind === 'multipart' && route.request?.files) await multipart(ctx, route.request.files);
    else {
      const accepted = ['application/json', route.request?.forms && 'application/x-www-form-urlencoded', route.request?.files && 'multipart/form-data'].filter(Boolean).join(', ');
      throw new UnsupportedMediaType(`Content-Type ${ctx.get('content-type') || '(none)'} is not accepted here; send ${accepted}`);
    }
  };

  return async (ctx, route) => {
    try {
      await parse(ctx, route);
    } catch (error) {
      throw bodyParserError(error) ?? error;
    }
  };
}
