// A secret PDF read through document-access is a stamped copy: every page carries the reader's
// e-mail and the time, the properties carry their name; the original stays untouched, the copy
// sits in a bucket nobody reaches through the storage API. Files that are not PDFs come as they are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { PDFDocument, PDFRawStream, StandardFonts } from 'pdf-lib';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { demoPeople, DEMO } from '../helpers/demo.ts';
import { documentsFixtures, type Doc } from './documents-fixtures.ts';

let t: TestStack;
let as: ReturnType<typeof demoPeople>;
let fx: ReturnType<typeof documentsFixtures>;
let secret: Doc;
let original: Uint8Array;
let originalPath: string;

async function twoPagePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const text of ['Floor prices 2027', 'Page two']) pdf.addPage([595, 842]).drawText(text, { x: 50, y: 700, font, size: 14 });
  return pdf.save();
}

/** Every content stream of the PDF, inflated where compressed, as latin1 text. */
function contentStreams(pdf: PDFDocument): string {
  let all = '';
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    const raw = Buffer.from(obj.contents);
    try {
      all += zlib.inflateSync(raw).toString('latin1');
    } catch {
      all += raw.toString('latin1');
    }
  }
  return all;
}

const hex = (s: string) => Buffer.from(s, 'latin1').toString('hex').toUpperCase();

beforeAll(async () => {
  t = await startTestStack();
  as = demoPeople(t);
  fx = documentsFixtures(t, as);
  secret = await fx.newDoc('sales1', { access_level: 'confidential', category: 'market_research', title: '底价策略 PDF' });
  original = await twoPagePdf();
  const { client, id } = await as('sales1');
  originalPath = `${secret.id}/${crypto.randomUUID()}-prices.pdf`;
  expect((await client.storage.from('documents').upload(originalPath, new Blob([new Uint8Array(original)], { type: 'application/pdf' }))).error).toBeNull();
  expect((await client.from('document_versions').insert({ document_id: secret.id, storage_path: originalPath, file_name: '底价.pdf',
    mime_type: 'application/pdf', size_bytes: original.length, uploaded_by: id })).error).toBeNull();
  expect((await client.from('documents').update({ access_level: 'secret' }).eq('id', secret.id)).error).toBeNull();
});
afterAll(() => t?.close());

describe('stamped copies of secret PDFs', () => {
  it("gives the reader a copy stamped on every page with their e-mail, and their name in the properties", async () => {
    const { client } = await as('sales1');
    const res = await fx.invokeAccess(client, { document_id: secret.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stamped: true, expires_in: 60 });
    expect(res.body.signed_url).toContain('/object/sign/document-copies/');
    const copy = new Uint8Array(await (await fetch(res.body.signed_url)).arrayBuffer());
    const pdf = await PDFDocument.load(copy);
    expect(pdf.getPageCount()).toBe(2);
    expect(pdf.getSubject()).toContain(DEMO.sales1);
    expect(pdf.getKeywords()).toContain('赵磊');
    const streams = contentStreams(pdf);
    // drawText writes the line as a hex string; both pages carry it twice (edge and diagonal).
    const marks = streams.split(hex(`BizDesk - copy for ${DEMO.sales1}`)).length - 1;
    expect(marks).toBe(4);
    expect(streams).toContain(hex('Floor prices 2027'));
  });

  it('leaves the original as it was and keeps the copies out of the storage API', async () => {
    const [{ n }] = await fx.sql<{ n: number }>(`select count(*)::int as n from storage.objects where bucket_id = 'document-copies'`);
    expect(n).toBeGreaterThan(0);
    const stored = await t.client(t.stack.ctx.keys.serviceRoleKey).storage.from('documents').download(originalPath);
    expect(Buffer.from(await stored.data!.arrayBuffer()).equals(Buffer.from(original))).toBe(true);
    const { client } = await as('manager');
    expect((await client.storage.from('document-copies').list('')).data ?? []).toEqual([]);
    const [{ name }] = await fx.sql<{ name: string }>(`select name from storage.objects where bucket_id = 'document-copies' limit 1`);
    expect((await client.storage.from('document-copies').download(name)).error).not.toBeNull();
    expect((await client.storage.from('document-copies').createSignedUrl(name, 60)).error).not.toBeNull();
  });

  it('serves a file that is not a PDF, or a PDF it cannot read, as it is', async () => {
    const doc = await fx.newDoc('sales1', { access_level: 'confidential', category: 'market_research' });
    await fx.addVersion('sales1', doc.id, '%PDF-1.4 broken', 'broken.pdf', 'application/pdf');
    const { client } = await as('sales1');
    const res = await fx.invokeAccess(client, { document_id: doc.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stamped: false });
    expect(res.body.signed_url).toContain('/object/sign/documents/');
    expect(await (await fetch(res.body.signed_url)).text()).toBe('%PDF-1.4 broken');
  });
});
