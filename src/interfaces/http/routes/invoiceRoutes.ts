import Joi from 'joi';
import type { Context } from 'koa';
import type { ObjectStream } from '../../../application/ports/ObjectStorage';
import type { UseCases } from '../../../application/UseCases';
import type { RouteDef } from '../route';
import { route } from '../route';
import { object, required } from '../schema';

const params = object({ paymentId: required(Joi.string().max(64)) });

export interface InvoiceRoutesDependencies {
  useCases: Pick<UseCases, 'getInvoiceLink' | 'openInvoicePdf' | 'openCreditNotePdf'>;
}

export function invoiceRoutes({ useCases }: InvoiceRoutesDependencies): RouteDef[] {
  const { getInvoiceLink, openInvoicePdf, openCreditNotePdf } = useCases;
  const tag = 'Payments';

  return [
    route({
      method: 'get', path: '/payment/invoice/:paymentId', tag, access: 'user',
      summary: 'A download URL for the invoice PDF, valid 10 minutes (owner or admin; 404 until issued)',
      request: { params },
      response: { data: Joi.object({ url: Joi.string(), expiresAt: Joi.date(), invoiceNumber: Joi.string() }) },
      async handler({ actor, params: { paymentId } }) {
        const link = await getInvoiceLink.execute(actor, paymentId);
        return { message: 'Invoice download URL retrieved successfully', data: { url: link.url, expiresAt: link.expiresAt.toISOString(), invoiceNumber: link.invoiceNumber } };
      },
    }),
    route({
      method: 'get', path: '/payment/invoice/:paymentId/download', tag, access: 'user',
      summary: 'The invoice PDF itself (owner or admin; 404 until issued)',
      request: { params },
      response: { contentType: 'application/pdf', description: 'the PDF' },
      async handler({ actor, params: { paymentId } }, ctx) {
        sendPdf(ctx, await openInvoicePdf.execute(actor, paymentId));
      },
    }),
    route({
      method: 'get', path: '/payment/credit-notes/:paymentId', tag, access: 'user',
      summary: 'The issued credit notes of a payment, one per completed refund (owner or admin)',
      request: { params },
      async handler({ actor, params: { paymentId } }) {
        const notes = await openCreditNotePdf.list(actor, paymentId);
        return {
          message: 'Credit notes retrieved successfully',
          data: notes.map((note) => ({
            _id: note.id, id: note.id, creditNoteNumber: note.number.value, refund: note.refundId, payment: note.paymentId,
            invoiceNumber: note.credited?.invoiceNumber.value ?? null, amount: note.credited?.amount.major ?? null, currency: note.credited?.amount.currency ?? null,
            reason: note.credited?.reason ?? null, issuedAt: note.issuedAt?.toISOString() ?? null, download: `/api/v1/payment/credit-note/${note.id}/download`,
          })),
        };
      },
    }),
    route({
      method: 'get', path: '/payment/credit-note/:creditNoteId/download', tag, access: 'user',
      summary: 'A credit note PDF (owner of the payment or admin; 404 until issued)',
      request: { params: object({ creditNoteId: required(Joi.string().max(64)) }) },
      response: { contentType: 'application/pdf', description: 'the PDF' },
      async handler({ actor, params: { creditNoteId } }, ctx) {
        sendPdf(ctx, await openCreditNotePdf.execute(actor, creditNoteId));
      },
    }),
  ];
}

function sendPdf(ctx: Context, { fileName, pdf }: { fileName: string; pdf: ObjectStream }): void {
  ctx.status = 200;
  ctx.type = 'application/pdf';
  ctx.length = pdf.size;
  ctx.set('Content-Disposition', `attachment; filename="${fileName}"`);
  ctx.set('Cache-Control', 'private, no-store');
  ctx.body = pdf.body;
}
