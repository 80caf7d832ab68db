// Front door of the command line: one file per command, each calling the same services as HTTP.
export type { SeedDeps } from './seed-command.js';
export { migrateCommand } from './migrate-command.js';
