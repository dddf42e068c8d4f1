import type { TourStats } from '../../../application/stats/GetTourStats';
import type { PaymentStats } from '../../../application/stats/GetPaymentStats';

/** Amounts leave the API in major units, next to their currency. */
export function presentTourStats(stats: TourStats) {
  return { ...stats, avgTourCost: stats.avgTourCost.major, currency: stats.avgTourCost.currency };
}

export function presentPaymentStats(stats: PaymentStats) {
  return { ...stats, totalRevenue: stats.totalRevenue.major, avgPaymentAmount: stats.avgPaymentAmount.major, totalRefunded: stats.totalRefunded.major, currency: stats.totalRevenue.currency };
}
