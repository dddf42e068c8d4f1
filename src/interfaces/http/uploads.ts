import fs from 'node:fs/promises';
import type { Context } from 'koa';

export interface UploadedFile {
  field: string;
  originalName: string;
  size: number;
  read(): Promise<Buffer>;
}

interface FormidableFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

/** Files koa-body parsed for `field` (or none), as plain values the use cases can take. */
const ARRIVAL = Symbol('arrival');
let arrivals = 0;

/**
 * formidable lists files as their disk writes finish, which can differ from the order the client
 * sent them (a tour's first image is its cover). `fileBegin` fires in stream order, so stamp it there.
 */
export function stampArrival(_field: string, file: object): void {
  (file as Record<symbol, number>)[ARRIVAL] = ++arrivals;
}

const arrival = (file: FormidableFile): number => (file as unknown as Record<symbol, number>)[ARRIVAL] ?? 0;

export function uploadedFiles(ctx: Context, field: string): UploadedFile[] {
  const files = (ctx.request as unknown as { files?: Record<string, FormidableFile | FormidableFile[]> }).files;
  const raw = files?.[field] ?? files?.[`${field}[]`];
  if (!raw) return [];
  return [...(Array.isArray(raw) ? raw : [raw])].sort((a, b) => arrival(a) - arrival(b)).map((f) => ({
    field,
    originalName: f.originalFilename ?? 'upload',
    size: f.size,
    read: () => fs.readFile(f.filepath),
  }));
}

export async function removeTemporaryUploads(ctx: Context): Promise<void> {
  const files = (ctx.request as unknown as { files?: Record<string, FormidableFile | FormidableFile[]> }).files;
  if (!files) return;
  const all = Object.values(files).flatMap((f) => (Array.isArray(f) ? f : [f]));
  await Promise.all(all.map((f) => fs.rm(f.filepath, { force: true })));
}

/** The use cases' view of an upload: the client's name for messages, the size, the bytes on demand. */
export function incomingFiles(files: UploadedFile[]): { name: string; size: number; read(): Promise<Buffer> }[] {
  return files.map((f) => ({ name: f.originalName, size: f.size, read: f.read }));
}
