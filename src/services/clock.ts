// The clock services are given, so tests can fix time. Services never call Date.now() themselves.
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export function fixedClock(at: number): Clock & { set(t: number): void; advance(ms: number): void } {
  let t = at;
  return {
    now: () => t,
    set: (v) => {
      t = v;
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
