import type { StatsWindows } from '../ports/StatsQueries';

const DAY_MS = 86_400_000;

/** "Last 7 days" means the 7×24 hours before `now`. */
export function windowsEndingAt(now: Date): StatsWindows {
  return { last7Days: new Date(now.getTime() - 7 * DAY_MS), last30Days: new Date(now.getTime() - 30 * DAY_MS) };
}

export interface Breakdown {
  _id: string;
  count: number;
}

export const sumOf = (rows: { count: number }[]): number => rows.reduce((total, row) => total + row.count, 0);

export const countOf = (rows: { key: string; count: number }[], key: string): number => rows.find((r) => r.key === key)?.count ?? 0;

export const roundTo2 = (value: number): number => Math.round(value * 100) / 100;
