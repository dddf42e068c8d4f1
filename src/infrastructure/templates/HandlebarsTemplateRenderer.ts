import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { RenderedEmail, TemplateRenderer } from '../../application/ports/TemplateRenderer';

/**
 * Templates from `templates/`: `email/<name>.html.hbs`, `email/<name>.text.hbs` and
 * `email/<name>.subject.hbs` wrapped in `email/layout.*.hbs`; other pages `<name>.hbs`.
 * Compiled once, escaping on (`{{x}}`); brand data is merged into every render.
 */
export class HandlebarsTemplateRenderer implements TemplateRenderer {
  private readonly hbs = Handlebars.create();
  private readonly cache = new Map<string, Handlebars.TemplateDelegate>();

  constructor(private readonly root: string, private readonly globals: Record<string, unknown> = {}) {}

  email(name: string, data: Record<string, unknown>): RenderedEmail {
    const context = { ...this.globals, ...data };
    const subject = this.template(`email/${name}.subject.hbs`)(context).trim();
    const html = this.template('email/layout.html.hbs')({ ...context, subject, body: new Handlebars.SafeString(this.template(`email/${name}.html.hbs`)(context)) });
    const text = this.template('email/layout.text.hbs')({ ...context, subject, body: this.template(`email/${name}.text.hbs`)(context) });
    return { subject, html, text };
  }

  html(name: string, data: Record<string, unknown>): string {
    return this.template(`${name}.hbs`)({ ...this.globals, ...data });
  }

  private template(file: string): Handlebars.TemplateDelegate {
    let compiled = this.cache.get(file);
    if (!compiled) {
      const isText = file.endsWith('.text.hbs') || file.endsWith('.subject.hbs');
      compiled = this.hbs.compile(fs.readFileSync(path.join(this.root, file), 'utf8'), { strict: false, noEscape: isText });
      this.cache.set(file, compiled);
    }
    return compiled;
  }
}
