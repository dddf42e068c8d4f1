import Joi from 'joi';
import type { Ports } from '../../../application/ports/Ports';
import { SANDBOX_OUTCOMES } from '../../../application/ports/SandboxCheckout';
import { ERROR_CODES } from '../../../domain/shared/errorCatalogue';
import { NotFound } from '../../../domain/shared/errors';
import type { HttpSettings } from '../HttpSettings';
import { API_PREFIX } from '../mountRoutes';
import type { RouteDef } from '../route';
import { route } from '../route';
import { object, oneOf, required } from '../schema';

export interface SandboxRoutesDependencies {
  ports: Pick<Ports, 'sandboxCheckout' | 'templateRenderer'>;
  settings: Pick<HttpSettings, 'publicUrl' | 'frontendUrl'>;
}

/** The built-in sandbox gateway's checkout page; only mounted when the sandbox is the gateway (PAYMENT_GATEWAY=sandbox). */
export function sandboxRoutes({ ports, settings }: SandboxRoutesDependencies): RouteDef[] {
  const checkout = ports.sandboxCheckout;
  if (!checkout) return [];
  const templates = ports.templateRenderer;
  const tag = 'Sandbox gateway';
  const params = object({ sessionId: required(Joi.string().max(64)) });
  // The form posts here; its redirects go to our callback URL and then to the front end.
  const formAction = ["'self'", new URL(settings.publicUrl).origin, new URL(settings.frontendUrl).origin].join(' ');

  return [
    route({
      method: 'get', path: '/sandbox/checkout/:sessionId', tag, access: 'public',
      summary: 'The sandbox checkout page: Pay, Fail or Cancel',
      request: { params },
      response: { contentType: 'text/html' },
      async handler({ params: p }, ctx) {
        const session = await checkout.describe(p.sessionId);
        if (!session) throw NotFound.of('Checkout session', ERROR_CODES.CHECKOUT_SESSION.NOT_FOUND);
        ctx.set('Content-Security-Policy', `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'`);
        ctx.type = 'html';
        ctx.body = templates.html('payment/sandbox-checkout', {
          action: `${API_PREFIX}/sandbox/checkout/${encodeURIComponent(session.id)}/complete`,
          amount: session.amount.format(),
          transactionId: session.transactionId,
          customerName: session.customerName,
          completed: session.completed,
          superseded: session.superseded,
        });
      },
    }),
    route({
      method: 'post', path: '/sandbox/checkout/:sessionId/complete', tag, access: 'public',
      summary: 'The customer\'s choice on the sandbox page; redirects to our payment callback (409 on a completed or superseded checkout)',
      request: { params, forms: true, body: object({ outcome: required(oneOf(SANDBOX_OUTCOMES)) }) },
      response: { status: 302 },
      async handler({ params: p, body }, ctx) {
        ctx.redirect(await checkout.complete(p.sessionId, body.outcome));
      },
    }),
  ];
}
