/** Content fingerprints, e.g. the SHA-256 stored with each invoice PDF. */
export interface Digest {
  /** Lowercase hex. */
  sha256(bytes: Buffer): string;
}
