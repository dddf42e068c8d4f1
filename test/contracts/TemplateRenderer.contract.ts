import type { TemplateRenderer } from '../../src/application/ports/TemplateRenderer';

/** The emails the use cases send, with data each one needs (as the use cases pass it). */
const EMAILS: Record<string, Record<string, unknown>> = {
  'verification-code': { code: '042917', expiresInMinutes: 5 },
  'password-reset': { link: 'https://app.test/reset-password?token=abc', expiresInMinutes: 30 },
  'booking-confirmed': { tourTitle: 'Sajek Valley', guestCount: 2, amount: 'BDT 25,000.00', transactionId: 'TRX-1', startDate: '1 June 2026', bookingsLink: 'https://app.test/bookings' },
  invoice: { invoiceNumber: 'INV-2026-000001', tourTitle: 'Sajek Valley', total: 'BDT 25,000.00', paidAt: '1 March 2026' },
};
/** HTML text as a reader sees it: character references decoded. */
const decoded = (html: string) => html.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const HOSTILE_NAME = 'Rahim <script>alert(1)</script> & Sons';

/** What the mail and invoice use cases rely on: finished content with their data in it, escaped where it is HTML, same input same output. */
export function describeTemplateRendererContract(name: string, make: () => TemplateRenderer): void {
  describe(`TemplateRenderer contract: ${name}`, () => {
    const templates = make();

    describe.each(Object.entries(EMAILS))('email %s', (template, data) => {
      const rendered = () => templates.email(template, { ...data, name: HOSTILE_NAME });

      test('has a one-line subject, and html and text bodies that carry the data', () => {
        const { subject, html, text } = rendered();
        expect(subject).toMatch(/^\S[^\n]*$/);
        for (const value of Object.values(data)) {
          expect(text).toContain(String(value));
          expect(decoded(html)).toContain(String(value));
        }
      });

      test('escapes data in the html body and leaves the text body plain', () => {
        const { html, text } = rendered();
        expect(html).not.toContain('<script>');
        expect(decoded(html)).toContain(HOSTILE_NAME);
        expect(text).toContain(HOSTILE_NAME);
        expect(text).not.toMatch(/<\/?(p|div|html|body|br)\b/i);
      });

      test('the same input renders the same content', () => {
        expect(rendered()).toEqual(rendered());
      });
    });

    test('the invoice page is one self-contained HTML document (the PDF renderer loads nothing)', () => {
      const page = templates.html('invoice', { number: 'INV-2026-000001', customer: { name: HOSTILE_NAME } });
      expect(page).toMatch(/^\s*<!doctype html>/i);
      expect(page).not.toMatch(/<(script|link|iframe)\b|\bsrc=["']?(https?:)?\/\/|url\(\s*['"]?(https?:)?\/\//i);
      expect(page).not.toContain('<script>alert');
    });

    test('an unknown template is an error, not an empty message', () => {
      expect(() => templates.email('no-such-template', {})).toThrow();
      expect(() => templates.html('no-such-page', {})).toThrow();
    });
  });
}
