import { API_PREFIX } from '../mountRoutes';
import Joi from 'joi';
import { SandboxCheckout } from '../../../application/ports/SandboxCheckout';
import { TemplateRenderer } from '../../../application/ports/TemplateRenderer';
import { TOKENS } from '../../../application/ports/tokens';
import { NotFound } from '../../../domain/shared/errors';
import { Runtime } from '../../../infrastructure/container/buildContainer';
import { RouteDef } from '../route';

const OUTCOMES = { PAID: 'PAID', FAILED: 'FAILED', CANCELLED: 'CANCELLED' } as const;

/** The built-in sandbox gateway's checkout page; only mounted when PAYMENT_GATEWAY=sandbox. */
export function sandboxRoutes({ container, config }: Runtime): RouteDef[] {
  if (config.payment.gateway !== 'sandbox') return [];
  const checkout = container.get<SandboxCheckout>(TOKENS.SandboxCheckout);
  const templates = container.get<TemplateRenderer>(TOKENS.TemplateRenderer);
  const tag = 'Sandbox gateway';
  const params = Joi.object({ sessionId: Joi.string().max(64).required() });
  // The form posts here; its redirects go to our callback URL and then to the front end.
  const formAction = ["'self'", new URL(config.publicUrl).origin, new URL(config.frontendUrl).origin].join(' ');

  return [
    {
      method: 'get', path: '/sandbox/checkout/:sessionId', tag, access: 'public',
      summary: 'The sandbox checkout page: Pay, Fail or Cancel',
      request: { params },
      response: { contentType: 'text/html' },
      async handler({ params: p }, ctx) {
        const session = await checkout.describe(p.sessionId);
        if (!session) throw NotFound.of('Checkout session');
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
    },
    {
      method: 'post', path: '/sandbox/checkout/:sessionId/complete', tag, access: 'public',
      summary: 'The customer\'s choice on the sandbox page; redirects to our payment callback (409 on a completed or superseded checkout)',
      request: { params, forms: true, body: Joi.object({ outcome: Joi.string().valid(...Object.values(OUTCOMES)).required() }) },
      response: { status: 302 },
      async handler({ params: p, body }, ctx) {
        ctx.redirect(await checkout.complete(p.sessionId, body.outcome));
      },
    },
  ];
}
