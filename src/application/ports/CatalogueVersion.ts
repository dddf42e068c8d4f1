/**
 * Names the catalogue's current state: it changes with every committed change to tours, divisions,
 * tour types or seats, in this process at once and in every other process within a second.
 * Anything rendered from the catalogue may be reused while the version it was rendered under is current.
 */
export interface CatalogueVersion {
  current(): Promise<string>;
}
