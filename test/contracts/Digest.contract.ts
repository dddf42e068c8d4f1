import type { Digest } from '../../src/application/ports/Digest';

/** The fingerprint stored with each invoice PDF: standard SHA-256, so anyone can check it with any tool. */
export function describeDigestContract(name: string, make: () => Digest): void {
  describe(`Digest contract: ${name}`, () => {
    const digest = make();

    test.each([
      ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
      ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ])('the SHA-256 of %j in lowercase hex', (text, expected) => {
      expect(digest.sha256(Buffer.from(text))).toBe(expected);
    });

    test('binary content, byte for byte: one flipped bit changes the fingerprint', () => {
      const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10]);
      const tampered = Buffer.from(pdf);
      tampered[5] ^= 0x01;
      expect(digest.sha256(pdf)).toMatch(/^[0-9a-f]{64}$/);
      expect(digest.sha256(pdf)).toBe(digest.sha256(Buffer.from(pdf)));
      expect(digest.sha256(tampered)).not.toBe(digest.sha256(pdf));
    });
  });
}
