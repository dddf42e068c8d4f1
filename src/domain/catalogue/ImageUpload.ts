import { ValidationFailed } from '../shared/errors';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

const EXTENSIONS: Record<ImageType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

const startsWith = (bytes: Uint8Array, signature: number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

/** What the bytes are, by their magic numbers; the client's name and content type prove nothing. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

export function imageExtension(type: ImageType): string {
  return EXTENSIONS[type];
}

/** Refuses a file by its announced size before it is even read; `path` is the form field (`files[2]`). */
export function assertImageSize(name: string, size: number, path: string): void {
  if (size > MAX_IMAGE_BYTES) throw ValidationFailed.field(path, `"${name}" is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
  if (size === 0) throw ValidationFailed.field(path, `"${name}" is empty`);
}

/** Checks one uploaded file is an acceptable image and says which kind; the message names the client's file. */
export function assertImage(name: string, bytes: Uint8Array, path: string): ImageType {
  assertImageSize(name, bytes.length, path);
  const type = sniffImageType(bytes);
  if (!type) throw ValidationFailed.field(path, `"${name}" is not a JPEG, PNG or WebP image`);
  return type;
}
