/**
 * Which stored image keys the catalogue and user records still point at: what the orphan sweeper
 * asks before it deletes anything. Tour images are stored under `tours/` (ImageUploads names them),
 * so an adapter may look at tours only for keys there.
 */
export interface StoredImageReferences {
  /** The subset of `keys` (duplicates answered once) that some tour, division or user still references. */
  referenced(keys: string[]): Promise<Set<string>>;
}
