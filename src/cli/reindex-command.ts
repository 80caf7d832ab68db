// `minbar reindex`: rebuilds the search index from the published articles (after changing the analyzer
// or the protected names), with a progress bar on stderr. Must not know how documents are analyzed.
import cliProgress from 'cli-progress';
import type { SearchService } from '../services/index.js';

export interface ReindexCommandDeps {
  readonly search: SearchService;
  readonly log: (line: string) => void;
  readonly progressStream?: NodeJS.WritableStream;
}

export async function reindexCommand(deps: ReindexCommandDeps): Promise<number> {
  const bar = new cliProgress.SingleBar(
    { stream: deps.progressStream ?? process.stderr, format: 'reindex [{bar}] {value}/{total} articles | {eta_formatted}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let begun = false;
  try {
    const n = await deps.search.reindex((done, total) => {
      if (!begun) {
        bar.start(total, 0);
        begun = true;
      }
      bar.update(done);
    });
    if (begun) bar.stop();
    const bytes = await deps.search.storageBytes();
    deps.log(`Reindexed ${n} articles in ${((Date.now() - started) / 1000).toFixed(1)} s; the index takes ${(bytes / 1_048_576).toFixed(1)} MiB.`);
    return 0;
  } finally {
    if (begun) bar.stop();
  }
}
