// Front door of the benchmark archive generator (issue 8).
export { createArchiveGenerator, ArchiveNotEmpty, ARCHIVE_SECTIONS, type ArchiveGenerator, type ArchiveReport, type CorpusText, type GenerateOptions } from './archive-generator.js';
