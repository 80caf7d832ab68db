// Front door of the command line: one file per command, each calling the same services as HTTP.
export type { SeedDeps } from './seed-command.js';
export { migrateCommand } from './migrate-command.js';
export { importCommand, type ImportCommandDeps } from './import-command.js';
export { reindexCommand, type ReindexCommandDeps } from './reindex-command.js';
export { userCommand, readPasswordFromTerminal, type UserCommandDeps } from './user-command.js';
export { benchDataCommand, parseBenchDataArgs, readCorpus, corpusFiles, DEFAULT_CORPUS_DIR, type BenchDataOptions, type BenchDataDeps, type BenchDataTarget } from './bench-data-command.js';
export { backupCommand, type BackupDeps, type BackupManifest } from './backup-command.js';
export { restoreCommand, type RestoreDeps } from './restore-command.js';
