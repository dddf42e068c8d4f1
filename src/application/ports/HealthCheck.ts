/** One outside dependency `/ready` asks about (database, Redis, SMTP, storage, ...). */
export interface HealthCheck {
  name: string;
  check(): Promise<void>;
}
