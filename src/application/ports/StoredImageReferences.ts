/** Which stored image keys the catalogue and user records still point at. */
export interface StoredImageReferences {
  /** The subset of `keys` some tour, division or user still references. */
  referenced(keys: string[]): Promise<Set<string>>;
}
