// Front door of the configuration module.
export { loadConfig, ConfigError } from './config.js';
export type { Config, DatabaseKind } from './config.js';
export { INSTALL_ROOT } from './paths.js';
