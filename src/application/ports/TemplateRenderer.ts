export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Turns a named template and its data into finished content. Pure: same input, same output. */
export interface TemplateRenderer {
  email(name: string, data: Record<string, unknown>): RenderedEmail;
  html(name: string, data: Record<string, unknown>): string;
}
