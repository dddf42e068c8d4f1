import type { PdfRenderer } from '../../src/application/ports/PdfRenderer';
import { isPdf, pdfText } from '../support/pdfText';
import { describeIf, realService } from '../support/services';

export interface PdfRendererUnderTest {
  renderer: PdfRenderer;
  close(): Promise<void>;
}

const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><style>body{font:14px sans-serif}</style></head><body>${body}</body></html>`;

export function describePdfRendererContract(name: string, make: () => Promise<PdfRendererUnderTest>): void {
  describe(`PdfRenderer contract: ${name}`, () => {
    let subject: PdfRendererUnderTest;
    beforeAll(async () => {
      subject = await make();
    });
    afterAll(() => subject.close());

    test('renders an HTML document to a PDF file', async () => {
      const pdf = await subject.renderer.render(page('<h1>Invoice</h1><p>Total 25,000.00 BDT</p>'));
      expect(Buffer.isBuffer(pdf)).toBe(true);
      expect(isPdf(pdf)).toBe(true);
    });

    test('renders more documents at once than it has pages, each a PDF', async () => {
      const pdfs = await Promise.all(Array.from({ length: 7 }, (_, i) => subject.renderer.render(page(`<p>document number ${i}</p>`))));
      expect(pdfs.every(isPdf)).toBe(true);
    });

    describeIf(realService('pdftotext'), `PdfRenderer contract text: ${name}`, () => {
      test('the PDF carries the visible text of the document', async () => {
        const text = await pdfText(await subject.renderer.render(page('<h1>Invoice INV-2026-000042</h1><p>Total 25,000.00 BDT</p>')));
        expect(text).toContain('INV-2026-000042');
        expect(text).toContain('25,000.00 BDT');
      });

      test('escaped markup is printed as text', async () => {
        const text = await pdfText(await subject.renderer.render(page('<p>Title: &lt;img src=http://127.0.0.1:9/leak&gt; &amp; co</p>')));
        expect(text).toContain('<img src=http://127.0.0.1:9/leak> & co');
      });

      test('concurrent renders do not mix up their documents', async () => {
        const texts = await Promise.all(Array.from({ length: 6 }, async (_, i) => pdfText(await subject.renderer.render(page(`<p>only-document-${i}</p>`)))));
        texts.forEach((text, i) => {
          expect(text).toContain(`only-document-${i}`);
          expect(text.match(/only-document-\d/g)).toEqual([`only-document-${i}`]);
        });
      });
    });
  });
}
