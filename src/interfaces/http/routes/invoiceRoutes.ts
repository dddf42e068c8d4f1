import Joi from 'joi';
import type { UseCases } from '../../../application/UseCases';
import type { RouteDef } from '../route';
import { route } from '../route';
import { object, required } from '../schema';

const params = object({ paymentId: required(Joi.string().max(64)) });

export interface InvoiceRoutesDependencies {
  useCases: Pick<UseCases, 'getInvoiceLink' | 'openInvoicePdf'>;
}

export function invoiceRoutes({ useCases }: InvoiceRoutesDependencies): RouteDef[] {
  const { getInvoiceLink, openInvoicePdf } = useCases;
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
        const { fileName, pdf } = await openInvoicePdf.execute(actor, paymentId);
        ctx.status = 200;
        ctx.type = 'application/pdf';
        ctx.length = pdf.size;
        ctx.set('Content-Disposition', `attachment; filename="${fileName}"`);
        ctx.set('Cache-Control', 'private, no-store');
        ctx.body = pdf.body;
      },
    }),
  ];
}
