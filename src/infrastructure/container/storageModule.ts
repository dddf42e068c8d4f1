import path from 'node:path';
import { ContainerModule } from 'inversify';
import { HealthCheck } from '../../application/ports/HealthCheck';
import { TOKENS as T } from '../../application/ports/tokens';
import { Config } from '../config/Config';
import { LocalObjectStorage } from '../storage/LocalObjectStorage';
import { MinioObjectStorage } from '../storage/MinioObjectStorage';
import { single } from './bindings';

export function storageAdapterName(config: Config): string {
  return config.s3 ? `minio (${config.s3.endpoint}, bucket ${config.s3.bucket})` : `local directory (${path.join(config.varDir, 'storage')})`;
}

/** S3/MinIO when S3_ENDPOINT is set, else files under VAR_DIR/storage served by the app with signed URLs. */
export function storageModule(config: Config): ContainerModule {
  return new ContainerModule(({ bind }) => {
    const s3 = config.s3;
    if (s3) {
      single(bind, MinioObjectStorage, (c) => new MinioObjectStorage(s3, c.get(T.Clock)));
      bind(T.ObjectStorage).toService(MinioObjectStorage);
      bind<HealthCheck>(T.HealthChecks).toDynamicValue((c) => ({ name: 'storage', check: () => c.get(MinioObjectStorage).check() }));
      return;
    }
    single(bind, LocalObjectStorage, (c) => new LocalObjectStorage(path.join(config.varDir, 'storage'), config.publicUrl, config.secrets.storageSigning, c.get(T.Clock)));
    bind(T.ObjectStorage).toService(LocalObjectStorage);
  });
}
