// Renders structured article text: inline runs with Latin text isolated in <bdi lang>, and body blocks.
// Pure rendering of domain values; Preact escapes every string, no raw HTML is ever injected.
import type { ComponentChildren } from 'preact';
import { bodyLines, type Block, type Inline, type Media } from '../../domain/index.js';
import { splitDirectionRuns } from '../../text/index.js';
import { Picture } from './picture.js';

/** Plain text whose Latin-script runs are isolated so they never reorder the Arabic around them. */
export function BidiText({ text, foreignLang = 'en' }: { text: string; foreignLang?: string }) {
  const runs = splitDirectionRuns(text);
  if (runs.length === 1 && !runs[0]!.ltr) return <>{text}</>;
  return (
    <>
      {runs.map((r, i) =>
        r.ltr ? (
          <bdi key={i} lang={foreignLang} dir="ltr">
            {r.text}
          </bdi>
        ) : (
          r.text
        ),
      )}
    </>
  );
}

function InlineRun({ run }: { run: Inline }) {
  let node: ComponentChildren = run.lang ? (
    <bdi lang={run.lang}>{run.text}</bdi>
  ) : (
    <BidiText text={run.text} />
  );
  if (run.italic) node = <em>{node}</em>;
  if (run.bold) node = <strong>{node}</strong>;
  if (run.href) {
    const external = /^https?:\/\//.test(run.href);
    node = (
      <a href={run.href} rel={external ? 'noopener' : undefined}>
        {node}
      </a>
    );
  }
  return <>{node}</>;
}

export function Inlines({ content }: { content: readonly Inline[] }) {
  return (
    <>
      {content.map((run, i) => (
        <InlineRun key={i} run={run} />
      ))}
    </>
  );
}

export function BodyBlocks({ blocks, media }: { blocks: readonly Block[]; media: ReadonlyMap<number, Media> }) {
  return (
    <>
      {blocks.map((b, i) => {
        switch (b.type) {
          case 'paragraph':
            return (
              <p key={i}>
                <Inlines content={b.content} />
              </p>
            );
          case 'heading':
            return b.level === 2 ? (
              <h2 key={i}>
                <Inlines content={b.content} />
              </h2>
            ) : (
              <h3 key={i}>
                <Inlines content={b.content} />
              </h3>
            );
          case 'quote':
            return (
              <blockquote key={i}>
                <p>
                  <Inlines content={b.content} />
                </p>
                {b.cite ? (
                  <footer>
                    <cite>
                      <BidiText text={b.cite} />
                    </cite>
                  </footer>
                ) : null}
              </blockquote>
            );
          case 'list': {
            const items = b.items.map((item, j) => (
              <li key={j}>
                <Inlines content={item} />
              </li>
            ));
            return b.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
          }
          case 'image': {
            const m = media.get(b.mediaId);
            if (!m) return null;
            const caption = b.caption ?? m.caption;
            const credit = b.credit ?? m.credit;
            return (
              <figure key={i} class="body-figure">
                <Picture media={m} alt={b.alt ?? m.alt} sizes="(min-width: 60em) 44rem, 100vw" />
                {caption || credit ? (
                  <figcaption>
                    {caption ? <BidiText text={caption} /> : null}
                    {credit ? <span class="credit"> {credit}</span> : null}
                  </figcaption>
                ) : null}
              </figure>
            );
          }
          case 'embed':
            // Click-to-load: no third-party script or frame until the reader asks for it.
            return (
              <p key={i} class="embed">
                <a href={b.url} rel="noopener">
                  <BidiText text={b.title} />
                </a>
              </p>
            );
          default:
            return null;
        }
      })}
    </>
  );
}

/** Plain text of a body, for word counts and descriptions. */
export function bodyText(blocks: readonly Block[]): string {
  return bodyLines(blocks).join('\n');
}
