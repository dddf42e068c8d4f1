import { Money } from '../../domain/shared/Money';
import type { StatsQueries } from '../ports/StatsQueries';
import type { Breakdown} from './statsFigures';
import { sumOf } from './statsFigures';

export interface PaymentStats {
  totalPayment: number;
  totalPaymentByStatus: Breakdown[];
  /** PAID payments in the business currency; refunded ones are no longer revenue. */
  totalRevenue: Money;
  avgPaymentAmount: Money;
  paymentGatewayData: Breakdown[];
  invoicesIssued: number;
  /** Refunds the gateways completed, and what they gave back in the business currency. */
  totalRefunds: number;
  totalRefunded: Money;
}

export class GetPaymentStats {
  constructor(private readonly stats: StatsQueries, private readonly currency: string) {}

  async execute(): Promise<PaymentStats> {
    const figures = await this.stats.paymentFigures({ currency: this.currency });
    return {
      totalPayment: sumOf(figures.byStatus),
      totalPaymentByStatus: figures.byStatus.map((r) => ({ _id: r.key, count: r.count })),
      totalRevenue: Money.ofMinor(figures.revenueMinor, this.currency),
      avgPaymentAmount: Money.ofMinor(Math.round(figures.averagePaidMinor ?? 0), this.currency),
      paymentGatewayData: figures.byGateway.map((r) => ({ _id: r.key, count: r.count })),
      invoicesIssued: figures.invoicesIssued,
      totalRefunds: figures.refundsCompleted,
      totalRefunded: Money.ofMinor(figures.refundedMinor, this.currency),
    };
  }
}
