import { demoLandscapePng, encodePng } from '../../src/interfaces/cli/png';

export const ImageMother = {
  png: (seed = 1): Buffer => demoLandscapePng(seed, 24, 16),
  tinyPng: (): Buffer => encodePng(2, 2, () => [200, 30, 30]),
  jpeg: (): Buffer => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]),
  webp: (): Buffer => Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(14)]),
  /** A text file, as someone renaming `notes.txt` to `photo.png` would upload it. */
  textPretendingToBePng: (): Buffer => Buffer.from('just some notes, not an image\n'),
};
