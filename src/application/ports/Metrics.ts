/** A request the HTTP adapter served, under its route pattern (`/api/v1/user/:id`), never the raw URL. */
export interface ServedRequest {
  method: string;
  route: string;
  status: number;
}

/** The scrape a metrics collector reads: a body in `contentType`'s format. */
export interface MetricsExposition {
  contentType: string;
  body: string;
}

/** What the driving side measures, and the figures as a collector (Prometheus) scrapes them. */
export interface Metrics {
  requestServed(request: ServedRequest, seconds: number): void;
  exposition(): Promise<MetricsExposition>;
}
