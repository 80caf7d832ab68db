// Error pages in the reader's language (404, 410, 400, 413, 415, 429, 500), never indexed.
import type { ViewContext } from '../context.js';
import { Document } from '../layout/document.js';

export type ErrorKind = 'notFound' | 'gone' | 'badRequest' | 'payloadTooLarge' | 'unsupportedMediaType' | 'tooManyRequests' | 'serverError';

export function ErrorPage({ ctx, kind }: { ctx: ViewContext; kind: ErrorKind }) {
  const e = ctx.t.errors;
  const [title, body] =
    kind === 'notFound'
      ? [e.notFoundTitle, e.notFoundBody]
      : kind === 'gone'
        ? [e.goneTitle, e.goneBody]
        : kind === 'badRequest'
          ? [e.badRequestTitle, e.badRequestBody]
          : kind === 'payloadTooLarge'
            ? [e.payloadTooLargeTitle, e.payloadTooLargeBody]
            : kind === 'unsupportedMediaType'
              ? [e.unsupportedMediaTypeTitle, e.unsupportedMediaTypeBody]
          : kind === 'tooManyRequests'
            ? [e.badRequestTitle, e.tooManyRequests]
            : [e.serverErrorTitle, e.serverErrorBody];
  return (
    <Document ctx={ctx} meta={{ title, noindex: true }}>
      <section class="error-page">
        <h1>{title}</h1>
        <p>{body}</p>
        <p>
          <a href="/">{e.backHome}</a>
        </p>
      </section>
    </Document>
  );
}
