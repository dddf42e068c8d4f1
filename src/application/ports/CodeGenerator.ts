/** Unpredictable six-digit codes (a CSPRNG, never Math.random). */
export interface CodeGenerator {
  sixDigits(): string;
}
