import { TEMPLATES_DIR } from '../../src/infrastructure/templates/templatesDir';
import { HandlebarsTemplateRenderer } from '../../src/infrastructure/templates/HandlebarsTemplateRenderer';
import { describeTemplateRendererContract } from './TemplateRenderer.contract';

// Pure, so use-case tests use the real adapter over the real templates: there is no fake.
describeTemplateRendererContract('HandlebarsTemplateRenderer', () => new HandlebarsTemplateRenderer(TEMPLATES_DIR, { brandName: 'TourDesk' }));
