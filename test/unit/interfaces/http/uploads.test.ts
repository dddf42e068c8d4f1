import type { Context } from 'koa';
import { stampArrival, uploadedFiles } from '../../../../src/interfaces/http/uploads';

const file = (name: string) => ({ filepath: `/tmp/${name}`, originalFilename: name, size: 1 });

test('files come back in the order they began arriving, not the order their writes finished', () => {
  const [first, second, third] = [file('first.png'), file('second.png'), file('third.png')];
  for (const f of [first, second, third]) stampArrival('files', f);
  const ctx = { request: { files: { files: [third, first, second] } } } as unknown as Context;
  expect(uploadedFiles(ctx, 'files').map((f) => f.originalName)).toEqual(['first.png', 'second.png', 'third.png']);
});

test('a single file and a missing field', () => {
  const only = file('only.png');
  stampArrival('file', only);
  const ctx = { request: { files: { file: only } } } as unknown as Context;
  expect(uploadedFiles(ctx, 'file').map((f) => f.originalName)).toEqual(['only.png']);
  expect(uploadedFiles(ctx, 'files')).toEqual([]);
});
