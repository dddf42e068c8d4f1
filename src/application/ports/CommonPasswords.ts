/** An offline list of passwords known from breaches and guessing dictionaries, in lower case. */
export interface CommonPasswords {
  includes(candidate: string): boolean;
}
