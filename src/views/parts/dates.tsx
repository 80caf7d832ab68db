// Dates readers can trust: the Gregorian date and time in the site's numbering system with the time
// zone spelled out (بتوقيت غرينتش +03:00), the machine-readable instant in <time datetime>, and the Hijri
// date beside it when the site shows one.
import type { ViewContext } from '../context.js';

/** "+03:00" in the site's digits (the machine-readable offset stays in <time datetime>). */
export function zoneOffset(ctx: ViewContext, at: number): string {
  const offset = ctx.fmt.iso(at).slice(-6);
  const digits = (d: string) => [...d].map((c) => ctx.fmt.number(Number(c))).join('');
  return `${offset[0]}${digits(offset.slice(1, 3))}:${digits(offset.slice(4, 6))}`;
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
