/**
 * Business counts on AWS through Powertools Metrics: each count is one EMF line in the function's
 * log, which CloudWatch turns into a metric of METRICS_NAMESPACE with the `service` dimension.
 * Published at once rather than at the end of the invocation, so a count is never lost to a
 * handler that fails after the thing was recorded.
 */
import { Metrics as PowertoolsMetrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRICS_NAMESPACE, type BusinessCount, type Metrics } from './metrics.ts';
import { serviceName } from './log.ts';

export class EmfMetrics implements Metrics {
  private readonly metrics = new PowertoolsMetrics({
    namespace: METRICS_NAMESPACE,
    serviceName: serviceName(),
  });

  count(name: BusinessCount, value = 1): void {
    this.metrics.addMetric(name, MetricUnit.Count, value);
    this.metrics.publishStoredMetrics();
  }
}
