/** A file a client uploaded, as the driving adapter hands it over: announced size first, bytes on demand. */
export interface IncomingFile {
  /** The client's file name: for messages only, never used as a storage key. */
  name: string;
  size: number;
  read(): Promise<Buffer>;
}
