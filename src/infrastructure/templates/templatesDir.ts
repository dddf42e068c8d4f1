import path from 'node:path';
import { projectRoot } from '../system/projectRoot';

/** The handlebars templates of emails, the invoice and the sandbox checkout page. */
export const TEMPLATES_DIR = path.join(projectRoot(), 'templates');
