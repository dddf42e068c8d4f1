import { PuppeteerPdfRenderer } from '../../src/infrastructure/pdf/PuppeteerPdfRenderer';
import { locateChromium } from '../../src/infrastructure/pdf/locateChromium';
import { FakePdfRenderer } from '../fakes/FakePdfRenderer';
import { RecordingLogger } from '../fakes/RecordingLogger';
import { describeIf, realService } from '../support/services';
import { describePdfRendererContract } from './PdfRenderer.contract';

describePdfRendererContract('fake', async () => ({ renderer: new FakePdfRenderer(), close: async () => undefined }));

describeIf(realService('chrome'), 'PdfRenderer (puppeteer + Chromium)', () => {
  describePdfRendererContract('puppeteer', async () => {
    const renderer = new PuppeteerPdfRenderer({
      chromium: locateChromium(realService('chrome')),
      poolSize: 2,
      renderTimeoutMs: 15_000,
      recycleAfter: 1000,
      logger: new RecordingLogger(),
    });
    return { renderer, close: () => renderer.close() };
  });
});
