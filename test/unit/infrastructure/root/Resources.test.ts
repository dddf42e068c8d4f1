import { Resources } from '../../../../src/infrastructure/root/Resources';
import { RecordingLogger } from '../../../fakes/RecordingLogger';

describe('Resources', () => {
  test('drains registered with `first` close before everything else, each group newest first; a failure does not stop the rest', async () => {
    const logger = new RecordingLogger();
    const resources = new Resources(logger);
    const closed: string[] = [];
    const closer = (name: string) => async () => {
      closed.push(name);
    };
    resources.onShutdown('database', closer('database'));
    resources.onShutdown('job worker', closer('job worker'), { first: true });
    // created lazily, after the worker started: it must still outlive the worker's running jobs
    resources.onShutdown('pdf renderer', async () => {
      closed.push('pdf renderer');
      throw new Error('browser already gone');
    });
    resources.onShutdown('second worker', closer('second worker'), { first: true });

    await resources.closeAll();
    expect(closed).toEqual(['second worker', 'job worker', 'pdf renderer', 'database']);
    expect(logger.entries).toEqual([expect.objectContaining({ level: 'error', message: 'closing resource failed', fields: expect.objectContaining({ resource: 'pdf renderer' }) })]);

    await resources.closeAll();
    expect(closed).toHaveLength(4);
  });
});
