/**
 * Turns one self-contained HTML document into a PDF. The document may not load
 * anything (no network, no files, no scripts): what is not inline is not drawn.
 * Throws DependencyUnavailable when no renderer can be reached or a render times out.
 */
export interface PdfRenderer {
  render(html: string): Promise<Buffer>;
}
