import { Semaphore } from '../system/Semaphore';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import type { Logger } from '../../application/ports/Logger';
import type { PdfRenderer } from '../../application/ports/PdfRenderer';
import { DependencyUnavailable } from '../../domain/shared/errors';
import type { ChromiumLocation } from './locateChromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-extensions',
  '--disable-sync',
  '--headless=new',
  // Every connection goes to a proxy that is not there, loopback included (Chromium exempts it unless told):
  // request interception misses browser-initiated fetches such as <link rel=prefetch>; this does not.
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
];

export interface PuppeteerPdfOptions {
  chromium: ChromiumLocation;
  poolSize: number;
  renderTimeoutMs: number;
  /** A browser is replaced after this many renders, so leaks in Chromium stay bounded. */
  recycleAfter: number;
  logger: Logger;
}

/** One browser process with its pages; replaced as a whole when it dies or has served `recycleAfter` renders. */
interface Generation {
  id: number;
  browser: Promise<Browser>;
  pid: number | null;
  started: number;
  active: number;
  idle: Page[];
  /** Still connected and accepting new renders. */
  usable: boolean;
}

class RenderTimedOut extends DependencyUnavailable {}

/**
 * PDFs from headless Chromium driven by puppeteer-core: one browser per process, a bounded
 * pool of reusable pages, a deadline per render, relaunch on crash, recycle after N renders.
 * Pages run with JavaScript off, offline, and with every request aborted, so the HTML cannot fetch a
 * URL or read a file; the browser itself can reach no network (CHROMIUM_ARGS); it is driven over a
 * pipe, so no DevTools port is opened either.
 */
export class PuppeteerPdfRenderer implements PdfRenderer {
  private readonly slots: Semaphore;
  private readonly generations = new Set<Generation>();
  private current: Generation | null = null;
  private nextId = 1;
  private closed = false;
  private counters = { launches: 0, renders: 0, blockedRequests: 0 };

  constructor(private readonly options: PuppeteerPdfOptions) {
    this.slots = new Semaphore(options.poolSize);
  }

  async render(html: string): Promise<Buffer> {
    if (this.closed) throw new DependencyUnavailable('pdf renderer', 'PDF renderer is shut down');
    return this.slots.run(async () => {
      try {
        return await this.renderOnce(html);
      } catch (error) {
        // A render is pure, so one retry on a fresh page (or browser, after a crash) is safe.
        if (error instanceof RenderTimedOut || this.closed) throw error;
        this.options.logger.warn({ err: error }, 'PDF render failed, retrying once');
        return await this.renderOnce(html);
      }
    });
  }

  /** The live browser's process id (diagnostics, benchmarks, crash tests), or null before the first render. */
  browserPid(): number | null {
    return this.current?.pid ?? null;
  }

  stats(): { launches: number; renders: number; blockedRequests: number; pageSlots: number } {
    return { ...this.counters, pageSlots: this.options.poolSize };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.current = null;
    await Promise.all([...this.generations].map((generation) => this.shutDown(generation)));
  }

  private async renderOnce(html: string): Promise<Buffer> {
    const generation = this.generation();
    let page: Page | null = generation.idle.pop() ?? null;
    generation.active += 1;
    generation.started += 1;
    if (generation.started >= this.options.recycleAfter) this.retire(generation, 'recycled');
    let timer: NodeJS.Timeout | undefined;
    try {
      page ??= await this.openPage(await generation.browser);
      const printing = this.print(page, html);
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new RenderTimedOut('pdf renderer', `PDF render took longer than ${this.options.renderTimeoutMs} ms`)), this.options.renderTimeoutMs);
      });
      const pdf = await Promise.race([printing, deadline]);
      this.counters.renders += 1;
      if (generation.usable) generation.idle.push(page);
      else void this.closePage(page);
      return pdf;
    } catch (error) {
      if (page) void this.closePage(page);
      if (error instanceof RenderTimedOut) {
        // A page that misses its deadline may have wedged the browser: start the next render on a fresh one.
        this.retire(generation, 'render timed out');
        throw error;
      }
      const browser = await generation.browser.catch(() => null);
      if (!browser?.connected) this.retire(generation, 'disconnected');
      throw error instanceof DependencyUnavailable ? error : new DependencyUnavailable('pdf renderer', `PDF render failed: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
      generation.active -= 1;
      if (!generation.usable && generation.active === 0) void this.shutDown(generation);
    }
  }

  private async print(page: Page, html: string): Promise<Buffer> {
    const timeout = this.options.renderTimeoutMs;
    await page.setContent(html, { waitUntil: 'load', timeout });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, timeout });
    return Buffer.from(pdf);
  }

  private async openPage(browser: Browser): Promise<Page> {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setOfflineMode(true);
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => this.refuse(request));
    return page;
  }

  /** The document arrives through setContent, so any request at all (http, file, css, fonts, frames) is refused. */
  private refuse(request: HTTPRequest): void {
    this.counters.blockedRequests += 1;
    this.options.logger.warn({ url: request.url().slice(0, 120), type: request.resourceType() }, 'PDF renderer blocked a request');
    request.abort('blockedbyclient').catch((error: Error) => this.options.logger.warn({ err: error }, 'aborting a PDF request failed'));
  }

  /** The generation new renders go to, launching a browser when there is none. */
  private generation(): Generation {
    if (this.current?.usable) return this.current;
    const generation = { id: this.nextId++, pid: null, started: 0, active: 0, idle: [], usable: true } as Omit<Generation, 'browser'> as Generation;
    generation.browser = this.launch(generation);
    // A failed launch must not poison later renders: the next one tries again.
    generation.browser.catch(() => this.retire(generation, 'launch failed'));
    this.generations.add(generation);
    this.current = generation;
    return generation;
  }

  private async launch(generation: Generation): Promise<Browser> {
    const { chromium, logger } = this.options;
    let browser: Browser;
    try {
      browser = await puppeteer.launch({ executablePath: await chromium.executablePath(), headless: true, pipe: true, args: CHROMIUM_ARGS });
    } catch (error) {
      throw new DependencyUnavailable('chromium', `Chromium did not start (${chromium.description}): ${(error as Error).message}`);
    }
    this.counters.launches += 1;
    generation.pid = browser.process()?.pid ?? null;
    browser.on('disconnected', () => this.retire(generation, 'disconnected'));
    logger.info({ generation: generation.id, pid: generation.pid, chromium: chromium.description }, 'Chromium launched for PDF rendering');
    if (this.closed || !generation.usable) void this.shutDown(generation);
    return browser;
  }

  private retire(generation: Generation, reason: string): void {
    if (!generation.usable) return;
    generation.usable = false;
    if (this.current === generation) this.current = null;
    if (reason !== 'recycled' && !this.closed) this.options.logger.warn({ generation: generation.id, pid: generation.pid, reason }, 'Chromium replaced');
    for (const page of generation.idle.splice(0)) void this.closePage(page);
    if (generation.active === 0) void this.shutDown(generation);
  }

  private async shutDown(generation: Generation): Promise<void> {
    generation.usable = false;
    if (!this.generations.delete(generation)) return;
    const browser = await generation.browser.catch(() => null);
    if (!browser) return;
    const exited = browser.close().then(() => true, () => false);
    const gaveUp = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000).unref());
    if (!(await Promise.race([exited, gaveUp]))) browser.process()?.kill('SIGKILL');
  }

  private async closePage(page: Page): Promise<void> {
    // The page may belong to a browser that is already gone; then there is nothing to close.
    await page.close().catch(() => undefined);
  }
}
