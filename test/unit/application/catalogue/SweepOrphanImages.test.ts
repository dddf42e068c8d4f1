import { SweepOrphanImages } from '../../../../src/application/catalogue/SweepOrphanImages';
import { FakeClock } from '../../../fakes/FakeClock';
import { InMemoryObjectStorage } from '../../../fakes/InMemoryObjectStorage';
import { InMemoryStoredImageReferences } from '../../../fakes/InMemoryStoredImageReferences';
import { RecordingLogger } from '../../../fakes/RecordingLogger';

const HOUR = 3600_000;

function world() {
  const clock = new FakeClock();
  const storage = new InMemoryObjectStorage(() => clock.now());
  const references = new InMemoryStoredImageReferences();
  const logger = new RecordingLogger();
  const put = (key: string) => storage.put(key, Buffer.from(key), 'image/png');
  return { clock, storage, references, logger, put, sweep: new SweepOrphanImages(storage, references, clock, logger) };
}

describe('SweepOrphanImages', () => {
  test('deletes unreferenced images older than the grace period and keeps referenced and young ones', async () => {
    const { clock, storage, references, put, sweep } = world();
    await put('tours/kept.png');
    await put('tours/orphan.png');
    await put('divisions/orphan.webp');
    await put('users/kept.jpg');
    await put('users/orphan.jpg');
    await put('invoices/INV-1.pdf');
    references.refer('tours/kept.png', 'users/kept.jpg');
    clock.advance(HOUR + 1);
    await put('tours/uploading.png'); // its transaction has not committed yet

    const result = await sweep.execute();

    expect(result).toEqual({ scanned: 6, tooYoung: 1, referenced: 2, orphans: 3, deleted: 3, failed: 0, dryRun: false });
    expect([...storage.objects.keys()].sort()).toEqual(['invoices/INV-1.pdf', 'tours/kept.png', 'tours/uploading.png', 'users/kept.jpg']);
  });

  test('the grace period is respected to the millisecond and can be widened', async () => {
    const { clock, storage, put, sweep } = world();
    await put('tours/a.png');
    clock.advance(HOUR);
    expect((await sweep.execute()).deleted).toBe(1);
    await put('tours/b.png');
    clock.advance(HOUR - 1);
    expect(await sweep.execute()).toMatchObject({ tooYoung: 1, deleted: 0 });
    clock.advance(HOUR);
    expect(await sweep.execute({ graceMs: 3 * HOUR })).toMatchObject({ tooYoung: 1, deleted: 0 });
    expect(await sweep.execute({ graceMs: 2 * HOUR - 1 })).toMatchObject({ tooYoung: 0, deleted: 1 });
    expect(storage.objects.size).toBe(0);
  });

  test('a dry run counts the orphans and deletes nothing', async () => {
    const { clock, storage, references, put, sweep } = world();
    await put('tours/orphan.png');
    await put('divisions/kept.png');
    references.refer('divisions/kept.png');
    clock.advance(2 * HOUR);
    expect(await sweep.execute({ dryRun: true })).toEqual({ scanned: 2, tooYoung: 0, referenced: 1, orphans: 1, deleted: 0, failed: 0, dryRun: true });
    expect([...storage.objects.keys()].sort()).toEqual(['divisions/kept.png', 'tours/orphan.png']);
  });

  test('a failed delete is counted and logged, and the rest still goes', async () => {
    const { clock, references, logger } = world();
    class StuckStorage extends InMemoryObjectStorage {
      override async delete(key: string): Promise<void> {
        if (key === 'tours/stuck.png') throw new Error('storage down');
        return super.delete(key);
      }
    }
    const storage = new StuckStorage(() => clock.now());
    await storage.put('tours/stuck.png', Buffer.from('x'), 'image/png');
    await storage.put('tours/loose.png', Buffer.from('y'), 'image/png');
    clock.advance(2 * HOUR);
    const result = await new SweepOrphanImages(storage, references, clock, logger).execute();
    expect(result).toMatchObject({ orphans: 2, deleted: 1, failed: 1 });
    expect([...storage.objects.keys()]).toEqual(['tours/stuck.png']);
    expect(logger.entries.map((e) => [e.level, e.fields.key])).toEqual([['warn', 'tours/stuck.png']]);
  });

  test('asks about references in batches, never one key at a time', async () => {
    const { clock, references, put, sweep } = world();
    for (let i = 0; i < 30; i++) await put(`tours/${i}.png`);
    for (let i = 0; i < 5; i++) await put(`users/${i}.png`);
    clock.advance(2 * HOUR);
    await sweep.execute({ dryRun: true });
    expect(references.asked).toEqual([30, 5]);
  });

  test('refuses a grace period shorter than a minute', async () => {
    const { sweep } = world();
    await expect(sweep.execute({ graceMs: 59_999 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', problems: [{ path: 'grace' }] });
    await expect(sweep.execute({ graceMs: Number.NaN })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
