// `minbar import FILE.jsonl`: streams the file line by line into the import service, with a progress
// bar on stderr and every rejected line named. Must not know how articles are validated or written.
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import cliProgress from 'cli-progress';
import type { ImportReport, ImportService } from '../services/index.js';

export interface ImportCommandDeps {
  readonly imports: ImportService;
  readonly log: (line: string) => void;
  readonly error: (line: string) => void;
  /** The progress bar's stream; stderr by default, so stdout stays a clean report. */
  readonly progressStream?: NodeJS.WritableStream;
}

/** Errors listed one per line; past this many, only their count. */
const MAX_LISTED_ERRORS = 100;

async function countLines(file: string): Promise<number> {
  let n = 0;
  let last = 10;
  for await (const chunk of createReadStream(file)) {
    const buf = chunk as Buffer;
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
    if (buf.length > 0) last = buf[buf.length - 1]!;
  }
  return last === 10 ? n : n + 1;
}

export async function importCommand(deps: ImportCommandDeps, file: string): Promise<number> {
  try {
    await access(file);
  } catch {
    deps.error(`Cannot read ${file}.`);
    return 66; // EX_NOINPUT
  }
  const total = await countLines(file);
  const bar = new cliProgress.SingleBar(
    {
      stream: deps.progressStream ?? process.stderr,
      format: 'import [{bar}] {value}/{total} lines | {imported} imported, {skipped} already there, {failed} rejected | {eta_formatted}',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const fields = (r: ImportReport) => ({ imported: r.imported, skipped: r.skipped, failed: r.errors.length });
  bar.start(total, 0, { imported: 0, skipped: 0, failed: 0 });
  const started = Date.now();
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let report: ImportReport;
  try {
    report = await deps.imports.importLines(lines, (r) => bar.update(r.lines, fields(r)));
    bar.update(report.lines, fields(report));
  } finally {
    bar.stop();
  }
  for (const e of report.errors.slice(0, MAX_LISTED_ERRORS)) deps.error(`line ${e.line}: ${e.message}`);
  if (report.errors.length > MAX_LISTED_ERRORS) deps.error(`… and ${report.errors.length - MAX_LISTED_ERRORS} more rejected lines.`);
  const seconds = (Date.now() - started) / 1000;
  deps.log(
    `Imported ${report.imported} articles, ${report.skipped} already imported, ${report.errors.length} lines rejected (${report.lines} lines in ${seconds.toFixed(1)} s).`,
  );
  return report.errors.length > 0 ? 1 : 0;
}
