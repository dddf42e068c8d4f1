/** One outside dependency `/ready` asks about (database, Redis, SMTP, storage, ...). */
export interface HealthCheck {
  /** What `/ready` reports it as: `database`, `redis`, `smtp`, `storage`. */
  name: string;
  /** Resolves while the dependency answers, rejects once it does not; `/ready` bounds how long it waits. */
  check(): Promise<void>;
}
