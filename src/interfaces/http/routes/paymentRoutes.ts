import Joi from 'joi';
import { Context } from 'koa';
import { Confirmation, ConfirmPayment } from '../../../application/payments/ConfirmPayment';
import { GetPayment } from '../../../application/payments/GetPayment';
import { InitPayment } from '../../../application/payments/InitPayment';
import { ValidationFailed } from '../../../domain/shared/errors';
import { Runtime } from '../../../infrastructure/container/buildContainer';
import { presentPayment } from '../presenters/presentBooking';
import { RouteDef } from '../route';

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
  if (status === 'PAID' || status === 'REFUNDED') return 'success';
  if (status === 'FAILED') return 'fail';
  if (status === 'CANCELLED') return 'cancel';
  return route === 'success' ? 'fail' : route;
}

export function paymentRoutes({ container, config }: Runtime): RouteDef[] {
  const confirm = container.get(ConfirmPayment);
  const initPayment = container.get(InitPayment);
  const getPayment = container.get(GetPayment);
  const tag = 'Payments';

  const redirect = (route: Landing): RouteDef => ({
    method: ['get', 'post'], path: `/payment/${route}`, tag, access: 'public',
    summary: `Gateway redirect (${route}): verified with the gateway, then 302 to FRONTEND_URL + PAYMENT_<OUTCOME>_REDIRECT_PATH`,
    request: { forms: true },
    response: { status: 302, description: 'Redirect to the front end' },
    async handler(_input, ctx) {
      const callback = callbackOf(ctx);
      const confirmation = await confirm.execute({ callback, source: 'redirect' });
      const payment = confirmation.payment;
      const target = new URL(`${config.frontendUrl}${config.payment.landingPaths[landingOf(confirmation, route)]}`);
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
    {
      method: 'post', path: '/payment/init-payment/:bookingId', tag, access: 'user',
      summary: 'A new gateway session for the caller\'s PENDING booking whose hold has not lapsed',
      request: { params: Joi.object({ bookingId: Joi.string().max(64).required() }) },
      async handler({ actor, params }) {
        return { message: 'Payment initiated successfully', data: await initPayment.execute(actor!, params.bookingId) };
      },
    },
    redirect('success'),
    redirect('fail'),
    redirect('cancel'),
    {
      method: 'post', path: '/payment/validate-payment', tag, access: 'public',
      summary: 'Gateway IPN: verified with the gateway and applied once, however often it arrives (200 again for a payment already recorded)',
      request: { forms: true },
      async handler(_input, ctx) {
        const confirmation = await confirm.execute({ callback: callbackOf(ctx), source: 'ipn' });
        // A repeated IPN whose single-use proof we already spent is answered 200, so the gateway stops retrying.
        const recorded = confirmation.payment !== null && confirmation.payment.status !== 'UNPAID';
        if (!confirmation.verified && !recorded) throw ValidationFailed.field('val_id', 'could not be verified with the gateway');
        const payment = confirmation.payment!;
        return { message: confirmation.message, data: { transactionId: payment.transactionId, status: payment.status, changed: confirmation.changed } };
      },
    },
    {
      method: 'get', path: '/payment/:paymentId', tag, access: 'user',
      summary: 'A payment (the booking\'s owner or an admin)',
      request: { params: Joi.object({ paymentId: Joi.string().max(64).required() }) },
      async handler({ actor, params }) {
        const { payment, invoiceNumber } = await getPayment.execute(actor!, params.paymentId);
        return { message: 'Payment retrieved successfully', data: presentPayment(payment, { invoiceNumber }) };
      },
    },
  ];
}
