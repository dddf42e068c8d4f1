import { InProcessBackgroundTasks } from '../../src/infrastructure/system/InProcessBackgroundTasks';
import { ImmediateBackgroundTasks } from '../fakes/ImmediateBackgroundTasks';
import { RecordingLogger } from '../fakes/RecordingLogger';
import { describeBackgroundTasksContract } from './BackgroundTasks.contract';

describeBackgroundTasksContract('ImmediateBackgroundTasks', () => {
  const tasks = new ImmediateBackgroundTasks();
  return { tasks, settled: () => tasks.settled(), failures: () => tasks.errors.map((e) => e.name) };
});

describeBackgroundTasksContract('InProcessBackgroundTasks', () => {
  const logger = new RecordingLogger();
  const tasks = new InProcessBackgroundTasks(logger);
  return {
    tasks,
    settled: async () => void (await tasks.drain(5_000)),
    failures: () => logger.at('error').filter((e) => e.message === 'background task failed').map((e) => String(e.fields.task)),
  };
});
