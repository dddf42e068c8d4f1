import { MAX_IMAGE_BYTES, assertImage, assertImageSize, imageExtension, sniffImageType } from '../../../../src/domain/catalogue/ImageUpload';
import { ImageMother } from '../../../mothers/ImageMother';

describe('image uploads', () => {
  it('tells JPEG, PNG and WebP apart by their magic bytes', () => {
    expect(sniffImageType(ImageMother.png())).toBe('image/png');
    expect(sniffImageType(ImageMother.jpeg())).toBe('image/jpeg');
    expect(sniffImageType(ImageMother.webp())).toBe('image/webp');
    expect(imageExtension('image/webp')).toBe('webp');
  });

  it('refuses anything else whatever its name, naming the file and the field', () => {
    expect(sniffImageType(ImageMother.textPretendingToBePng())).toBeNull();
    expect(sniffImageType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffImageType(Buffer.from('RIFF1234WAVE'))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
    expect(() => assertImage('photo.png', ImageMother.textPretendingToBePng(), 'files[2]')).toThrow(
      expect.objectContaining({ problems: [{ path: 'files[2]', message: '"photo.png" is not a JPEG, PNG or WebP image' }] }),
    );
  });

  it('refuses files over 5 MB and empty ones before reading them', () => {
    expect(() => assertImageSize('big.jpg', MAX_IMAGE_BYTES + 1, 'file')).toThrow('"big.jpg" is larger than 5 MB');
    expect(() => assertImageSize('empty.png', 0, 'file')).toThrow('"empty.png" is empty');
    expect(() => assertImageSize('ok.png', MAX_IMAGE_BYTES, 'file')).not.toThrow();
  });
});
