import Joi from 'joi';
import { GetInvoiceLink } from '../../../application/invoices/GetInvoiceLink';
import { OpenInvoicePdf } from '../../../application/invoices/OpenInvoicePdf';
import { Runtime } from '../../../infrastructure/container/buildContainer';
import { RouteDef } from '../route';

const params = Joi.object({ paymentId: Joi.string().max(64).required() });

export function invoiceRoutes({ container }: Runtime): RouteDef[] {
  const getLink = container.get(GetInvoiceLink);
  const openPdf = container.get(OpenInvoicePdf);
  const tag = 'Payments';

  return [
    {
      method: 'get', path: '/payment/invoice/:paymentId', tag, access: 'user',
      summary: 'A download URL for the invoice PDF, valid 10 minutes (owner or admin; 404 until issued)',
      request: { params },
      response: { data: Joi.object({ url: Joi.string(), expiresAt: Joi.date(), invoiceNumber: Joi.string() }) },
      async handler({ actor, params: { paymentId } }) {
        const link = await getLink.execute(actor!, paymentId);
        return { message: 'Invoice download URL retrieved successfully', data: { url: link.url, expiresAt: link.expiresAt.toISOString(), invoiceNumber: link.invoiceNumber } };
      },
    },
    {
      method: 'get', path: '/payment/invoice/:paymentId/download', tag, access: 'user',
      summary: 'The invoice PDF itself (owner or admin; 404 until issued)',
      request: { params },
      response: { contentType: 'application/pdf', description: 'the PDF' },
      async handler({ actor, params: { paymentId } }, ctx) {
        const { fileName, pdf } = await openPdf.execute(actor!, paymentId);
        ctx.status = 200;
        ctx.type = 'application/pdf';
        ctx.length = pdf.size;
        ctx.set('Content-Disposition', `attachment; filename="${fileName}"`);
        ctx.set('Cache-Control', 'private, no-store');
        ctx.body = pdf.body;
      },
    },
  ];
}
