import { execFile } from 'node:child_process';
import { realService } from './services';

/** The text of a PDF as poppler's `pdftotext` reads it (needs `realService('pdftotext')`). */
export function pdfText(pdf: Buffer): Promise<string> {
  const binary = realService('pdftotext');
  if (!binary) throw new Error('[tourdesk tests] pdfText() needs pdftotext');
  return new Promise((resolve, reject) => {
    const child = execFile(binary, ['-layout', '-enc', 'UTF-8', '-', '-'], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`pdftotext failed: ${stderr || error.message}`)) : resolve(stdout),
    );
    child.stdin!.end(pdf);
  });
}

export function isPdf(pdf: Buffer): boolean {
  return pdf.subarray(0, 5).toString('latin1') === '%PDF-' && pdf.subarray(-32).toString('latin1').includes('%%EOF');
}
