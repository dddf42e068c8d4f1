/**
 * Opaque random secrets (refresh and reset tokens) and the keyed hash we store
 * instead of them, so a database leak yields no usable token.
 */
export interface SecretTokens {
  generate(): string;
  hash(token: string): string;
}
