import type { Root } from './infrastructure/root/buildRoot';
import type { CliDependencies } from './interfaces/cli/commands';
import type { HttpAppDependencies } from './interfaces/http/createHttpApp';
import type { WorkerDependencies } from './interfaces/worker/startWorker';
import type { ShutdownHooks } from './interfaces/edges';

/**
 * What each driving adapter is handed from the composition root: the use cases and ports it calls,
 * typed by what it declares it needs, and the configuration as the narrow settings it reads.
 */
export function httpDependencies(root: Root): HttpAppDependencies {
  return {
    useCases: root.useCases, ports: root.ports, settings: root.config, localFiles: root.localFiles,
    classifyFailure: root.classifyFailure, inRequestScope: root.inRequestScope,
  };
}

export function workerDependencies(root: Root): WorkerDependencies & { resources: ShutdownHooks } {
  return { useCases: root.useCases, ports: root.ports, settings: root.config, classifyFailure: root.classifyFailure, resources: root.resources };
}

export function cliDependencies(root: Root): CliDependencies {
  return { useCases: root.useCases, settings: root.config, classifyFailure: root.classifyFailure };
}
