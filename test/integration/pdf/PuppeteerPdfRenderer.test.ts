import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { PuppeteerPdfRenderer } from '../../../src/infrastructure/pdf/PuppeteerPdfRenderer';
import { locateChromium } from '../../../src/infrastructure/pdf/locateChromium';
import { RecordingLogger } from '../../fakes/RecordingLogger';
import { databaseKinds, openTestDatabase } from '../../support/databases';
import { isPdf, pdfText } from '../../support/pdfText';
import { describeIf, realService } from '../../support/services';
import { issuingKit, seedPayment } from '../invoices/invoiceDbKit';
import { pidAlive as alive } from '../../support/appProcess';

describe('locateChromium', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-'));
  const binary = path.join(dir, 'chrome');
  fs.writeFileSync(binary, '#!/bin/sh\n', { mode: 0o755 });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('CHROME_PATH wins, and a wrong one is a configuration error naming it', async () => {
    expect(await locateChromium(binary, []).executablePath()).toBe(binary);
    expect(locateChromium(binary, []).source).toBe('CHROME_PATH');
    expect(() => locateChromium(path.join(dir, 'missing'), [])).toThrow(/CHROME_PATH/);
  });

  test('then the first system path that exists, then the bundled package, else none', async () => {
    expect(locateChromium(null, [path.join(dir, 'nope'), binary]).source).toBe('system');
    expect(locateChromium(null, [], true).source).toBe('@sparticuz/chromium');
    const none = locateChromium(null, [], false);
    expect(none.source).toBe('none');
    await expect(none.executablePath()).rejects.toThrow(/CHROME_PATH/);
  });
});

describeIf(realService('chrome'), 'PuppeteerPdfRenderer (real Chromium)', () => {
  const make = (options: Partial<{ poolSize: number; recycleAfter: number; renderTimeoutMs: number }> = {}) =>
    new PuppeteerPdfRenderer({ chromium: locateChromium(realService('chrome')), poolSize: 2, renderTimeoutMs: 15_000, recycleAfter: 1000, logger: new RecordingLogger(), ...options });

  /** A local server that records every request the renderer's browser manages to make. */
  async function leakCatcher(): Promise<{ hits: string[]; port: number; server: http.Server }> {
    const hits: string[] = [];
    const server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('leaked');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { hits, port: (server.address() as { port: number }).port, server };
  }

  test('hostile markup fetches nothing and reads no file; escaped it prints as text', async () => {
    const { hits, port, server } = await leakCatcher();
    const renderer = make();
    try {
      const hostile = `<img src=http://127.0.0.1:${port}/leak><iframe src=file:///etc/passwd></iframe>`;
      const raw = `<html><head><link rel=stylesheet href="http://127.0.0.1:${port}/css"><meta http-equiv="refresh" content="0;url=http://127.0.0.1:${port}/nav"></head>
        <body><p>Title: ${hostile}</p><div style="background:url(http://127.0.0.1:${port}/bg)">x</div><iframe src="http://127.0.0.1:${port}/frame"></iframe>
        <object data="file:///etc/passwd"></object><script>fetch('http://127.0.0.1:${port}/js')</script><img src="file:///etc/hostname"></body></html>`;
      const rawText = await pdfTextIfAvailable(await renderer.render(raw));
      const escaped = hostile.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const escapedPdf = await renderer.render(`<html><body><p>Title: ${escaped}</p></body></html>`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(hits).toEqual([]);
      expect(rawText).not.toMatch(/root:x:0:0|leaked/);
      expect(renderer.stats().blockedRequests).toBeGreaterThan(0);
      if (realService('pdftotext')) expect(await pdfText(escapedPdf)).toContain(hostile);
    } finally {
      await renderer.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('the browser itself reaches no network: a <link rel=prefetch> to a local server, which request interception misses, never arrives', async () => {
    const { hits, port, server } = await leakCatcher();
    const renderer = make();
    try {
      const html = `<html><head><link rel=prefetch href="http://127.0.0.1:${port}/prefetch"><link rel=preconnect href="http://127.0.0.1:${port}">
        <link rel=dns-prefetch href="http://127.0.0.1:${port}"></head><body><p>invoice</p></body></html>`;
      expect(isPdf(await renderer.render(html))).toBe(true);
      expect(isPdf(await renderer.render(html))).toBe(true);
      // a prefetch goes out after the load event: give it the time it takes when nothing stops it (~50 ms)
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(hits).toEqual([]);
    } finally {
      await renderer.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('recycles the browser after N renders; close() ends the process', async () => {
    const renderer = make({ recycleAfter: 3 });
    const pids = new Set<number>();
    for (let i = 0; i < 7; i++) {
      expect(isPdf(await renderer.render(`<p>${i}</p>`))).toBe(true);
      pids.add(renderer.browserPid()!);
    }
    expect(renderer.stats().launches).toBe(3);
    const last = renderer.browserPid()!;
    await renderer.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([...pids].filter(alive)).toEqual([]);
    expect(alive(last)).toBe(false);
    await expect(renderer.render('<p>after close</p>')).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
  });

  test('a render that misses its deadline fails with DependencyUnavailable and the next one works', async () => {
    const renderer = make({ renderTimeoutMs: 30 });
    try {
      const huge = `<table>${'<tr><td>row</td><td>more text in a cell</td></tr>'.repeat(60_000)}</table>`;
      await expect(renderer.render(huge)).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', message: expect.stringMatching(/longer than 30 ms/) });
    } finally {
      await renderer.close();
    }
    const patient = make();
    try {
      expect(isPdf(await patient.render('<p>small</p>'))).toBe(true);
    } finally {
      await patient.close();
    }
  });

  describe.each(databaseKinds())('IssueInvoice with real Chromium on %s', (kind) => {
    test('the PDF reads back with the number, tour title and total; stored SHA-256 matches the object', async () => {
      const database = await openTestDatabase(kind);
      const renderer = make();
      try {
        const kit = issuingKit(database.db, renderer);
        const title = 'Sundarbans <Mangrove> & "Tigers" Trail';
        const { paymentId } = await seedPayment(database.db, { title, guests: 2, unitMinor: 1_250_000 });
        const invoice = await kit.issueInvoice.execute({ paymentId });
        const stored = (await kit.storage.get(invoice.objectKey))!.bytes;
        expect(invoice.sha256).toBe(createHash('sha256').update(stored).digest('hex'));
        expect((await kit.invoices.findByPaymentId(paymentId))?.sha256).toBe(invoice.sha256);
        if (realService('pdftotext')) {
          const text = await pdfText(stored);
          expect(text).toContain(invoice.number.value);
          expect(text).toContain(title);
          expect(text).toContain('25,000.00 BDT');
          expect(text).toContain('12,500.00 BDT');
        }
      } finally {
        await renderer.close();
        await database.close();
      }
    });

    test('killing Chromium mid-batch: the batch completes and every invoice is issued once', async () => {
      const database = await openTestDatabase(kind);
      const renderer = make({ poolSize: 2 });
      try {
        const kit = issuingKit(database.db, renderer);
        const payments = [];
        for (let i = 0; i < 16; i++) payments.push((await seedPayment(database.db)).paymentId);
        await renderer.render('<p>warm-up</p>');
        const firstPid = renderer.browserPid()!;
        let done = 0;
        const batch = Promise.all(payments.map(async (paymentId) => {
          const invoice = await kit.issueInvoice.execute({ paymentId });
          done += 1;
          if (done === 4) process.kill(firstPid, 'SIGKILL');
          return invoice;
        }));
        const invoices = await batch;
        expect(alive(firstPid)).toBe(false);
        expect(renderer.stats().launches).toBeGreaterThanOrEqual(2);
        expect(new Set(invoices.map((i) => i.number.value)).size).toBe(16);
        const sequences = invoices.map((i) => i.number.sequence).sort((a, b) => a - b);
        expect(sequences).toEqual(Array.from({ length: 16 }, (_, i) => sequences[0] + i));
        for (const invoice of invoices) {
          const stored = (await kit.storage.get(invoice.objectKey))!.bytes;
          expect(isPdf(stored)).toBe(true);
          expect(createHash('sha256').update(stored).digest('hex')).toBe(invoice.sha256);
        }
      } finally {
        await renderer.close();
        await database.close();
      }
    }, 60_000);
  });
});

async function pdfTextIfAvailable(pdf: Buffer): Promise<string> {
  expect(isPdf(pdf)).toBe(true);
  return realService('pdftotext') ? pdfText(pdf) : pdf.toString('latin1');
}
