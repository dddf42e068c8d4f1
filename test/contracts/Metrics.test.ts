import { PrometheusMetrics } from '../../src/infrastructure/metrics/PrometheusMetrics';
import { InMemoryMetrics } from '../fakes/InMemoryMetrics';
import { describeMetricsContract } from './Metrics.contract';

describeMetricsContract('fake', () => new InMemoryMetrics());
describeMetricsContract('prom-client', () => new PrometheusMetrics({ defaultMetrics: false }));
