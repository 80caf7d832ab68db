// Generator of the demo outlet's artwork: original abstract editorial illustrations, drawn as SVG and rasterised to JPEG.
// Knows only the DemoArt shape; nothing of articles, the database, storage or the network (no fonts, no downloads).
import sharp from 'sharp';
import type { DemoArt } from './demo-types.js';

type Motif = DemoArt['motif'];

interface Palette {
  /** Five tones ordered darkest to lightest. */
  readonly tones: readonly [string, string, string, string, string];
  /** A contrasting highlight used sparingly. */
  readonly accent: string;
}

/** Twelve restrained palettes that sit well beside news typography. */
const PALETTES: readonly Palette[] = [
  { tones: ['#0f2a44', '#1f4e79', '#3a7ca5', '#8cc4d8', '#e4f2f5'], accent: '#f2b134' }, // harbour blue
  { tones: ['#4b2e2a', '#8c5a3c', '#c08552', '#e0c9a6', '#f6eee1'], accent: '#2a6f97' }, // sand
  { tones: ['#24311f', '#4f6d3a', '#8aa05a', '#d3d9a6', '#f3f0e2'], accent: '#c4572f' }, // olive
  { tones: ['#2b193d', '#5c2a5a', '#a23e60', '#e0777d', '#f9dcb8'], accent: '#f5b841' }, // dusk
  { tones: ['#1e2329', '#39424e', '#6b7b8c', '#b8c4ce', '#eef2f5'], accent: '#e4572e' }, // slate
  { tones: ['#0b3c49', '#12706f', '#3fa18f', '#a6d5c4', '#eef7f2'], accent: '#f08a4b' }, // teal
  { tones: ['#5a2a27', '#b5533c', '#e08e5a', '#f2c8a0', '#fbf1e6'], accent: '#2f5d62' }, // terracotta
  { tones: ['#101418', '#23303d', '#2f5d8a', '#6fa3d2', '#e8eef4'], accent: '#d64550' }, // ink
  { tones: ['#2d3a3a', '#5b8e7d', '#bc4b51', '#f4a259', '#fff3d6'], accent: '#8cb369' }, // saffron
  { tones: ['#17413d', '#2f7f73', '#6fb3a0', '#b6dccd', '#eaf4f0'], accent: '#f2c14e' }, // mint
  { tones: ['#3c2a3f', '#a64d5a', '#e58f8a', '#f6c6c0', '#fdf0ee'], accent: '#5f8fa8' }, // rose
  { tones: ['#0b1026', '#1b2a4e', '#34568b', '#7aa2d6', '#dfe8f5'], accent: '#f6d37a' }, // night
];

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Ctx {
  readonly w: number;
  readonly h: number;
  readonly p: Palette;
  readonly r: () => number;
  /** Scale unit: 1 at a 1600-pixel-wide canvas. */
  readonly u: number;
  readonly defs: string[];
  readonly range: (a: number, b: number) => number;
  readonly int: (a: number, b: number) => number;
  readonly pick: <T>(items: readonly T[]) => T;
  readonly chance: (p: number) => boolean;
}

/** Numbers printed compactly so the SVG stays small and parses fast. */
function n(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}

function hexToRgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** Blend two hex colours; t = 0 gives a, t = 1 gives b. */
function mix(a: string, b: string, t: number): string {
  const ca = hexToRgb(a);
  const cb = hexToRgb(b);
  const out = ca.map((c, i) => Math.round(c + ((cb[i] ?? c) - c) * t));
  return '#' + out.map((c) => c.toString(16).padStart(2, '0')).join('');
}

/** Smooth path through points (Catmull-Rom converted to cubic Béziers). */
function smoothLine(pts: readonly (readonly [number, number])[]): string {
  if (pts.length < 2) return '';
  const first = pts[0]!;
  let d = `M${n(first[0])} ${n(first[1])}`;
  for (let i = 0; i < pts.length - 1; i++) {
    const p0 = pts[Math.max(0, i - 1)]!;
    const p1 = pts[i]!;
    const p2 = pts[i + 1]!;
    const p3 = pts[Math.min(pts.length - 1, i + 2)]!;
    const c1x = p1[0] + (p2[0] - p0[0]) / 6;
    const c1y = p1[1] + (p2[1] - p0[1]) / 6;
    const c2x = p2[0] - (p3[0] - p1[0]) / 6;
    const c2y = p2[1] - (p3[1] - p1[1]) / 6;
    d += `C${n(c1x)} ${n(c1y)} ${n(c2x)} ${n(c2y)} ${n(p2[0])} ${n(p2[1])}`;
  }
  return d;
}

/** A gently undulating horizon: a sum of two sines with random phase. */
function ridge(c: Ctx, baseY: number, amp: number, steps: number): [number, number][] {
  const f1 = c.range(0.6, 1.6);
  const f2 = c.range(1.8, 3.6);
  const ph1 = c.range(0, Math.PI * 2);
  const ph2 = c.range(0, Math.PI * 2);
  const pts: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const x = (i / steps) * c.w;
    const t = (i / steps) * Math.PI * 2;
    const y = baseY + amp * (0.7 * Math.sin(t * f1 + ph1) + 0.3 * Math.sin(t * f2 + ph2));
    pts.push([x, y]);
  }
  return pts;
}

function linearGradient(c: Ctx, id: string, stops: readonly string[], vertical = true): string {
  const coords = vertical ? 'x1="0" y1="0" x2="0" y2="1"' : 'x1="0" y1="0" x2="1" y2="1"';
  const s = stops.map((col, i) => `<stop offset="${n((i / Math.max(1, stops.length - 1)) * 100)}%" stop-color="${col}"/>`).join('');
  c.defs.push(`<linearGradient id="${id}" ${coords}>${s}</linearGradient>`);
  return `url(#${id})`;
}

function bg(c: Ctx, fill: string): string {
  return `<rect width="${c.w}" height="${c.h}" fill="${fill}"/>`;
}

// ---------------------------------------------------------------- motifs

function waves(c: Ctx): string {
  const [d0, d1, d2, d3, d4] = c.p.tones;
  const out: string[] = [bg(c, linearGradient(c, 'sky', [d4, mix(d4, d3, 0.7)]))];
  const sx = c.range(0.15, 0.85) * c.w;
  const sy = c.range(0.16, 0.3) * c.h;
  out.push(`<circle cx="${n(sx)}" cy="${n(sy)}" r="${n(c.range(70, 120) * c.u)}" fill="${c.p.accent}" fill-opacity="0.9"/>`);
  const layers = c.int(5, 7);
  for (let i = 0; i < layers; i++) {
    const t = i / (layers - 1);
    const baseY = c.h * (0.36 + t * 0.52);
    const pts = ridge(c, baseY, c.range(18, 46) * c.u * (1 - t * 0.3), 28);
    const col = mix(mix(d3, d2, Math.min(1, t * 2)), mix(d1, d0, t), t);
    out.push(`<path d="${smoothLine(pts)}L${c.w} ${c.h}L0 ${c.h}Z" fill="${col}"/>`);
    if (c.chance(0.55)) {
      const crest = pts.map(([x, y]) => [x, y + 14 * c.u] as [number, number]);
      out.push(`<path d="${smoothLine(crest)}" fill="none" stroke="${d4}" stroke-opacity="0.35" stroke-width="${n(3 * c.u)}"/>`);
    }
  }
  return out.join('');
}

function grid(c: Ctx): string {
  const [d0, d1, d2, d3, d4] = c.p.tones;
  const dark = c.chance(0.5);
  const out: string[] = [bg(c, dark ? d0 : d4)];
  const cols = c.int(8, 13);
  const cell = c.w / cols;
  const rows = Math.ceil(c.h / cell);
  const oy = (c.h - rows * cell) / 2;
  const inks = dark ? [d1, d2, d3, d4, c.p.accent] : [d0, d1, d2, d3, c.p.accent];
  const pad = cell * 0.08;
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const x = col * cell + pad;
      const y = oy + row * cell + pad;
      const s = cell - pad * 2;
      const roll = c.r();
      const fill = c.chance(0.1) ? c.p.accent : c.pick(inks.slice(0, 4));
      if (roll < 0.14) continue;
      if (roll < 0.4) {
        out.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(s)}" height="${n(s)}" rx="${n(s * 0.08)}" fill="${fill}"/>`);
      } else if (roll < 0.6) {
        out.push(`<circle cx="${n(x + s / 2)}" cy="${n(y + s / 2)}" r="${n(s / 2)}" fill="${fill}"/>`);
      } else if (roll < 0.8) {
        // quarter disc anchored in a random corner
        const k = c.int(0, 3);
        const cx = k % 2 === 0 ? x : x + s;
        const cy = k < 2 ? y : y + s;
        const ex = k % 2 === 0 ? x + s : x;
        const ey = k < 2 ? y + s : y;
        const sweep = k === 0 || k === 3 ? 1 : 0;
        out.push(`<path d="M${n(cx)} ${n(cy)}L${n(ex)} ${n(cy)}A${n(s)} ${n(s)} 0 0 ${sweep} ${n(cx)} ${n(ey)}Z" fill="${fill}"/>`);
      } else if (roll < 0.9) {
        // half disc
        const vertical = c.chance(0.5);
        const d = vertical
          ? `M${n(x + s / 2)} ${n(y)}A${n(s / 2)} ${n(s / 2)} 0 0 ${c.chance(0.5) ? 1 : 0} ${n(x + s / 2)} ${n(y + s)}Z`
          : `M${n(x)} ${n(y + s / 2)}A${n(s / 2)} ${n(s / 2)} 0 0 ${c.chance(0.5) ? 1 : 0} ${n(x + s)} ${n(y + s / 2)}Z`;
        out.push(`<path d="${d}" fill="${fill}"/>`);
      } else {
        // ring
        out.push(`<circle cx="${n(x + s / 2)}" cy="${n(y + s / 2)}" r="${n(s * 0.36)}" fill="none" stroke="${fill}" stroke-width="${n(s * 0.12)}"/>`);
      }
    }
  }
  return out.join('');
}

function circles(c: Ctx): string {
  const [d0, d1, d2, d3, d4] = c.p.tones;
  const out: string[] = [bg(c, linearGradient(c, 'deep', [d0, d1], false))];
  const count = c.int(7, 11);
  const inks = [d2, d3, d4, c.p.accent, d1];
  for (let i = 0; i < count; i++) {
    const rad = c.range(0.08, 0.32) * c.w;
    out.push(
      `<circle cx="${n(c.range(-0.05, 1.05) * c.w)}" cy="${n(c.range(-0.1, 1.1) * c.h)}" r="${n(rad)}" fill="${c.pick(inks)}" fill-opacity="${n(c.range(0.35, 0.8))}"/>`,
    );
  }
  // concentric rings as a focal point
  const fx = c.range(0.25, 0.75) * c.w;
  const fy = c.range(0.3, 0.7) * c.h;
  const rings = c.int(4, 7);
  const step = c.range(22, 40) * c.u;
  for (let i = 1; i <= rings; i++) {
    out.push(`<circle cx="${n(fx)}" cy="${n(fy)}" r="${n(i * step)}" fill="none" stroke="${d4}" stroke-opacity="${n(0.75 - i * 0.08)}" stroke-width="${n(2.5 * c.u)}"/>`);
  }
  out.push(`<circle cx="${n(fx)}" cy="${n(fy)}" r="${n(step * 0.55)}" fill="${c.p.accent}"/>`);
  // a sparse constellation of dots
  const dots = c.int(18, 34);
  for (let i = 0; i < dots; i++) {
    out.push(`<circle cx="${n(c.r() * c.w)}" cy="${n(c.r() * c.h)}" r="${n(c.range(2, 6) * c.u)}" fill="${d4}" fill-opacity="0.7"/>`);
  }
  return out.join('');
}

function skyline(c: Ctx): string {
  const [d0, d1, d2, d3, d4] = c.p.tones;
  const out: string[] = [bg(c, linearGradient(c, 'dusk', [mix(d3, d4, 0.4), d4, mix(d4, c.p.accent, 0.25)]))];
  out.push(`<circle cx="${n(c.range(0.2, 0.8) * c.w)}" cy="${n(c.range(0.3, 0.45) * c.h)}" r="${n(c.range(90, 150) * c.u)}" fill="${c.p.accent}" fill-opacity="0.85"/>`);
  const layers: { col: string; base: number; hMin: number; hMax: number; windows: boolean }[] = [
    { col: mix(d3, d2, 0.5), base: 0.86, hMin: 0.25, hMax: 0.5, windows: false },
    { col: d1, base: 0.9, hMin: 0.18, hMax: 0.42, windows: false },
    { col: d0, base: 0.94, hMin: 0.12, hMax: 0.34, windows: true },
  ];
  for (const layer of layers) {
    let x = -c.range(0, 60) * c.u;
    const baseY = layer.base * c.h;
    while (x < c.w) {
      const bw = c.range(60, 150) * c.u;
      const bh = c.range(layer.hMin, layer.hMax) * c.h;
      const top = baseY - bh;
      out.push(`<rect x="${n(x)}" y="${n(top)}" width="${n(bw + 1)}" height="${n(bh + 1)}" fill="${layer.col}"/>`);
      const roof = c.r();
      if (roof < 0.18) {
        // dome
        out.push(`<path d="M${n(x + bw * 0.2)} ${n(top)}A${n(bw * 0.3)} ${n(bw * 0.3)} 0 0 1 ${n(x + bw * 0.8)} ${n(top)}Z" fill="${layer.col}"/>`);
      } else if (roof < 0.36) {
        // slender tower
        const tw = bw * 0.14;
        out.push(`<rect x="${n(x + bw / 2 - tw / 2)}" y="${n(top - bh * 0.35)}" width="${n(tw)}" height="${n(bh * 0.35 + 1)}" fill="${layer.col}"/>`);
      } else if (roof < 0.5) {
        // stepped crown
        out.push(`<rect x="${n(x + bw * 0.18)}" y="${n(top - 24 * c.u)}" width="${n(bw * 0.64)}" height="${n(24 * c.u + 1)}" fill="${layer.col}"/>`);
      }
      if (layer.windows) {
        const ww = 9 * c.u;
        const wh = 13 * c.u;
        const gx = 22 * c.u;
        const gy = 28 * c.u;
        const nx = Math.floor((bw - 16 * c.u) / gx);
        const ny = Math.floor((bh - 30 * c.u) / gy);
        for (let i = 0; i < nx; i++) {
          for (let j = 0; j < ny; j++) {
            if (!c.chance(0.32)) continue;
            out.push(`<rect x="${n(x + 12 * c.u + i * gx)}" y="${n(top + 18 * c.u + j * gy)}" width="${n(ww)}" height="${n(wh)}" fill="${c.chance(0.8) ? d4 : c.p.accent}" fill-opacity="0.8"/>`);
          }
        }
      }
      x += bw + c.range(0, 14) * c.u;
    }
    out.push(`<rect x="0" y="${n(baseY)}" width="${c.w}" height="${n(c.h - baseY + 1)}" fill="${layer.col}"/>`);
  }
  return out.join('');
}

function field(c: Ctx): string {
  const [d0, d1, d2, d3, d4] = c.p.tones;
  const out: string[] = [bg(c, linearGradient(c, 'air', [d4, mix(d4, d3, 0.5)]))];
  out.push(`<circle cx="${n(c.range(0.1, 0.9) * c.w)}" cy="${n(c.range(0.18, 0.3) * c.h)}" r="${n(c.range(60, 100) * c.u)}" fill="${c.p.accent}"/>`);
  const hills = c.int(4, 6);
  const inks = [d3, d2, mix(d2, d1, 0.5), d1, mix(d1, d0, 0.5), d0];
  for (let i = 0; i < hills; i++) {
    const t = i / (hills - 1);
    const baseY = c.h * (0.48 + t * 0.4);
    const pts = ridge(c, baseY, c.range(30, 70) * c.u, 16);
    const col = inks[Math.min(inks.length - 1, i)] ?? d0;
    out.push(`<path d="${smoothLine(pts)}L${c.w} ${c.h}L0 ${c.h}Z" fill="${col}"/>`);
    // furrows: thin parallel lines that follow the hill's crest
    if (i >= 1) {
      const lines = c.int(2, 4);
      for (let k = 1; k <= lines; k++) {
        const off = k * c.range(16, 26) * c.u;
        const furrow = pts.map(([x, y]) => [x, y + off] as [number, number]);
        out.push(`<path d="${smoothLine(furrow)}" fill="none" stroke="${mix(col, d4, 0.25)}" stroke-width="${n(2.5 * c.u)}" stroke-opacity="0.6"/>`);
      }
    }
    // a row of round trees on some hills
    if (i >= 1 && c.chance(0.5)) {
      const treeCol = mix(col, d0, 0.45);
      const start = c.int(0, pts.length - 6);
      const count = c.int(3, 6);
      for (let k = 0; k < count; k++) {
        const p = pts[Math.min(pts.length - 1, start + k)];
        if (!p) break;
        const rr = c.range(12, 22) * c.u;
        out.push(`<rect x="${n(p[0] - 2 * c.u)}" y="${n(p[1] - rr)}" width="${n(4 * c.u)}" height="${n(rr)}" fill="${treeCol}"/>`);
        out.push(`<circle cx="${n(p[0])}" cy="${n(p[1] - rr * 1.4)}" r="${n(rr)}" fill="${treeCol}"/>`);
      }
    }
  }
  return out.join('');
}

function rays(c: Ctx): string {
  const [d0, d1, d2, d3, d4] = c.p.tones;
  const out: string[] = [bg(c, d0)];
  const ox = c.range(0.1, 0.9) * c.w;
  const oy = c.pick([c.range(0.75, 1.1), c.range(0.35, 0.6)]) * c.h;
  const count = c.int(16, 30);
  const reach = Math.hypot(c.w, c.h) * 1.2;
  const rot = c.range(0, Math.PI * 2);
  const inks = [d1, d2, d3];
  for (let i = 0; i < count; i++) {
    const a0 = rot + (i / count) * Math.PI * 2;
    const a1 = a0 + (Math.PI * 2) / count * c.range(0.35, 0.6);
    out.push(
      `<path d="M${n(ox)} ${n(oy)}L${n(ox + Math.cos(a0) * reach)} ${n(oy + Math.sin(a0) * reach)}L${n(ox + Math.cos(a1) * reach)} ${n(oy + Math.sin(a1) * reach)}Z" fill="${inks[i % inks.length]}" fill-opacity="${(Math.round(c.range(45, 85)) / 100).toString()}"/>`,
    );
  }
  const rings = c.int(3, 6);
  const step = c.range(50, 90) * c.u;
  for (let i = rings; i >= 1; i--) {
    out.push(`<circle cx="${n(ox)}" cy="${n(oy)}" r="${n(i * step)}" fill="${mix(d4, c.p.accent, i / rings)}" fill-opacity="${n(0.25 + (1 - i / rings) * 0.6)}"/>`);
  }
  out.push(`<circle cx="${n(ox)}" cy="${n(oy)}" r="${n(step * 0.6)}" fill="${d4}"/>`);
  return out.join('');
}

function mosaic(c: Ctx): string {
  const [d0, d1, d2, d3, d4] = c.p.tones;
  const out: string[] = [bg(c, d4)];
  const cols = c.int(12, 18);
  const cell = c.w / cols;
  const rows = Math.ceil(c.h / cell);
  const inks = [d0, d1, d2, d3, d4];
  // a smooth field keeps neighbouring tiles related, like a glazed wall
  const fx = c.range(1, 2.5);
  const fy = c.range(1, 2.5);
  const px = c.range(0, 6);
  const py = c.range(0, 6);
  const tile = (x: number, y: number): string => {
    if (c.chance(0.05)) return c.p.accent;
    const v = 0.5 + 0.25 * Math.sin((x / c.w) * fx * Math.PI * 2 + px) + 0.25 * Math.cos((y / c.h) * fy * Math.PI * 2 + py);
    const idx = Math.max(0, Math.min(4, Math.floor(v * 5 + c.range(-0.7, 0.7))));
    return inks[idx] ?? d2;
  };
  const gap = n(Math.max(1.5, 3 * c.u));
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const x = col * cell;
      const y = row * cell;
      const x2 = x + cell;
      const y2 = y + cell;
      const stroke = `stroke="${d4}" stroke-width="${gap}"`;
      if (c.chance(0.5)) {
        out.push(`<path d="M${n(x)} ${n(y)}L${n(x2)} ${n(y)}L${n(x)} ${n(y2)}Z" fill="${tile(x, y)}" ${stroke}/>`);
        out.push(`<path d="M${n(x2)} ${n(y)}L${n(x2)} ${n(y2)}L${n(x)} ${n(y2)}Z" fill="${tile(x2, y2)}" ${stroke}/>`);
      } else {
        out.push(`<path d="M${n(x)} ${n(y)}L${n(x2)} ${n(y)}L${n(x2)} ${n(y2)}Z" fill="${tile(x2, y)}" ${stroke}/>`);
        out.push(`<path d="M${n(x)} ${n(y)}L${n(x2)} ${n(y2)}L${n(x)} ${n(y2)}Z" fill="${tile(x, y2)}" ${stroke}/>`);
      }
    }
  }
  // an eight-pointed star as the wall's centrepiece
  if (c.chance(0.7)) {
    const sx = c.range(0.3, 0.7) * c.w;
    const sy = c.range(0.35, 0.65) * c.h;
    const s = cell * c.range(1.4, 2.2);
    const sq = (rot: number, fill: string): string => `<rect x="${n(sx - s / 2)}" y="${n(sy - s / 2)}" width="${n(s)}" height="${n(s)}" fill="${fill}" transform="rotate(${rot} ${n(sx)} ${n(sy)})"/>`;
    out.push(sq(0, c.p.accent), sq(45, c.p.accent));
    out.push(`<circle cx="${n(sx)}" cy="${n(sy)}" r="${n(s * 0.32)}" fill="${d4}"/>`);
  }
  return out.join('');
}

function bars(c: Ctx): string {
  const [d0, d1, d2, d3, d4] = c.p.tones;
  const dark = c.chance(0.35);
  const ground = dark ? d0 : d4;
  const lineCol = dark ? d1 : d3;
  const out: string[] = [bg(c, ground)];
  const left = c.w * 0.07;
  const right = c.w * 0.93;
  const top = c.h * 0.14;
  const base = c.h * 0.86;
  for (let i = 0; i <= 5; i++) {
    const y = base - ((base - top) * i) / 5;
    out.push(`<line x1="${n(left)}" y1="${n(y)}" x2="${n(right)}" y2="${n(y)}" stroke="${lineCol}" stroke-width="${n((i === 0 ? 3 : 1.5) * c.u)}"/>`);
  }
  const count = c.int(12, 22);
  const slot = (right - left) / count;
  const bw = slot * c.range(0.5, 0.72);
  let v = c.range(0.3, 0.6);
  const tops: [number, number][] = [];
  const barInk = dark ? [d2, d3] : [d1, d2];
  const hot = c.int(0, count - 1);
  for (let i = 0; i < count; i++) {
    v = Math.max(0.12, Math.min(0.84, v + c.range(-0.16, 0.2)));
    const x = left + i * slot + (slot - bw) / 2;
    const hgt = v * (base - top);
    const fill = i === hot ? c.p.accent : barInk[i % 2] ?? d2;
    out.push(`<rect x="${n(x)}" y="${n(base - hgt)}" width="${n(bw)}" height="${n(hgt)}" rx="${n(Math.min(6 * c.u, bw / 4))}" fill="${fill}"/>`);
    tops.push([x + bw / 2, base - hgt]);
  }
  // a trend line floating above the bars: a three-bar moving average, lifted clear of them
  const trend = tops.map(([x], i) => {
    const near = tops.slice(Math.max(0, i - 1), i + 2).map(([, y]) => y);
    const lift = Math.min(...near) - 36 * c.u;
    return [x, Math.max(top * 0.6, lift)] as [number, number];
  });
  const lineInk = dark ? d4 : d0;
  out.push(`<path d="${smoothLine(trend)}" fill="none" stroke="${lineInk}" stroke-width="${n(5 * c.u)}" stroke-linejoin="round" stroke-linecap="round"/>`);
  for (const [x, y] of trend) {
    out.push(`<circle cx="${n(x)}" cy="${n(y)}" r="${n(8 * c.u)}" fill="${ground}" stroke="${lineInk}" stroke-width="${n(4 * c.u)}"/>`);
  }
  return out.join('');
}

const MOTIFS: Record<Motif, (c: Ctx) => string> = { waves, grid, circles, skyline, field, rays, mosaic, bars };

/** The illustration as an SVG document, sized width × height; pure and deterministic. */
export function renderDemoArtSvg(art: DemoArt, width = 1600, height = 900): string {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const idx = ((Math.floor(art.palette) % PALETTES.length) + PALETTES.length) % PALETTES.length;
  const p = PALETTES[idx] ?? PALETTES[0]!;
  const r = mulberry32(art.seed);
  const c: Ctx = {
    w,
    h,
    p,
    r,
    u: w / 1600,
    defs: [],
    range: (a, b) => a + (b - a) * r(),
    int: (a, b) => a + Math.floor(r() * (b - a + 1)),
    pick: (items) => items[Math.floor(r() * items.length)]!,
    chance: (prob) => r() < prob,
  };
  const draw = MOTIFS[art.motif] ?? waves;
  const body = draw(c);
  // a soft vignette ties every motif together and keeps headlines readable when overlaid
  c.defs.push(
    '<radialGradient id="vig" cx="50%" cy="50%" r="75%"><stop offset="60%" stop-color="#000" stop-opacity="0"/><stop offset="100%" stop-color="#000" stop-opacity="0.22"/></radialGradient>',
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<defs>${c.defs.join('')}</defs>${body}<rect width="${w}" height="${h}" fill="url(#vig)"/></svg>`
  );
}

/** The illustration rasterised to a JPEG of exactly width × height. */
export async function renderDemoArt(art: DemoArt, width = 1600, height = 900): Promise<Buffer> {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const svg = renderDemoArtSvg(art, w, h);
  // The SVG carries its own pixel size, so librsvg renders it at exactly w × h; flatten drops the unused alpha channel.
  return sharp(Buffer.from(svg), { density: 72 })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer();
}
