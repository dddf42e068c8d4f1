import { ContainerModule } from 'inversify';
import { JobStore } from '../../application/ports/JobStore';
import { Logger } from '../../application/ports/Logger';
import { Mailer } from '../../application/ports/Mailer';
import { PdfRenderer } from '../../application/ports/PdfRenderer';
import { TOKENS } from '../../application/ports/tokens';
import { Config } from '../config/Config';
import { MeteredJobStore } from '../metrics/MeteredJobStore';
import { MeteredMailer } from '../metrics/MeteredMailer';
import { MeteredPdfRenderer } from '../metrics/MeteredPdfRenderer';
import { PrometheusMetrics } from '../metrics/PrometheusMetrics';
import { jobQueueDepth } from '../metrics/jobQueueDepth';
import { Database } from '../persistence/Database';

/**
 * Metrics as decorators: whichever adapter another module binds to a port is
 * wrapped on activation, so no adapter or use case knows it is measured.
 */
export function metricsModule(config: Config, db: Database, logger: Logger): ContainerModule {
  return new ContainerModule(({ bind, onActivation }) => {
    const metrics = new PrometheusMetrics();
    metrics.onQueueDepth(jobQueueDepth(db, logger));
    metrics.onTransactionContention(db.contention);
    bind(PrometheusMetrics).toConstantValue(metrics);
    onActivation<Mailer>(TOKENS.Mailer, (_c, mailer) => new MeteredMailer(mailer, metrics));
    onActivation<PdfRenderer>(TOKENS.PdfRenderer, (_c, renderer) => new MeteredPdfRenderer(renderer, metrics, config.pdf.poolSize));
    onActivation<JobStore>(TOKENS.JobStore, (_c, store) => new MeteredJobStore(store, metrics));
  });
}
