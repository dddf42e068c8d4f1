import type { Context, Next } from 'koa';
import helmet from 'koa-helmet';

type HelmetOptions = Parameters<typeof helmet>[0];

/**
 * helmet's headers depend only on its options, so they are worked out once (on the first request)
 * and then copied onto each response, instead of running helmet's dozen middlewares per request
 * (docs/adr/0015 has the figures). Routes may still override one afterwards (`/files` does).
 */
export function securityHeaders(options: HelmetOptions) {
  let headers: Record<string, string> | null = null;
  let working: Promise<Record<string, string>> | null = null;
  return (ctx: Context, next: Next): Promise<void> => {
    if (headers) {
      ctx.set(headers);
      return next();
    }
    return (working ??= helmetHeaders(options)).then((worked) => {
      headers = worked;
      ctx.set(worked);
      return next();
    });
  };
}

async function helmetHeaders(options: HelmetOptions): Promise<Record<string, string>> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => void (headers[name] = String(value)),
    removeHeader: (name: string) => void delete headers[name],
  };
  await helmet(options)({ req: { headers: {} }, res } as unknown as Context, async () => undefined);
  return headers;
}
