// `minbar migrate`: applies pending schema migrations and says which.

export interface Migratable {
  readonly label: string;
  migrate(): Promise<{ readonly applied: readonly string[] }>;
}

export async function migrateCommand(target: Migratable, log: (line: string) => void): Promise<void> {
  const { applied } = await target.migrate();
  log(applied.length === 0 ? `${target.label}: schema is up to date.` : `${target.label}: applied ${applied.join(', ')}.`);
}
