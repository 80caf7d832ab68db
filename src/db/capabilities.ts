// What a database can do, asked by flag rather than by name, so callers never branch on the dialect.
// Each dialect folder fills one in; nothing here opens connections.

export interface Capabilities {
  /** Human name for logs and error messages only — never branch on it. */
  readonly label: 'SQLite' | 'PostgreSQL';
  /** Column type for an auto-incrementing integer primary key. */
  readonly serialType: 'integer' | 'serial';
  /** Column type for 64-bit integers (times in milliseconds). */
  readonly bigintType: 'integer' | 'bigint';
  /** LISTEN/NOTIFY for cross-process events. */
  readonly listenNotify: boolean;
  /** Several connections may write at the same time. */
  readonly concurrentWriters: boolean;
  /** Full-text engine behind the search index: SQLite FTS5 (unicode61) or PostgreSQL tsvector + GIN. */
  readonly fullText: 'fts5' | 'tsvector';
  /** How triggers are written: SQLite's trigger bodies or PostgreSQL's PL/pgSQL trigger functions. */
  readonly triggers: 'sqlite' | 'plpgsql';
}
