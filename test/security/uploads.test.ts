// Hostile uploads against the real newsroom route: oversized files, files whose name and Content-Type
// lie, PHP/JavaScript polyglots, decompression bombs, EXIF/GPS metadata, and where the files end up and
// how they are served. Every test file is generated here; nothing is a binary fixture.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { testDialects } from '../../src/db/index.js';
import { openTestSite, type TestSite } from '../support/test-site.js';
import { createMember, signIn, type NewsroomSession } from '../support/newsroom-session.js';

const MAX_BYTES = 300_000;

interface Part {
  readonly name: string;
  readonly value: string | Buffer;
  readonly filename?: string;
  readonly type?: string;
}

/** A multipart/form-data body built by hand, so the filename and Content-Type can lie. */
function multipart(parts: readonly Part[]): { body: Buffer; contentType: string } {
  const boundary = `----minbar${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head), typeof p.value === 'string' ? Buffer.from(p.value) : p.value, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Every file under a directory, relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full).map((f) => join(name, f)));
    else out.push(name);
  }
  return out;
}

/** A PNG whose header declares width × height but carries almost no pixel data. */
function declaredPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  // A few thousand zero rows compress to almost nothing; the rest would be inflated on demand.
  const rows = deflateSync(Buffer.alloc((width + 1) * 64));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}

const PHP = '<?php system($_GET["c"]); ?>';
const SCRIPT = '<script>alert(document.domain)</script>';

/** A valid JPEG that also carries PHP and HTML/JavaScript: in a comment segment and after its end. */
async function polyglotJpeg(): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#884422' } }).jpeg().toBuffer();
  const payload = Buffer.from(`${PHP}${SCRIPT}`);
  const com = Buffer.alloc(4);
  com[0] = 0xff;
  com[1] = 0xfe;
  com.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), com, payload, jpeg.subarray(2), payload]);
}

for (const dialect of testDialects().filter((d) => d.name === 'sqlite')) {
  describe(`hostile uploads (${dialect.name})`, () => {
    let site: TestSite;
    let session: NewsroomSession;
    let mediaDir: string;

    before(async () => {
      site = await openTestSite(dialect, { MEDIA_MAX_BYTES: String(MAX_BYTES) });
      mediaDir = site.minbar.config.mediaDir;
      await createMember(site, 'writer', 'uploader@example.org');
      session = await signIn(site, 'uploader@example.org');
    });
    after(async () => site.close());

    const upload = (file: Part, extra: Part[] = [], accept = 'text/html') => {
      const { body, contentType } = multipart([{ name: '_csrf', value: session.csrf }, { name: 'caption', value: 'صورة' }, ...extra, file]);
      return site.app.inject({ method: 'POST', url: '/newsroom/media', headers: { cookie: session.cookie, 'content-type': contentType, accept }, payload: body });
    };
    const mediaCount = async () => Number((await site.minbar.database.db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    test('a file over the size limit is answered 413 with an Arabic message, and nothing is stored', async () => {
      const big = await sharp({ create: { width: 1200, height: 1200, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
      assert.ok(big.length > MAX_BYTES, `the test picture is ${big.length} bytes`);
      const before = await mediaCount();
      const res = await upload({ name: 'file', filename: 'big.png', type: 'image/png', value: big });
      assert.equal(res.statusCode, 413);
      assert.match(res.body, /الحد المسموح/);
      assert.match(String(res.headers['content-type']), /text\/html/);
      const json = await upload({ name: 'file', filename: 'big.png', type: 'image/png', value: big }, [], 'application/json');
      assert.equal(json.statusCode, 413);
      assert.match(json.json().error, /الحد المسموح/);
      assert.equal(await mediaCount(), before);
      assert.deepEqual(filesUnder(mediaDir), []);
    });

    test('HTML, SVG with script and text named .jpg with an image Content-Type are refused, nothing stored', async () => {
      const liars: Array<[string, string]> = [
        ['photo.jpg', `<!doctype html><html><body>${SCRIPT}</body></html>`],
        ['photo.jpg', `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="10" height="10"/></svg>`],
        ['photo.png', `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">${SCRIPT}</svg>`],
        ['shell.php.jpg', `\xff\xd8\xff\xe0${PHP}`],
        ['photo.gif', `GIF89a${SCRIPT}`],
      ];
      for (const [filename, content] of liars) {
        const res = await upload({ name: 'file', filename, type: 'image/jpeg', value: Buffer.from(content, 'latin1') });
        assert.equal(res.statusCode, 400, `${filename}: ${content.slice(0, 40)}`);
        assert.match(res.body, /[\u0600-\u06FF]/, 'the refusal is explained in Arabic');
      }
      assert.equal(await mediaCount(), 0);
      assert.deepEqual(filesUnder(mediaDir), []);
    });

    test('a decompression bomb (30000×30000 declared) is refused by the pixel limit', async () => {
      const bomb = declaredPng(30_000, 30_000);
      assert.ok(bomb.length < 10_000, `the bomb is small: ${bomb.length} bytes`);
      const res = await upload({ name: 'file', filename: 'bomb.png', type: 'image/png', value: bomb });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /[\u0600-\u06FF]/);
      // Just over the limit in one dimension only (a panorama of 60 000 × 700 = 42 Mpx) is refused too.
      const wide = declaredPng(60_000, 700);
      assert.equal((await upload({ name: 'file', filename: 'wide.png', type: 'image/png', value: wide })).statusCode, 400);
      assert.equal(await mediaCount(), 0);
      assert.deepEqual(filesUnder(mediaDir), []);
    });

    test('a PHP/JavaScript polyglot JPEG is re-encoded: no stored file carries the payload, every file is served as an image', async () => {
      const res = await upload({ name: 'file', filename: '../../public/shell.php', type: 'application/x-php', value: await polyglotJpeg() }, [], 'application/json');
      assert.equal(res.statusCode, 201, res.body);
      const id = res.json().id as number;
      const media = await site.minbar.services.media.byId(id);
      assert.ok(media.variants.length >= 3);
      for (const v of media.variants) {
        const bytes = readFileSync(join(mediaDir, v.key));
        assert.ok(!bytes.includes('<?php') && !bytes.includes('<script'), `${v.key} carries no payload`);
        const served = await site.app.inject({ url: `/media/${v.key}` });
        assert.equal(served.statusCode, 200);
        assert.equal(served.headers['content-type'], { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' }[v.format]);
        assert.equal(served.headers['x-content-type-options'], 'nosniff');
        assert.match(String(served.headers['content-security-policy']), /default-src 'self'/);
      }
    });

    test('EXIF and GPS are stripped from every stored variant', async () => {
      const withGps = await sharp({ create: { width: 1000, height: 700, channels: 3, background: '#225588' } })
        .jpeg()
        .withExif({
          IFD0: { Make: 'SecretCam', Model: 'Informant-9000', Artist: 'مصدر سري', Copyright: 'source-name' },
          IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '24/1 42/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '46/1 40/1 0/1' },
        })
        .toBuffer();
      const input = await sharp(withGps).metadata();
      assert.ok(input.exif && input.exif.includes('SecretCam'), 'the test picture does carry EXIF');
      const res = await upload({ name: 'file', filename: 'IMG_0001.jpg', type: 'image/jpeg', value: withGps }, [], 'application/json');
      assert.equal(res.statusCode, 201, res.body);
      const media = await site.minbar.services.media.byId(res.json().id as number);
      assert.deepEqual(new Set(media.variants.map((v) => v.format)), new Set(['avif', 'webp', 'jpeg']));
      for (const v of media.variants) {
        const bytes = readFileSync(join(mediaDir, v.key));
        const meta = await sharp(bytes).metadata();
        assert.equal(meta.exif, undefined, `${v.key} has no EXIF`);
        assert.equal(meta.xmp, undefined, `${v.key} has no XMP`);
        assert.equal(meta.iptc, undefined, `${v.key} has no IPTC`);
        for (const secret of ['SecretCam', 'Informant', 'source-name', 'GPS']) assert.ok(!bytes.includes(secret), `${v.key} does not contain ${secret}`);
      }
    });

    test('stored names are random, under the media directory only, never the uploader’s filename nor an executable path', async () => {
      const picture = await sharp({ create: { width: 700, height: 500, channels: 3, background: '#446622' } }).jpeg().toBuffer();
      const keys = new Set<string>();
      for (const filename of ['../../../public/index.html', 'evil.php', '..\\..\\x.jsp', 'الصورة.jpg']) {
        const res = await upload({ name: 'file', filename, type: 'image/jpeg', value: picture }, [], 'application/json');
        assert.equal(res.statusCode, 201, res.body);
        const media = await site.minbar.services.media.byId(res.json().id as number);
        assert.match(media.key, /^[0-9a-f]{24}$/);
        keys.add(media.key);
        for (const v of media.variants) assert.match(v.key, /^[0-9a-f]{24}\/[0-9]{2,5}\.(avif|webp|jpg)$/);
      }
      assert.equal(keys.size, 4, 'every upload gets its own random key');
      const root = resolve(mediaDir);
      const publicDir = resolve('public');
      for (const f of filesUnder(root)) {
        const full = resolve(root, f);
        assert.ok(full.startsWith(root + sep) && !relative(publicDir, full).match(/^[^.]/), `${f} is under the media directory only`);
        assert.match(f.split(sep).join('/'), /^[0-9a-f]{24}\/[0-9]{2,5}\.(avif|webp|jpg)$/, `${f}: only image variants are written`);
        assert.ok(!/php|html|jsp|index|الصورة/.test(f));
        assert.equal(statSync(full).mode & 0o111, 0, `${f} is not executable`);
      }
      // Nothing but picture files is served from the media directory, even a file that got there some other way.
      const [key] = [...keys];
      writeFileSync(join(root, key!, 'note.html'), `<!doctype html>${SCRIPT}`);
      writeFileSync(join(root, key!, '640.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${SCRIPT}</svg>`);
      for (const url of [`/media/${key}/note.html`, `/media/${key}/640.svg`, '/media/', `/media/${key}/`, '/media/../package.json', '/media/%2e%2e/package.json']) {
        const res = await site.app.inject({ url });
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url} → ${res.statusCode}`);
        assert.ok(!res.body.includes('<script>alert'), `${url} serves no script`);
      }
    });
  });
}
