/** The hexagon's dependency rule, checked on every `npm test`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain imports nothing outside itself (no frameworks, no Node built-ins).',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { pathNot: '^src/domain' },
    },
    {
      name: 'application-depends-on-domain-only',
      comment: 'src/application imports only src/domain and its own ports; no libraries, no adapters.',
      severity: 'error',
      from: { path: '^src/application' },
      to: { pathNot: '^src/(domain|application)' },
    },
    {
      name: 'infrastructure-never-reaches-interfaces',
      severity: 'error',
      from: { path: '^src/infrastructure' },
      to: { path: '^src/interfaces' },
    },
    {
      name: 'interfaces-are-handed-what-they-call',
      comment:
        'Driving adapters (HTTP, CLI, worker) get use cases, ports and settings handed in by the entry points: they never import '
        + 'the composition root, a container, a concrete adapter or the infrastructure Config, nor the logging and metrics libraries.',
      severity: 'error',
      from: { path: '^src/interfaces' },
      to: { path: ['^src/infrastructure', 'node_modules/(inversify|tsyringe|awilix|typedi|pino|pino-[a-z-]+|prom-client)/'] },
    },
    {
      name: 'only-entry-points-wire',
      comment: 'The composition root (src/infrastructure/root) is built only by the entry points (src/*.ts).',
      severity: 'error',
      from: { path: '^src/(domain|application|infrastructure|interfaces)/', pathNot: '^src/infrastructure/root/' },
      to: { path: '^src/infrastructure/root/' },
    },
    {
      name: 'only-interfaces-know-koa',
      severity: 'error',
      from: { pathNot: '^src/interfaces' },
      to: { path: 'node_modules/(koa|@koa/|koa-body|koa-helmet)' },
    },
    {
      name: 'only-infrastructure-knows-drivers',
      comment: 'TypeORM, ioredis, puppeteer, minio and nodemailer live behind ports.',
      severity: 'error',
      from: { pathNot: '^src/infrastructure' },
      to: { path: 'node_modules/(typeorm|ioredis|puppeteer-core|minio|nodemailer|mysql2|better-sqlite3|@node-rs/argon2|jsonwebtoken|handlebars|pino|prom-client)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(test|bench)/' },
  },
};
