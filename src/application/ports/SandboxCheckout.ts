import type { Money } from '../../domain/shared/Money';

export const SANDBOX_OUTCOMES = ['PAID', 'FAILED', 'CANCELLED'] as const;
export type SandboxOutcome = (typeof SANDBOX_OUTCOMES)[number];

export interface SandboxSessionView {
  id: string;
  transactionId: string;
  amount: Money;
  customerName: string;
  completed: boolean;
  /** A newer checkout of the same payment replaced this one: it takes no money. */
  superseded: boolean;
}

/** The customer's side of the built-in sandbox gateway: its checkout page. */
export interface SandboxCheckout {
  describe(sessionId: string): Promise<SandboxSessionView | null>;
  /**
   * Records the customer's choice once and returns where the gateway redirects them. NotFound for
   * an unknown checkout; Conflict when it is already completed or was superseded.
   */
  complete(sessionId: string, outcome: SandboxOutcome): Promise<string>;
}
