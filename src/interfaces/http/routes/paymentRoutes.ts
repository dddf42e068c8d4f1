import Joi from 'joi';
import type { Context } from 'koa';
import type { Confirmation } from '../../../application/payments/ConfirmPayment';
import type { UseCases } from '../../../application/UseCases';
import { tookMoney } from '../../../domain/payment/Payment';
import type { RefundStatus } from '../../../domain/payment/Refund';
import { REFUND_REASON_MAX } from '../../../domain/payment/Refund';
import { ValidationFailed } from '../../../domain/shared/errors';
import type { HttpSettings } from '../HttpSettings';
import { presentPayment, presentRefund } from '../presenters/presentBooking';
import type { RouteDef } from '../route';
import { ADMINS, route } from '../route';
import { majorAmount } from '../amounts';
import { rawBodyOf } from '../requestBody';
import { object, required } from '../schema';

type Landing = 'success' | 'fail' | 'cancel';

/** What the gateway sent, query and form alike; strings only. It is a claim, never proof. */
function callbackOf(ctx: Context): Record<string, string> {
  const body = (ctx.request as unknown as { body?: unknown }).body;
  const fields = { ...ctx.query, ...(body && typeof body === 'object' ? (body as Record<string, unknown>) : {}) };
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length <= 500));
}

/**
 * The front-end page for the payment as it now stands, whatever the callback claimed or which
 * route it came by: a PAID payment always lands on success (a callback that lost the race to the
 * IPN waited for it under the row locks, then read its result).
 */
function landingOf(confirmation: Confirmation, route: Landing): Landing {
  const status = confirmation.payment?.status;
  if (status && tookMoney(status)) return 'success';
  if (status === 'FAILED') return 'fail';
  if (status === 'CANCELLED') return 'cancel';
  return route === 'success' ? 'fail' : route;
}

const REFUND_MESSAGES: Record<RefundStatus, string> = {
  REQUESTED: 'Refund requested; the gateway has not answered yet',
  PENDING: 'Refund accepted by the gateway; it confirms it later',
  COMPLETED: 'Refund completed',
  FAILED: 'The gateway refused the refund',
};

export interface PaymentRoutesDependencies {
  useCases: Pick<UseCases, 'confirmPayment' | 'initPayment' | 'getPayment' | 'refundPayment' | 'receiveWebhook'>;
  settings: Pick<HttpSettings, 'frontendUrl' | 'payment'>;
}

export function paymentRoutes({ useCases, settings }: PaymentRoutesDependencies): RouteDef[] {
  const { confirmPayment, initPayment, getPayment, refundPayment, receiveWebhook } = useCases;
  const tag = 'Payments';

  const redirect = (landing: Landing): RouteDef => route({
    method: ['get', 'post'], path: `/payment/${landing}`, tag, access: 'public',
    summary: `Gateway redirect (${landing}): verified with the gateway, then 302 to FRONTEND_URL + PAYMENT_<OUTCOME>_REDIRECT_PATH`,
    request: { forms: true },
    response: { status: 302, description: 'Redirect to the front end' },
    async handler(_input, ctx) {
      const callback = callbackOf(ctx);
      const confirmation = await confirmPayment.execute({ callback, source: 'redirect' });
      const payment = confirmation.payment;
      const target = new URL(`${settings.frontendUrl}${settings.payment.landingPaths[landingOf(confirmation, landing)]}`);
      const transactionId = payment?.transactionId ?? callback.tran_id ?? '';
      const params = {
        transactionId, tran_id: transactionId, amount: payment ? payment.amount.major.toFixed(2) : '', currency: payment?.amount.currency ?? '',
        status: payment?.status ?? 'UNVERIFIED', message: confirmation.message,
      };
      for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
      ctx.redirect(target.toString());
    },
  });

  return [
    route({
      method: 'post', path: '/payment/init-payment/:bookingId', tag, access: 'user',
      summary: 'A new gateway session for the caller\'s PENDING booking whose hold has not lapsed',
      request: { params: object({ bookingId: required(Joi.string().max(64)) }) },
      async handler({ actor, params }) {
        return { message: 'Payment initiated successfully', data: await initPayment.execute(actor, params.bookingId) };
      },
    }),
    redirect('success'),
    redirect('fail'),
    redirect('cancel'),
    route({
      method: 'post', path: '/payment/validate-payment', tag, access: 'public',
      summary: 'Gateway IPN: verified with the gateway and applied once, however often it arrives (200 again for a payment already recorded)',
      request: { forms: true },
      async handler(_input, ctx) {
        const callback = callbackOf(ctx);
        const { payment, verified, message, changed } = await confirmPayment.execute({ callback, source: 'ipn' });
        // A repeated IPN whose single-use proof we already spent is answered 200, so the gateway stops retrying.
        const recorded = payment !== null && payment.status !== 'UNPAID';
        if (!payment || (!verified && !recorded)) throw ValidationFailed.field('val_id', 'could not be verified with the gateway');
        // Listed in the webhook inbox under the event id the webhook route gives an IPN, so either route's repeat is a duplicate.
        if (verified && callback.val_id) {
          await receiveWebhook.note({ kind: 'ignored', eventId: `ipn-${callback.val_id}`, type: 'legacy-ipn' }, Buffer.from(new URLSearchParams(callback as Record<string, string>).toString()));
        }
        return { message, data: { transactionId: payment.transactionId, status: payment.status, changed } };
      },
    }),
    route({
      method: 'post', path: '/payment/webhook/:gateway', tag, access: 'public',
      summary: 'Gateway webhooks: verified on the raw body by the configured gateway, stored once per event in the inbox, then applied; a duplicate answers 200 and changes nothing',
      request: { params: object({ gateway: required(Joi.string().max(20)) }), forms: true, raw: true },
      async handler({ params }, ctx) {
        const headers = Object.fromEntries(Object.entries(ctx.headers).map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(',') : value]));
        const { duplicate, entry } = await receiveWebhook.execute({ gateway: params.gateway, delivery: { rawBody: rawBodyOf(ctx), headers } });
        return {
          message: duplicate ? 'Delivery already received' : entry?.status === 'FAILED' ? 'Delivery stored; it could not be applied yet' : 'Delivery received',
          data: { duplicate, id: entry?.id ?? null, eventId: entry?.eventId ?? null, status: entry?.status ?? null },
        };
      },
    }),
    route({
      method: 'post', path: '/payment/:paymentId/refund', tag, access: ADMINS,
      summary: 'Refund a payment through its gateway (admins): all that is left when `amount` is absent; an `Idempotency-Key` header makes a retry answer the first refund',
      request: {
        params: object({ paymentId: required(Joi.string().max(64)) }),
        body: object({ amount: majorAmount().greater(0).example(1250.5), reason: required(Joi.string().trim().min(1).max(REFUND_REASON_MAX).example('Tour cancelled by the operator')) }),
      },
      async handler({ params, body }, ctx) {
        const key = ctx.get('idempotency-key');
        if (key.length > 255) throw ValidationFailed.field('Idempotency-Key', 'must be at most 255 characters');
        const { refund, payment, replayed } = await refundPayment.execute({ paymentId: params.paymentId, amount: body.amount ?? null, reason: body.reason, idempotencyKey: key || null, source: 'api' });
        if (replayed) ctx.set('Idempotent-Replayed', 'true');
        return { message: REFUND_MESSAGES[refund.state], data: { refund: presentRefund(refund), payment: presentPayment(payment) } };
      },
    }),
    route({
      method: 'get', path: '/payment/:paymentId', tag, access: 'user',
      summary: 'A payment (the booking\'s owner or an admin)',
      request: { params: object({ paymentId: required(Joi.string().max(64)) }) },
      async handler({ actor, params }) {
        const { payment, invoiceNumber } = await getPayment.execute(actor, params.paymentId);
        return { message: 'Payment retrieved successfully', data: presentPayment(payment, { invoiceNumber }) };
      },
    }),
  ];
}
