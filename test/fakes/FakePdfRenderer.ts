import type { PdfRenderer } from '../../src/application/ports/PdfRenderer';
import { DependencyUnavailable } from '../../src/domain/shared/errors';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The visible text of an HTML document, one line per block, entities decoded. */
export function visibleText(html: string): string[] {
  return html
    .replace(/<(style|script|head)[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/?(p|div|h\d|tr|li|br|table|section|header|footer)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
      name[0] === '#' ? String.fromCodePoint(parseInt(name.slice(name[1].toLowerCase() === 'x' ? 2 : 1), name[1].toLowerCase() === 'x' ? 16 : 10)) : ENTITIES[name] ?? whole)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

const pdfString = (line: string) => `(${line.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** A real, minimal PDF (Helvetica, A4) carrying `lines`, readable by any PDF tool. */
export function minimalPdf(lines: string[]): Buffer {
  const pages: string[][] = [];
  for (let i = 0; i < Math.max(lines.length, 1); i += 60) pages.push(lines.slice(i, i + 60));
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  pages.forEach((page, i) => {
    const content = `BT /F1 10 Tf 13 TL 50 800 Td ${page.map((line) => `${pdfString(line)} Tj T*`).join(' ')} ET`;
    objects[pageIds[i]] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
    objects[pageIds[i] + 1] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * Renders the visible text of the HTML into a small valid PDF, without a browser.
 * Like the real renderer it never fetches anything the markup points at.
 */
export class FakePdfRenderer implements PdfRenderer {
  readonly rendered: string[] = [];
  private failures = 0;
  private hold: { reached: () => void; released: Promise<void> } | null = null;

  constructor(private readonly delayMs = 0) {}

  /** The next `count` renders fail as if Chromium had crashed. */
  failNext(count = 1): void {
    this.failures += count;
  }

  /** The next render waits until `release()`; `reached` resolves once it has started. */
  holdNext(): { reached: Promise<void>; release(): void } {
    let reached!: () => void;
    let release!: () => void;
    const started = new Promise<void>((resolve) => (reached = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.hold = { reached, released };
    return { reached: started, release };
  }

  async render(html: string): Promise<Buffer> {
    const hold = this.hold;
    this.hold = null;
    if (hold) {
      hold.reached();
      await hold.released;
    }
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.failures > 0) {
      this.failures -= 1;
      throw new DependencyUnavailable('pdf renderer', 'fake renderer failure');
    }
    this.rendered.push(html);
    return minimalPdf(visibleText(html));
  }
}
