// Front door of live coverage: the service, its hub and transports, and the shapes it hands out.
export { createLiveService, ENTRIES_PER_PAGE, EVENT_RETENTION_MS, type LiveService, type LiveServiceDeps, type LiveEntryInput, type BreakingInput, type StreamInput, type ScheduleInput } from './live-service.js';
export { memoryTransport, redisTransport, listenNotifyTransport, chooseLiveTransport, type LiveTransport } from './live-transport.js';
export { MAX_REPLAY } from './live-event-log.js';
export type { LiveSink, LiveConnection, LiveHub } from './live-hub.js';
export * from './live-types.js';
