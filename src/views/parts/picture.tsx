// A responsive picture: AVIF and WebP sources with width descriptors, a JPEG fallback, explicit size.
// Knows media variants and their URLs; nothing of where the picture sits on the page.
import type { Media, MediaVariant } from '../../domain/index.js';

export function mediaUrl(key: string): string {
  return `/media/${key}`;
}

function srcset(variants: readonly MediaVariant[], format: MediaVariant['format']): string {
  return variants
    .filter((v) => v.format === format)
    .map((v) => `${mediaUrl(v.key)} ${v.width}w`)
    .join(', ');
}

/** The JPEG variant nearest to `width`, for share cards and feeds. */
export function variantNear(media: Media, width: number): MediaVariant | null {
  const jpegs = media.variants.filter((v) => v.format === 'jpeg');
  return jpegs.find((v) => v.width >= width) ?? jpegs.at(-1) ?? null;
}

export function Picture({
  media,
  alt,
  sizes,
  priority = false,
  class: className,
}: {
  media: Media;
  alt: string;
  sizes: string;
  priority?: boolean;
  class?: string;
}) {
  const fallback = variantNear(media, 960);
  if (!fallback) return null;
  return (
    <picture class={className}>
      <source type="image/avif" srcset={srcset(media.variants, 'avif')} sizes={sizes} />
      <source type="image/webp" srcset={srcset(media.variants, 'webp')} sizes={sizes} />
      <img
        src={mediaUrl(fallback.key)}
        srcset={srcset(media.variants, 'jpeg')}
        sizes={sizes}
        width={fallback.width}
        height={fallback.height}
        alt={alt}
        decoding="async"
        loading={priority ? 'eager' : 'lazy'}
        {...(priority ? { fetchpriority: 'high' } : {})}
      />
    </picture>
  );
}
