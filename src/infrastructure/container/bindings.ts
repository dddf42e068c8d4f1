import { ContainerModuleLoadOptions, ResolutionContext } from 'inversify';

type Id<T> = symbol | (abstract new (...args: never[]) => T);

/** Binds `id` to one instance made by `factory` on first use. */
export function single<T>(bind: ContainerModuleLoadOptions['bind'], id: Id<T>, factory: (c: ResolutionContext) => T): void {
  bind<T>(id).toDynamicValue(factory).inSingletonScope();
}
