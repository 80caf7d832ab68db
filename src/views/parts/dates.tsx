// Dates readers can trust: the Gregorian date and time in the site's numbering system with the time
// zone spelled out (بتوقيت غرينتش +03:00), the machine-readable instant in <time datetime>, and the Hijri
// date beside it when the site shows one.
import type { ViewContext } from '../context.js';

export function zoneOffset(ctx: ViewContext, at: number): string {
  const iso = ctx.fmt.iso(at);
  return iso.slice(-6);
}

export function DateLine({ ctx, at, withHijri = false }: { ctx: ViewContext; at: number; withHijri?: boolean }) {
  return (
    <>
      <time datetime={ctx.fmt.iso(at)}>{ctx.fmt.dateTime(at)}</time>{' '}
      <span class="tz">
        (<bdi>{ctx.t.reader.timeZone(zoneOffset(ctx, at))}</bdi>)
      </span>
      {withHijri && ctx.fmt.hijri ? <span class="hijri"> · {ctx.fmt.hijriDate(at)}</span> : null}
    </>
  );
}
